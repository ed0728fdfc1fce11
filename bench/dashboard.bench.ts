// `dashboard`: the dashboard query over HTTP as the demo admin (like the browser) with 100k bookings against
// 1k — goal: ratio of the p50s ≤ 1.5 — and the DynamoDB Scan calls the gateway received while serving it
// (goal: 0). Each data set is written into its own data folder before the stack starts, so the stack builds
// the rollups exactly as `npm start` does on existing data (demo seed, then the start-up backfill).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startStack, type Stack } from '../src/local/stack';
import { startGatewayWorker } from '../src/local/gateway-worker-host';
import { LOCAL_CREDENTIALS } from '../src/local/dynamodb/local-dynamo';
import {
  operationCount,
  readDynamoOperations,
  resetDynamoOperations,
  type DynamoOperations,
} from '../src/local/dynamodb/operation-counter';
import { generateDemoCompany } from '../src/local/seed/demo-company';
import { DEMO_SEED } from '../src/local/seed/seed-demo-data';
import { seededRandom } from '../src/core/seeded-random';
import { generateFeedbackReference, generateReference } from '../src/core/reference';
import { createLexiconSentimentAnalyzer } from '../src/core/sentiment/lexicon-sentiment';
import { createBusinessCalendar, DEFAULT_TIME_ZONE } from '../src/core/business-calendar';
import type { Booking, Feedback } from '../src/core/model';
import { createDocumentClient } from '../src/lambda-runtime/document-client';
import { ensureTables } from '../src/data/ensure-tables';
import { bookingToItem, feedbackToItem } from '../src/data/item-codec';
import { localTableNames } from '../src/data/tables';
import { dashboard, type DashboardQuery } from '../src/generated/graphql';
import { accessTokenFor, DEMO_PASSWORD } from '../tests/support/test-stack';
import { printTable, setting, summarize, writeResult } from './stats';

const SMALL = 1_000;
const LARGE = setting('BENCH_DASHBOARD_LARGE', 100_000, 2_000);
const REQUESTS = setting('BENCH_DASHBOARD_REQUESTS', 200, 1);
const WARM_UP = 20;
/** BatchWriteItem calls in flight while seeding (25 items each). */
const WRITERS = 4;
const GOAL_RATIO = 1.5;
const TABLES = localTableNames('courier-');
export const CALENDAR = createBusinessCalendar(DEFAULT_TIME_ZONE);

export type DataSet = {
  label: string;
  dataDir: string;
  /** Bookings in the tables once the stack has seeded the demo company on top of the bulk ones. */
  bookings: number;
  feedback: number;
  /** Bookings whose pickup day is the measured day, as generated (the rollup should say the same). */
  onDay: number;
  seedSeconds: number;
};

/** Distinct demo companies generated as templates; further copies reuse them under fresh references. */
const TEMPLATES = 8;

/**
 * Bookings and feedback shaped like the demo company's ~60 days (a busy today, quieter past days, every
 * status): whole copies, then a random sample of one more, so a larger set means busier days, not more of
 * them. Copies beyond the first TEMPLATES companies reuse a template under fresh references (generating
 * each booking anew costs about a millisecond). No reference repeats, within the set or with `taken`.
 */
async function generateBulk(count: number, now: Date, taken: Set<string>) {
  const sentiment = createLexiconSentimentAnalyzer();
  const references = seededRandom(DEMO_SEED * 7);
  const fresh = (make: () => string) => {
    let reference = make();
    while (taken.has(reference)) reference = make();
    taken.add(reference);
    return reference;
  };
  const templates: { bookings: Booking[]; feedback: Feedback[] }[] = [];
  const bookings: Booking[] = [];
  const feedback: Feedback[] = [];
  for (let copy = 0; bookings.length < count; copy++) {
    if (copy < TEMPLATES)
      templates.push(
        await generateDemoCompany({ now, random: seededRandom(DEMO_SEED + 1 + copy), sentiment, calendar: CALENDAR }),
      );
    const template = templates[copy % TEMPLATES]!;
    let chosen = template.bookings;
    const room = count - bookings.length;
    if (chosen.length > room) {
      const random = seededRandom(copy);
      chosen = chosen
        .map((b) => ({ b, key: random.int(1 << 30) }))
        .sort((x, y) => x.key - y.key)
        .slice(0, room)
        .map(({ b }) => b);
    }
    const renamed = new Map<string, string>();
    for (const b of chosen) {
      const reference = fresh(() => generateReference(references));
      renamed.set(b.reference, reference);
      bookings.push({ ...b, reference });
    }
    for (const f of template.feedback) {
      const bookingReference = renamed.get(f.bookingReference);
      if (bookingReference)
        feedback.push({ ...f, bookingReference, reference: fresh(() => generateFeedbackReference(references)) });
    }
  }
  return { bookings, feedback };
}

