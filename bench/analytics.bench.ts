// `analytics`: every analytics query over HTTP as the demo admin (like the browser) for a 90-day range, with
// 100k bookings against 1k — goals: p50 ratio ≤ 1.5, p50 ≤ 50 ms, 0 Scans — each data set written before its
// stack starts, so the stack builds the series as `npm start` does on existing data (the start-up backfill);
// the two stacks then run side by side and each query's reads alternate between them; then the heat map's first render of 100k delivery points in headless Chromium (goal ≤ 1 s).
import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Stack } from '../src/local/stack';
import {
  operationCount,
  readDynamoOperations,
  resetDynamoOperations,
  type DynamoOperations,
} from '../src/local/dynamodb/operation-counter';
import { addDays } from '../src/core/business-calendar';
import {
  analyticsBot,
  analyticsFeedback,
  analyticsFleet,
  analyticsHeatMap,
  analyticsRegions,
  analyticsRoutes,
  analyticsVolumes,
  courierPerformance,
  partnerAnalytics,
} from '../src/generated/graphql';
import type { HeatBenchWindow, HeatFirstRender } from '../src/web/features/analytics/bench/heat-bench-protocol';
import { accessTokenFor } from '../tests/support/test-stack';
import { launchBrowser, ROOT } from '../tests/support/browser';
import { CALENDAR, prepareDataSet, startDataSetStack, type DataSet } from './dashboard.bench';
import { printTable, setting, summarize, writeResult } from './stats';

const SMALL = 1_000;
const LARGE = setting('BENCH_ANALYTICS_LARGE', 100_000, 2_000);
const REQUESTS = setting('BENCH_ANALYTICS_REQUESTS', 100, 1);
const WARM_UP = 5;
const RANGE_DAYS = 90;
const GOAL_RATIO = 1.5;
const GOAL_P50_MS = 50;
const HEAT_POINTS = setting('BENCH_ANALYTICS_HEAT_POINTS', 100_000, 1);
const HEAT_TRIALS = 3;
const HEAT_GOAL_MS = 1000;
/** `heat` measures the heat map only (no data sets, no stacks): BENCH_ANALYTICS_PARTS=heat. */
const PARTS = process.env.BENCH_ANALYTICS_PARTS ?? 'api,heat';

type Query = { name: string; document: string; variables: (range: { from: string; to: string }) => object };

const QUERIES: Query[] = [
  { name: 'volumes by day', document: analyticsVolumes, variables: (r) => ({ ...r, granularity: 'DAY' }) },
  { name: 'volumes by week', document: analyticsVolumes, variables: (r) => ({ ...r, granularity: 'WEEK' }) },
  { name: 'volumes by month', document: analyticsVolumes, variables: (r) => ({ ...r, granularity: 'MONTH' }) },
  { name: 'regions', document: analyticsRegions, variables: (r) => r },
  { name: 'feedback by week', document: analyticsFeedback, variables: (r) => ({ ...r, granularity: 'WEEK' }) },
  { name: 'routes', document: analyticsRoutes, variables: (r) => r },
  { name: 'heat map', document: analyticsHeatMap, variables: (r) => r },
  { name: 'fleet', document: analyticsFleet, variables: (r) => r },
  { name: 'voicebot by week', document: analyticsBot, variables: (r) => ({ ...r, granularity: 'WEEK' }) },
  { name: 'partners', document: partnerAnalytics, variables: (r) => r },
  {
    name: 'courier performance',
    document: courierPerformance,
    variables: (r) => ({ ...r, granularity: 'WEEK', courierId: 'courier-07' }),
  },
];

type Measured = {
  set: DataSet;
  startSeconds: number;
  perQuery: { p50: number; p95: number; ops: DynamoOperations; answerBytes: number }[];
};

/** One call's time and the size of its answer (a sparse data set's answers are smaller: fewer heat cells). */
async function call(
  url: string,
  token: string,
  query: string,
  variables: object,
): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const json = JSON.parse(text) as { errors?: unknown[] };
  const ms = performance.now() - started;
  if (json.errors) throw new Error(`analytics query failed: ${JSON.stringify(json.errors)}`);
  return { ms, bytes: Buffer.byteLength(text) };
}

type Running = { set: DataSet; stack: Stack; token: string; startSeconds: number };

async function start(set: DataSet): Promise<Running> {
  const started = performance.now();
  const stack = await startDataSetStack(set);
  try {
    const startSeconds = (performance.now() - started) / 1000;
    console.log(`${set.label}: stack started (demo seed + series backfill) in ${startSeconds.toFixed(1)}s`);
    const token = await accessTokenFor(stack, 'admin@example.com');
    await stack.flushChangeFeed();
    return { set, stack, token, startSeconds };
  } catch (error) {
    await stack.close();
    throw error;
  }
}

