// What a persisted local stack leaves on disk after seeding the demo: the demo password nowhere, and the
// demo partner tokens only in the file that exists to hand them out (DynamoDB keeps their SHA-256).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARTNER_TOKENS_FILE } from '../../src/local/seed/demo-partner-tokens';
import { startStack, type Stack } from '../../src/local/stack';
import { DEMO_PASSWORD, testCompanyTimeZone } from '../support/test-stack';

let dataDir: string;
let stack: Stack | undefined;
let tokens: string[];
let tableText: string;
let files: { path: string; bytes: Buffer }[];

/** The ways a string could sit in a file: as text, UTF-16 (LevelDB values are not re-encoded) or base64. */
function encodings(secret: string): Buffer[] {
  const utf8 = Buffer.from(secret, 'utf8');
  return [utf8, Buffer.from(secret, 'utf16le'), Buffer.from(utf8.toString('base64').slice(0, -4), 'utf8')];
}

function filesHolding(secret: string): string[] {
  return files.filter((f) => encodings(secret).some((e) => f.bytes.includes(e))).map((f) => f.path);
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'secrets-at-rest-'));
  stack = await startStack({
    dataDir,
    gatewayPort: 0,
    webPort: 0,
    demoPassword: DEMO_PASSWORD,
    seed: true,
    seedRules: 'unrestricted',
    web: 'none',
    provisionVoicebot: false,
    timeZone: testCompanyTimeZone(),
  });
  tokens = stack.demoPartnerTokens.map((t) => t.token);
  // Every item of every table, read through the API: LevelDB may compress its files, the API does not.
  const items: unknown[] = [];
  for (const TableName of Object.values(stack.tables)) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await stack.doc.send(new ScanCommand({ TableName, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  tableText = JSON.stringify(items);
  // Stopped before reading the folder, so that every write has reached the disk.
  await stack.close();
  stack = undefined;
  const entries = await readdir(dataDir, { recursive: true, withFileTypes: true });
  files = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => ({
        path: relative(dataDir, join(e.parentPath, e.name)),
        bytes: await readFile(join(e.parentPath, e.name)),
      })),
  );
}, 180_000);

afterAll(async () => {
  await stack?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('secrets in the local data folder after seeding', () => {
  it('holds the demo password in no file and no table', () => {
    // Prepare / Act: the seeded folder, read in beforeAll.

    // Assess
    expect(files.some((f) => f.path.startsWith('cognito'))).toBe(true);
    expect(files.length).toBeGreaterThan(3);
    expect(filesHolding(DEMO_PASSWORD)).toEqual([]);
    expect(tableText).not.toContain(DEMO_PASSWORD);
  });

  it('holds the demo partner tokens only in the file that hands them out, never in a table', () => {
    // Prepare / Act: the seeded folder, read in beforeAll.

    // Assess
    expect(tokens.length).toBe(2);
    for (const token of tokens) {
      expect(filesHolding(token)).toEqual([DEMO_PARTNER_TOKENS_FILE]);
      expect(tableText).not.toContain(token);
    }
  });
});