/** BatchWriteItem in parallel, 25 items a call, resending what DynamoDB leaves unprocessed. */
async function writeItems(doc: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]) {
  let next = 0;
  const writer = async () => {
    for (;;) {
      const start = next;
      next += 25;
      if (start >= items.length) return;
      let pending = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
      while (pending.length > 0) {
        const out = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
        pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
}

/**
 * A stack on a prepared data set, as `npm start` runs on existing data, on free ports, without the web app, on the
 * calendar the data set is filed on (a stack on another would re-file it before measuring).
 */
export function startDataSetStack(set: DataSet): Promise<Stack> {
  return startStack({
    dataDir: set.dataDir,
    gatewayPort: 0,
    webPort: 0,
    demoPassword: DEMO_PASSWORD,
    seed: true,
    web: 'none',
    timeZone: CALENDAR.timeZone,
  });
}

/** Writes a data set of `total` bookings (demo company included) through the gateway, before any stack runs. */
export async function prepareDataSet(label: string, total: number, now: Date, day: string): Promise<DataSet> {
  const started = performance.now();
  const dataDir = await mkdtemp(join(tmpdir(), `courier-bench-dashboard-${label}-`));
  try {
    return {
      ...(await writeDataSet(dataDir, total, now, day)),
      label,
      dataDir,
      seedSeconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

async function writeDataSet(dataDir: string, total: number, now: Date, day: string) {
  // The stack seeds this very company on start: its references are taken and it counts towards the total.
  const demo = await generateDemoCompany({
    now,
    calendar: CALENDAR,
    random: seededRandom(DEMO_SEED),
    sentiment: createLexiconSentimentAnalyzer(),
  });
  const taken = new Set([...demo.bookings.map((b) => b.reference), ...demo.feedback.map((f) => f.reference)]);
  const bulk = await generateBulk(total - demo.bookings.length, now, taken);

  // The same folders and gateway the stack uses; the stream records of these writes reach no consumer,
  // as with data that predates the change feed.
  const gateway = await startGatewayWorker({
    port: 0,
    host: '127.0.0.1',
    region: 'us-east-1',
    dynamoDataDir: join(dataDir, 'dynamodb'),
    cognitoDataDir: join(dataDir, 'cognito'),
  });
  const ddb = new DynamoDBClient({ endpoint: gateway.url, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
  try {
    const doc = createDocumentClient(ddb);
    await ensureTables(ddb, TABLES);
    await writeItems(
      doc,
      TABLES.bookings,
      bulk.bookings.map((b) => bookingToItem(b, CALENDAR)),
    );
    await writeItems(
      doc,
      TABLES.feedback,
      bulk.feedback.map((f) => feedbackToItem(f, CALENDAR)),
    );
  } finally {
    ddb.destroy();
    await gateway.close();
  }
  const all = [...demo.bookings, ...bulk.bookings];
  return {
    bookings: all.length,
    feedback: demo.feedback.length + bulk.feedback.length,
    onDay: all.filter((b) => CALENDAR.dayOf(b.pickupWindow.start) === day).length,
  };
}

type Stats = ReturnType<typeof summarize>;
type Measured = DataSet & { startSeconds: number; rollupBookings: number; stats: Stats; operations: DynamoOperations };

/** One dashboard read as the browser makes it; returns its milliseconds and the day's booking count. */
async function readDashboard(stack: Stack, token: string, day: string): Promise<{ ms: number; bookings: number }> {
  const started = performance.now();
  const res = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ query: dashboard, variables: { day } }),
  });
  const json = (await res.json()) as { data?: DashboardQuery; errors?: unknown[] };
  const ms = performance.now() - started;
  const kpis = json.data?.dashboard.kpis;
  if (json.errors || !kpis) throw new Error(`dashboard failed: ${JSON.stringify(json)}`);
  return { ms, bookings: kpis.bookings };
}

/**
 * Starts the stack on the data set as `npm start` would (demo seed, rollup backfill), then reads the
 * dashboard: warm-up first, then counted reads. Only this stack runs meanwhile, so the other set's
 * background work (its TTL sweeps, for one) cannot slow these reads.
 */
async function measure(set: DataSet, day: string): Promise<Measured> {
  const started = performance.now();
  const stack = await startDataSetStack(set);
  try {
    const startSeconds = (performance.now() - started) / 1000;
    console.log(`${set.label}: stack started (demo seed + rollup backfill) in ${startSeconds.toFixed(1)}s`);
    const token = await accessTokenFor(stack, 'admin@example.com');
    let rollupBookings = 0;
    for (let i = 0; i < WARM_UP; i++) rollupBookings = (await readDashboard(stack, token, day)).bookings;
    await stack.flushChangeFeed();
    await resetDynamoOperations(stack.gatewayUrl);
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) samples.push((await readDashboard(stack, token, day)).ms);
    const operations = await readDynamoOperations(stack.gatewayUrl);
    return { ...set, startSeconds, rollupBookings, stats: summarize(samples), operations };
  } finally {
    await stack.close();
  }
}

export async function runDashboardBench() {
  const now = new Date();
  const day = CALENDAR.dayOf(now);
  const sets: DataSet[] = [];
  try {
    for (const [label, total] of [
      ['1k', SMALL],
      [`${LARGE / 1000}k`, LARGE],
    ] as const) {
      const set = await prepareDataSet(label, total, now, day);
      sets.push(set);
      console.log(
        `${label}: wrote ${set.bookings} bookings and ${set.feedback} feedback in ${set.seedSeconds.toFixed(1)}s`,
      );
    }
    const measured: Measured[] = [];
    for (const set of sets) measured.push(await measure(set, day));

    const rows = measured.map((m) => ({
      'data set': m.label,
      bookings: m.bookings,
      [`on ${day}`]: m.onDay,
      'rollup says': m.rollupBookings,
      'seed s': m.seedSeconds,
      'start s': m.startSeconds,
      requests: m.stats.count,
      'p50 ms': m.stats.p50,
      'p95 ms': m.stats.p95,
      'max ms': m.stats.max,
      Scan: operationCount(m.operations, 'Scan'),
      'Query/req': operationCount(m.operations, 'Query') / m.stats.count,
      'GetItem/req': operationCount(m.operations, 'GetItem') / m.stats.count,
    }));
    const [small, large] = measured;
    const ratio = large!.stats.p50 / small!.stats.p50;
    const scans = measured.reduce((sum, m) => sum + operationCount(m.operations, 'Scan'), 0);
    printTable(
      `dashboard — ${REQUESTS} reads each after ${WARM_UP} warm-up; p50 ratio ${large!.label}/${small!.label} = ${ratio.toFixed(2)} (goal ≤ ${GOAL_RATIO}); Scan calls = ${scans} (goal 0)`,
      rows,
    );
    return {
      day,
      requests: REQUESTS,
      rows,
      operations: Object.fromEntries(measured.map((m) => [m.label, m.operations])),
      ratio,
      goal: GOAL_RATIO,
      scans,
      scanGoal: 0,
      pass: ratio <= GOAL_RATIO && scans === 0,
    };
  } finally {
    for (const set of sets) await rm(set.dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runDashboardBench();
  console.log(`wrote ${await writeResult('dashboard', result)}`);
}