/**
 * Both stacks running side by side, each query's reads alternated between them (which goes first swaps each
 * round): the machine's load at any moment weighs on both alike, so the ratio is the data's, not the clock's.
 */
async function measure(stacks: Running[], range: { from: string; to: string }): Promise<Measured[]> {
  const perQuery = stacks.map(() => [] as Measured['perQuery']);
  for (const q of QUERIES) {
    const variables = q.variables(range);
    for (const { stack, token } of stacks)
      for (let i = 0; i < WARM_UP; i++) await call(stack.graphqlUrl, token, q.document, variables);
    for (const { stack } of stacks) await resetDynamoOperations(stack.gatewayUrl);
    const samples = stacks.map(() => [] as number[]);
    const answerBytes = stacks.map(() => 0);
    for (let i = 0; i < REQUESTS; i++) {
      const order = i % 2 === 0 ? stacks.map((_, at) => at) : stacks.map((_, at) => stacks.length - 1 - at);
      for (const at of order) {
        const { stack, token } = stacks[at]!;
        const answer = await call(stack.graphqlUrl, token, q.document, variables);
        samples[at]!.push(answer.ms);
        answerBytes[at] = answer.bytes;
      }
    }
    for (const [at, { stack }] of stacks.entries()) {
      const ops = await readDynamoOperations(stack.gatewayUrl);
      const s = summarize(samples[at]!);
      perQuery[at]!.push({ p50: s.p50, p95: s.p95, ops, answerBytes: answerBytes[at]! });
    }
  }
  return stacks.map(({ set, startSeconds }, at) => ({ set, startSeconds, perQuery: perQuery[at]! }));
}

// ---- the heat map in the browser ----

const HARNESS = join(ROOT, 'src/web/features/analytics/bench');
const OUT_DIR = join(ROOT, 'dist/analytics-bench');
const BLANK_TILE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN4+vw1AAVsArjSAflTAAAAAElFTkSuQmCC',
  'base64',
);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

