import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BatchWriteItemCommand,
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import awsEvent from './fixtures/aws-dynamodb-stream-event.json';
import { startLocalDynamo, type LocalDynamo } from './local-dynamo';

const fixture = awsEvent as DynamoDBStreamEvent;
let tableCount = 0;

async function createTable(client: DynamoDBClient, stream = true, keyType: 'S' | 'N' = 'S', key = 'id') {
  const name = `Table${++tableCount}`;
  await client.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: key, AttributeType: keyType }],
      KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
      ...(stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } } : {}),
    }),
  );
  return name;
}

function collect(local: LocalDynamo, table: string) {
  const records: DynamoDBRecord[] = [];
  local.dynamo.streams.subscribe(table, async (event) => void records.push(...event.Records));
  return async () => {
    await local.dynamo.streams.flush();
    return records;
  };
}

describe('local DynamoDB service', () => {
  let local: LocalDynamo;
  beforeAll(async () => {
    local = await startLocalDynamo({ ttlSweepIntervalMs: 0, streams: { windowMs: 1 } });
  });
  afterAll(async () => {
    await local.close();
  });

  it('emits the records of the AWS example event for the same three writes, field for field', async () => {
    // Prepare
    const table = await createTable(local.client, true, 'N', 'Id');
    const records = collect(local, table);

    // Act
    await local.client.send(
      new PutItemCommand({ TableName: table, Item: { Message: { S: 'New item!' }, Id: { N: '101' } } }),
    );
    await local.client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { Id: { N: '101' } },
        UpdateExpression: 'SET Message = :m',
        ExpressionAttributeValues: { ':m': { S: 'This item has changed' } },
      }),
    );
    await local.client.send(new DeleteItemCommand({ TableName: table, Key: { Id: { N: '101' } } }));
    const ours = await records();

    // Assess
    expect(ours).toHaveLength(fixture.Records.length);
    ours.forEach((record, i) => {
      const expected = fixture.Records[i]!;
      expect(Object.keys(record).sort()).toEqual(Object.keys(expected).sort());
      expect(Object.keys(record.dynamodb!).sort()).toEqual(
        Object.keys(expected.dynamodb!)
          .concat(i === 0 ? [] : ['ApproximateCreationDateTime'])
          .sort(),
      );
      expect(record.eventName).toBe(expected.eventName);
      expect(record.eventSource).toBe(expected.eventSource);
      expect(record.eventVersion).toBe('1.1');
      expect(record.eventID).toMatch(/^[0-9a-f]{32}$/);
      expect(record.awsRegion).toBe('us-east-1');
      expect(record.eventSourceARN).toMatch(
        new RegExp(
          `^arn:aws:dynamodb:us-east-1:000000000000:table/${table}/stream/\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}$`,
        ),
      );
      const { SequenceNumber, ApproximateCreationDateTime, ...images } = record.dynamodb!;
      const { SequenceNumber: _s, ApproximateCreationDateTime: _a, ...expectedImages } = expected.dynamodb!;
      expect(images).toEqual(expectedImages);
      expect(SequenceNumber).toMatch(/^\d+$/);
      expect(Math.abs(ApproximateCreationDateTime! - Date.now() / 1000)).toBeLessThan(60);
    });
    const sequence = ours.map((r) => BigInt(r.dynamodb!.SequenceNumber!));
    expect([...sequence].sort((a, b) => (a < b ? -1 : 1))).toEqual(sequence);
  });

  it('captures exact old and new images under concurrent updates of one item', async () => {
    // Prepare
    const table = await createTable(local.client);
    const records = collect(local, table);
    const writers = 25;

    // Act
    await Promise.all(
      Array.from({ length: writers }, () =>
        local.client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: { id: { S: 'counter' } },
            UpdateExpression: 'ADD n :one',
            ExpressionAttributeValues: { ':one': { N: '1' } },
          }),
        ),
      ),
    );
    const ours = await records();

    // Assess
    expect(ours.map((r) => r.eventName)).toEqual(['INSERT', ...Array(writers - 1).fill('MODIFY')]);
    ours.forEach((record, i) => {
      expect(record.dynamodb!.NewImage!.n!.N).toBe(String(i + 1));
      expect(record.dynamodb!.OldImage?.n?.N).toBe(i === 0 ? undefined : String(i));
    });
  });

  it('emits nothing for a failed condition, an unchanged item or a delete of nothing', async () => {
    // Prepare
    const table = await createTable(local.client);
    const item = { id: { S: 'a' }, v: { N: '1' } };
    await local.client.send(new PutItemCommand({ TableName: table, Item: item }));
    const records = collect(local, table);

    // Act
    const failed = await local.client
      .send(
        new PutItemCommand({
          TableName: table,
          Item: { ...item, v: { N: '2' } },
          ConditionExpression: 'attribute_not_exists(id)',
        }),
      )
      .catch((e: unknown) => e);
    await local.client.send(new PutItemCommand({ TableName: table, Item: { v: { N: '1.0' }, id: { S: 'a' } } }));
    await local.client.send(
      new UpdateItemCommand({
        TableName: table,
        Key: { id: { S: 'a' } },
        UpdateExpression: 'SET v = :v',
        ExpressionAttributeValues: { ':v': { N: '1' } },
      }),
    );
    await local.client.send(new DeleteItemCommand({ TableName: table, Key: { id: { S: 'nobody' } } }));

    // Assess
    expect(failed).toBeInstanceOf(ConditionalCheckFailedException);
    expect(await records()).toEqual([]);
  });

  it('takes writes as soon as CreateTable has answered, as its tables are created at once', async () => {
    // Prepare: dynalite answers CreateTable with the table still CREATING and makes it ACTIVE later (on its next
    // tick here, then a LevelDB write); a write in between was refused as "Requested resource not found" (seen once
    // in a full run). A backend that keeps new tables CREATING for 200 ms holds that window open.
    const slow = await startLocalDynamo({ ttlSweepIntervalMs: 0, createTableMs: 200 });
    try {
      const table = await createTable(slow.client, false);

      // Act
      const written = await slow.client.send(new PutItemCommand({ TableName: table, Item: { id: { S: 'first' } } }));

      // Assess
      expect(written.$metadata.httpStatusCode).toBe(200);
    } finally {
      await slow.close();
    }
  });

  it('answers with exactly the ReturnValues the client asked for', async () => {
    // Prepare
    const table = await createTable(local.client);
    const key = { id: { S: 'r' } };

    // Act
    const putNone = await local.client.send(new PutItemCommand({ TableName: table, Item: { ...key, v: { N: '1' } } }));
    const putOld = await local.client.send(
      new PutItemCommand({ TableName: table, Item: { ...key, v: { N: '2' }, w: { S: 'x' } }, ReturnValues: 'ALL_OLD' }),
    );
    const update = (ReturnValues: 'NONE' | 'ALL_OLD' | 'ALL_NEW' | 'UPDATED_NEW', v: string) =>
      local.client.send(
        new UpdateItemCommand({
          TableName: table,
          Key: key,
          UpdateExpression: 'SET v = :v',
          ExpressionAttributeValues: { ':v': { N: v } },
          ReturnValues,
        }),
      );
    const updNone = await update('NONE', '3');
    const updOld = await update('ALL_OLD', '4');
    const updNew = await update('ALL_NEW', '5');
    const updUpdated = await update('UPDATED_NEW', '6');
    const delNone = await local.client.send(new DeleteItemCommand({ TableName: table, Key: key }));

    // Assess
    expect(putNone.Attributes).toBeUndefined();
    expect(putOld.Attributes).toEqual({ ...key, v: { N: '1' } });
    expect(updNone.Attributes).toBeUndefined();
    expect(updOld.Attributes).toEqual({ ...key, v: { N: '3' }, w: { S: 'x' } });
    expect(updNew.Attributes).toEqual({ ...key, v: { N: '5' }, w: { S: 'x' } });
    expect(updUpdated.Attributes).toEqual({ v: { N: '6' } });
    expect(delNone.Attributes).toBeUndefined();
  });

  it('emits records for BatchWriteItem puts and deletes with their old images', async () => {
    // Prepare
    const table = await createTable(local.client);
    await local.client.send(new PutItemCommand({ TableName: table, Item: { id: { S: 'old' }, v: { N: '1' } } }));
    const records = collect(local, table);

    // Act
    await local.client.send(
      new BatchWriteItemCommand({
        RequestItems: {
          [table]: [
            { PutRequest: { Item: { id: { S: 'new' }, v: { N: '2' } } } },
            { DeleteRequest: { Key: { id: { S: 'old' } } } },
          ],
        },
      }),
    );
    const ours = await records();

    // Assess
    expect(ours.map((r) => [r.eventName, r.dynamodb!.Keys!.id!.S])).toEqual([
      ['INSERT', 'new'],
      ['REMOVE', 'old'],
    ]);
    expect(ours[1]!.dynamodb!.OldImage).toEqual({ id: { S: 'old' }, v: { N: '1' } });
  });

  it('describes stream settings like DynamoDB and forgets them when the stream is disabled', async () => {
    // Prepare
    const streamed = await createTable(local.client);
    const plain = await createTable(local.client, false);

    // Act
    const before = await local.client.send(new DescribeTableCommand({ TableName: streamed }));
    const without = await local.client.send(new DescribeTableCommand({ TableName: plain }));
    await local.client.send(
      new UpdateTableCommand({ TableName: streamed, StreamSpecification: { StreamEnabled: false } }),
    );
    const after = await local.client.send(new DescribeTableCommand({ TableName: streamed }));

    // Assess
    expect(before.Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(before.Table?.LatestStreamArn).toBe(
      `arn:aws:dynamodb:us-east-1:000000000000:table/${streamed}/stream/${before.Table?.LatestStreamLabel}`,
    );
    expect(without.Table?.StreamSpecification).toBeUndefined();
    expect(after.Table?.StreamSpecification).toBeUndefined();
    expect(after.Table?.TableStatus).toBe('ACTIVE');
  });

  it('expires items past their TTL with service-identity REMOVE records, and keeps the rest', async () => {
    // Prepare
    const table = await createTable(local.client);
    await local.client.send(
      new UpdateTimeToLiveCommand({
        TableName: table,
        TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
      }),
    );
    const now = Math.floor(Date.now() / 1000);
    const items = {
      expired: now - 10,
      future: now + 3600,
      ancient: now - 6 * 365 * 24 * 3600, // DynamoDB ignores TTLs more than five years old
    };
    for (const [id, at] of Object.entries(items))
      await local.client.send(
        new PutItemCommand({ TableName: table, Item: { id: { S: id }, expiresAt: { N: String(at) } } }),
      );
    await local.client.send(
      new PutItemCommand({ TableName: table, Item: { id: { S: 'text' }, expiresAt: { S: 'soon' } } }),
    );
    const records = collect(local, table);

    // Act
    const deleted = await local.dynamo.sweepExpired();
    const ttl = await local.client.send(new DescribeTimeToLiveCommand({ TableName: table }));
    const remaining = await Promise.all(
      ['expired', 'future', 'ancient', 'text'].map(
        async (id) =>
          (await local.client.send(new GetItemCommand({ TableName: table, Key: { id: { S: id } } }))).Item?.id?.S,
      ),
    );
    const ours = await records();

    // Assess
    expect(deleted).toBe(1);
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
    expect(remaining).toEqual([undefined, 'future', 'ancient', 'text']);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({
      eventName: 'REMOVE',
      userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' },
      dynamodb: {
        Keys: { id: { S: 'expired' } },
        OldImage: { id: { S: 'expired' }, expiresAt: { N: String(items.expired) } },
      },
    });
    expect(ours[0]!.dynamodb!.NewImage).toBeUndefined();
  });

  it.each([true, false])(
    'expires what the writes left expired, following every kind of write (stream %s)',
    async (stream) => {
      // Prepare
      const table = await createTable(local.client, stream);
      await local.client.send(
        new UpdateTimeToLiveCommand({
          TableName: table,
          TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
        }),
      );
      const now = Math.floor(Date.now() / 1000);
      const past = { N: String(now - 60) };
      const future = { N: String(now + 3600) };
      const put = (id: string, expiresAt: { N: string }) =>
        local.client.send(new PutItemCommand({ TableName: table, Item: { id: { S: id }, expiresAt } }));
      const setTtl = (
        id: string,
        expression: string,
        values?: Record<string, { N: string }>,
        returnValues?: 'ALL_NEW' | 'UPDATED_OLD',
      ) =>
        local.client.send(
          new UpdateItemCommand({
            TableName: table,
            Key: { id: { S: id } },
            UpdateExpression: expression,
            ExpressionAttributeNames: { '#t': 'expiresAt' },
            ...(values ? { ExpressionAttributeValues: values } : {}),
            ...(returnValues ? { ReturnValues: returnValues } : {}),
          }),
        );
      await put('put-expired', past);
      await put('put-later', future);
      const answers = {
        none: await setTtl('updated-expired', 'SET #t = :t', { ':t': past }),
        allNew: await setTtl('all-new-expired', 'SET #t = :t', { ':t': past }, 'ALL_NEW'),
        updatedOld: await setTtl('updated-old-expired', 'SET #t = :t', { ':t': past }, 'UPDATED_OLD'),
      };
      await put('moved-later', past);
      await setTtl('moved-later', 'SET #t = :t', { ':t': future });
      await put('cleared', past);
      await setTtl('cleared', 'REMOVE #t');
      await put('deleted', past);
      await local.client.send(new DeleteItemCommand({ TableName: table, Key: { id: { S: 'deleted' } } }));
      await local.client.send(
        new BatchWriteItemCommand({
          RequestItems: {
            [table]: [
              { PutRequest: { Item: { id: { S: 'batch-expired' }, expiresAt: past } } },
              { PutRequest: { Item: { id: { S: 'batch-later' }, expiresAt: future } } },
            ],
          },
        }),
      );
      const tracked = local.dynamo.expiries().tracked;

      // Act
      const deleted = await local.dynamo.sweepExpired();
      const again = await local.dynamo.sweepExpired();
      const ids = [
        'put-expired',
        'put-later',
        'updated-expired',
        'all-new-expired',
        'updated-old-expired',
        'moved-later',
        'cleared',
        'deleted',
        'batch-expired',
        'batch-later',
      ];
      const remaining = [];
      for (const id of ids)
        if ((await local.client.send(new GetItemCommand({ TableName: table, Key: { id: { S: id } } }))).Item)
          remaining.push(id);

      // Assess
      expect(deleted).toBe(5);
      expect(again).toBe(0);
      expect(remaining).toEqual(['put-later', 'moved-later', 'cleared', 'batch-later']);
      expect(local.dynamo.expiries().tracked).toBe(tracked - 5);
      // Each update answered with the return values it asked for, none when it asked for none.
      expect(answers.none.Attributes).toBeUndefined();
      expect(answers.allNew.Attributes).toEqual({ id: { S: 'all-new-expired' }, expiresAt: past });
      expect(answers.updatedOld.Attributes).toBeUndefined();
    },
  );

  it('rejects transactions with an explanation instead of half-applying them', async () => {
    // Prepare
    const { TransactWriteItemsCommand } = await import('@aws-sdk/client-dynamodb');

    // Act
    const error = await local.client.send(new TransactWriteItemsCommand({ TransactItems: [] })).then(
      () => new Error('accepted'),
      (e: unknown) => e as Error,
    );

    // Assess
    expect(error.name).toBe('UnknownOperationException');
    expect(error.message).toContain('TransactWriteItems');
  });
});

