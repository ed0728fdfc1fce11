// The point-in-time restore script against the local gateway: its dry run reads the live table and says what
// it would restore (the local DynamoDB has no continuous backups, so nothing is restored), it refuses what
// cannot be done, and its copy-back step repairs damaged items from a copy and leaves newer ones alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { startTestTables, type TestTables } from '../../src/data/test-tables';
import { ensureTables } from '../../src/data/ensure-tables';
import { localTableNames, type TableNames } from '../../src/data/tables';
import { main } from '../../scripts/restore-table';

let live: TestTables;
let copy: TableNames;
beforeAll(async () => {
  live = await startTestTables();
  // A restored copy, as the first step makes it (the local DynamoDB cannot restore, so it is written here).
  copy = localTableNames('restored-');
  await ensureTables(live.local.client, copy);
});
afterAll(async () => live?.close());

async function run(...args: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const code = await main([...args, '--endpoint', live.local.gateway.url], (line) => lines.push(line));
  return { code, output: lines.join('\n') };
}

const tableCount = async () => (await live.local.client.send(new ListTablesCommand({}))).TableNames?.length;

describe('scripts/restore-table.ts against the local gateway', () => {
  it('plans the restore of the live bookings table in a dry run, and restores nothing', async () => {
    // Prepare
    const before = await tableCount();

    // Act
    const { code, output } = await run('--table', live.names.bookings, '--at', '2026-12-05T22:15:00Z', '--dry-run');

    // Assess
    expect(code).toBe(0);
    expect(output).toContain(`source:   ${live.names.bookings} (arn:aws:dynamodb:`);
    expect(output).toContain(`into ${live.names.bookings}-restored-20261205T221500Z`);
    expect(output).toMatch(/window: {3}unknown/);
    expect(output).toMatch(/no continuous backups \(the local gateway\)/);
    expect(output).toMatch(/The copy has no TTL .* past expiresAt/);
    expect(output).toContain('"RestoreDateTime":"2026-12-05T22:15:00.000Z"');
    expect(output).toContain('dry run: nothing was restored.');
    expect(await tableCount()).toBe(before);
  });

  it('refuses a real restore where there are no continuous backups, and creates nothing', async () => {
    // Prepare
    const before = await tableCount();

    // Act
    const { code, output } = await run('--table', live.names.bookings);

    // Assess
    expect(code).toBe(1);
    expect(output).toContain('keeps no continuous backups, so there is nothing to restore from (--dry-run only)');
    expect(await tableCount()).toBe(before);
  });

  it('refuses a table that does not exist and a target name already taken, saying why', async () => {
    const missing = await run('--table', 'no-such-table', '--dry-run');
    expect(missing.code).toBe(1);
    expect(missing.output).toMatch(/There is no table named no-such-table\.\n {2}Give the physical name/);

    const taken = await run('--table', live.names.bookings, '--target', copy.bookings, '--dry-run');
    expect(taken.code).toBe(1);
    expect(taken.output).toContain(`A table named ${copy.bookings} already exists.`);
  });

  it('copies damaged items back from the copy, and leaves items the copy does not have', async () => {
    // Prepare
    const good = { reference: 'K7M-4QX-9', status: 'DELIVERED', customerName: 'Ada Lovelace' };
    await live.local.doc.send(new PutCommand({ TableName: copy.bookings, Item: good }));
    await live.local.doc.send(
      new PutCommand({ TableName: live.names.bookings, Item: { ...good, status: 'BOOKED', customerName: '' } }),
    );
    const newer = { reference: 'N3W-B00-K', status: 'BOOKED', customerName: 'Grace Hopper' };
    await live.local.doc.send(new PutCommand({ TableName: live.names.bookings, Item: newer }));
    const read = async (reference: string) =>
      (await live.local.doc.send(new GetCommand({ TableName: live.names.bookings, Key: { reference } }))).Item;
    const args = [
      '--copy-back',
      '--from',
      copy.bookings,
      '--table',
      live.names.bookings,
      '--keys',
      'K7M-4QX-9,N3W-B00-K',
    ];

    // Act
    const dryRun = await run(...args, '--dry-run');
    const afterDryRun = await read('K7M-4QX-9');
    const repair = await run(...args);

    // Assess
    expect(dryRun.code).toBe(0);
    expect(dryRun.output).toContain(`would copy 1 item(s) from ${copy.bookings}`);
    expect(afterDryRun?.status).toBe('BOOKED');
    expect(repair.code).toBe(0);
    expect(repair.output).toContain('copied 1 item(s)');
    expect(repair.output).toMatch(/left as they are: 1\n {2}\{"reference":\{"S":"N3W-B00-K"\}\}/);
    expect(await read('K7M-4QX-9')).toEqual(good);
    expect(await read('N3W-B00-K')).toEqual(newer);
  });
});
