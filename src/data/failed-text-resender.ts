// The failed-text resender's adapters, wired once for the cloud's scheduled function and the local stack's
// scheduler: the outbox as the queue of failed texts, End User Messaging SMS (behind its circuit breaker) as the
// sender, and the bookings table for each booking's status now.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PinpointSMSVoiceV2Client, PinpointSMSVoiceV2ClientConfig } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { resendFailedTexts, type ResendReport } from '../core/failed-texts';
import type { BookingStatus } from '../core/model';
import type { Clock } from '../core/ports';
import type { Breaker } from './dependency-breaker';
import { createOutboxNotifier } from './outbox-notifier';
import { createSmsNotifier, type SmsSettings } from './sms-notifier';

export function createFailedTextResender(options: {
  doc: DynamoDBDocumentClient;
  tables: { outbox: string; bookings: string };
  sms: { client: PinpointSMSVoiceV2Client | PinpointSMSVoiceV2ClientConfig; settings: SmsSettings };
  /** The same breaker the other senders use, so a run neither waits on nor hammers a provider known to fail. */
  breaker?: Breaker;
  clock: Clock;
  log: { info(message: string, detail?: unknown): void };
}): () => Promise<ResendReport> {
  const { doc, tables, clock } = options;
  const queue = createOutboxNotifier(doc, tables.outbox, clock);
  const sender = createSmsNotifier({
    client: options.sms.client,
    settings: options.sms.settings,
    outbox: queue,
    log: options.log,
    ...(options.breaker ? { breaker: options.breaker } : {}),
  });
  const bookingStatus = async (reference: string) => {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tables.bookings,
        Key: { reference },
        ProjectionExpression: '#status',
        ExpressionAttributeNames: { '#status': 'status' },
        ConsistentRead: true,
      }),
    );
    return Item?.status as BookingStatus | undefined;
  };
  return () => resendFailedTexts({ queue, sender, bookingStatus, clock });
}

/** One line for the log: what a run resolved, and why it stopped early if it did. */
export function describeResend(report: ResendReport): string | undefined {
  const parts = [
    report.resent.length && `${report.resent.length} resent`,
    report.optedOut.length && `${report.optedOut.length} opted out meanwhile`,
    report.superseded.length && `${report.superseded.length} superseded by a newer status`,
    report.expired.length && `${report.expired.length} too old to send`,
  ].filter(Boolean);
  if (report.stoppedBy) parts.push(`stopped: the provider still fails (${report.stoppedBy})`);
  return parts.length ? `failed customer texts: ${parts.join(', ')}` : undefined;
}
