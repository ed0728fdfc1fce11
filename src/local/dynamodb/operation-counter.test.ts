import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTableCommand, UpdateTimeToLiveCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalDynamo, type LocalDynamo } from './local-dynamo';
import {
  createOperationCounter,
  NO_TABLE,
  OPERATIONS_PATH,
  operationCount,
  readDynamoOperations,
  resetDynamoOperations,
  tablesOf,
} from './operation-counter';

async function createTable(client: DynamoDBClient, name: string, ttl = false) {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  if (ttl)
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
      }),
    );
}

describe('operation counter', () => {
  it('files each call under every table it names, and once per operation in the totals', () => {
    // Prepare
    const counter = createOperationCounter();

    // Act
    counter.count('Scan', ['A']);
    counter.count('Scan', ['A']);
    counter.count('BatchGetItem', ['A', 'B']);
    counter.count('ListTables', []);
    const before = counter.snapshot();
    counter.reset();

    // Assess
    expect(before).toEqual({
      byTable: { A: { Scan: 2, BatchGetItem: 1 }, B: { BatchGetItem: 1 }, [NO_TABLE]: { ListTables: 1 } },
      total: { Scan: 2, BatchGetItem: 1, ListTables: 1 },
    });
    expect(counter.snapshot()).toEqual({ byTable: {}, total: {} });
    expect(tablesOf({ RequestItems: { X: [], Y: [] } })).toEqual(['X', 'Y']);
    expect(tablesOf({})).toEqual([]);
  });
});

describe('operation counts at the local DynamoDB', () => {
  let local: LocalDynamo;
  beforeAll(async () => {
    local = await startLocalDynamo({ ttlSweepIntervalMs: 0, streams: { windowMs: 1 } });
    await createTable(local.client, 'Counted', true);
    await createTable(local.client, 'Other');
  });
  afterAll(async () => {
    await local.close();
  });

  it('counts the calls clients made, per table, over HTTP, and starts again after a reset', async () => {
    // Prepare
    await resetDynamoOperations(local.gateway.url);

    // Act
    await local.doc.send(
      new BatchWriteCommand({
        RequestItems: {
          Counted: [
            { PutRequest: { Item: { id: 'a', expiresAt: Math.floor(Date.now() / 1000) - 60 } } },
            { PutRequest: { Item: { id: 'b' } } },
          ],
          Other: [{ PutRequest: { Item: { id: 'c' } } }],
        },
      }),
    );
    await local.doc.send(new GetCommand({ TableName: 'Counted', Key: { id: 'a' } }));
    await local.doc.send(
      new QueryCommand({
        TableName: 'Other',
        KeyConditionExpression: 'id = :id',
        ExpressionAttributeValues: { ':id': 'c' },
      }),
    );
    await local.doc.send(new ScanCommand({ TableName: 'Counted' }));
    // Made by the service itself (old images for the stream, the TTL sweep's Scan): not client calls.
    const expired = await local.dynamo.sweepExpired(new Date());
    const counts = await readDynamoOperations(local.gateway.url);
    await resetDynamoOperations(local.gateway.url);
    const afterReset = await readDynamoOperations(local.gateway.url);

    // Assess
    expect(expired).toBe(1);
    expect(counts.byTable).toEqual({
      Counted: { BatchWriteItem: 1, GetItem: 1, Scan: 1 },
      Other: { BatchWriteItem: 1, Query: 1 },
    });
    expect(counts.total).toEqual({ BatchWriteItem: 1, GetItem: 1, Query: 1, Scan: 1 });
    expect(operationCount(counts, 'Scan')).toBe(1);
    expect(operationCount(counts, 'Scan', 'Other')).toBe(0);
    expect(afterReset).toEqual({ byTable: {}, total: {} });
  });

  it('refuses other methods on the operations path', async () => {
    // Act
    const res = await fetch(new URL(OPERATIONS_PATH, local.gateway.url), { method: 'POST' });

    // Assess
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, DELETE');
  });
});
