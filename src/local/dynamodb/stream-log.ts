// The local change feed's durable side. DynamoDB keeps a stream's records for 24 hours and a Lambda event
// source mapping keeps its own position in them, moved on only once a batch is done with; a consumer that
// stops (a crash, a deploy) resumes after that position and gets again what it had not finished. Here the
// records go to an append-only log under the data folder and each named consumer's position to a
// checkpoint file beside it, so a change whose consumers did not finish before the stack stopped is
// delivered again on the next start.
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DynamoDBRecord } from 'aws-lambda';
import { continueSequenceAfter } from './stream-record';

export type LoggedRecord = { table: string; record: DynamoDBRecord };

export type StreamLog = {
  /**
   * Appends a record before the write that made it is acknowledged (a synchronous write: in the OS's hands
   * even if the process dies next). Nothing is kept while no consumer was ever registered: such records
   * reach no one, as writes made before an event source mapping existed.
   */
  append(table: string, record: DynamoDBRecord): void;
  /**
   * Registers `consumer` and returns the records it has not finished, oldest first. A consumer seen for the
   * first time starts at the latest record (Lambda's StartingPosition LATEST).
   */
  resume(consumer: string): LoggedRecord[];
  /** `consumer` is done with every record of `table` up to `sequenceNumber`. */
  advance(consumer: string, table: string, sequenceNumber: string): void;
  /** Resolves once every position advanced so far is on disk. */
  persisted(): Promise<void>;
  close(): Promise<void>;
};

export type StreamLogOptions = {
  /** A new segment file is started past this size; a segment is deleted once every consumer is past it. */
  segmentBytes?: number;
  /** Records older than this are dropped whether consumed or not (DynamoDB Streams: 24 hours). */
  retentionMs?: number;
  now?: () => number;
  logError?: (message: string, error: unknown) => void;
};

type Segment = { file: string; bytes: number; last: Map<string, bigint>; newestAt: number };
type Position = { since: bigint; tables: Map<string, bigint> };
type CheckpointFile = { consumers: Record<string, { since: string; tables: Record<string, string> }> };

const SEGMENT = /^segment-(\d+)\.jsonl$/;
const CHECKPOINTS = 'checkpoints.json';

const sequenceOf = (record: DynamoDBRecord): bigint | undefined => {
  const value = record.dynamodb?.SequenceNumber;
  return value !== undefined && /^\d+$/.test(value) ? BigInt(value) : undefined;
};

/** The records of a segment file; a line cut short by a crash is left out. */
function readSegment(file: string): LoggedRecord[] {
  const out: LoggedRecord[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    try {
      out.push(JSON.parse(line) as LoggedRecord);
    } catch {
      // The tail of an append the process did not live to finish: its write was never acknowledged.
    }
  }
  return out;
}

function readCheckpoints(file: string): Map<string, Position> {
  let parsed: CheckpointFile;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as CheckpointFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  return new Map(
    Object.entries(parsed.consumers).map(([name, p]) => [
      name,
      { since: BigInt(p.since), tables: new Map(Object.entries(p.tables).map(([t, s]) => [t, BigInt(s)])) },
    ]),
  );
}

function serializeCheckpoints(consumers: Map<string, Position>): string {
  const file: CheckpointFile = { consumers: {} };
  for (const [name, p] of consumers)
    file.consumers[name] = {
      since: p.since.toString(),
      tables: Object.fromEntries([...p.tables].map(([t, s]) => [t, s.toString()])),
    };
  return JSON.stringify(file, null, 2);
}

const positionIn = (p: Position, table: string) => p.tables.get(table) ?? p.since;

function copyPositions(consumers: Map<string, Position>): Map<string, Position> {
  return new Map([...consumers].map(([name, p]) => [name, { since: p.since, tables: new Map(p.tables) }]));
}

