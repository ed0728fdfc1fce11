// AuditRepository on DynamoDB: one item per partner call under the partner (sort key `<at>#<id>`), with a
// by-day index for the admin's view across partners; kept for the retention period through TTL.
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../core/model';
import type { AuditRepository } from '../core/ports';
import type { BusinessCalendar } from '../core/business-calendar';
import { companyDay, strip, toItem } from './item-codec';
import { queryPage } from './paged-query';

/** How long audit entries are kept. */
export const AUDIT_RETENTION_DAYS = 400;
const STORAGE_ATTRIBUTES = ['atId', 'day', 'expiresAt'] as const;

const toEntry = (item: Record<string, unknown>) => strip(item, STORAGE_ATTRIBUTES) as AuditEntry;

export function createAuditRepository(
  doc: DynamoDBDocumentClient,
  table: string,
  options: { calendar: BusinessCalendar; retentionDays?: number },
): AuditRepository {
  const retentionSeconds = (options.retentionDays ?? AUDIT_RETENTION_DAYS) * 24 * 3600;
  return {
    async record(entry) {
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: {
            ...toItem(entry),
            atId: `${entry.at}#${entry.id}`,
            day: companyDay(entry.at, options.calendar),
            expiresAt: Math.floor(Date.parse(entry.at) / 1000) + retentionSeconds,
          },
        }),
      );
    },
    list(q, page) {
      switch (q.by) {
        case 'partner':
          return queryPage(
            doc,
            {
              TableName: table,
              // atId starts with the UTC instant, so a company day is the range of its instants.
              KeyConditionExpression: q.day ? 'partnerId = :p AND atId BETWEEN :from AND :to' : 'partnerId = :p',
              ExpressionAttributeValues: {
                ':p': q.partnerId,
                ...(q.day
                  ? {
                      ':from': options.calendar.startOf(q.day).toISOString(),
                      // '~' sorts after every '#<id>' suffix of the last instant before the next day.
                      ':to': `${new Date(options.calendar.endOf(q.day).getTime() - 1).toISOString()}~`,
                    }
                  : {}),
              },
              ScanIndexForward: false,
            },
            page,
            toEntry,
          );
        case 'day':
          return queryPage(
            doc,
            {
              TableName: table,
              IndexName: 'byDay',
              KeyConditionExpression: '#day = :day',
              ExpressionAttributeNames: { '#day': 'day' },
              ExpressionAttributeValues: { ':day': q.day },
              ScanIndexForward: false,
            },
            page,
            toEntry,
          );
      }
    },
  };
}
