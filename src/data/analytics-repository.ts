// Analytics series rollups on DynamoDB (in the Rollups table): one item per series bucket — a company day,
// an ISO week or a month — holding that bucket's counters, so a range is read as a few Queries of a bounded
// number of items. Updated exactly once per change with the dashboard's marker protocol, per bucket.
import {
  BatchGetCommand,
  BatchWriteCommand,
  type BatchGetCommandOutput,
  GetCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { SeriesReader } from '../core/analytics-range';
import type { BucketKey, Granularity, SeriesChange, SeriesCounters } from '../core/analytics-series';
import { isConditionalCheckFailed } from './paged-query';

export type AnalyticsRepository = SeriesReader & {
  /**
   * Applies one source's changes (one stream record's): each bucket's delta is added unless the source already
   * reached that version there. Returns how many buckets it changed.
   */
  applySource(changes: SeriesChange[]): Promise<number>;
  /** Whether the series were ever built (by `writeBuilt`), and for which layout version. */
  builtVersion(): Promise<number | undefined>;
  /** Writes fully computed buckets (and their sources' markers) into empty series, then records `version`. */
  writeBuilt(
    buckets: { series: string; bucket: BucketKey; counters: SeriesCounters }[],
    markers: Map<string, Record<string, number>>,
    version: number,
  ): Promise<void>;
};

/**
 * Item layout:
 * - `an#<series>` / `<g>#<id>` (g = d, w or m): the bucket's counters as `c_<counter>`, plus `p_<source>`
 *   only while that source's change is being applied.
 * - `applied#<source>` / `series` (beside the dashboard's `days` marker): `a_<series>|<g>#<id>` = the last
 *   version of the source counted in that bucket; `expiresAt` once the source is removed.
 * - `an#meta` / `built`: the layout version the series were built for.
 */
const PREFIX = { day: 'd', week: 'w', month: 'm' } as const satisfies Record<Granularity, string>;
export const seriesKey = (series: string, bucket: BucketKey) => ({
  pk: `an#${series}`,
  sk: `${PREFIX[bucket.granularity]}#${bucket.id}`,
});
const markerKey = (source: string) => ({ pk: `applied#${source}`, sk: 'series' });
export const markerAttribute = (series: string, bucket: BucketKey) =>
  `a_${series}|${PREFIX[bucket.granularity]}#${bucket.id}`;
const counterAttribute = (name: string) => `c_${name}`;
const pendingAttribute = (source: string) => `p_${source}`;
const META_KEY = { pk: 'an#meta', sk: 'built' };
/** How long a removed source's marker outlives it (the stream keeps records 24 hours; see the dashboard's). */
const MARKER_AFTER_REMOVAL_S = 2 * 24 * 3600;
const BUILD_WRITERS = 4;
/** Keys in one BatchGetItem call (DynamoDB's limit). */
const BATCH_GET_KEYS = 100;

function countersOf(item: Record<string, unknown>): SeriesCounters {
  const out: SeriesCounters = {};
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith('c_') && typeof value === 'number') out[name.slice(2)] = value;
  }
  return out;
}

