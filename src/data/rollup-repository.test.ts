import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { applyRollupChange, emptyRollup, type RollupChange } from '../core/analytics';
import { createRollupRepository, type RollupRepository } from './rollup-repository';
import { startTestTables, type TestTables } from './test-tables';

let t: TestTables;
let rollups: RollupRepository;
beforeAll(async () => {
  t = await startTestTables();
  rollups = t.repos.rollups;
});
afterAll(async () => t?.close());

const change = (day: string, source: string, version: number, bookings = 1): RollupChange => ({
  day,
  source,
  version,
  delta: { bookings, 'status.BOOKED': bookings },
});

/** The raw items the dashboard reads for a day: its counters shards. */
async function counterItems(day: string): Promise<Record<string, unknown>[]> {
  const out = await t.local.doc.send(
    new QueryCommand({
      TableName: t.names.rollups,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `day#${day}` },
    }),
  );
  return out.Items ?? [];
}

const largest = (items: Record<string, unknown>[]) =>
  Math.max(...items.map((item) => Buffer.byteLength(JSON.stringify(item))));

/** A document client that dies right after its `crashAfter`-th call went through, as a Lambda timing out would. */
function crashingClient(doc: DynamoDBDocumentClient, crashAfter: number): DynamoDBDocumentClient {
  let calls = 0;
  const send = async (command: Parameters<DynamoDBDocumentClient['send']>[0]) => {
    const done = await doc.send(command as never).then(
      (output) => ({ output }),
      (error: unknown) => ({ error }),
    );
    if (++calls === crashAfter) throw new Error(`crashed after call ${crashAfter}`);
    if ('error' in done) throw done.error;
    return done.output;
  };
  return { send } as unknown as DynamoDBDocumentClient;
}

describe('rollup repository', () => {
  it('keeps the counters items the dashboard reads the same size whatever the day volume', async () => {
    // Prepare
    const quiet = '2025-05-01';
    const busy = '2025-05-02';
    const built = '2025-05-03';
    for (let i = 0; i < 16; i++) await rollups.apply(change(quiet, `b:Q-${i}`, 1));
    for (let i = 0; i < 64; i++) await rollups.apply(change(busy, `b:B-${i}`, 1));
    let state = emptyRollup();
    for (let i = 0; i < 2000; i++) state = applyRollupChange(state, change(built, `b:W-${i}`, 1));

    // Act
    await rollups.writeBuilt([{ day: built, shard: 0, state }], []);
    const quietItems = await counterItems(quiet);
    const busyItems = await counterItems(busy);
    const builtItems = await counterItems(built);

    // Assess
    expect((await rollups.readDay(busy)).bookings).toBe(64);
    expect((await rollups.readDay(built)).bookings).toBe(2000);
    for (const item of [...quietItems, ...busyItems, ...builtItems])
      expect(Object.keys(item).filter((name) => !/^(pk|sk|c_.*)$/.test(name))).toEqual([]);
    expect(largest(busyItems)).toBe(largest(quietItems));
    expect(largest(builtItems)).toBeLessThan(200);
    // The markers live in their own items, one per source.
    const marker = await t.local.doc.send(
      new GetCommand({ TableName: t.names.rollups, Key: { pk: 'applied#b:W-1999', sk: 'days' } }),
    );
    expect(marker.Item).toMatchObject({ [`d_${built}`]: 1 });
  }, 30_000);

  it('counts a redelivered, duplicated or out-of-order change once', async () => {
    // Prepare
    const day = '2025-06-01';
    const source = 'b:REPLAY-1';
    const first = change(day, source, 1);
    const second: RollupChange = { day, source, version: 2, delta: { 'status.BOOKED': -1, 'status.COLLECTED': 1 } };

    // Act
    const applied = [
      await rollups.apply(first),
      await rollups.apply(first),
      await rollups.apply(second),
      await rollups.apply(first),
      await rollups.apply(second),
    ];
    const counters = await rollups.readDay(day);

    // Assess
    expect(applied).toEqual([true, false, true, false, false]);
    expect(counters).toEqual({ bookings: 1, 'status.BOOKED': 0, 'status.COLLECTED': 1 });
  });

  it('counts a change exactly once when a retry follows a crash between any two of its writes', async () => {
    // Prepare
    const day = '2025-07-01';
    const steps = [1, 2, 3, 4];

    // Act
    for (const crashAfter of steps) {
      const source = `b:CRASH-${crashAfter}`;
      const crashing = createRollupRepository(crashingClient(t.local.doc, crashAfter), t.names.rollups);
      await expect(crashing.apply(change(day, source, 1))).rejects.toThrow(/crashed/);
      await rollups.apply(change(day, source, 1));
      await rollups.apply(change(day, source, 1));
    }
    const counters = await rollups.readDay(day);
    const items = await counterItems(day);

    // Assess
    expect(counters.bookings).toBe(steps.length);
    // No in-flight marks are left behind in what the dashboard reads.
    expect(items.flatMap((item) => Object.keys(item).filter((name) => name.startsWith('p_')))).toEqual([]);
  }, 15_000);

  it('lets the marker of a removed source expire once the stream can no longer redeliver its records', async () => {
    // Prepare
    const day = '2025-08-01';
    const source = 'f:GONE-1';
    await rollups.apply({ day, source, version: 1, delta: { feedback: 1 } });

    // Act
    await rollups.apply({ day, source, version: 2, delta: { feedback: -1 }, final: true });
    const { Item } = await t.local.doc.send(
      new GetCommand({ TableName: t.names.rollups, Key: { pk: `applied#${source}`, sk: 'days' } }),
    );

    // Assess
    const inTwoDays = Date.now() / 1000 + 2 * 24 * 3600;
    expect(Item?.[`d_${day}`]).toBe(2);
    expect(Item?.expiresAt).toBeGreaterThan(inTwoDays - 60);
    expect(Item?.expiresAt).toBeLessThanOrEqual(inTwoDays + 1);
    expect((await rollups.readDay(day)).feedback).toBe(0);
  });
});
