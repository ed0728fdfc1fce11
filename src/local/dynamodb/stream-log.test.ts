import { appendFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DynamoDBRecord } from 'aws-lambda';
import { openStreamLog } from './stream-log';
import { buildStreamRecord } from './stream-record';

const change = (table: string, n: number): DynamoDBRecord =>
  buildStreamRecord({
    region: 'us-east-1',
    table,
    label: '2026-01-01T00:00:00.000',
    keys: { id: { S: `k${n}` } },
    newImage: { id: { S: `k${n}` }, n: { N: String(n) } },
  })!;
const ids = (records: { record: DynamoDBRecord }[]) => records.map((r) => r.record.dynamodb?.Keys?.id?.S);
const segments = async (dir: string) => (await readdir(dir)).filter((name) => name.startsWith('segment-'));

describe('openStreamLog', () => {
  let dir: string;
  beforeEach(async () => void (dir = await mkdtemp(join(tmpdir(), 'stream-log-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('gives a consumer again, after a restart, the records it had not finished, per table', async () => {
    // Prepare
    const first = openStreamLog(dir);
    first.resume('aggregator');
    const tableOf = (n: number) => (n % 2 ? 'A' : 'B');
    const records = [1, 2, 3, 4].map((n) => change(tableOf(n), n));
    records.forEach((r, i) => first.append(tableOf(i + 1), r));
    first.advance('aggregator', 'A', records[2]!.dynamodb!.SequenceNumber!);
    await first.close();

    // Act
    const second = openStreamLog(dir);
    const pending = second.resume('aggregator');
    await second.close();

    // Assess
    expect(ids(pending)).toEqual(['k2', 'k4']);
    expect(pending.map((p) => p.table)).toEqual(['B', 'B']);
  });

  it('starts a consumer it never saw at the latest record, and keeps nothing while there is no consumer', async () => {
    // Prepare
    const log = openStreamLog(dir);
    log.append('A', change('A', 1));

    // Act
    log.resume('notifier');
    log.append('A', change('A', 2));
    log.resume('latecomer');
    await log.close();
    const reopened = openStreamLog(dir);

    // Assess
    expect(ids(reopened.resume('notifier'))).toEqual(['k2']);
    expect(reopened.resume('latecomer')).toEqual([]);
    await reopened.close();
  });

  it('numbers new records after the newest it holds, and leaves out a line cut short by a crash', async () => {
    // Prepare
    const first = openStreamLog(dir);
    first.resume('c');
    const kept = change('A', 1);
    first.append('A', kept);
    await first.close();
    const [file] = await segments(dir);
    await appendFile(join(dir, file!), '{"table":"A","record":{"eventID":"cut sh');

    // Act
    const second = openStreamLog(dir);
    const later = change('A', 2);
    second.append('A', later);
    const pending = second.resume('c');
    await second.close();

    // Assess
    expect(ids(pending)).toEqual(['k1', 'k2']);
    expect(BigInt(later.dynamodb!.SequenceNumber!)).toBeGreaterThan(BigInt(kept.dynamodb!.SequenceNumber!));
  });

  it('deletes a segment once every consumer is past it (as saved), and one older than the retention', async () => {
    // Prepare
    let now = Date.now();
    const log = openStreamLog(dir, { segmentBytes: 1, now: () => now });
    log.resume('a');
    log.resume('b');
    const records = [1, 2, 3].map((n) => change('A', n));
    for (const r of records) log.append('A', r);
    await log.persisted();
    const before = (await segments(dir)).length;

    // Act
    log.advance('a', 'A', records[1]!.dynamodb!.SequenceNumber!);
    await log.persisted();
    const onlyOneDone = (await segments(dir)).length;
    log.advance('b', 'A', records[0]!.dynamodb!.SequenceNumber!);
    await log.persisted();
    const bothPastTheFirst = (await segments(dir)).length;
    now += 25 * 3600_000;
    log.append('A', change('A', 4));
    const afterRetention = (await segments(dir)).length;
    await log.close();

    // Assess
    expect(before).toBe(3);
    expect(onlyOneDone).toBe(3);
    expect(bothPastTheFirst).toBe(2);
    expect(afterRetention).toBe(1);
  });
});
