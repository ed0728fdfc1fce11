// Issue 9, "nothing lost at shutdown": `npm start`'s process gets Ctrl-C (SIGINT to its process group) in the
// middle of a burst of status changes made through GraphQL, as couriers and admins make them. It must drain
// the change feed before the gateway closes (no consumer left with work, no error logged); the rest of the
// burst is made after a start on the same data, and then the dashboard's rollups must count exactly what
// the bookings say.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { BOOKING_STATUSES, type BookingStatus } from '../../src/core/model';
import { COUNTERS, sumCounters, type Counters } from '../../src/core/analytics';
import { createDocumentClient } from '../../src/lambda-runtime/document-client';
import { createRollupRepository } from '../../src/data/rollup-repository';
import { localTableNames, type TableNames } from '../../src/data/tables';
import { updateDeliveryStatus } from '../../src/generated/graphql';
import { LOCAL_CREDENTIALS } from '../../src/local/dynamodb/local-dynamo';
import { openStreamLog } from '../../src/local/dynamodb/stream-log';
import { startStack, type Stack } from '../../src/local/stack';
import { DEMO_PASSWORD, testCompanyTimeZone } from '../support/test-stack';

const ROOT = resolve(import.meta.dirname, '../..');
const BURST = 200;
/** Changes made before Ctrl-C: the rest of the burst is in flight or refused. */
const STOP_AFTER = 100;
const CLIENTS = 8;

/** The next status of each open booking's forward path (a delivery or a return). */
const FORWARD: Partial<Record<BookingStatus, BookingStatus>> = {
  BOOKED: 'COLLECTED',
  COLLECTED: 'IN_TRANSIT',
  IN_TRANSIT: 'OUT_FOR_DELIVERY',
  OUT_FOR_DELIVERY: 'DELIVERED',
  FAILED_DELIVERY: 'RETURNED',
};

/** What the burst needs of a running stack, in this process or in `npm start`'s. */
type Target = { graphqlUrl: string; token: string; doc: DynamoDBDocumentClient; tables: TableNames };

async function scan(doc: DynamoDBDocumentClient, table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** An admin's access token (tokens name the gateway's address as issuer, so one per start). */
async function signIn(gatewayUrl: string, clientId: string): Promise<string> {
  const cognito = new CognitoIdentityProviderClient({
    endpoint: gatewayUrl,
    region: 'us-east-1',
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    const out = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'admin@example.com', PASSWORD: DEMO_PASSWORD },
      }),
    );
    return out.AuthenticationResult?.AccessToken ?? '';
  } finally {
    cognito.destroy();
  }
}

/**
 * Status changes through GraphQL from several clients at once, each walking open bookings forward, until
 * `total` were tried or the stack refuses them; `onChange` hears each one made.
 */
async function burst(target: Target, total: number, onChange: (made: number) => void) {
  const paths = (await scan(target.doc, target.tables.bookings)).flatMap((b) => {
    const steps: BookingStatus[] = [];
    for (let s = FORWARD[b.status as BookingStatus]; s; s = FORWARD[s]) steps.push(s);
    return steps.length > 0 ? [{ reference: String(b.reference), steps }] : [];
  });
  let tried = 0;
  let made = 0;
  const refused: string[] = [];
  const change = async (reference: string, status: BookingStatus): Promise<string | undefined> => {
    const variables = { reference, status, ...(status === 'DELIVERED' ? { recipientName: 'Front desk' } : {}) };
    try {
      const res = await fetch(target.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: target.token },
        body: JSON.stringify({ query: updateDeliveryStatus, variables }),
      });
      const body = (await res.json()) as { errors?: { errorType?: string; message: string }[] };
      const error = body.errors?.[0];
      return error ? `${error.errorType}: ${error.message}` : undefined;
    } catch (e) {
      return `fetch: ${String(e)}`;
    }
  };
  const client = async () => {
    for (let path = paths.shift(); path && tried < total; path = paths.shift())
      for (const status of path.steps) {
        if (tried >= total) return;
        tried++;
        const error = await change(path.reference, status);
        if (error) return void refused.push(error);
        onChange(++made);
      }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { made, tried, refused };
}

