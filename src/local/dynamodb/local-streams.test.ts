import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { createStreamHub } from './local-streams';
import { openStreamLog } from './stream-log';

const record = (n: number): DynamoDBRecord => ({
  eventID: String(n),
  eventName: 'INSERT',
  dynamodb: { Keys: { id: { N: String(n) } } },
});
const ids = (events: DynamoDBStreamEvent[]) => events.flatMap((e) => e.Records.map((r) => r.eventID));

describe('createStreamHub', () => {
  it('delivers records per table in order, in batches no larger than batchSize', async () => {
    // Prepare
    const hub = createStreamHub({ batchSize: 3, windowMs: 5 });
    const a: DynamoDBStreamEvent[] = [];
    const all: DynamoDBStreamEvent[] = [];
    hub.subscribe('A', async (e) => void a.push(e));
    hub.subscribe('*', async (e) => void all.push(e));

    // Act
    for (let i = 1; i <= 7; i++) hub.publish(i % 2 ? 'A' : 'B', record(i));
    await hub.flush();

    // Assess
    expect(ids(a)).toEqual(['1', '3', '5', '7']);
    expect(a.every((e) => e.Records.length <= 3)).toBe(true);
    expect(ids(all).sort()).toEqual(['1', '2', '3', '4', '5', '6', '7']);
  });

  it("uses a subscriber's own batching window when it gives one, the hub's otherwise", async () => {
    // Prepare: a hub gathering for a long window, and a subscriber that asks for none (the notifier).
    const hub = createStreamHub({ windowMs: 10_000 });
    const immediate: DynamoDBStreamEvent[] = [];
    const gathering: DynamoDBStreamEvent[] = [];
    hub.subscribe('A', async (e) => void immediate.push(e), { windowMs: 0 });
    hub.subscribe('A', async (e) => void gathering.push(e));

    // Act
    hub.publish('A', record(1));
    await new Promise((resolve) => setTimeout(resolve, 50));

    // Assess: the first has its batch, the second still waits for its window (flush delivers it).
    expect(ids(immediate)).toEqual(['1']);
    expect(gathering).toEqual([]);
    await hub.flush();
    expect(ids(gathering)).toEqual(['1']);
  });

  it('retries a failing batch, then bisects it and skips only the record that keeps failing', async () => {
    // Prepare
    const logged: string[] = [];
    const hub = createStreamHub({ windowMs: 1, retries: 1, backoffMs: 1, logError: (m) => logged.push(m) });
    const delivered: string[] = [];
    let calls = 0;
    hub.subscribe('A', async (e) => {
      calls++;
      if (e.Records.some((r) => r.eventID === '3')) throw new Error('poison');
      delivered.push(...e.Records.map((r) => r.eventID!));
    });

    // Act
    for (let i = 1; i <= 6; i++) hub.publish('A', record(i));
    await hub.flush();

    // Assess
    expect(delivered).toEqual(['1', '2', '4', '5', '6']);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('record 3');
    expect(calls).toBeGreaterThan(3);
  });

  it('stops delivering after unsubscribe', async () => {
    // Prepare
    const hub = createStreamHub({ windowMs: 1 });
    const seen: string[] = [];
    const unsubscribe = hub.subscribe('A', async (e) => void seen.push(...ids([e]).map(String)));
    hub.publish('A', record(1));
    await hub.flush();

    // Act
    unsubscribe();
    hub.publish('A', record(2));
    await hub.flush();

    // Assess
    expect(seen).toEqual(['1']);
  });

  it('gives a durable consumer, on its next start, what it had not finished when the hub closed', async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), 'local-streams-'));
    try {
      const numbered = (n: number) => ({ ...record(n), dynamodb: { ...record(n).dynamodb, SequenceNumber: `${n}` } });
      const first = createStreamHub({ batchSize: 2, windowMs: 1 }, { log: openStreamLog(dir) });
      const finished: (string | undefined)[] = [];
      let started!: () => void;
      const secondBatchStarted = new Promise<void>((resolve) => (started = resolve));
      first.subscribe(
        '*',
        async (e) => {
          if (e.Records[0]?.eventID === '3') {
            started();
            return new Promise<void>(() => {}); // still at work when the hub closes
          }
          finished.push(...ids([e]));
        },
        { consumer: 'aggregator' },
      );
      for (let i = 1; i <= 5; i++) first.publish('A', numbered(i));
      await secondBatchStarted;

      // Act
      await first.close();
      const second = createStreamHub({ windowMs: 1 }, { log: openStreamLog(dir) });
      const redelivered: (string | undefined)[] = [];
      second.subscribe('*', async (e) => void redelivered.push(...ids([e])), { consumer: 'aggregator' });
      await second.flush();
      await second.close();

      // Assess
      expect(finished).toEqual(['1', '2']);
      expect(redelivered).toEqual(['3', '4', '5']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
