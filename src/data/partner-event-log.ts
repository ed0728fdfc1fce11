// PartnerEventLog on the rollups table: the change feed appends each status change of a partner's booking
// under `events#<partnerId>`, sorted by when it was logged; listStatusEvents reads it with a Query from a
// position, so no one ever scans bookings to find changes. Entries expire after 30 days.
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PartnerStatusEvent } from '../core/model';
import type { PartnerEventLog } from '../core/ports';
import { toItem } from './item-codec';

export const PARTNER_EVENT_RETENTION_DAYS = 30;
const partition = (partnerId: string) => `events#${partnerId}`;

export function createPartnerEventLog(doc: DynamoDBDocumentClient, table: string): PartnerEventLog {
  return {
    async append(partnerId, event, loggedAt) {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            pk: partition(partnerId),
            sk: `${loggedAt}#${event.reference}#${event.at}#${event.status}`,
            event: toItem(event),
            expiresAt: Math.floor(Date.parse(loggedAt) / 1000) + PARTNER_EVENT_RETENTION_DAYS * 24 * 3600,
          },
        }),
      );
    },
    async list(partnerId, options) {
      const events: (PartnerStatusEvent & { key: string })[] = [];
      let start: Record<string, unknown> | undefined = options.afterKey
        ? { pk: partition(partnerId), sk: options.afterKey }
        : undefined;
      // `before` sorts after every key logged before it, since keys begin with the ISO time they were logged.
      const before = options.beforeLoggedAt;
      while (events.length <= options.limit) {
        const page = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk AND sk < :before',
            ExpressionAttributeValues: { ':pk': partition(partnerId), ':before': before },
            ExclusiveStartKey: start,
            Limit: options.limit + 1 - events.length,
            ConsistentRead: true,
          }),
        );
        for (const item of page.Items ?? []) {
          events.push({ ...(item.event as PartnerStatusEvent), key: String(item.sk) });
        }
        start = page.LastEvaluatedKey;
        if (!start) break;
      }
      return { events: events.slice(0, options.limit), more: events.length > options.limit };
    },
  };
}
