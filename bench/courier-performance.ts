// `courier-performance` (issue 10, benchmark 9(c)): the courier's "My performance" page, every read it makes on
// opening (and a history search), over HTTP as the demo courier, with 100k bookings against 1k — goals: p50
// ratio ≤ 1.5, 0 Scans. Each data set is written before its stack starts, so the stack builds the series as
// `npm start` does on existing data; both stacks then run at once and are asked in turn.
// `runCourierPerformanceBench` is what the `courier` bench calls for 9(c).
import { rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import type { Stack } from '../src/local/stack';
import {
  operationCount,
  readDynamoOperations,
  resetDynamoOperations,
  type DynamoOperations,
} from '../src/local/dynamodb/operation-counter';
import { addDays, monthOf, weekOf } from '../src/core/business-calendar';
import {
  courierDeliveryHistory,
  courierEarnings,
  courierFeedback,
  courierPerformance,
  courierSuggestions,
  rateCard,
} from '../src/generated/graphql';
import { accessTokenFor } from '../tests/support/test-stack';
import { CALENDAR, prepareDataSet, startDataSetStack, type DataSet } from './dashboard.bench';
import { printTable, setting, summarize, writeResult } from './stats';

const SMALL = 1_000;
const LARGE = setting('BENCH_COURIER_PERF_LARGE', 100_000, 2_000);
const REQUESTS = setting('BENCH_COURIER_PERF_REQUESTS', 30, 1);
const WARM_UP = 3;
export const GOAL_RATIO = 1.5;
const COURIER = 'courier1@example.com';

type Read = { name: string; document: string; variables: (today: string) => object; onOpen: boolean };

/** What the page asks for when it opens on "This week", then a search of the history. */
const READS: Read[] = [
  {
    name: 'figures this week',
    document: courierPerformance,
    variables: (t) => ({ from: weekOf(t), to: t, granularity: 'WEEK' }),
    onOpen: true,
  },
  {
    name: 'trend, 8 weeks',
    document: courierPerformance,
    variables: (t) => ({ from: addDays(weekOf(t), -49), to: t, granularity: 'WEEK' }),
    onOpen: true,
  },
  {
    name: 'trend, 6 months',
    document: courierPerformance,
    variables: (t) => ({ from: addDays(`${monthOf(t)}-01`, -150), to: t, granularity: 'MONTH' }),
    onOpen: false,
  },
  {
    name: 'earnings this week',
    document: courierEarnings,
    variables: (t) => ({ from: weekOf(t), to: t }),
    onOpen: true,
  },
  { name: 'rate card', document: rateCard, variables: () => ({}), onOpen: true },
  {
    name: 'suggestions, 30 days',
    document: courierSuggestions,
    variables: (t) => ({ from: addDays(t, -29), to: t }),
    onOpen: true,
  },
  { name: 'comments (first 5)', document: courierFeedback, variables: () => ({ limit: 5 }), onOpen: true },
  { name: 'history (first 10)', document: courierDeliveryHistory, variables: () => ({ limit: 10 }), onOpen: true },
  {
    name: 'history search "delivered"',
    document: courierDeliveryHistory,
    variables: () => ({ limit: 10, search: 'delivered' }),
    onOpen: false,
  },
];

type Measured = { set: DataSet; perRead: { p50: number; p95: number; ops: DynamoOperations }[]; openP50: number };

async function call(url: string, token: string, query: string, variables: object): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: token },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { errors?: unknown[] };
  const ms = performance.now() - started;
  if (json.errors) throw new Error(`performance page read failed: ${JSON.stringify(json.errors)}`);
  return ms;
}

/**
 * Both data sets measured side by side, in one process with a stack each, each request to one answered before the
 * same request to the other (which goes first alternates): so both meet the same JIT, the same machine load and the
 * same background jobs, and the ratio compares the data's size, not the moment each was measured at.
 */
