// Point-in-time restore of a table (Req 6.8, 16.2), behind scripts/restore-table.ts. DynamoDB restores into a new
// table, never over the live one: the runbook restores a copy as the table was before the damage, then copies the
// damaged items back from it into the live table, which the functions keep using (their table names come from the
// stack). Planning only reads, so --dry-run works anywhere, the local gateway included (which keeps no continuous
// backups: the restore window is then reported as unknown).
import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  ListTagsOfResourceCommand,
  PutItemCommand,
  RestoreTableToPointInTimeCommand,
  TagResourceCommand,
  waitUntilTableExists,
  type AttributeValue,
  type DynamoDBClient,
  type RestoreTableToPointInTimeCommandInput,
  type TableDescription,
  type Tag,
} from '@aws-sdk/client-dynamodb';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors';

type Client = Pick<DynamoDBClient, 'send'>;

export type RestoreRequest = {
  /** The live table's physical name. */
  sourceTable: string;
  /** The moment to restore to; absent, the latest restorable time (about five minutes ago). */
  restoreTo?: Date;
  /** The new table's name; by default `<source>-restored-<time>`. */
  targetTable?: string;
};

export type RestorePlan = {
  source: {
    name: string;
    arn: string;
    /** The customer-managed key the source is encrypted with, if any: the copy gets the same key. */
    kmsKeyArn?: string;
    ttlAttribute?: string;
    tags: Tag[];
  };
  /** The restorable window; undefined where the DynamoDB keeps no continuous backups (the local gateway). */
  window?: { earliest: Date; latest: Date };
  targetTable: string;
  /** What RestoreTableToPointInTime is sent. */
  request: RestoreTableToPointInTimeCommandInput;
  /** Tags the restored table gets once it is ACTIVE (DynamoDB restores none). */
  tags: Tag[];
  warnings: string[];
};

/** The tag AWS Backup selects tables by (infra-cfn/templates/backup.yaml): a restored copy is not backed up. */
const BACKUP_TAG = 'courier:backup';

const errorName = (error: unknown) => (error instanceof Error ? error.name : '');

async function describeTable(client: Client, name: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (errorName(error) === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

/** `20261206T031500Z`: table names allow letters, digits, `_`, `-` and `.`. */
const compactTime = (time: Date) =>
  time
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * Checks that the restore can be made (the table exists, point-in-time recovery is on, the moment lies in the
 * window, the target name is free) and says exactly what will be sent, reading only: the dry run is this.
 */
export async function planRestore(client: Client, request: RestoreRequest, now = new Date()): Promise<RestorePlan> {
  const source = await describeTable(client, request.sourceTable);
  if (!source?.TableArn) {
    throw new NotFoundError(`There is no table named ${request.sourceTable}.`, {
      resolution: 'Give the physical name: aws ssm get-parameter --name /courier/<env>/amplify/table/<key>.',
    });
  }
  const warnings: string[] = [];

  let window: RestorePlan['window'];
  try {
    const backups = await client.send(new DescribeContinuousBackupsCommand({ TableName: request.sourceTable }));
    const pitr = backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
    if (pitr?.PointInTimeRecoveryStatus !== 'ENABLED' || !pitr.EarliestRestorableDateTime) {
      throw new ConflictError(`Point-in-time recovery is not enabled on ${request.sourceTable}.`, {
        resolution: "Restore from the AWS Backup vault's daily recovery points instead (README, Deploy to AWS).",
      });
    }
    window = {
      earliest: pitr.EarliestRestorableDateTime,
      latest: pitr.LatestRestorableDateTime ?? new Date(now.getTime() - 5 * 60_000),
    };
  } catch (error) {
    if (errorName(error) !== 'UnknownOperationException') throw error;
    warnings.push('This DynamoDB keeps no continuous backups (the local gateway): the restore window is not checked.');
  }

  const restoreTo = request.restoreTo;
  if (restoreTo && Number.isNaN(restoreTo.getTime())) throw new ValidationError('The restore time is not a date.');
  if (restoreTo && window && (restoreTo < window.earliest || restoreTo > window.latest)) {
    throw new ValidationError(
      `${restoreTo.toISOString()} is outside ${request.sourceTable}'s restorable window, ` +
        `${window.earliest.toISOString()} to ${window.latest.toISOString()}.`,
      { field: 'restoreTo', resolution: 'Choose a moment inside the window, or omit it for the latest.' },
    );
  }

  const targetTable =
    request.targetTable ?? `${request.sourceTable}-restored-${compactTime(restoreTo ?? window?.latest ?? now)}`;
  if (await describeTable(client, targetTable)) {
    throw new ConflictError(`A table named ${targetTable} already exists.`, {
      resolution: 'Name another target, or delete the earlier copy when its repair is done.',
    });
  }

  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: request.sourceTable }));
  const ttlAttribute =
    ttl.TimeToLiveDescription?.TimeToLiveStatus === 'ENABLED' ? ttl.TimeToLiveDescription.AttributeName : undefined;
  const sourceTags = (await client.send(new ListTagsOfResourceCommand({ ResourceArn: source.TableArn }))).Tags ?? [];

  const kmsKeyArn = source.SSEDescription?.SSEType === 'KMS' ? source.SSEDescription.KMSMasterKeyArn : undefined;
  const billingMode = source.BillingModeSummary?.BillingMode ?? 'PROVISIONED';
  const throughput = source.ProvisionedThroughput;
  const restore: RestoreTableToPointInTimeCommandInput = {
    SourceTableArn: source.TableArn,
    TargetTableName: targetTable,
    ...(restoreTo ? { RestoreDateTime: restoreTo } : { UseLatestRestorableTime: true }),
    BillingModeOverride: billingMode,
    ...(billingMode === 'PROVISIONED' && throughput?.ReadCapacityUnits && throughput.WriteCapacityUnits
      ? {
          ProvisionedThroughputOverride: {
            ReadCapacityUnits: throughput.ReadCapacityUnits,
            WriteCapacityUnits: throughput.WriteCapacityUnits,
          },
        }
      : {}),
    ...(kmsKeyArn ? { SSESpecificationOverride: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: kmsKeyArn } } : {}),
  };
  if (!kmsKeyArn) warnings.push(`${request.sourceTable} reports no customer-managed key: the copy gets DynamoDB's.`);
  if (ttlAttribute) {
    warnings.push(
      `The copy has no TTL (DynamoDB restores none): items past ${ttlAttribute} stay readable until it is deleted.`,
    );
  }

  return {
    source: { name: request.sourceTable, arn: source.TableArn, kmsKeyArn, ttlAttribute, tags: sourceTags },
    window,
    targetTable,
    request: restore,
    tags: [
      ...sourceTags.filter((tag) => tag.Key !== BACKUP_TAG),
      { Key: 'courier:restored-from', Value: request.sourceTable },
      { Key: 'courier:restored-to', Value: restoreTo ? restoreTo.toISOString() : 'latest' },
    ],
    warnings,
  };
}