export function createAnalyticsRepository(doc: DynamoDBDocumentClient, table: string): AnalyticsRepository {
  const writeUnlessDone = async (command: UpdateCommand): Promise<boolean> => {
    try {
      await doc.send(command);
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  };
  const clearPending = (key: Record<string, string>, source: string, version: number) =>
    writeUnlessDone(
      new UpdateCommand({
        TableName: table,
        Key: key,
        UpdateExpression: 'REMOVE #p',
        ConditionExpression: '#p <= :version',
        ExpressionAttributeNames: { '#p': pendingAttribute(source) },
        ExpressionAttributeValues: { ':version': version },
      }),
    );

  return {
    /**
     * The dashboard's four single-item steps (see rollup-repository.ts), with every bucket of the record at once:
     *   1. read the source's marker (one GetItem for every bucket);
     *   2. per bucket not yet at `version`: ADD the delta and SET the pending mark, unless a mark of this or a
     *      newer version is there;
     *   3. SET every applied bucket's marker attribute to `version` in one write;
     *   4. REMOVE the pending marks.
     * So a record costs 2 + 2 × (buckets it changes) calls, and a crash anywhere is repaired by redelivery.
     */
    async applySource(changes) {
      if (changes.length === 0) return 0;
      const source = changes[0]!.source;
      const version = changes[0]!.version;
      if (changes.some((c) => c.source !== source || c.version !== version))
        throw new Error('applySource takes the changes of one source version');
      const marker = markerKey(source);
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: marker, ConsistentRead: true }));
      const due: SeriesChange[] = [];
      const done: SeriesChange[] = [];
      for (const change of changes) {
        const applied = Item?.[markerAttribute(change.series, change.bucket)];
        (typeof applied === 'number' && applied >= version ? done : due).push(change);
      }
      // Marks left by an attempt that stopped after step 3.
      await Promise.all(done.map((c) => clearPending(seriesKey(c.series, c.bucket), source, version)));
      if (due.length === 0) return 0;

      await Promise.all(
        due.map((change) => {
          const names: Record<string, string> = { '#p': pendingAttribute(source) };
          const values: Record<string, number> = { ':version': version };
          const adds = Object.entries(change.delta).map(([name, value], i) => {
            names[`#n${i}`] = counterAttribute(name);
            values[`:n${i}`] = value;
            return `#n${i} :n${i}`;
          });
          return writeUnlessDone(
            new UpdateCommand({
              TableName: table,
              Key: seriesKey(change.series, change.bucket),
              UpdateExpression: `SET #p = :version${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
              ConditionExpression: 'attribute_not_exists(#p) OR #p < :version',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            }),
          );
        }),
      );

      const names: Record<string, string> = {};
      const values: Record<string, number> = { ':version': version };
      const sets: string[] = [];
      const conditions: string[] = [];
      due.forEach((change, i) => {
        names[`#a${i}`] = markerAttribute(change.series, change.bucket);
        sets.push(`#a${i} = :version`);
        conditions.push(`(attribute_not_exists(#a${i}) OR #a${i} < :version)`);
      });
      const final = due.some((c) => c.final);
      if (final) {
        names['#e'] = 'expiresAt';
        values[':expires'] = Math.floor(Date.now() / 1000) + MARKER_AFTER_REMOVAL_S;
        sets.push('#e = :expires');
      }
      await writeUnlessDone(
        new UpdateCommand({
          TableName: table,
          Key: marker,
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      await Promise.all(due.map((c) => clearPending(seriesKey(c.series, c.bucket), source, version)));
      return due.length;
    },

    async read(series, granularity, from, to) {
      const out = new Map<string, SeriesCounters>();
      const prefix = `${PREFIX[granularity]}#`;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
            ExpressionAttributeValues: { ':pk': `an#${series}`, ':from': `${prefix}${from}`, ':to': `${prefix}${to}` },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) out.set(String(item.sk).slice(prefix.length), countersOf(item));
        start = page.LastEvaluatedKey;
      } while (start);
      return out;
    },

    async readKeys(series, buckets) {
      const keys = buckets.map((bucket) => seriesKey(series, bucket));
      const found = new Map<string, SeriesCounters>();
      const batches: Record<string, string>[][] = [];
      for (let start = 0; start < keys.length; start += BATCH_GET_KEYS)
        batches.push(keys.slice(start, start + BATCH_GET_KEYS));
      await Promise.all(
        batches.map(async (batch) => {
          let pending: Record<string, unknown>[] | undefined = batch;
          while (pending && pending.length > 0) {
            const out: BatchGetCommandOutput = await doc.send(
              new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
            );
            for (const item of out.Responses?.[table] ?? []) found.set(String(item.sk), countersOf(item));
            pending = out.UnprocessedKeys?.[table]?.Keys;
          }
        }),
      );
      return keys.map((key) => found.get(key.sk) ?? {});
    },

    async builtVersion() {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: META_KEY, ConsistentRead: true }));
      return typeof Item?.version === 'number' ? Item.version : undefined;
    },

    async writeBuilt(buckets, markers, version) {
      const items: Record<string, unknown>[] = buckets.map(({ series, bucket, counters }) => {
        const item: Record<string, unknown> = seriesKey(series, bucket);
        for (const [name, value] of Object.entries(counters)) if (value !== 0) item[counterAttribute(name)] = value;
        return item;
      });
      const markerItems = [...markers.entries()].map(([source, attributes]) => ({
        ...markerKey(source),
        ...attributes,
      }));
      await batchPut(doc, table, [...items, ...markerItems]);
      // The meta item last: an interrupted build is redone whole on the next start.
      await batchPut(doc, table, [{ ...META_KEY, version, builtAt: new Date().toISOString() }]);
    },
  };
}

async function batchPut(doc: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]): Promise<void> {
  let next = 0;
  const writer = async () => {
    for (let start = next; start < items.length; start = next) {
      next += 25;
      let pending: Record<string, unknown>[] | undefined = items
        .slice(start, start + 25)
        .map((Item) => ({ PutRequest: { Item } }));
      while (pending && pending.length > 0) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = out.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
      }
    }
  };
  await Promise.all(Array.from({ length: BUILD_WRITERS }, writer));
}
