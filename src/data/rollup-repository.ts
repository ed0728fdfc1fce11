// Dashboard rollups on DynamoDB: per-day counters in shards updated with one conditional UpdateItem ADD per
// change (guarded per source and version, so a redelivered stream record changes nothing), the watch list
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
import type { RollupReader } from '../core/dashboard';
import { isConditionalCheckFailed } from './paged-query';

export type RollupRepository = RollupReader & {
  /** Adds a change's delta unless its source already reached that version; false when it had. */
  apply(change: RollupChange): Promise<boolean>;
  /** Moves a booking's entry in the watch list from `before` to `after` (either may be absent). */
  watch(before: DeliveryWatch | undefined, after: DeliveryWatch | undefined, version: number): Promise<void>;
  /** Keeps the latest change-feed event time and voice call time (max, so replays are harmless). */
  recordFeedEvent(at: string, voiceCallAt?: string): Promise<void>;
  /** Whether the rollups were ever built (by the change feed or by `writeBuilt`). */
  isBuilt(): Promise<boolean>;
  /** Writes fully computed day shards and watches into empty rollups (first build from existing data). */
  writeBuilt(shards: { day: string; shard: number; state: RollupState }[], watches: DeliveryWatch[]): Promise<void>;
};

const counterAttribute = (name: CounterName) => `c_${name.replace('.', '_')}`;
const guardAttribute = (source: string) => `v_${source}`;
const dayKey = (day: string, shard: number) => ({ pk: `day#${day}`, sk: `shard#${String(shard).padStart(2, '0')}` });
const watchKey = (w: Pick<DeliveryWatch, 'day' | 'eta' | 'reference'>) => ({
  pk: `late#${w.day}`,
  sk: `${w.eta}#${w.reference}`,
});
const FEED_KEY = { pk: 'feed', sk: 'health' };
const COUNTER_PROJECTION = COUNTERS.map((_, i) => `#c${i}`).join(', ');
const COUNTER_NAMES = Object.fromEntries(COUNTERS.map((name, i) => [`#c${i}`, counterAttribute(name)]));

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

  return {
    async apply(change) {
      const entries = Object.entries(change.delta) as [CounterName, number][];
      const names: Record<string, string> = { '#g': guardAttribute(change.source) };
      const values: Record<string, number> = { ':version': change.version };
      const adds = entries.map(([name, value], i) => {
        names[`#n${i}`] = counterAttribute(name);
        values[`:n${i}`] = value;
        return `#n${i} :n${i}`;
      });
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: dayKey(change.day, rollupShard(change.source)),
            UpdateExpression: `SET #g = :version${adds.length > 0 ? ` ADD ${adds.join(', ')}` : ''}`,
            ConditionExpression: 'attribute_not_exists(#g) OR #g < :version',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
        return true;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
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

    async isBuilt() {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: FEED_KEY, ConsistentRead: true }));
      return Item !== undefined;
    },

    async writeBuilt(shards, watches) {
      const items = [
        ...shards.map(({ day, shard, state }) => {
          const item: Record<string, unknown> = dayKey(day, shard);
          for (const [name, value] of Object.entries(state.counters) as [CounterName, number][])
            item[counterAttribute(name)] = value;
          for (const [source, version] of Object.entries(state.applied)) item[guardAttribute(source)] = version;
          return item;
        }),
        ...watches.map((w) => ({ ...watchKey(w), ...w })),
        { ...FEED_KEY, builtAt: new Date().toISOString() },
      ];
      for (let i = 0; i < items.length; i += 25) {
        let pending: Record<string, unknown>[] | undefined = items
          .slice(i, i + 25)
          .map((Item) => ({ PutRequest: { Item } }));
        while (pending && pending.length > 0) {
          const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
          pending = out.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined;
        }
      }
    },
  };
}
