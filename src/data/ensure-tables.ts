// Creates the tables of TABLES that do not exist yet, as the cloud defines them (GSIs, on-demand billing,
// NEW_AND_OLD_IMAGES streams, TTL): used by the local stack at start and by tests.
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DeleteTableCommand,
  DynamoDBServiceException,
  ScanCommand,
  type AttributeValue,
  type BatchWriteItemCommandOutput,
  type WriteRequest,
  DescribeTableCommand,
  UpdateTableCommand,
  DescribeTimeToLiveCommand,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { TABLES, type TableDefinition, type TableKey, type TableNames } from './tables';

/** Returns the physical names it created (already existing tables are left as they are, TTL included). */
export async function ensureTables(client: DynamoDBClient, names: TableNames): Promise<string[]> {
  const existing = new Set<string>();
  let start: string | undefined;
  do {
    const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
    for (const name of page.TableNames ?? []) existing.add(name);
    start = page.LastEvaluatedTableName;
  } while (start);

  const created: string[] = [];
  await Promise.all(
    (Object.entries(TABLES) as [TableKey, TableDefinition][]).map(async ([key, def]) => {
      const name = names[key];
      // A table that gained a stream since it was created (Audit, for partner analytics) gets it now.
      if (existing.has(name) && def.stream) await ensureStream(client, name);
      // A table that gained an index since it was created (Outbox's `sent`, for the Messages page) gets it now.
      if (existing.has(name) && def.indexes.length > 0) await ensureIndexes(client, name, def);
      if (!existing.has(name)) {
        try {
          await client.send(new CreateTableCommand(createTableInput(name, def)));
          created.push(name);
        } catch (error) {
          if (!(error instanceof ResourceInUseException)) throw error;
        }
      }
      if (def.ttlAttribute) await ensureTimeToLive(client, name, def.ttlAttribute);
    }),
  );
  return created.sort();
}

async function ensureStream(client: DynamoDBClient, table: string): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
  if (Table?.StreamSpecification?.StreamEnabled) return;
  await client.send(
    new UpdateTableCommand({
      TableName: table,
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
}

/**
 * Adds the indexes a table gained since it was created. DynamoDB adds one per UpdateTable call; the local
 * emulator (dynalite) cannot add an index at all, so there the table is rebuilt with its items copied over.
 */
async function ensureIndexes(client: DynamoDBClient, table: string, def: TableDefinition): Promise<void> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: table }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  const wanted = createTableInput(table, def);
  const missing = (wanted.GlobalSecondaryIndexes ?? []).filter((index) => !present.has(index.IndexName));
  try {
    for (const index of missing) {
      const names = new Set(index.KeySchema.map((k) => k.AttributeName));
      await client.send(
        new UpdateTableCommand({
          TableName: table,
          AttributeDefinitions: wanted.AttributeDefinitions.filter((a) => names.has(a.AttributeName!)),
          GlobalSecondaryIndexUpdates: [{ Create: index }],
        }),
      );
    }
  } catch (error) {
    if (!(error instanceof DynamoDBServiceException) || error.name !== 'ValidationException') throw error;
    await rebuildTable(client, table, def);
  }
}

async function rebuildTable(client: DynamoDBClient, table: string, def: TableDefinition): Promise<void> {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  await client.send(new DeleteTableCommand({ TableName: table }));
  await client.send(new CreateTableCommand(createTableInput(table, def)));
  for (let i = 0; i < items.length; i += 25) {
    let pending: Record<string, WriteRequest[]> | undefined = {
      [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
    };
    while (pending && Object.keys(pending).length > 0) {
      const out: BatchWriteItemCommandOutput = await client.send(new BatchWriteItemCommand({ RequestItems: pending }));
      pending = out.UnprocessedItems;
    }
  }
}

async function ensureTimeToLive(client: DynamoDBClient, table: string, attribute: string): Promise<void> {
  const { TimeToLiveDescription } = await client.send(new DescribeTimeToLiveCommand({ TableName: table }));
  if (TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED' || TimeToLiveDescription?.TimeToLiveStatus === 'ENABLING')
    return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: table,
      TimeToLiveSpecification: { Enabled: true, AttributeName: attribute },
    }),
  );
}

export function createTableInput(name: string, def: TableDefinition) {
  const attributes = new Map<string, AttributeDefinition>();
  const keyAttributes = [def.partitionKey, def.sortKey, ...def.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  for (const attr of keyAttributes)
    if (attr) attributes.set(attr.name, { AttributeName: attr.name, AttributeType: attr.type });
  const keySchema = (pk: { name: string }, sk?: { name: string }) => [
    { AttributeName: pk.name, KeyType: 'HASH' as const },
    ...(sk ? [{ AttributeName: sk.name, KeyType: 'RANGE' as const }] : []),
  ];
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST' as const,
    AttributeDefinitions: [...attributes.values()],
    KeySchema: keySchema(def.partitionKey, def.sortKey),
    ...(def.indexes.length > 0
      ? {
          GlobalSecondaryIndexes: def.indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }
      : {}),
    ...(def.stream
      ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' as const } }
      : {}),
  };
}
