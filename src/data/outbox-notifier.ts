// The local Notifier: customer notifications appended to the Outbox table, shown in the admin app
// (in the cloud, SNS / Connect outbound send them instead).
import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock, Notification, Notifier } from '../core/ports';
import { toItem } from './item-codec';

export type OutboxEntry = Notification & { id: string; createdAt: string };

export type OutboxNotifier = Notifier & {
  /** Newest first. */
  list(limit: number): Promise<OutboxEntry[]>;
  listForBooking(bookingReference: string): Promise<OutboxEntry[]>;
};

const OUTBOX_RETENTION_DAYS = 30;

export function createOutboxNotifier(doc: DynamoDBDocumentClient, table: string, clock: Clock): OutboxNotifier {
  const fromItem = (item: Record<string, unknown>): OutboxEntry => {
    const { expiresAt: _expiresAt, ...entry } = item;
    return entry as OutboxEntry;
  };

  return {
    async send(notification) {
      const now = clock.now();
      const entry: OutboxEntry = { ...notification, id: randomUUID(), createdAt: now.toISOString() };
      const expiresAt = Math.floor(now.getTime() / 1000) + OUTBOX_RETENTION_DAYS * 24 * 3600;
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: { ...toItem(entry), expiresAt },
          ConditionExpression: 'attribute_not_exists(id)',
        }),
      );
    },

    async list(limit) {
      // The outbox exists only locally and TTL keeps it to 30 days of demo traffic: a Scan reads it whole.
      const entries: OutboxEntry[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
        entries.push(...(page.Items ?? []).map(fromItem));
        start = page.LastEvaluatedKey;
      } while (start);
      return entries.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)).slice(0, limit);
    },

    async listForBooking(bookingReference) {
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'byBooking',
          KeyConditionExpression: 'bookingReference = :ref',
          ExpressionAttributeValues: { ':ref': bookingReference },
          ScanIndexForward: false,
        }),
      );
      return (Items ?? []).map(fromItem);
    },
  };
}
