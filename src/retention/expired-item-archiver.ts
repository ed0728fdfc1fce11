// Retention (Req 6.6): items DynamoDB's TTL deletes are archived to S3 before they are gone for good. The table
// stream carries each TTL deletion with the whole old item (a REMOVE by the DynamoDB service principal); this
// consumer writes them, one JSON-lines object per table and batch, under <table>/<company day>/. Deletions made
// by people or code are not archived: only expiry is retention. The bucket's lifecycle keeps the archive for the
// environment's archive period (amplify/backend.ts).
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { BusinessCalendar } from '../core/business-calendar';

/** Writes one archive object; the Lambda's is an S3 PutObject. */
export type ArchiveStore = (key: string, body: string) => Promise<void>;

/** Table names of the archived tables by their key (bookings, feedback, audit…). */
export type ArchivedTables = Record<string, string>;

export function isExpiry(record: DynamoDBRecord): boolean {
  const identity = (record as { userIdentity?: { type?: string; principalId?: string } }).userIdentity;
  return (
    record.eventName === 'REMOVE' && identity?.type === 'Service' && identity.principalId === 'dynamodb.amazonaws.com'
  );
}

function tableName(record: DynamoDBRecord): string {
  return record.eventSourceARN?.split(':table/')[1]?.split('/')[0] ?? '';
}

/**
 * Archives the batch's expired items and returns the objects written. A failed write fails the batch, so the
 * event source retries it: an expired item is never dropped unarchived (a retry may write an object twice,
 * under the same key, which overwrites it).
 */
export async function archiveExpiredItems(
  event: DynamoDBStreamEvent,
  tables: ArchivedTables,
  calendar: BusinessCalendar,
  store: ArchiveStore,
  now: Date,
): Promise<{ key: string; items: number }[]> {
  const byTable = new Map<string, { records: DynamoDBRecord[]; lines: string[] }>();
  const keyOf = new Map(Object.entries(tables).map(([key, name]) => [name, key]));
  for (const record of event.Records) {
    const tableKey = keyOf.get(tableName(record));
    if (!tableKey || !isExpiry(record) || !record.dynamodb?.OldImage) continue;
    const item = unmarshall(record.dynamodb.OldImage as Record<string, AttributeValue>);
    const group = byTable.get(tableKey) ?? { records: [], lines: [] };
    group.records.push(record);
    group.lines.push(JSON.stringify({ expiredAt: now.toISOString(), eventId: record.eventID, item }));
    byTable.set(tableKey, group);
  }
  const written: { key: string; items: number }[] = [];
  for (const [tableKey, group] of byTable) {
    // Named by the first record's sequence number: a retried batch writes the same key again.
    const first = group.records[0]?.dynamodb?.SequenceNumber ?? group.records[0]?.eventID ?? 'batch';
    const key = `${tableKey}/${calendar.dayOf(now)}/${first}.jsonl`;
    await store(key, `${group.lines.join('\n')}\n`);
    written.push({ key, items: group.lines.length });
  }
  return written;
}
