import { describe, expect, it } from 'vitest';
import type { DynamoDBClient, RestoreTableToPointInTimeCommandInput } from '@aws-sdk/client-dynamodb';
import { ConflictError, ValidationError } from '../core/errors';
import { planRestore, restoreTable } from './point-in-time-restore';

const ARN = 'arn:aws:dynamodb:eu-central-1:111122223333:table/Bookings-abc';
const KEY = 'arn:aws:kms:eu-central-1:111122223333:key/0000-1111';
const EARLIEST = new Date('2026-11-01T00:00:00Z');
const LATEST = new Date('2026-12-06T03:00:00Z');

/** DynamoDB as the cloud answers for a provisioned, KMS-encrypted table with PITR and TTL on. */
function fakeDynamo(options: { pitr?: 'ENABLED' | 'DISABLED'; existing?: string[] } = {}) {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  const tables = new Set(['Bookings-abc', ...(options.existing ?? [])]);
  const send = async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const name = command.constructor.name.replace(/Command$/, '');
    sent.push({ name, input: command.input });
    switch (name) {
      case 'DescribeTable': {
        if (!tables.has(String(command.input.TableName))) {
          throw Object.assign(new Error('Requested resource not found'), { name: 'ResourceNotFoundException' });
        }
        return {
          Table: {
            TableName: command.input.TableName,
            TableArn: ARN,
            TableStatus: 'ACTIVE',
            ItemCount: 3,
            BillingModeSummary: { BillingMode: 'PROVISIONED' },
            ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 7 },
            SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: KEY },
          },
        };
      }
      case 'DescribeContinuousBackups':
        return {
          ContinuousBackupsDescription: {
            ContinuousBackupsStatus: 'ENABLED',
            PointInTimeRecoveryDescription: {
              PointInTimeRecoveryStatus: options.pitr ?? 'ENABLED',
              EarliestRestorableDateTime: EARLIEST,
              LatestRestorableDateTime: LATEST,
            },
          },
        };
      case 'DescribeTimeToLive':
        return { TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' } };
      case 'ListTagsOfResource':
        return {
          Tags: [
            { Key: 'courier:backup', Value: 'prod' },
            { Key: 'courier:environment', Value: 'prod' },
          ],
        };
      case 'RestoreTableToPointInTime':
        tables.add(String(command.input.TargetTableName));
        return { TableDescription: { TableStatus: 'CREATING' } };
      case 'TagResource':
        return {};
      default:
        throw new Error(`unexpected ${name}`);
    }
  };
  return { client: { send } as unknown as DynamoDBClient, sent };
}

describe('planRestore', () => {
  it('restores to the moment asked, on the same key and capacity, and names the copy after it', async () => {
    // Prepare
    const { client, sent } = fakeDynamo();

    // Act
    const plan = await planRestore(client, {
      sourceTable: 'Bookings-abc',
      restoreTo: new Date('2026-12-05T22:15:00Z'),
    });

    // Assess
    expect(plan.targetTable).toBe('Bookings-abc-restored-20261205T221500Z');
    expect(plan.request).toEqual<RestoreTableToPointInTimeCommandInput>({
      SourceTableArn: ARN,
      TargetTableName: 'Bookings-abc-restored-20261205T221500Z',
      RestoreDateTime: new Date('2026-12-05T22:15:00Z'),
      BillingModeOverride: 'PROVISIONED',
      ProvisionedThroughputOverride: { ReadCapacityUnits: 5, WriteCapacityUnits: 7 },
      SSESpecificationOverride: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: KEY },
    });
    expect(plan.window).toEqual({ earliest: EARLIEST, latest: LATEST });
    expect(plan.tags).toEqual([
      { Key: 'courier:environment', Value: 'prod' },
      { Key: 'courier:restored-from', Value: 'Bookings-abc' },
      { Key: 'courier:restored-to', Value: '2026-12-05T22:15:00.000Z' },
    ]);
    expect(plan.warnings.join(' ')).toMatch(/no TTL/);
    expect(sent.map((s) => s.name)).not.toContain('RestoreTableToPointInTime');
  });

  it('refuses a moment outside the window, naming the window', async () => {
    const { client } = fakeDynamo();
    const planning = planRestore(client, { sourceTable: 'Bookings-abc', restoreTo: new Date('2026-10-01T00:00:00Z') });
    await expect(planning).rejects.toBeInstanceOf(ValidationError);
    await expect(planning).rejects.toThrow(/2026-11-01T00:00:00.000Z to 2026-12-06T03:00:00.000Z/);
  });

  it('refuses when point-in-time recovery is off, or the target name is taken', async () => {
    await expect(planRestore(fakeDynamo({ pitr: 'DISABLED' }).client, { sourceTable: 'Bookings-abc' })).rejects.toThrow(
      ConflictError,
    );
    await expect(
      planRestore(fakeDynamo({ existing: ['copy'] }).client, { sourceTable: 'Bookings-abc', targetTable: 'copy' }),
    ).rejects.toThrow(/A table named copy already exists/);
  });

  it('takes the latest restorable time when no moment is given', async () => {
    const plan = await planRestore(fakeDynamo().client, { sourceTable: 'Bookings-abc' });
    expect(plan.request.UseLatestRestorableTime).toBe(true);
    expect(plan.request.RestoreDateTime).toBeUndefined();
    expect(plan.targetTable).toBe('Bookings-abc-restored-20261206T030000Z');
  });
});

describe('restoreTable', () => {
  it('sends the planned restore, waits for the copy and tags it', async () => {
    // Prepare
    const { client, sent } = fakeDynamo();
    const plan = await planRestore(client, { sourceTable: 'Bookings-abc' });
    sent.length = 0;

    // Act
    const restored = await restoreTable(client, plan, { maxWaitSeconds: 60, log: () => undefined });

    // Assess
    expect(restored.TableStatus).toBe('ACTIVE');
    expect(sent.map((s) => s.name)).toEqual([
      'RestoreTableToPointInTime',
      'DescribeTable',
      'DescribeTable',
      'TagResource',
    ]);
    expect(sent[0]!.input).toEqual(plan.request);
    expect(sent[3]!.input.Tags).toEqual(plan.tags);
  });
});