/** Opens (or creates) the log in `dir`; sequence numbers continue after the newest record it holds. */
export function openStreamLog(dir: string, options: StreamLogOptions = {}): StreamLog {
  const segmentBytes = options.segmentBytes ?? 4 * 1024 * 1024;
  const retentionMs = options.retentionMs ?? 24 * 3600_000;
  const now = options.now ?? Date.now;
  const logError = options.logError ?? ((message, error) => console.error(`[dynamodb-streams] ${message}`, error));
  mkdirSync(dir, { recursive: true });
  const checkpointFile = join(dir, CHECKPOINTS);
  const consumers = readCheckpoints(checkpointFile);
  /** Consumer positions as last written to disk: only these may let a segment go. */
  let saved = copyPositions(consumers);

  let latest = 0n;
  let nextSegment = 0;
  const segments: Segment[] = [];
  for (const name of readdirSync(dir).sort()) {
    const match = SEGMENT.exec(name);
    if (!match) continue;
    nextSegment = Math.max(nextSegment, Number(match[1]) + 1);
    const file = join(dir, name);
    // Its last append is when its newest record was written.
    const segment: Segment = { file, bytes: 0, last: new Map(), newestAt: statSync(file).mtimeMs };
    for (const { table, record } of readSegment(file)) {
      const seq = sequenceOf(record);
      if (seq === undefined) continue;
      segment.last.set(table, seq);
      if (seq > latest) latest = seq;
    }
    segments.push(segment);
  }
  for (const p of consumers.values()) {
    if (p.since > latest) latest = p.since;
    for (const seq of p.tables.values()) if (seq > latest) latest = seq;
  }
  if (latest > 0n) continueSequenceAfter(latest.toString());

  // Appends always go to a new segment: the last one may end in a line cut short.
  let active: (Segment & { fd: number }) | undefined;

  function startSegment(): Segment & { fd: number } {
    if (active) closeSync(active.fd);
    const file = join(dir, `segment-${String(nextSegment++).padStart(8, '0')}.jsonl`);
    const segment = { file, bytes: 0, last: new Map<string, bigint>(), newestAt: 0, fd: openSync(file, 'a') };
    segments.push(segment);
    return segment;
  }

  /**
   * Deletes the segments every consumer is past, as its position was last saved (a consumer not saved yet
   * is at the record it started after), and those older than the retention.
   */
  function prune(): void {
    const positions = [...consumers].map(([name, p]) => saved.get(name) ?? { since: p.since, tables: new Map() });
    for (const segment of [...segments]) {
      if (segment === active) continue;
      const expired = segment.newestAt < now() - retentionMs;
      const consumed = positions.every((p) => [...segment.last].every(([table, seq]) => positionIn(p, table) >= seq));
      if (!expired && !consumed) continue;
      try {
        unlinkSync(segment.file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      segments.splice(segments.indexOf(segment), 1);
    }
  }

  let dirty = false;
  let saving: Promise<void> | undefined;

  async function save(): Promise<void> {
    while (dirty) {
      dirty = false;
      const snapshot = copyPositions(consumers);
      await writeFile(`${checkpointFile}.tmp`, serializeCheckpoints(snapshot));
      await rename(`${checkpointFile}.tmp`, checkpointFile);
      saved = snapshot;
      prune();
    }
  }

  function scheduleSave(): void {
    dirty = true;
    saving ??= save()
      .catch((error: unknown) => logError('saving the consumers’ positions failed', error))
      .finally(() => (saving = undefined));
  }

  let closed = false;
  prune();

  return {
    append(table, record) {
      const seq = sequenceOf(record);
      if (seq === undefined || closed) return;
      if (seq > latest) latest = seq;
      if (consumers.size === 0) return;
      if (!active || active.bytes >= segmentBytes) {
        active = startSegment();
        prune();
      }
      const line = `${JSON.stringify({ table, record })}\n`;
      writeSync(active.fd, line);
      active.bytes += Buffer.byteLength(line);
      active.last.set(table, seq);
      active.newestAt = Math.max(active.newestAt, now());
    },

    resume(consumer) {
      const position = consumers.get(consumer);
      if (!position) {
        consumers.set(consumer, { since: latest, tables: new Map() });
        scheduleSave();
        return [];
      }
      const pending: LoggedRecord[] = [];
      for (const segment of segments) {
        if ([...segment.last].every(([table, seq]) => positionIn(position, table) >= seq)) continue;
        for (const logged of readSegment(segment.file)) {
          const seq = sequenceOf(logged.record);
          if (seq !== undefined && seq > positionIn(position, logged.table)) pending.push(logged);
        }
      }
      return pending;
    },

    advance(consumer, table, sequenceNumber) {
      const position = consumers.get(consumer);
      const seq = BigInt(sequenceNumber);
      if (!position || seq <= positionIn(position, table)) return;
      position.tables.set(table, seq);
      scheduleSave();
    },

    async persisted() {
      while (saving) await saving;
    },

    async close() {
      while (saving) await saving;
      closed = true;
      if (active) closeSync(active.fd);
      active = undefined;
    },
  };
}