async function serveHarness(): Promise<{ server: Server; url: string }> {
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'src/web/vite.config.ts'),
    root: HARNESS,
    logLevel: 'warn',
    build: { outDir: OUT_DIR, emptyOutDir: true, sourcemap: false },
  });
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path.startsWith('/tiles/')) {
        res.writeHead(200, { 'content-type': 'image/png' }).end(BLANK_TILE);
        return;
      }
      const file = normalize(join(OUT_DIR, path === '/' ? 'index.html' : path));
      if (!file.startsWith(OUT_DIR)) {
        res.writeHead(403).end();
        return;
      }
      try {
        res
          .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
          .end(await readFile(file));
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html` };
}

async function heatTrial(browser: Browser, url: string): Promise<HeatFirstRender> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const origin = new URL(url).origin;
  await context.route('**/*', (route) =>
    route.request().url().startsWith(origin) ? route.continue() : route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url);
    await page.waitForFunction(() => (window as HeatBenchWindow).heatBench !== undefined, null, { timeout: 30_000 });
    await page.evaluate(() => (window as HeatBenchWindow).heatBench!.ready);
    const result = await page.evaluate((n) => (window as HeatBenchWindow).heatBench!.show(n, 20261205), HEAT_POINTS);
    if (errors.length) throw new Error(`the heat harness reported errors: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

async function measureHeatMap(): Promise<HeatFirstRender[]> {
  const { server, url } = await serveHarness();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const trials: HeatFirstRender[] = [];
    for (let i = 0; i < HEAT_TRIALS; i++) trials.push(await heatTrial(browser, url));
    return trials;
  } finally {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

async function runHeatOnly() {
  const heat = await measureHeatMap();
  const heatMedian = [...heat].sort((a, b) => a.firstRenderMs - b.firstRenderMs)[Math.floor((heat.length - 1) / 2)]!;
  printTable(
    `heat map — ${HEAT_POINTS.toLocaleString()} delivery points, first render in headless Chromium, ${HEAT_TRIALS} fresh pages; median ${heatMedian.firstRenderMs.toFixed(0)} ms (goal ≤ ${HEAT_GOAL_MS})`,
    heat.map((t, i) => ({
      trial: i + 1,
      points: t.points,
      drawn: t.drawn,
      'first render ms': t.firstRenderMs,
      'layer draw ms': t.drawMs,
    })),
  );
  return {
    heat,
    heatMedianMs: heatMedian.firstRenderMs,
    goal: HEAT_GOAL_MS,
    pass: heatMedian.firstRenderMs <= HEAT_GOAL_MS,
  };
}

export async function runAnalyticsBench() {
  if (!PARTS.includes('api')) return runHeatOnly();
  const now = new Date();
  const today = CALENDAR.dayOf(now);
  const range = { from: addDays(today, -(RANGE_DAYS - 1)), to: today };
  const sets: DataSet[] = [];
  try {
    for (const [label, total] of [
      ['1k', SMALL],
      [`${LARGE / 1000}k`, LARGE],
    ] as const) {
      const set = await prepareDataSet(label, total, now, today);
      sets.push(set);
      console.log(
        `${label}: wrote ${set.bookings} bookings and ${set.feedback} feedback in ${set.seedSeconds.toFixed(1)}s`,
      );
    }
    const running: Running[] = [];
    let measured: Measured[];
    try {
      for (const set of sets) running.push(await start(set));
      measured = await measure(running, range);
    } finally {
      for (const { stack } of running) await stack.close();
    }
    const [small, large] = measured as [Measured, Measured];
    const rows = QUERIES.map((q, i) => {
      const s = small.perQuery[i]!;
      const l = large.perQuery[i]!;
      return {
        query: q.name,
        [`${small.set.label} p50 ms`]: s.p50,
        [`${large.set.label} p50 ms`]: l.p50,
        [`${large.set.label} p95 ms`]: l.p95,
        ratio: l.p50 / s.p50,
        Scan: operationCount(s.ops, 'Scan') + operationCount(l.ops, 'Scan'),
        'Query/req': operationCount(l.ops, 'Query') / REQUESTS,
        'GetItem/req': operationCount(l.ops, 'GetItem') / REQUESTS,
        'BatchGetItem/req': operationCount(l.ops, 'BatchGetItem') / REQUESTS,
        [`answer KB ${small.set.label} → ${large.set.label}`]: `${(s.answerBytes / 1024).toFixed(1)} → ${(l.answerBytes / 1024).toFixed(1)}`,
        'bookings table calls': Object.values(l.ops.byTable[`courier-Bookings`] ?? {}).reduce((a, b) => a + b, 0),
      };
    });
    const worstRatio = Math.max(...rows.map((r) => r.ratio));
    const worstP50 = Math.max(...large.perQuery.map((q) => q.p50));
    const scans = rows.reduce((s, r) => s + r.Scan, 0);
    printTable(
      `analytics — ${RANGE_DAYS}-day range ${range.from}…${range.to}, ${REQUESTS} reads per query after ${WARM_UP} warm-up; ` +
        `worst p50 ratio ${large.set.label}/${small.set.label} = ${worstRatio.toFixed(2)} (goal ≤ ${GOAL_RATIO}); ` +
        `worst ${large.set.label} p50 = ${worstP50.toFixed(1)} ms (goal ≤ ${GOAL_P50_MS}); Scan calls = ${scans} (goal 0); ` +
        `start with backfill: ${small.startSeconds.toFixed(1)} s / ${large.startSeconds.toFixed(1)} s`,
      rows,
    );
    const heat = await measureHeatMap();
    const heatMedian = [...heat].sort((a, b) => a.firstRenderMs - b.firstRenderMs)[Math.floor((heat.length - 1) / 2)]!;
    printTable(
      `heat map — ${HEAT_POINTS.toLocaleString()} delivery points, first render in headless Chromium, ${HEAT_TRIALS} fresh pages; median ${heatMedian.firstRenderMs.toFixed(0)} ms (goal ≤ ${HEAT_GOAL_MS})`,
      heat.map((t, i) => ({
        trial: i + 1,
        points: t.points,
        drawn: t.drawn,
        'first render ms': t.firstRenderMs,
        'layer draw ms': t.drawMs,
      })),
    );
    return {
      range,
      requests: REQUESTS,
      rows,
      worstRatio,
      worstP50,
      scans,
      goals: { ratio: GOAL_RATIO, p50Ms: GOAL_P50_MS, scans: 0, heatFirstRenderMs: HEAT_GOAL_MS },
      heat,
      heatMedianMs: heatMedian.firstRenderMs,
      pass:
        worstRatio <= GOAL_RATIO && worstP50 <= GOAL_P50_MS && scans === 0 && heatMedian.firstRenderMs <= HEAT_GOAL_MS,
    };
  } finally {
    for (const set of sets) await rm(set.dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runAnalyticsBench();
  console.log(`wrote ${await writeResult('analytics', result)}`);
}
