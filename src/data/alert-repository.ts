// Alerts and their thresholds on DynamoDB (the Alerts table), and the admins' notification port locally:
// the outbox, where the admin app shows what would have gone out (Amazon SNS does it in the cloud, and
// records each notice here too: src/data/sns-admin-notifier.ts).
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  DEFAULT_ALERT_SETTINGS,
  type AdminNotice,
  type AdminNotifier,
  type AlertSettings,
  type AlertStore,
  type ServiceAlert,
} from '../core/analytics-alerts';
import { ConflictError } from '../core/errors';
import { ADMIN_CHANNEL } from './outbox-notifier';
import { isConditionalCheckFailed } from './paged-query';

const SETTINGS_KEY = { pk: 'settings', sk: 'alerts' };
const ALERT_RETENTION_DAYS = 90;

export function createAlertStore(doc: DynamoDBDocumentClient, table: string): AlertStore {
  const toAlert = ({ pk: _pk, sk: _sk, expiresAt: _e, ...rest }: Record<string, unknown>) => rest as ServiceAlert;
  return {
    async settings() {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: SETTINGS_KEY, ConsistentRead: true }));
      if (!Item) return DEFAULT_ALERT_SETTINGS;
      const { pk: _pk, sk: _sk, ...settings } = Item;
      return settings as AlertSettings;
    },
    async saveSettings(settings, expectedVersion) {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: { ...SETTINGS_KEY, ...settings },
            ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
            ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error))
          throw new ConflictError('The alert settings changed meanwhile.', {
            resolution: 'Reload them and apply your change again.',
          });
        throw error;
      }
      return settings;
    },
    async raise(alert) {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: {
              pk: alert.day,
              sk: alert.key,
              ...alert,
              expiresAt: Math.floor(Date.parse(alert.raisedAt) / 1000) + ALERT_RETENTION_DAYS * 86_400,
            },
            ConditionExpression: 'attribute_not_exists(sk)',
          }),
        );
        return true;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
    },
    async get(day, key) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: table, Key: { pk: day, sk: key }, ConsistentRead: true }),
      );
      return Item ? toAlert(Item) : undefined;
    },
    async list(day, limit) {
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :day',
          ExpressionAttributeValues: { ':day': day },
          Limit: limit,
          ConsistentRead: true,
        }),
      );
      return (Items ?? []).map(toAlert).sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
    },
  };
}

/** What became of an admin notice: kept in the outbox only (locally), published to the SNS topic, or not. */
export type AdminNoticeOutcome =
  | { delivery: 'OUTBOX' }
  | { delivery: 'SENT'; topicArn: string; providerMessageId: string }
  | { delivery: 'FAILED'; topicArn: string; error: string };

/**
 * Records an admin notice in the outbox, addressed to the admins (the SNS topic's subscribers in the cloud),
 * with what became of it: the one record of every notice, locally and in the cloud.
 */
export async function recordAdminNotice(
  doc: DynamoDBDocumentClient,
  outboxTable: string,
  message: AdminNotice,
  outcome: AdminNoticeOutcome,
  now: Date = new Date(),
): Promise<void> {
  await doc.send(
    new PutCommand({
      TableName: outboxTable,
      Item: {
        id: randomUUID(),
        kind: `ADMIN_${message.kind}`,
        to: { topic: 'admins' },
        // The outbox's `sent` index lists admin notices by this, newest first (the Messages page's admin tab).
        channel: ADMIN_CHANNEL,
        subject: message.subject,
        message: message.text,
        ...(message.path ? { path: message.path } : {}),
        ...outcome,
        createdAt: now.toISOString(),
        expiresAt: Math.floor(now.getTime() / 1000) + 30 * 86_400,
      },
    }),
  );
}

/** The local notification port: an outbox entry addressed to the admins (SNS topic subscribers in the cloud). */
export function createOutboxAdminNotifier(doc: DynamoDBDocumentClient, outboxTable: string): AdminNotifier {
  return {
    notify: (message) => recordAdminNotice(doc, outboxTable, message, { delivery: 'OUTBOX' }),
  };
}
