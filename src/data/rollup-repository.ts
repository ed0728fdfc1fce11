// Dashboard rollups on DynamoDB: per-day counters in shards, updated once per change however often the
// stream delivers it (version markers kept in per-source items the dashboard never reads), the watch list
// of open deliveries with an ETA, and the change feed's health. Reads are Queries of a bounded size.
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import {
  COUNTERS,
  rollupShard,
  sumCounters,
  type CounterName,
  type Counters,
  type DeliveryWatch,
  type RollupChange,
  type RollupState,
} from '../core/analytics';
import type { DependencyHealth, RollupReader } from '../core/dashboard';
import { isConditionalCheckFailed } from './paged-query';
import { DEPENDENCY_PK } from './dependency-breaker';

export type RollupRepository = RollupReader & {
  /** Adds a change's delta unless its source already reached that version for that day; false when it had. */
  apply(change: RollupChange): Promise<boolean>;
  /** Moves a booking's entry in the watch list from `before` to `after` (either may be absent). */
  watch(before: DeliveryWatch | undefined, after: DeliveryWatch | undefined, version: number): Promise<void>;
  /** Keeps the latest change-feed event time and voice call time (max, so replays are harmless). */
  recordFeedEvent(at: string, voiceCallAt?: string): Promise<void>;
  /** Whether the rollups were ever built (by the change feed or by `writeBuilt`). */
  isBuilt(): Promise<boolean>;
  /** Each dependency's breaker as it last changed state (written by `dependencyRecorder`). */
  dependencies(): Promise<DependencyHealth[]>;
  /** Writes fully computed day shards (and their sources' markers) and watches into empty rollups. */
  writeBuilt(shards: { day: string; shard: number; state: RollupState }[], watches: DeliveryWatch[]): Promise<void>;
};

/**
 * Item layout in the Rollups table:
 * - `day#<day>` / `shard#<nn>`: the day's counters (`c_<counter>`), plus `p_<source>` only while that
 *   source's change is being applied. What the dashboard reads: a fixed size whatever the day's volume.
 * - `dependency` / `<name>`: a dependency's circuit breaker as it last changed state (a handful of items).
 * - `applied#<source>` / `days`: `d_<day>` = the last version of the source counted on that day, and
 *   `expiresAt` once the source is removed. Read and written by the aggregator only.
 */
const counterAttribute = (name: CounterName) => `c_${name.replace('.', '_')}`;
const pendingAttribute = (source: string) => `p_${source}`;
const appliedAttribute = (day: string) => `d_${day}`;
const dayKey = (day: string, shard: number) => ({ pk: `day#${day}`, sk: `shard#${String(shard).padStart(2, '0')}` });
const markerKey = (source: string) => ({ pk: `applied#${source}`, sk: 'days' });
const watchKey = (w: Pick<DeliveryWatch, 'day' | 'eta' | 'reference'>) => ({
  pk: `late#${w.day}`,
  sk: `${w.eta}#${w.reference}`,
});
const FEED_KEY = { pk: 'feed', sk: 'health' };
const COUNTER_PROJECTION = COUNTERS.map((_, i) => `#c${i}`).join(', ');
const COUNTER_NAMES = Object.fromEntries(COUNTERS.map((name, i) => [`#c${i}`, counterAttribute(name)]));
/**
 * How long a removed source's marker outlives it: DynamoDB Streams keep records 24 hours, so after two days
 * no older record of the source can be redelivered and the marker has nothing left to guard.
 */
const MARKER_AFTER_REMOVAL_S = 2 * 24 * 3600;
/** BatchWriteItem calls in flight while writing a first build (25 items each). */
const BUILD_WRITERS = 4;