/**
 * Makes the restore a plan describes and waits until the copy is ACTIVE (large tables take hours), then tags
 * it. The live table is not touched; DynamoDB restores no TTL, streams, tags, auto-scaling or alarms.
 */
export async function restoreTable(
  client: DynamoDBClient,
  plan: RestorePlan,
  options: { maxWaitSeconds: number; log: (line: string) => void },
): Promise<TableDescription> {
  const started = await client.send(new RestoreTableToPointInTimeCommand(plan.request));
  options.log(`restore started: ${plan.targetTable} (${started.TableDescription?.TableStatus ?? 'CREATING'})`);
  await waitUntilTableExists(
    { client, maxWaitTime: options.maxWaitSeconds, minDelay: 20, maxDelay: 120 },
    { TableName: plan.targetTable },
  );
  const restored = await describeTable(client, plan.targetTable);
  if (!restored?.TableArn) throw new Error(`${plan.targetTable} did not appear after the restore`);
  if (plan.tags.length > 0) {
    await client.send(new TagResourceCommand({ ResourceArn: restored.TableArn, Tags: plan.tags }));
  }
  options.log(`restored: ${plan.targetTable} is ${restored.TableStatus}, ${restored.ItemCount ?? 0} items`);
  return restored;
}

export type CopyBackOutcome = {
  /** Keys whose item in the copy was written over the live one (or would be, in a dry run). */
  copied: string[];
  /** Keys the copy has no item for: created after the restore point. Left as they are. */
  absent: string[];
};

/**
 * Repairs items: writes each key's item as the restored copy has it over the live table's. The writes go
 * through the live table's stream, so the corruption detector checks them again.
 */
export async function copyItemsBack(
  client: Client,
  options: { from: string; to: string; keys: Record<string, AttributeValue>[]; dryRun: boolean },
): Promise<CopyBackOutcome> {
  const outcome: CopyBackOutcome = { copied: [], absent: [] };
  for (const key of options.keys) {
    const label = JSON.stringify(key);
    const { Item } = await client.send(new GetItemCommand({ TableName: options.from, Key: key, ConsistentRead: true }));
    if (!Item) {
      outcome.absent.push(label);
      continue;
    }
    if (!options.dryRun) await client.send(new PutItemCommand({ TableName: options.to, Item }));
    outcome.copied.push(label);
  }
  return outcome;
}

/** Key values given on the command line (`--keys a,b`) as keys of a table whose key is its partition key. */
export async function keysOf(
  client: Client,
  table: string,
  values: string[],
): Promise<Record<string, AttributeValue>[]> {
  const description = await describeTable(client, table);
  if (!description) throw new NotFoundError(`There is no table named ${table}.`);
  const schema = description.KeySchema ?? [];
  const hash = schema.find((k) => k.KeyType === 'HASH')?.AttributeName;
  if (!hash || schema.length !== 1) {
    throw new ValidationError(`${table} has a composite key: give the keys as JSON (--keys-file).`, { field: 'keys' });
  }
  const type = description.AttributeDefinitions?.find((a) => a.AttributeName === hash)?.AttributeType ?? 'S';
  return values.map(
    (value) => ({ [hash]: type === 'N' ? { N: value } : { S: value } }) as Record<string, AttributeValue>,
  );
}
