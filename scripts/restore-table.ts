// The point-in-time restore runbook's script (README, "Deploy to AWS" → "Restore a table"). Two steps:
//
//   npx tsx scripts/restore-table.ts --table <live table> [--at <ISO time>] [--target <name>] [--dry-run]
//     restores a copy of the live table as it was at that moment (default: the latest restorable time) into a new
//     table on the same customer-managed key, waits until it is ACTIVE and tags it; the live table is untouched.
//   npx tsx scripts/restore-table.ts --copy-back --from <copy> --table <live table> --keys <k1,k2> [--dry-run]
//     writes those items as the copy has them over the live table's (--keys-file <json> for composite keys).
//
// --region picks the Region (else the SDK's usual chain); --endpoint points at the local gateway
// (http://localhost:4566, with its local credentials). --dry-run only reads and prints what would be done.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DynamoDBClient, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS } from '../src/local/dynamodb/local-dynamo';
import { isDomainError } from '../src/core/errors';
import { copyItemsBack, keysOf, planRestore, restoreTable } from '../src/data/point-in-time-restore';

const USAGE = `usage:
  restore-table --table <live table> [--at <ISO time>] [--target <name>] [--max-wait-minutes 240] [--dry-run]
  restore-table --copy-back --from <restored copy> --table <live table> (--keys <k1,k2> | --keys-file <json>) [--dry-run]
  common: [--region <region>] [--endpoint <url>]`;

/** Runs the script with its arguments; the exit code it returns. */
export async function main(argv: string[], log: (line: string) => void = console.log): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      table: { type: 'string' },
      at: { type: 'string' },
      target: { type: 'string' },
      'max-wait-minutes': { type: 'string', default: '240' },
      'dry-run': { type: 'boolean', default: false },
      'copy-back': { type: 'boolean', default: false },
      from: { type: 'string' },
      keys: { type: 'string' },
      'keys-file': { type: 'string' },
      region: { type: 'string' },
      endpoint: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !values.table) {
    log(USAGE);
    return values.help ? 0 : 2;
  }
  const client = new DynamoDBClient({
    ...(values.region ? { region: values.region } : {}),
    ...(values.endpoint
      ? { endpoint: values.endpoint, region: values.region ?? 'us-east-1', credentials: LOCAL_CREDENTIALS }
      : {}),
  });
  const dryRun = values['dry-run'];
  try {
    if (values['copy-back']) {
      if (!values.from || (!values.keys && !values['keys-file'])) {
        log(USAGE);
        return 2;
      }
      const keys = values['keys-file']
        ? (JSON.parse(readFileSync(values['keys-file'], 'utf8')) as Record<string, AttributeValue>[])
        : await keysOf(client, values.table, values.keys!.split(',').filter(Boolean));
      const outcome = await copyItemsBack(client, { from: values.from, to: values.table, keys, dryRun });
      log(
        `${dryRun ? 'would copy' : 'copied'} ${outcome.copied.length} item(s) from ${values.from} to ${values.table}`,
      );
      for (const key of outcome.copied) log(`  ${key}`);
      if (outcome.absent.length > 0) {
        log(`not in the copy (created after its restore point), left as they are: ${outcome.absent.length}`);
        for (const key of outcome.absent) log(`  ${key}`);
      }
      return 0;
    }

    const restoreTo = values.at ? new Date(values.at) : undefined;
    const plan = await planRestore(client, { sourceTable: values.table, restoreTo, targetTable: values.target });
    log(`source:   ${plan.source.name} (${plan.source.arn})`);
    log(
      plan.window
        ? `window:   ${plan.window.earliest.toISOString()} to ${plan.window.latest.toISOString()}`
        : 'window:   unknown',
    );
    log(`restore:  ${restoreTo ? restoreTo.toISOString() : 'the latest restorable time'} into ${plan.targetTable}`);
    log(`key:      ${plan.source.kmsKeyArn ?? "DynamoDB's own"}`);
    for (const warning of plan.warnings) log(`note:     ${warning}`);
    log(`request:  ${JSON.stringify(plan.request)}`);
    if (dryRun) {
      log('dry run: nothing was restored.');
      return 0;
    }
    if (!plan.window) {
      log(
        'restore-table: this DynamoDB keeps no continuous backups, so there is nothing to restore from (--dry-run only).',
      );
      return 1;
    }
    const maxWaitSeconds = Number(values['max-wait-minutes']) * 60;
    await restoreTable(client, plan, { maxWaitSeconds, log });
    log(
      `next: compare ${plan.targetTable} with ${plan.source.name}, copy the damaged items back ` +
        `(--copy-back --from ${plan.targetTable} --table ${plan.source.name} --keys …), then delete the copy.`,
    );
    return 0;
  } catch (error) {
    if (isDomainError(error)) {
      log(`restore-table: ${error.message}${error.resolution ? `\n  ${error.resolution}` : ''}`);
      return 1;
    }
    throw error;
  } finally {
    client.destroy();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