async function measureSideBySide(sets: DataSet[], today: string): Promise<Measured[]> {
  const stacks: Stack[] = [];
  try {
    for (const set of sets) stacks.push(await startDataSetStack(set));
    const tokens: string[] = [];
    for (const stack of stacks) {
      tokens.push(await accessTokenFor(stack, COURIER));
      await stack.flushChangeFeed();
    }
    /** Runs `once` for every side, WARM_UP times unrecorded, then REQUESTS times, alternating which goes first. */
    const sideBySide = async (once: (side: number) => Promise<number>, before?: () => Promise<void>) => {
      const samples = stacks.map((): number[] => []);
      for (let i = 0; i < WARM_UP; i++) for (let side = 0; side < stacks.length; side++) await once(side);
      await before?.();
      for (let i = 0; i < REQUESTS; i++) {
        for (let k = 0; k < stacks.length; k++) {
          const side = i % 2 === 0 ? k : stacks.length - 1 - k;
          samples[side]!.push(await once(side));
        }
      }
      return samples;
    };
    const perRead = stacks.map((): Measured['perRead'] => []);
    for (const r of READS) {
      const ask = (side: number) => call(stacks[side]!.graphqlUrl, tokens[side]!, r.document, r.variables(today));
      const samples = await sideBySide(ask, async () => {
        for (const stack of stacks) await resetDynamoOperations(stack.gatewayUrl);
      });
      for (let side = 0; side < stacks.length; side++) {
        const s = summarize(samples[side]!);
        perRead[side]!.push({ p50: s.p50, p95: s.p95, ops: await readDynamoOperations(stacks[side]!.gatewayUrl) });
      }
    }
    // The page's opening reads all at once, as the browser sends them.
    const opens = await sideBySide(async (side) => {
      const started = performance.now();
      await Promise.all(
        READS.filter((r) => r.onOpen).map((r) =>
          call(stacks[side]!.graphqlUrl, tokens[side]!, r.document, r.variables(today)),
        ),
      );
      return performance.now() - started;
    });
    return sets.map((set, side) => ({ set, perRead: perRead[side]!, openP50: summarize(opens[side]!).p50 }));
  } finally {
    for (const stack of stacks) await stack.close();
  }
}

export async function runCourierPerformanceBench() {
  const now = new Date();
  const today = CALENDAR.dayOf(now);
  const sets: DataSet[] = [];
  const loadBefore = loadavg();
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
    const [small, large] = (await measureSideBySide(sets, today)) as [Measured, Measured];
    const rows = READS.map((r, i) => {
      const s = small.perRead[i]!;
      const l = large.perRead[i]!;
      return {
        read: r.onOpen ? r.name : `${r.name} (on demand)`,
        [`${small.set.label} p50 ms`]: s.p50,
        [`${large.set.label} p50 ms`]: l.p50,
        [`${large.set.label} p95 ms`]: l.p95,
        ratio: l.p50 / s.p50,
        goal: `≤ ${GOAL_RATIO}`,
        Scan: operationCount(s.ops, 'Scan') + operationCount(l.ops, 'Scan'),
        'Query/req': operationCount(l.ops, 'Query') / REQUESTS,
        'GetItem/req': operationCount(l.ops, 'GetItem') / REQUESTS,
      };
    });
    const openRatio = large.openP50 / small.openP50;
    const worstRatio = Math.max(openRatio, ...rows.map((r) => r.ratio));
    const scans = rows.reduce((s, r) => s + r.Scan, 0);
    const loadAfter = loadavg();
    const load = (l: number[]) => l.map((n) => n.toFixed(2)).join(', ');
    printTable(
      `courier performance page (9c) — as ${COURIER}, ${REQUESTS} reads each after ${WARM_UP} warm-up; page open (all ` +
        `its reads at once) p50 ${small.openP50.toFixed(1)} ms / ${large.openP50.toFixed(1)} ms, ratio ${openRatio.toFixed(2)} ` +
        `(goal ≤ ${GOAL_RATIO}); worst ratio ${worstRatio.toFixed(2)} (goal ≤ ${GOAL_RATIO}); Scan calls ${scans} (goal 0); ` +
        `load average ${load(loadBefore)} before, ${load(loadAfter)} after (${cpus().length} CPUs)`,
      rows,
    );
    return {
      today,
      requests: REQUESTS,
      sets: sets.map((s) => ({ label: s.label, bookings: s.bookings, feedback: s.feedback })),
      rows,
      openP50: { small: small.openP50, large: large.openP50, ratio: openRatio },
      worstRatio,
      scans,
      goals: { ratio: GOAL_RATIO, scans: 0 },
      load: { before: loadBefore, after: loadAfter, cpus: cpus().length },
      pass: worstRatio <= GOAL_RATIO && scans === 0,
    };
  } finally {
    for (const set of sets) await rm(set.dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runCourierPerformanceBench();
  console.log(`wrote ${await writeResult('courier-performance', result)}`);
}
