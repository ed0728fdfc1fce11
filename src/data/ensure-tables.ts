// Creates the tables of TABLES that do not exist yet, as the cloud defines them (GSIs, on-demand billing,
// NEW_AND_OLD_IMAGES streams, TTL): used by the local stack at start and by tests.
import {
  CreateTableCommand,
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
