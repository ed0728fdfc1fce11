// The outbox: every customer message, as sent or as it would have been sent. Locally it is the Notifier (no
// SMS leaves the machine; the admin app's Messages page reads it); in the cloud the SMS adapter records each
// message here with what End User Messaging answered. Admin notices are recorded here too (alert-repository.ts),
// and the Messages page lists them apart.
import { randomUUID } from 'node:crypto';
import { PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { FailedTextQueue } from '../core/failed-texts';
import type { Clock, Notification, Notifier, Page } from '../core/ports';
import type {
  AdminNoticeLog,
  AdminNoticeRecord,
  MessageDelivery,
  SentMessage,
  SentMessageLog,
  SentMessageQuery,
} from '../core/sent-messages';
import { toItem } from './item-codec';
import { isConditionalCheckFailed, queryPage } from './paged-query';

export type OutboxEntry = SentMessage;

export type OutboxNotifier = Notifier &
  SentMessageLog &
  AdminNoticeLog &
  FailedTextQueue & {
    /** Stores a message with what became of it. */
    record(
      notification: Notification,
      outcome: { delivery: MessageDelivery; providerMessageId?: string },
    ): Promise<OutboxEntry>;
  };

const OUTBOX_RETENTION_DAYS = 30;
/** Every customer SMS carries it, so the `sent` index lists them all newest first. */
export const SMS_CHANNEL = 'SMS';
/** Every admin notice carries it, so the same index lists them newest first, apart from the SMS. */
export const ADMIN_CHANNEL = 'ADMIN';

export function createOutboxNotifier(doc: DynamoDBDocumentClient, table: string, clock: Clock): OutboxNotifier {
  const fromItem = (item: Record<string, unknown>): OutboxEntry => {
    const {
      expiresAt: _expiresAt,
      channel: _channel,
      resolution: _resolution,
      resolvedAt: _resolvedAt,
      resentAs: _resentAs,
      claimedUntil: _claimedUntil,
      attempts: _attempts,
      lastAttemptAt: _lastAttemptAt,
      ...entry
    } = item;
    return { delivery: 'OUTBOX', ...entry } as OutboxEntry;
  };
  // A failed text is open until resolved; a run's claim on it lapses at claimedUntil (failed-texts.ts).
  const OPEN = '(attribute_not_exists(resolution) AND (attribute_not_exists(claimedUntil) OR claimedUntil < :now))';

  const record: OutboxNotifier['record'] = async (notification, outcome) => {
    const now = clock.now();
    const entry: OutboxEntry = { ...notification, id: randomUUID(), createdAt: now.toISOString(), ...outcome };
    const expiresAt = Math.floor(now.getTime() / 1000) + OUTBOX_RETENTION_DAYS * 24 * 3600;
    await doc.send(
      new PutCommand({
        TableName: table,
        Item: { ...toItem(entry), ...(notification.to.phone ? { channel: SMS_CHANNEL } : {}), expiresAt },
        ConditionExpression: 'attribute_not_exists(id)',
      }),
    );
    return entry;
  };

  return {
    record,
    async send(notification) {
      await record(notification, { delivery: 'OUTBOX' });
    },

    async listSent(query: SentMessageQuery): Promise<Page<OutboxEntry>> {
      const page = { limit: query.limit, ...(query.nextToken ? { nextToken: query.nextToken } : {}) };
      return query.bookingReference
        ? queryPage(
            doc,
            {
              TableName: table,
              IndexName: 'byBooking',
              KeyConditionExpression: 'bookingReference = :ref',
              ExpressionAttributeValues: { ':ref': query.bookingReference },
              // Customer SMS only: entries written before messages carried their tracking link are left out.
              FilterExpression: 'attribute_exists(trackingUrl)',
              ScanIndexForward: false,
            },
            page,
            fromItem,
          )
        : queryPage(
            doc,
            {
              TableName: table,
              IndexName: 'sent',
              KeyConditionExpression: 'channel = :sms',
              ExpressionAttributeValues: { ':sms': SMS_CHANNEL },
              ScanIndexForward: false,
            },
            page,
            fromItem,
          );
    },

    async unresolvedFailed(since, now, limit) {
      const page = await queryPage(
        doc,
        {
          TableName: table,
          IndexName: 'sent',
          KeyConditionExpression: 'channel = :sms AND createdAt >= :since',
          FilterExpression: `delivery = :failed AND ${OPEN}`,
          ExpressionAttributeValues: {
            ':sms': SMS_CHANNEL,
            ':since': since.toISOString(),
            ':failed': 'FAILED',
            ':now': now.toISOString(),
          },
          ScanIndexForward: true,
        },
        { limit },
        fromItem,
      );
      return page.items;
    },

    async claim(id, now, until) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { id },
            UpdateExpression: 'SET claimedUntil = :until',
            ConditionExpression: `delivery = :failed AND ${OPEN}`,
            ExpressionAttributeValues: {
              ':until': until.toISOString(),
              ':failed': 'FAILED',
              ':now': now.toISOString(),
            },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
    },

    async release(id, at) {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: { id },
          UpdateExpression: 'REMOVE claimedUntil SET lastAttemptAt = :at ADD attempts :one',
          ConditionExpression: 'attribute_exists(id) AND attribute_not_exists(resolution)',
          ExpressionAttributeValues: { ':at': at.toISOString(), ':one': 1 },
        }),
      );
    },

    async resolve(id, resolution, at, resentAs) {
      // Another run may have resolved it first (two runs meeting a superseded text): its resolution stands.
      await doc
        .send(
          new UpdateCommand({
            TableName: table,
            Key: { id },
            UpdateExpression: `REMOVE claimedUntil SET resolution = :resolution, resolvedAt = :at${resentAs ? ', resentAs = :resentAs' : ''}`,
            ConditionExpression: 'attribute_exists(id) AND attribute_not_exists(resolution)',
            ExpressionAttributeValues: {
              ':resolution': resolution,
              ':at': at.toISOString(),
              ...(resentAs ? { ':resentAs': resentAs } : {}),
            },
          }),
        )
        .catch((error: unknown) => {
          if (!isConditionalCheckFailed(error)) throw error;
        });
    },

    async listAdminNotices(query): Promise<Page<AdminNoticeRecord>> {
      return queryPage(
        doc,
        {
          TableName: table,
          IndexName: 'sent',
          KeyConditionExpression: 'channel = :admin',
          ExpressionAttributeValues: { ':admin': ADMIN_CHANNEL },
          ScanIndexForward: false,
        },
        { limit: query.limit, ...(query.nextToken ? { nextToken: query.nextToken } : {}) },
        ({ expiresAt: _expiresAt, channel: _channel, to: _to, ...notice }) => notice as AdminNoticeRecord,
      );
    },
  };
}
