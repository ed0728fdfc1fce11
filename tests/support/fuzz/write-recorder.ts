// What the fuzz tests mean by "nothing half-written", checked on the tables themselves. Every write that reaches
// DynamoDB through the stack's client is recorded (a middleware on the shared document client, after the write
// succeeded); after each case the items it wrote are read back:
// - a refused case leaves nothing behind: every item it wrote is gone again (an idempotency claim it released)
//   or lies in a table a refusal is allowed to write (the partner's rate-limit counter, the partner audit log);
// - an accepted case leaves whole items: bookings and feedback keep the domain's invariants
//   (src/integrity/item-invariants.ts), and an idempotency key it claimed carries its result (no orphan claim).
// The change feed's consumers (rollups, alerts, admin notices) write on their own time, not a case's: their tables
// are checked once at the end by `checkAllItems`.
import { GetCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BusinessCalendar } from '../../../src/core/business-calendar';
import { TABLES, type TableKey, type TableNames } from '../../../src/data/tables';
import { bookingViolations, feedbackViolations } from '../../../src/integrity/item-invariants';

/** A key as the document client takes it (plain values: the recorder sits before its marshalling). */
type Key = Record<string, unknown>;
export type RecordedWrite = { table: TableKey; command: string; key: Key };

/**
 * Tables written on their own time, whatever a case did: the change feed's consumers and the scheduler (rollups,
 * alerts, admin notices) and the provisioning engine, which runs a started deployment in the background.
 */
const BACKGROUND: ReadonlySet<TableKey> = new Set(['rollups', 'alerts', 'outbox', 'deployments']);
/** Tables a refused call is meant to write: the rate-limit counter counts refusals too; partner calls are audited. */
const REFUSAL_MAY_WRITE: ReadonlySet<TableKey> = new Set(['rateLimits', 'audit', 'conversations']);

export type WriteRecorder = {
  /** Starts a case: writes from now on belong to it (cases run one at a time). */
  begin(): void;
  /** The case's writes to the tables a request writes itself. */
  end(): RecordedWrite[];
  /** What is wrong with the tables after the case, given whether it was refused. */
  check(writes: RecordedWrite[], refused: boolean): Promise<string[]>;
  /** Every write seen so far, by table. */
  counts(): Record<string, number>;
};

function keyOf(table: TableKey, item: Key | undefined): Key | undefined {
  if (!item) return undefined;
  const def = TABLES[table] as { partitionKey: { name: string }; sortKey?: { name: string } };
  const key: Key = {};
  for (const name of [def.partitionKey.name, def.sortKey?.name]) {
    if (!name) continue;
    const value = item[name];
    if (!value) return undefined;
    key[name] = value;
  }
  return key;
}

function writesOf(command: string, input: Record<string, unknown>, tableOf: (name: string) => TableKey | undefined) {
  const out: RecordedWrite[] = [];
  const add = (tableName: unknown, item: Key | undefined) => {
    const table = typeof tableName === 'string' ? tableOf(tableName) : undefined;
    const key = table ? keyOf(table, item) : undefined;
    if (table && key) out.push({ table, command, key });
  };
  if (command === 'PutItemCommand') add(input.TableName, input.Item as Key);
  if (command === 'UpdateItemCommand' || command === 'DeleteItemCommand') add(input.TableName, input.Key as Key);
  if (command === 'BatchWriteItemCommand') {
    for (const [tableName, requests] of Object.entries((input.RequestItems ?? {}) as Record<string, unknown[]>)) {
      for (const r of requests as { PutRequest?: { Item: Key }; DeleteRequest?: { Key: Key } }[]) {
        add(tableName, r.PutRequest?.Item ?? r.DeleteRequest?.Key);
      }
    }
  }
  if (command === 'TransactWriteItemsCommand') {
    for (const t of (input.TransactItems ?? []) as Record<string, { TableName?: string; Item?: Key; Key?: Key }>[]) {
      const op = t.Put ?? t.Update ?? t.Delete;
      if (op) add(op.TableName, op.Item ?? op.Key);
    }
  }
  return out;
}

