// Counts the DynamoDB operations the local gateway received from clients, per table and operation, and
// reads them back over HTTP (`GET /_local/dynamodb/operations`, reset with `DELETE`), so tests and
// benchmarks can assert what a request path costs — for instance that the dashboard never scans.

/** Counts by table name, then by operation name (`Scan`, `Query`, `GetItem`, …). */
export type OperationCounts = Record<string, Record<string, number>>;

export type DynamoOperations = {
  byTable: OperationCounts;
  /** Per operation, over every table (a batch call touching two tables counts once here). */
  total: Record<string, number>;
};

export type OperationCounter = {
  /** Records one call of `operation` touching `tables` (none for calls like ListTables). */
  count(operation: string, tables: readonly string[]): void;
  snapshot(): DynamoOperations;
  reset(): void;
};

export const OPERATIONS_PATH = '/_local/dynamodb/operations';

/** Where a call without a table (ListTables, an unparsable body) is filed. */
export const NO_TABLE = '(none)';

/** Two Map increments per call: cheap enough to stay on for every request. */
export function createOperationCounter(): OperationCounter {
  let byTable = new Map<string, Map<string, number>>();
  let total = new Map<string, number>();

  return {
    count(operation, tables) {
      total.set(operation, (total.get(operation) ?? 0) + 1);
      for (const table of tables.length > 0 ? tables : [NO_TABLE]) {
        let ops = byTable.get(table);
        if (!ops) byTable.set(table, (ops = new Map()));
        ops.set(operation, (ops.get(operation) ?? 0) + 1);
      }
    },
    snapshot() {
      return {
        byTable: Object.fromEntries([...byTable].map(([table, ops]) => [table, Object.fromEntries(ops)])),
        total: Object.fromEntries(total),
      };
    },
    reset() {
      byTable = new Map();
      total = new Map();
    },
  };
}

/** The tables an awsJson DynamoDB input names: `TableName`, or the keys of a batch call's `RequestItems`. */
export function tablesOf(input: Record<string, unknown>): string[] {
  if (typeof input.TableName === 'string') return [input.TableName];
  const items = input.RequestItems;
  if (items && typeof items === 'object' && !Array.isArray(items)) return Object.keys(items);
  return [];
}

/** The gateway's counts since start or the last reset. */
export async function readDynamoOperations(gatewayUrl: string): Promise<DynamoOperations> {
  const res = await fetch(new URL(OPERATIONS_PATH, gatewayUrl));
  if (!res.ok) throw new Error(`GET ${OPERATIONS_PATH} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as DynamoOperations;
}

/** Zeroes the gateway's counts, so a following read covers only what happened after. */
export async function resetDynamoOperations(gatewayUrl: string): Promise<void> {
  const res = await fetch(new URL(OPERATIONS_PATH, gatewayUrl), { method: 'DELETE' });
  if (!res.ok) throw new Error(`DELETE ${OPERATIONS_PATH} answered ${res.status}: ${await res.text()}`);
}

/** Calls of `operation` in counts, on one table or on all of them. */
export function operationCount(counts: DynamoOperations, operation: string, table?: string): number {
  return (table === undefined ? counts.total[operation] : counts.byTable[table]?.[operation]) ?? 0;
}