export function createRollupRepository(doc: DynamoDBDocumentClient, table: string): RollupRepository {
  const setLater = async (attribute: string, value: string) => {
    try {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: FEED_KEY,
          UpdateExpression: 'SET #a = :v',
          ConditionExpression: 'attribute_not_exists(#a) OR #a < :v',
          ExpressionAttributeNames: { '#a': attribute },
          ExpressionAttributeValues: { ':v': value },
        }),
      );
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  };

  /** A conditional write whose failed condition means "already done": true when it wrote. */
  const writeUnlessDone = async (command: UpdateCommand): Promise<boolean> => {
    try {
      await doc.send(command);
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  };

  /** Drops a counters item's in-flight mark of `source` if it is at most `version` (newer ones stay). */
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
     * Exactly-once without transactions (TransactWriteItems is not available locally), in four single-item
     * steps, each safe to repeat:
     *   1. read the source's marker for the day; at or past `version` → already counted (go to 4, stop);
     *   2. ADD the delta to the counters item and SET its pending mark `p_<source>` = version, on condition
     *      that no mark of this or a newer version is there (one is: an interrupted attempt already added it);
     *   3. SET the marker to `version` (never lowering it);
     *   4. REMOVE the pending mark if it is still this version or older.
     * A crash after 2 leaves the mark, so the retry skips the ADD and finishes 3 and 4; a crash after 3 leaves
     * a stale mark that the retry (stopping at 1) removes. The trade-off chosen over a marker-then-ADD pair
     * (which loses the delta if it crashes in between) or ADD-then-marker (which counts it twice): one read
     * and three writes per change instead of two, and a counters item that holds, besides its fixed counters,
     * only the marks of changes in flight. Like the stream itself, it assumes a source's changes are applied
     * in version order; a change older than one already counted is skipped.
     */
    async apply(change) {
      const counters = dayKey(change.day, rollupShard(change.source));
      const marker = markerKey(change.source);
      const dayAttribute = appliedAttribute(change.day);
      const { Item } = await doc.send(
        new GetCommand({
          TableName: table,
          Key: marker,
          ConsistentRead: true,
          ProjectionExpression: '#d',
          ExpressionAttributeNames: { '#d': dayAttribute },
        }),
      );
      const applied = Item?.[dayAttribute];
      if (typeof applied === 'number' && applied >= change.version) {
        await clearPending(counters, change.source, applied);
        return false;
      }

      const entries = Object.entries(change.delta) as [CounterName, number][];
      const names: Record<string, string> = { '#p': pendingAttribute(change.source) };
      const values: Record<string, number> = { ':version': change.version };
      const adds = entries.map(([name, value], i) => {
        names[`#n${i}`] = counterAttribute(name);
        values[`:n${i}`] = value;
        return `#n${i} :n${i}`;
      });
      await writeUnlessDone(
        new UpdateCommand({
          TableName: table,
          Key: counters,
          UpdateExpression: `SET #p = :version${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
          ConditionExpression: 'attribute_not_exists(#p) OR #p < :version',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
      await writeUnlessDone(
        new UpdateCommand({
          TableName: table,
          Key: marker,
          UpdateExpression: change.final ? 'SET #d = :version, #e = :expires' : 'SET #d = :version',
          ConditionExpression: 'attribute_not_exists(#d) OR #d < :version',
          ExpressionAttributeNames: { '#d': dayAttribute, ...(change.final ? { '#e': 'expiresAt' } : {}) },
          ExpressionAttributeValues: {
            ':version': change.version,
            ...(change.final ? { ':expires': Math.floor(Date.now() / 1000) + MARKER_AFTER_REMOVAL_S } : {}),
          },
        }),
      );
      await clearPending(counters, change.source, change.version);
      return true;
    },

    async watch(before, after, version) {
      const guarded = {
        ConditionExpression: 'attribute_not_exists(#pk) OR #version < :v',
        ExpressionAttributeNames: { '#pk': 'pk', '#version': 'version' },
      };
      try {
        if (before && (!after || before.eta !== after.eta || before.day !== after.day)) {
          await doc.send(
            new DeleteCommand({
              TableName: table,
              Key: watchKey(before),
              ...guarded,
              ExpressionAttributeValues: { ':v': version },
            }),
          );
        }
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
      try {
        if (after) {
          await doc.send(
            new PutCommand({
              TableName: table,
              Item: { ...watchKey(after), ...after },
              ...guarded,
              ExpressionAttributeValues: { ':v': version },
            }),
          );
        }
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    },

    async recordFeedEvent(at, voiceCallAt) {
      await setLater('lastEventAt', at);
      if (voiceCallAt) await setLater('lastVoiceCallAt', voiceCallAt);
    },

    async readDay(day) {
      const parts: Counters[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': `day#${day}` },
            ProjectionExpression: COUNTER_PROJECTION,
            ExpressionAttributeNames: COUNTER_NAMES,
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          const counters: Counters = {};
          for (const name of COUNTERS) {
            const value = item[counterAttribute(name)];
            if (typeof value === 'number') counters[name] = value;
          }
          parts.push(counters);
        }
        start = page.LastEvaluatedKey;
      } while (start);
      return sumCounters(parts);
    },

    async overdue(day, now, limit) {
      const page = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND sk < :now',
          ExpressionAttributeValues: { ':pk': `late#${day}`, ':now': now.toISOString() },
          Limit: limit,
          ConsistentRead: true,
        }),
      );
      return (page.Items ?? []).map(({ pk: _pk, sk: _sk, ...watch }) => watch as DeliveryWatch);
    },

    async feedHealth() {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: FEED_KEY, ConsistentRead: true }));
      return {
        ...(typeof Item?.lastEventAt === 'string' ? { lastEventAt: Item.lastEventAt } : {}),
        ...(typeof Item?.lastVoiceCallAt === 'string' ? { lastVoiceCallAt: Item.lastVoiceCallAt } : {}),
      };
    },

    async dependencies() {
      const { Items = [] } = await doc.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': DEPENDENCY_PK },
          ConsistentRead: true,
        }),
      );
      return Items.map(({ pk: _pk, sk: _sk, ...status }) => status as DependencyHealth);
    },

    async isBuilt() {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: FEED_KEY, ConsistentRead: true }));
      return Item !== undefined;
    },

    async writeBuilt(shards, watches) {
      const markers = new Map<string, Record<string, unknown>>();
      const counterItems = shards.map(({ day, shard, state }) => {
        const item: Record<string, unknown> = dayKey(day, shard);
        for (const [name, value] of Object.entries(state.counters) as [CounterName, number][])
          item[counterAttribute(name)] = value;
        for (const [source, version] of Object.entries(state.applied)) {
          let marker = markers.get(source);
          if (!marker) markers.set(source, (marker = markerKey(source)));
          marker[appliedAttribute(day)] = version;
        }
        return item;
      });
      // The health item last: it is what `isBuilt` looks for, so an interrupted build is redone whole.
      await batchPut(doc, table, [
        ...counterItems,
        ...markers.values(),
        ...watches.map((w) => ({ ...watchKey(w), ...w })),
      ]);
      await batchPut(doc, table, [{ ...FEED_KEY, builtAt: new Date().toISOString() }]);
    },
  };
}

/** BatchWriteItem from a few writers at once, 25 items a call, resending what DynamoDB leaves unprocessed. */
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
