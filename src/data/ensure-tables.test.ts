import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalDynamo, type LocalDynamo } from '../local/dynamodb/local-dynamo';
import { createTableInput, ensureTables } from './ensure-tables';
import { localTableNames, TABLES } from './tables';

describe('ensureTables', () => {
  let local: LocalDynamo;
  beforeAll(async () => {
    local = await startLocalDynamo({ ttlSweepIntervalMs: 0 });
  });
  afterAll(async () => {
    await local.close();
  });

  it('creates every table with its indexes, stream and TTL, and is a no-op the second time', async () => {
    // Prepare
    const names = localTableNames('ensure-');

    // Act
    const created = await ensureTables(local.client, names);
    const again = await ensureTables(local.client, names);
    const bookings = await local.client.send(new DescribeTableCommand({ TableName: names.bookings }));
    const partners = await local.client.send(new DescribeTableCommand({ TableName: names.partners }));
    const ttl = await local.client.send(new DescribeTimeToLiveCommand({ TableName: names.bookings }));

    // Assess
    expect(created).toEqual(Object.values(names).sort());
    expect(again).toEqual([]);
    expect(bookings.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(
      TABLES.bookings.indexes.map((i) => i.name).sort(),
    );
    expect(bookings.Table?.BillingModeSummary?.BillingMode ?? 'PAY_PER_REQUEST').toBe('PAY_PER_REQUEST');
    expect(bookings.Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(partners.Table?.StreamSpecification).toBeUndefined();
    expect(ttl.TimeToLiveDescription).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });
  });

  it('adds an index a table gained since it was created (the outbox of an older local data folder)', async () => {
    // Prepare: the outbox as it was before its `sent` index
    const names = localTableNames('upgrade-');
    const before = { ...TABLES.outbox, indexes: TABLES.outbox.indexes.filter((i) => i.name !== 'sent') };
    await local.client.send(new CreateTableCommand(createTableInput(names.outbox, before)));
    await local.client.send(
      new PutItemCommand({ TableName: names.outbox, Item: { id: { S: 'm-1' }, message: { S: 'kept' } } }),
    );

    // Act
    await ensureTables(local.client, names);
    const outbox = await local.client.send(new DescribeTableCommand({ TableName: names.outbox }));
    const kept = await local.client.send(new GetItemCommand({ TableName: names.outbox, Key: { id: { S: 'm-1' } } }));

    // Assess
    expect(outbox.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['byBooking', 'sent']);
    expect(kept.Item?.message).toEqual({ S: 'kept' });
  });
});
