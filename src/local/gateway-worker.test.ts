// The AWS gateway in its worker thread: it loads under vitest (no TypeScript loader of its own), serves
// the whole stack, and hands table stream batches to this thread with Lambda's retry semantics and a
// position per consumer that survives a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { startGatewayWorker, type GatewayWorker } from './gateway-worker-host';
import { LOCAL_CREDENTIALS } from './dynamodb/local-dynamo';
import { listBookings } from '../generated/graphql';
import { as, gql, startTestStack } from '../../tests/support/test-stack';

describe('gateway worker thread', () => {
  let dir: string;
  let gateway: GatewayWorker;
  let client: DynamoDBClient;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gateway-worker-'));
    gateway = await startGatewayWorker({ port: 0, host: '127.0.0.1', region: 'us-east-1', cognitoDataDir: dir });
    client = new DynamoDBClient({ endpoint: gateway.url, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  }, 30_000);
  afterAll(async () => {
    client?.destroy();
    await gateway?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('retries a stream batch the stack thread fails, then delivers it', async () => {
    // Prepare
    await client.send(
      new CreateTableCommand({
        TableName: 'retried',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    const attempts: DynamoDBStreamEvent[] = [];
    const unsubscribe = await gateway.subscribeStreams('retry-test', async (event) => {
      attempts.push(event);
      if (attempts.length === 1) throw new Error('first attempt fails');
    });

    // Act
    await client.send(new PutItemCommand({ TableName: 'retried', Item: { pk: { S: 'a' }, n: { N: '1' } } }));
    await gateway.flushStreams();
    await unsubscribe();

    // Assess
    expect(attempts).toHaveLength(2);
    expect(attempts[1]?.Records[0]?.eventName).toBe('INSERT');
    expect(attempts[1]?.Records[0]?.dynamodb?.NewImage).toEqual({ pk: { S: 'a' }, n: { N: '1' } });
  });

  it('delivers again, on the next start on the same data, the batches a consumer had not finished', async () => {
    // Prepare
    const data = { port: 0, host: '127.0.0.1', region: 'us-east-1', cognitoDataDir: join(dir, 'redelivery') };
    const dynamoDataDir = join(dir, 'redelivery', 'dynamodb');
    const first = await startGatewayWorker({ ...data, dynamoDataDir });
    const firstClient = new DynamoDBClient({
      endpoint: first.url,
      region: 'us-east-1',
      credentials: LOCAL_CREDENTIALS,
    });
    await firstClient.send(
      new CreateTableCommand({
        TableName: 'orders',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    const put = (client: DynamoDBClient, pk: string) =>
      client.send(new PutItemCommand({ TableName: 'orders', Item: { pk: { S: pk } } }));
    const keysOf = (event: DynamoDBStreamEvent) => event.Records.map((r) => r.dynamodb?.Keys?.pk?.S);
    const finished: (string | undefined)[] = [];
    let reachedB!: () => void;
    const atB = new Promise<void>((resolve) => (reachedB = resolve));
    await first.subscribeStreams('aggregator', async (event) => {
      if (keysOf(event).includes('b')) {
        reachedB();
        return new Promise<void>(() => {}); // still at work when the gateway stops
      }
      finished.push(...keysOf(event));
    });
    await put(firstClient, 'a');
    await first.flushStreams();
    await put(firstClient, 'b');
    await atB;

    // Act
    firstClient.destroy();
    await first.close();
    const second = await startGatewayWorker({ ...data, dynamoDataDir });
    const secondClient = new DynamoDBClient({
      endpoint: second.url,
      region: 'us-east-1',
      credentials: LOCAL_CREDENTIALS,
    });
    const redelivered: (string | undefined)[] = [];
    await second.subscribeStreams('aggregator', async (event) => void redelivered.push(...keysOf(event)));
    await put(secondClient, 'c');
    await second.flushStreams();
    secondClient.destroy();
    await second.close();

    // Assess
    expect(finished).toEqual(['a']);
    expect(redelivered).toEqual(['b', 'c']);
  }, 30_000);

  it('stops its thread on close, quickly', async () => {
    // Prepare
    const other = await startGatewayWorker({
      port: 0,
      host: '127.0.0.1',
      region: 'us-east-1',
      cognitoDataDir: join(dir, 'other'),
    });
    const started = performance.now();

    // Act
    await other.close();

    // Assess
    expect(performance.now() - started).toBeLessThan(2_000);
    await expect(other.flushStreams()).rejects.toThrow(/exited/);
    await expect(fetch(other.url)).rejects.toThrow();
  }, 30_000);
});

describe('local stack with the gateway in a worker', () => {
  it('answers a GraphQL query whose data and sign-in come through the worker', async () => {
    // Prepare
    const stack = await startTestStack();
    try {
      const admin = await as(stack, 'admin@example.com');

      // Act
      const r = await gql<{ listBookings: { items: unknown[] } }>(stack, admin, listBookings, { limit: 5 });

      // Assess
      expect(r.errors).toBeUndefined();
      expect(r.data?.listBookings.items.length).toBeGreaterThan(0);
    } finally {
      await stack.close();
    }
  }, 120_000);
});