/** Records the writes made through `doc` (and every client sharing its middleware stack). */
export function recordWrites(
  doc: DynamoDBDocumentClient,
  tables: TableNames,
  calendar: BusinessCalendar,
): WriteRecorder {
  const byName = new Map(Object.entries(tables).map(([key, name]) => [name, key as TableKey]));
  const tableOf = (name: string) => byName.get(name);
  let current: RecordedWrite[] = [];
  const totals: Record<string, number> = {};
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const command = String(context.commandName ?? '');
      for (const w of writesOf(command, args.input as Record<string, unknown>, tableOf)) {
        totals[w.table] = (totals[w.table] ?? 0) + 1;
        if (!BACKGROUND.has(w.table)) current.push(w);
      }
      return result;
    },
    { step: 'initialize', name: 'fuzzWriteRecorder' },
  );

  async function read(write: RecordedWrite): Promise<Record<string, unknown> | undefined> {
    const out = await doc.send(
      new GetCommand({ TableName: tables[write.table], Key: write.key, ConsistentRead: true }),
    );
    return out.Item;
  }

  return {
    begin() {
      current = [];
    },
    end() {
      const writes = current;
      current = [];
      return writes;
    },
    counts: () => ({ ...totals }),
    async check(writes, refused) {
      const problems: string[] = [];
      const seen = new Set<string>();
      for (const write of writes) {
        const id = `${write.table}:${JSON.stringify(write.key)}`;
        if (seen.has(id)) continue;
        seen.add(id);
        // An accepted case is checked on the items whose wholeness has rules, a refused one on the tables a
        // refusal must not write; the rest need no read (reads are most of a case's cost).
        if (!refused && !['bookings', 'feedback', 'idempotency'].includes(write.table)) continue;
        if (refused && REFUSAL_MAY_WRITE.has(write.table)) continue;
        const item = await read(write);
        const name = `${write.table} ${JSON.stringify(write.key)}`;
        if (refused) {
          if (item) {
            problems.push(`refused, but left ${name} written (${write.command})`);
          }
          continue;
        }
        if (!item) continue;
        if (write.table === 'bookings') {
          for (const v of bookingViolations(item, calendar)) problems.push(`${name}: ${v.rule}: ${v.message}`);
        }
        if (write.table === 'feedback') {
          for (const v of feedbackViolations(item, calendar)) problems.push(`${name}: ${v.rule}: ${v.message}`);
        }
        if (write.table === 'idempotency' && typeof item.result !== 'string') {
          problems.push(`${name}: an idempotency claim left without its result (orphan)`);
        }
      }
      return problems;
    },
  };
}

/**
 * The whole tables at the end of a run: every booking and feedback item keeps the invariants, every idempotency
 * record is completed and names an item that exists.
 */
export async function checkAllItems(
  doc: DynamoDBDocumentClient,
  tables: TableNames,
  calendar: BusinessCalendar,
): Promise<{ problems: string[]; counted: Record<string, number> }> {
  const scan = async (table: string) => {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  };
  const [bookings, feedback, idempotency] = await Promise.all([
    scan(tables.bookings),
    scan(tables.feedback),
    scan(tables.idempotency),
  ]);
  const problems: string[] = [];
  const references = new Set(bookings.map((b) => String(b.reference)));
  for (const b of bookings) {
    for (const v of bookingViolations(b, calendar)) problems.push(`booking ${String(b.reference)}: ${v.message}`);
  }
  for (const f of feedback) {
    for (const v of feedbackViolations(f, calendar)) problems.push(`feedback ${String(f.reference)}: ${v.message}`);
    if (!references.has(String(f.bookingReference)))
      problems.push(`feedback ${String(f.reference)} is about a booking that does not exist`);
  }
  for (const i of idempotency) {
    if (typeof i.result !== 'string') problems.push(`idempotency key ${String(i.key)} has no result (orphan claim)`);
  }
  return {
    problems,
    counted: { bookings: bookings.length, feedback: feedback.length, idempotency: idempotency.length },
  };
}