/** What the dashboard reads: every day's counters, summed. */
async function dashboardTotals(stack: Stack): Promise<Counters> {
  const rollups = createRollupRepository(stack.doc, stack.tables.rollups);
  const days = new Set(
    (await scan(stack.doc, stack.tables.rollups))
      .map((item) => String(item.pk))
      .filter((pk) => pk.startsWith('day#'))
      .map((pk) => pk.slice('day#'.length)),
  );
  return sumCounters(await Promise.all([...days].map((day) => rollups.readDay(day))));
}

/** The same counters recounted from the bookings themselves. */
async function recount(stack: Stack): Promise<Counters> {
  const bookings = await scan(stack.doc, stack.tables.bookings);
  const counters: Counters = { bookings: bookings.length };
  for (const status of BOOKING_STATUSES) {
    const n = bookings.filter((b) => b.status === status).length;
    if (n > 0) counters[`status.${status}`] = n;
  }
  return counters;
}

const bookingCounters = (c: Counters) =>
  Object.fromEntries(
    COUNTERS.filter((name) => (name === 'bookings' || name.startsWith('status.')) && (c[name] ?? 0) !== 0).map(
      (name) => [name, c[name]],
    ),
  );

/**
 * `npm start` as a developer runs it (no NODE_ENV=test: libraries behave as they do outside tests): npm, and the
 * stack in one node process under it. (Run through tsx's CLI, a second process relaying signals, a Ctrl-C on a
 * busy machine ended the stack with SIGKILL: tsx kills its child when the child has not reported the signal
 * within 2 × 30 ms, so nothing drained and nothing was printed.)
 */
function startNpmStart(dataDir: string, timeZone: string) {
  const { NODE_ENV: _test, VITEST: _vitest, ...env } = process.env;
  const child = spawn('npm', ['start'], {
    cwd: ROOT,
    env: {
      ...env,
      DATA_DIR: dataDir,
      GATEWAY_PORT: '0',
      WEB_PORT: '0',
      MCP_PORT: '0',
      SIMULATOR: 'off',
      COMPANY_TIME_ZONE: timeZone,
    },
    // Its own process group, which gets the SIGINT as a terminal's Ctrl-C would.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const check of waiters) check();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // 'close', not 'exit': npm may exit on the SIGINT before the stack it started has finished stopping (and
  // printing); the pipes close only when every process holding them has ended.
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    child,
    exited,
    output: () => output,
    /** Resolves with the output once it matches `pattern`; rejects if the process ends first. */
    waitFor: (pattern: RegExp) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return;
          waiters.delete(check);
          resolve(output);
        };
        waiters.add(check);
        check();
        void exited.then(() => {
          waiters.delete(check);
          if (!pattern.test(output)) reject(new Error(`npm start ended without ${pattern}:\n${output}`));
        });
      }),
  };
}

