// First build of the dashboard rollups and the analytics series from data written before the change feed was listening (the local
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
import type { AuditEntry } from '../core/model';
import {
  auditSeriesChanges,
  bookingSeriesChanges,
  feedbackSeriesChanges,
  type BucketKey,
  type SeriesChange,
  type SeriesCounters,
} from '../core/analytics-series';
import { markerAttribute, type AnalyticsRepository } from './analytics-repository';
import { conversationChanges, type Conversation } from '../core/call-metrics';
import { itemToConversation } from './conversation-repository';
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

/**
 * The analytics series' layout version: raise it when what a booking or feedback contributes changes, and the
 * next start rebuilds the series from the data.
 */
export const ANALYTICS_LAYOUT_VERSION = 5;

/** Builds the dashboard rollups and the analytics series that were never built; says which it built. */
export async function backfillRollups(
  doc: DynamoDBDocumentClient,
  tables: Pick<TableNames, 'bookings' | 'feedback'> & Partial<Pick<TableNames, 'conversations' | 'audit'>>,
  rollups: RollupRepository,
  calendar: BusinessCalendar,
  analytics?: AnalyticsRepository,
): Promise<{ dashboard: boolean; analytics: boolean }> {
  const dashboard = !(await rollups.isBuilt());
  const series = analytics !== undefined && (await analytics.builtVersion()) !== ANALYTICS_LAYOUT_VERSION;
  if (!dashboard && !series) return { dashboard: false, analytics: false };
  const [bookings, feedback] = await Promise.all([
    scanAll(doc, tables.bookings, itemToBooking),
    scanAll(doc, tables.feedback, itemToFeedback),
  ]);
  if (series) {
    const conversations = tables.conversations ? await scanAll(doc, tables.conversations, itemToConversation) : [];
    const audit = tables.audit ? await scanAll(doc, tables.audit, (item) => item as AuditEntry) : [];
    await buildSeries(bookings, feedback, conversations, audit, analytics, calendar);
  }
  if (dashboard) await buildDashboard(bookings, feedback, rollups, calendar);
  return { dashboard, analytics: series };
}

/** Exactly what the aggregator would have written, record by record, summed per bucket. */
async function buildSeries(
  bookings: ReturnType<typeof itemToBooking>[],
  feedback: ReturnType<typeof itemToFeedback>[],
  conversations: Conversation[],
  audit: AuditEntry[],
  analytics: AnalyticsRepository,
  calendar: BusinessCalendar,
): Promise<void> {
  const buckets = new Map<string, { series: string; bucket: BucketKey; counters: SeriesCounters }>();
  const markers = new Map<string, Record<string, number>>();
  const add = (changes: SeriesChange[]) => {
    for (const change of changes) {
      const key = `${change.series}|${change.bucket.granularity}|${change.bucket.id}`;
      let entry = buckets.get(key);
      if (!entry) buckets.set(key, (entry = { series: change.series, bucket: change.bucket, counters: {} }));
      for (const [name, value] of Object.entries(change.delta))
        entry.counters[name] = (entry.counters[name] ?? 0) + value;
      const marker = markers.get(change.source) ?? {};
      marker[markerAttribute(change.series, change.bucket)] = change.version;
      markers.set(change.source, marker);
    }
  };
  for (const b of bookings) add(bookingSeriesChanges(undefined, b, calendar));
  for (const f of feedback) add(feedbackSeriesChanges(undefined, f, calendar));
  for (const c of conversations) add(conversationChanges(undefined, c));
  for (const a of audit) add(auditSeriesChanges(undefined, a, calendar));
  await analytics.writeBuilt([...buckets.values()], markers, ANALYTICS_LAYOUT_VERSION);
}

async function buildDashboard(
  bookings: ReturnType<typeof itemToBooking>[],
  feedback: ReturnType<typeof itemToFeedback>[],
  rollups: RollupRepository,
  calendar: BusinessCalendar,
): Promise<void> {
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
}
