// `streams`: what capturing DynamoDB Streams records costs a write on the local DynamoDB service. The median
// latency of PutItem and UpdateItem (1,000 sequential writes over 50 keys, after a warm-up) on a table with a
// NEW_AND_OLD_IMAGES stream and on one without. Goal: capture under 2× the plain write's median. This was a
// timed unit test until it timed out under CI-like load; a latency ratio is a benchmark, not a pass/fail test.
import { CreateTableCommand, PutItemCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startLocalDynamo } from '../src/local/dynamodb/local-dynamo';
import { percentile, printTable, type Row } from './stats';

const WRITES = 1_000;
const GOAL_RATIO = 2;

async function createTable(client: DynamoDBClient, name: string, stream: boolean) {
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      ...(stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } } : {}),
    }),
  );
  return name;
}

export async function runStreamsBench() {
  const local = await startLocalDynamo({ ttlSweepIntervalMs: 0, streams: { windowMs: 1 } });
  const rows: Row[] = [];
  const results: Record<string, unknown>[] = [];
  try {
    for (const operation of ['PutItem', 'UpdateItem'] as const) {
      const plain = await createTable(local.client, `Plain${operation}`, false);
      const streamed = await createTable(local.client, `Streamed${operation}`, true);
      const write = (table: string, i: number) =>
        operation === 'PutItem'
          ? local.client.send(
              new PutItemCommand({ TableName: table, Item: { id: { S: `k${i % 50}` }, v: { N: String(i) } } }),
            )
          : local.client.send(
              new UpdateItemCommand({
                TableName: table,
                Key: { id: { S: `k${i % 50}` } },
                UpdateExpression: 'SET v = :v',
                ExpressionAttributeValues: { ':v': { N: String(i) } },
              }),
            );
      const timings = async (table: string) => {
        const times: number[] = [];
        for (let i = 0; i < WRITES; i++) {
          const start = performance.now();
          await write(table, i);
          times.push(performance.now() - start);
        }
        return times.sort((a, b) => a - b);
      };
      await timings(plain);
      await timings(streamed);
      // Two rounds taken in turn (plain, streamed, plain, streamed), so a burst of other load on the machine
      // weighs on both sides alike.
      const plainTimes: number[] = [];
      const streamedTimes: number[] = [];
      for (let round = 0; round < 2; round++) {
        plainTimes.push(...(await timings(plain)));
        streamedTimes.push(...(await timings(streamed)));
      }
      plainTimes.sort((a, b) => a - b);
      streamedTimes.sort((a, b) => a - b);
      const plainP50 = percentile(plainTimes, 50);
      const streamedP50 = percentile(streamedTimes, 50);
      const ratio = streamedP50 / plainP50;
      const row = {
        operation,
        'plain p50 ms': plainP50,
        'streamed p50 ms': streamedP50,
        'plain p95 ms': percentile(plainTimes, 95),
        'streamed p95 ms': percentile(streamedTimes, 95),
        ratio,
        goal: `< ${GOAL_RATIO}`,
        met: ratio < GOAL_RATIO ? 'yes' : 'NO',
      };
      rows.push(row);
      results.push(row);
    }
  } finally {
    await local.close();
  }
  printTable('streams: write latency with and without stream capture (local DynamoDB)', rows);
  return { writes: WRITES, results };
}
