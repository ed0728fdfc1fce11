// The cloud AdminNotifier: each service alert and each "executive summary ready" notice published to the
// admins' Amazon SNS topic (e-mail and other subscriptions), and recorded in the outbox with what SNS answered,
// as the local adapter records it — so a notice SNS refused is still on record, never lost.
//
// Why a signed query-protocol POST rather than @aws-sdk/client-sns: Publish is one form-encoded request, and
// the project's SigV4 signer (already used for AppSync) is all it takes; no client package to add.
import { NodeSha256 } from './node-sha256';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Provider } from '@aws-sdk/types';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AdminNotice, AdminNotifier } from '../core/analytics-alerts';
import { createOutboxAdminNotifier, recordAdminNotice } from './alert-repository';
import { signedPostHeaders } from './signed-post';

type Log = { error(message: string, detail?: unknown): void };

export type SnsPublishInput = { topicArn: string; subject: string; message: string };
/** Publishes one message to a topic; resolves with SNS's MessageId, rejects with SnsPublishError. */
export type SnsPublish = (input: SnsPublishInput) => Promise<string>;

/** SNS refused or could not be reached: its error code and message, and the HTTP status. */
export class SnsPublishError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** SNS subjects: at most 100 printable ASCII characters, no line breaks. */
export function snsSubject(subject: string): string {
  const ascii = subject
    .replace(/[–—−]/g, '-')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .trim();
  return ascii.length > 100 ? `${ascii.slice(0, 97)}...` : ascii;
}

const xmlText = (xml: string, tag: string) => {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml);
  return match?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
};

/** SNS Publish over its query protocol (form-encoded POST, SigV4 service `sns`, XML answer). */
export function createSnsPublish(options: {
  region: string;
  credentials: AwsCredentialIdentity | Provider<AwsCredentialIdentity>;
  /** The regional endpoint by default (https://sns.<region>.amazonaws.com). */
  endpoint?: string;
}): SnsPublish {
  const signer = new SignatureV4({
    service: 'sns',
    region: options.region,
    credentials: options.credentials,
    sha256: NodeSha256,
  });
  const url = new URL(options.endpoint ?? `https://sns.${options.region}.amazonaws.com/`);
  return async ({ topicArn, subject, message }) => {
    const body = new URLSearchParams({
      Action: 'Publish',
      Version: '2010-03-31',
      TopicArn: topicArn,
      Subject: subject,
      Message: message,
    }).toString();
    const headers = await signedPostHeaders(
      signer,
      url,
      { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    );
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers, body });
    } catch (error) {
      throw new SnsPublishError(`SNS Publish to ${topicArn} could not be sent: ${String(error)}`, 'NetworkError', 0, {
        cause: error,
      });
    }
    const xml = await res.text();
    const messageId = res.ok ? xmlText(xml, 'MessageId') : undefined;
    if (messageId) return messageId;
    const code = xmlText(xml, 'Code') ?? (res.ok ? 'MalformedAnswer' : `HTTP${res.status}`);
    const detail = xmlText(xml, 'Message') ?? (xml.slice(0, 200) || 'no body');
    throw new SnsPublishError(`SNS Publish to ${topicArn} failed (${res.status} ${code}): ${detail}`, code, res.status);
  };
}

/** The plain-text body: what happened and its figures, then where the app shows it. */
export function adminNoticeBody(notice: AdminNotice, appUrl: string | undefined): string {
  if (!notice.path) return notice.text;
  const where = appUrl ? `${appUrl.replace(/\/+$/, '')}${notice.path}` : `${notice.path} in the Courier admin app`;
  return `${notice.text}\n\nOpen in the app: ${where}`;
}

/**
 * Publishes each notice to the admins' topic and records it in the outbox as SENT (with SNS's message id) or
 * FAILED (with SNS's error). A refused publish is logged and recorded, not thrown: the alert itself is already
 * stored, and a retry of the change-feed batch would not notify again. Only a failure to record is thrown.
 */
export function createSnsAdminNotifier(options: {
  publish: SnsPublish;
  topicArn: string;
  doc: DynamoDBDocumentClient;
  outboxTable: string;
  /** The web app's public URL, to turn the notice's app path into a link. */
  appUrl?: string;
  log: Log;
  now?: () => Date;
}): AdminNotifier {
  const { publish, topicArn, doc, outboxTable, log } = options;
  const now = options.now ?? (() => new Date());
  return {
    async notify(notice) {
      let outcome: Parameters<typeof recordAdminNotice>[3];
      try {
        const providerMessageId = await publish({
          topicArn,
          subject: snsSubject(notice.subject),
          message: adminNoticeBody(notice, options.appUrl),
        });
        outcome = { delivery: 'SENT', topicArn, providerMessageId };
      } catch (error) {
        log.error('admin notice not published to SNS; recorded in the outbox as FAILED', {
          kind: notice.kind,
          subject: notice.subject,
          topicArn,
          error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
        });
        outcome = { delivery: 'FAILED', topicArn, error: error instanceof Error ? error.message : String(error) };
      }
      try {
        await recordAdminNotice(doc, outboxTable, notice, outcome, now());
      } catch (error) {
        log.error('admin notice not recorded in the outbox', { kind: notice.kind, subject: notice.subject, outcome });
        throw error;
      }
    },
  };
}

/**
 * The admins' notifier a runtime is configured for: SNS (recorded in the outbox) when it has a topic, the
 * outbox alone when it has none (locally).
 */
export function createAdminNotifier(options: {
  doc: DynamoDBDocumentClient;
  outboxTable: string;
  topic?: { arn: string; publish: SnsPublish };
  appUrl?: string;
  log: Log;
}): AdminNotifier {
  return options.topic
    ? createSnsAdminNotifier({
        publish: options.topic.publish,
        topicArn: options.topic.arn,
        doc: options.doc,
        outboxTable: options.outboxTable,
        appUrl: options.appUrl,
        log: options.log,
      })
    : createOutboxAdminNotifier(options.doc, options.outboxTable);
}