describe('local DynamoDB persistence', () => {
  it('keeps tables, items, stream and TTL settings across restarts of a data directory', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'dynamo-'));
    try {
      const first = await startLocalDynamo({ dataDir, ttlSweepIntervalMs: 0 });
      const table = await createTable(first.client);
      await first.client.send(
        new UpdateTimeToLiveCommand({
          TableName: table,
          TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' },
        }),
      );
      await first.client.send(new PutItemCommand({ TableName: table, Item: { id: { S: 'kept' } } }));
      const label = (await first.client.send(new DescribeTableCommand({ TableName: table }))).Table?.LatestStreamLabel;
      await first.close();

      // Act
      const second = await startLocalDynamo({ dataDir, ttlSweepIntervalMs: 0 });
      const described = await second.client.send(new DescribeTableCommand({ TableName: table }));
      const ttl = await second.client.send(new DescribeTimeToLiveCommand({ TableName: table }));
      const item = await second.client.send(new GetItemCommand({ TableName: table, Key: { id: { S: 'kept' } } }));
      await second.close();

      // Assess
      expect(described.Table?.LatestStreamLabel).toBe(label);
      expect(ttl.TimeToLiveDescription?.AttributeName).toBe('ttl');
      expect(item.Item).toEqual({ id: { S: 'kept' } });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('reads the expiries of items from before a restart, in pages in the background, and expires them', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'dynamo-'));
    try {
      const first = await startLocalDynamo({ dataDir, ttlSweepIntervalMs: 0 });
      const table = await createTable(first.client, false);
      await first.client.send(
        new UpdateTimeToLiveCommand({
          TableName: table,
          TimeToLiveSpecification: { Enabled: true, AttributeName: 'expiresAt' },
        }),
      );
      const now = Math.floor(Date.now() / 1000);
      for (let i = 0; i < 250; i += 25)
        await first.client.send(
          new BatchWriteItemCommand({
            RequestItems: {
              [table]: Array.from({ length: 25 }, (_, j) => ({
                PutRequest: {
                  Item: { id: { S: `k${i + j}` }, expiresAt: { N: String((i + j) % 5 === 0 ? now - 5 : now + 600) } },
                },
              })),
            },
          }),
        );
      await first.close();

      // Act
      const second = await startLocalDynamo({ dataDir, ttlSweepIntervalMs: 3_600_000 });
      while (!second.dynamo.expiries().complete) await new Promise((resolve) => setTimeout(resolve, 20));
      const rebuilt = second.dynamo.expiries();
      const deleted = await second.dynamo.sweepExpired();
      await second.close();

      // Assess
      expect(rebuilt).toEqual({ tracked: 250, complete: true });
      expect(deleted).toBe(50);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
