// Re-files stored data under the company's calendar when it changes (or when data predates it, filed under
// UTC days): the by-day index attributes of bookings, feedback and audit entries are rewritten, and the
// dashboard rollups are dropped so they are rebuilt from the data. Runs at start-up, never on a request path.
import {
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  ScanCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { BusinessCalendar } from '../core/business-calendar';
import type { AuditEntry } from '../core/model';
import { bookingToItem, companyDay, feedbackToItem, itemToBooking, itemToFeedback } from './item-codec';
import type { TableNames } from './tables';

/** Where the rollups table records which calendar the stored days belong to. */
const CALENDAR_KEY = { pk: 'calendar', sk: 'timeZone' };
/** Rollup items derived from days: counters, analytics series, per-source markers, late-delivery watches, build markers. */
const DERIVED = /^(day#|applied#|late#|feed$|an#)/;

type Item = Record<string, unknown>;

async function* scan(doc: DynamoDBDocumentClient, table: string): AsyncGenerator<Item[]> {
  let start: Item | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    yield page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}

async function batchWrite(doc: DynamoDBDocumentClient, table: string, requests: Item[]): Promise<void> {
  for (let i = 0; i < requests.length; i += 25) {
    let pending: Item[] | undefined = requests.slice(i, i + 25);
    while (pending && pending.length > 0) {
      const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = out.UnprocessedItems?.[table] as Item[] | undefined;
    }
  }
}

/** Rewrites every item of a table whose day attributes differ under the calendar; returns how many changed. */
async function refile(
  doc: DynamoDBDocumentClient,
  table: string,
  recode: (item: Item) => Item,
  changed: (before: Item, after: Item) => boolean,
): Promise<number> {
  let count = 0;
  for await (const items of scan(doc, table)) {
    const puts = items.map((item) => [item, recode(item)] as const).filter(([b, a]) => changed(b, a));
    await batchWrite(
      doc,
      table,
      puts.map(([, after]) => ({ PutRequest: { Item: after } })),
    );
    count += puts.length;
  }
  return count;
}

export type RefilingResult = { from: string | undefined; refiled: number } | undefined;

/**
 * Makes the stored days those of `calendar`. Returns undefined when they already were, or what was re-filed
 * (`from` is the zone the data was filed under, undefined for data from before the company calendar: UTC).
 */
export async function refileUnderCalendar(
  doc: DynamoDBDocumentClient,
  tables: Pick<TableNames, 'bookings' | 'feedback' | 'audit' | 'rollups'>,
  calendar: BusinessCalendar,
): Promise<RefilingResult> {
  const { Item: marker } = await doc.send(
    new GetCommand({ TableName: tables.rollups, Key: CALENDAR_KEY, ConsistentRead: true }),
  );
  const from = typeof marker?.zone === 'string' ? marker.zone : undefined;
  if (from === calendar.timeZone) return undefined;

  const differs = (names: string[]) => (before: Item, after: Item) => names.some((n) => before[n] !== after[n]);
  let refiled = await refile(
    doc,
    tables.bookings,
    (item) => {
      const recoded = bookingToItem(itemToBooking(item), calendar);
      // Keep the stored expiry: re-filing must not extend or shorten a booking's retention.
      return 'expiresAt' in item ? { ...recoded, expiresAt: item.expiresAt } : recoded;
    },
    differs(['day', 'dayAt']),
  );
  refiled += await refile(
    doc,
    tables.feedback,
    (item) => feedbackToItem(itemToFeedback(item), calendar),
    differs(['day', 'flaggedDay']),
  );
  refiled += await refile(
    doc,
    tables.audit,
    (item) => ({ ...item, day: companyDay((item as AuditEntry).at, calendar) }),
    differs(['day']),
  );
  // The rollups are derived from days: drop them (the start-up backfill rebuilds them from the data).
  for await (const items of scan(doc, tables.rollups)) {
    const derived = items.filter((item) => typeof item.pk === 'string' && DERIVED.test(item.pk));
    await batchWrite(
      doc,
      tables.rollups,
      derived.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })),
    );
  }
  await doc.send(
    new PutCommand({
      TableName: tables.rollups,
      Item: { ...CALENDAR_KEY, zone: calendar.timeZone, at: new Date().toISOString() },
    }),
  );
  return { from, refiled };
}
