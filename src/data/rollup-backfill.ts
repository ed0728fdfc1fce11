// First build of the dashboard rollups from data written before the change feed was listening (the local
// demo's seed, or tables that predate the rollups): runs once at start-up, never on a request path, and
// computes exactly what the aggregator would have, with the same pure rollup functions and version guards.
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  applyRollupChange,
  bookingRollupChanges,
  deliveryWatch,
  emptyRollup,
  feedbackRollupChanges,
  rollupShard,
  type DeliveryWatch,
  type RollupChange,
  type RollupState,
} from '../core/analytics';
import type { BusinessCalendar } from '../core/business-calendar';
import { itemToBooking, itemToFeedback } from './item-codec';
import type { RollupRepository } from './rollup-repository';
import type { TableNames } from './tables';

async function scanAll<T>(doc: DynamoDBDocumentClient, table: string, map: (item: Record<string, unknown>) => T) {
  const out: T[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) out.push(map(item));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Builds the rollups when they were never built; returns whether it did. */
export async function backfillRollups(
  doc: DynamoDBDocumentClient,
  tables: Pick<TableNames, 'bookings' | 'feedback'>,
  rollups: RollupRepository,
  calendar: BusinessCalendar,
): Promise<boolean> {
  if (await rollups.isBuilt()) return false;
  const [bookings, feedback] = await Promise.all([
    scanAll(doc, tables.bookings, itemToBooking),
    scanAll(doc, tables.feedback, itemToFeedback),
  ]);
  const changes: RollupChange[] = [
    ...bookings.flatMap((b) => bookingRollupChanges(undefined, b, calendar)),
    ...feedback.flatMap((f) => feedbackRollupChanges(undefined, f, calendar)),
  ];
  const shards = new Map<string, { day: string; shard: number; state: RollupState }>();
  for (const change of changes) {
    const shard = rollupShard(change.source);
    const key = `${change.day}#${shard}`;
    const entry = shards.get(key) ?? { day: change.day, shard, state: emptyRollup() };
    entry.state = applyRollupChange(entry.state, change);
    shards.set(key, entry);
  }
  const watches = bookings.map((b) => deliveryWatch(b, calendar)).filter((w): w is DeliveryWatch => w !== undefined);
  await rollups.writeBuilt([...shards.values()], watches);
  return true;
}