describe('Ctrl-C in the middle of a burst of changes', () => {
  let dataDir: string | undefined;
  let running: { child: ChildProcess; exited: Promise<void> } | undefined;
  let stack: Stack | undefined;
  afterAll(async () => {
    // The whole process group: npm may be gone while the stack it started still writes to the data directory.
    if (running?.child.pid) {
      try {
        process.kill(-running.child.pid, 'SIGKILL');
      } catch {
        // ESRCH: every process of the group has ended.
      }
      await running.exited;
    }
    await stack?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  // Two starts of the whole stack, seeded, and 200 changes: far more work than a unit of the integration suite,
  // so a budget of its own: 60 s measured with the 2-core machine at load 7, past the suite's 60 s default.
  it(
    'drains the change feed before the gateway closes, and the dashboard counts every change',
    { timeout: 240_000 },
    async () => {
      // Prepare
      const started = performance.now();
      dataDir = await mkdtemp(join(tmpdir(), 'shutdown-drain-'));
      // Both starts on the same company calendar (another zone would re-file the data on the second).
      const timeZone = testCompanyTimeZone();
      const npmStart = startNpmStart(dataDir, timeZone);
      running = npmStart;
      const banner = await npmStart.waitFor(/is running/);
      const readyAt = performance.now();
      const webUrl = /Web app\s+(\S+?)\/?\n/.exec(banner)?.[1] ?? '';
      const gatewayUrl = /AWS gateway\s+(\S+)/.exec(banner)?.[1] ?? '';
      const outputs = (await (await fetch(`${webUrl}/amplify_outputs.json`)).json()) as {
        auth: { user_pool_client_id: string };
      };
      const ddb = new DynamoDBClient({ endpoint: gatewayUrl, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
      const before: Target = {
        graphqlUrl: `${webUrl}/graphql`,
        token: await signIn(gatewayUrl, outputs.auth.user_pool_client_id),
        doc: createDocumentClient(ddb),
        tables: localTableNames('courier-'),
      };

      // Act
      let interruptedAfter = 0;
      let interruptedAt = 0;
      const first = await burst(before, BURST, (made) => {
        if (made !== STOP_AFTER || !npmStart.child.pid) return;
        interruptedAfter = made;
        interruptedAt = performance.now();
        process.kill(-npmStart.child.pid, 'SIGINT');
      });
      ddb.destroy();
      await npmStart.exited;
      const stoppedAt = performance.now();
      const shutdown = npmStart.output().slice(npmStart.output().indexOf('SIGINT:'));
      const streams = openStreamLog(join(dataDir, 'dynamodb', 'streams'));
      const leftForNextStart = {
        aggregator: streams.resume('aggregator').length,
        notifier: streams.resume('stream-notifier').length,
      };
      await streams.close();

      stack = await startStack({
        dataDir,
        gatewayPort: 0,
        webPort: 0,
        demoPassword: DEMO_PASSWORD,
        seed: true,
        web: 'none',
        timeZone,
      });
      const after: Target = { ...stack, token: await signIn(stack.gatewayUrl, stack.userPoolClientId) };
      const rest = await burst(after, BURST - first.made, () => {});
      await stack.flushChangeFeed();
      const [dashboard, expected] = await Promise.all([dashboardTotals(stack), recount(stack)]);

      // Assess
      const seconds = (from: number, to = performance.now()) => `${((to - from) / 1000).toFixed(1)} s`;
      console.info(
        `npm start ready in ${seconds(started, readyAt)}; ${first.made} of ${first.tried} changes made before it ` +
          `stopped (Ctrl-C after ${interruptedAfter}, ${seconds(readyAt, interruptedAt)} after the burst began), ` +
          `${first.refused.length} refused while stopping; exit ${seconds(interruptedAt, stoppedAt)} after Ctrl-C; ${rest.made} after a restart, then settled, ` +
          `in ${seconds(stoppedAt)}; dashboard ${JSON.stringify(bookingCounters(dashboard))}`,
      );
      expect(interruptedAfter).toBe(STOP_AFTER);
      expect(first.tried).toBeGreaterThan(STOP_AFTER);
      expect(first.refused.every((r) => /^(ServiceUnavailableException|fetch):/.test(r))).toBe(true);
      // Stopped once, in time, with nothing failing on the way (a scheduled job's run under way may finish and
      // say so in between).
      expect(shutdown).toMatch(/^SIGINT: stopping[^\n]*\n(?:[^\n]*\n)*Stopped\.\n$/);
      expect(shutdown).not.toMatch(/error|failed|not stopped/i);
      expect(leftForNextStart).toEqual({ aggregator: 0, notifier: 0 });
      expect(rest.refused).toEqual([]);
      expect(first.made + rest.made).toBe(BURST);
      expect(bookingCounters(dashboard)).toEqual(bookingCounters(expected));
    },
  );
});
