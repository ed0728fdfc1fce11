// `voice`: the Lex code hook's own time per turn at 1 and 50 simulated calls (at a caller's pace; 200 beside them,
// and 50 and 200 back to back as a stress figure) against the local gateway, beside the bare DynamoDB round trips
// a turn needs (goal p99 ≤ 60 ms and ≤ 2× raw), then every Lambda handler's
// bundle size and cold import time, with the runtime's SDK and with the SDK bundled (goal ≤ 300 KB minified,
// code hook ≤ 100 ms, others ≤ 150 ms).
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { LexModelsV2Client, ListBotAliasesCommand, ListBotsCommand } from '@aws-sdk/client-lex-models-v2';
import { LexRuntimeV2Client, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { build } from 'esbuild';
import { companyDay, startTestStack } from '../tests/support/test-stack';
import { LOCAL_CREDENTIALS } from '../src/local/dynamodb/local-dynamo';
import { readDynamoOperations, resetDynamoOperations } from '../src/local/dynamodb/operation-counter';
import { CODE_HOOK_FUNCTION } from '../src/local/voicebot';
import { CALLER_ATTRIBUTE } from '../src/voice/lex-codehook';
import { TABLES } from '../src/data/tables';
import type { Stack } from '../src/local/stack';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { availableParallelism } from 'node:os';
import { machineLoad, printTable, summarize, writeResult, type Row } from './stats';
import { seededRandom } from '../src/core/seeded-random';
import { setTimeout as sleep } from 'node:timers/promises';
import { PROFILER, profileMainThread } from './cpu-profile';
import { COLD_IMPORT_PARTS, coldImport, profileColdImport, type ColdImportProfile } from './cold-import-profile';

/**
 * How a line sends its turns. `caller`: as people on the phone do — before each turn the bot's prompt is spoken and
 * the caller answers, a pause of CALLER_PAUSE_MS (±50 %, seeded) per turn, calls arriving spread over the first one:
 * one turn every 2 s per call, a faster pace than speech allows (a spoken prompt alone is 2–4 s). `back-to-back`:
 * each line sends its next turn the moment the last is answered, so every line has a turn in flight at every
 * moment — a stress figure: at 50 lines, a p99 of 60 ms would need 833 turns a second, and the machine's CPU per
 * turn (the profiled pass below) says how many it can serve.
 */
type Pace = 'caller' | 'back-to-back';
/** 50 concurrent calls at the caller's pace carry the goal (and 1 call, where the pace changes nothing). */
const LEVELS: { calls: number; pace: Pace; goal: boolean }[] = [
  { calls: 1, pace: 'back-to-back', goal: true },
  { calls: 50, pace: 'caller', goal: true },
  { calls: 200, pace: 'caller', goal: false },
  { calls: 50, pace: 'back-to-back', goal: false },
  { calls: 200, pace: 'back-to-back', goal: false },
];
const CALLER_PAUSE_MS = 2_000;
/** The concurrency whose time is broken down, in a profiled pass after the measured ones (back to back). */
const PROFILED_CONCURRENCY = 50;
/**
 * Simulated calls per level, half of each kind (each call is 2–3 turns); at least one per line, and at the
 * caller's pace four per line (so the tracking turn has 100+ samples at 50 calls).
 */
const CALLS = Number(process.env.BENCH_VOICE_CALLS ?? 100);
const PACED_CALLS_PER_LINE = 4;
const TURN_GOAL_MS = 60;
const RATIO_GOAL = 2;
const BUNDLE_GOAL_KB = 300;
/** The bundles table's peer row: a handler that reads one DynamoDB item in the company's time zone, nothing else. */
const FLOOR = '(peer) one DynamoDB read';
/** The code hook's cold import goal; every other handler's is OTHER_IMPORT_GOAL_MS. */
const IMPORT_GOAL_MS = 100;
const OTHER_IMPORT_GOAL_MS = 150;
const IMPORT_RUNS = 7;
/** The bundle variant whose cold import is profiled part by part. */
const PROFILED_SDK = 'bundled-esm';
const ROOT = join(import.meta.dirname, '..');

type TurnKind =
  'track: intent' | 'track: reference' | 'book: intent' | 'book: pickup (geocode)' | 'book: delivery (geocode)';
type Call = { turns: { kind: TurnKind; text: string }[] };

/**
 * The code hook runs in the stack's thread, called by the gateway thread's Lambda over worker messages: an
 * `invoke` arrives, an `invoke-result` goes back. Timing that pair is the hook's own time, measured without
 * touching the stack's code; the events seen are real Lex V2 events from the runtime emulator.
 */
function watchCodeHook() {
  const started = new Map<number, { at: number; sessionId: string }>();
  const bySession = new Map<string, number[]>();
  const proto = Worker.prototype as unknown as {
    emit: (event: string | symbol, ...args: unknown[]) => boolean;
    postMessage: (message: unknown, ...rest: unknown[]) => void;
  };
  const emit = proto.emit;
  const postMessage = proto.postMessage;
  proto.emit = function (this: Worker, event, ...args) {
    const m = args[0] as { type?: string; id?: number; functionName?: string; event?: { sessionId?: string } };
    if (event === 'message' && m?.type === 'invoke' && m.functionName === CODE_HOOK_FUNCTION)
      started.set(m.id!, { at: performance.now(), sessionId: m.event?.sessionId ?? '' });
    return emit.call(this, event, ...args);
  };
  proto.postMessage = function (this: Worker, message, ...rest) {
    const m = message as { type?: string; id?: number };
    const start = m?.type === 'invoke-result' ? started.get(m.id!) : undefined;
    if (start) {
      started.delete(m.id!);
      const list = bySession.get(start.sessionId) ?? [];
      list.push(performance.now() - start.at);
      bySession.set(start.sessionId, list);
    }
    return postMessage.call(this, message, ...rest);
  };
  return {
    /** The hook's time for every invocation of this session so far (Lex may call it more than once per turn). */
    take(sessionId: string): number[] {
      const list = bySession.get(sessionId) ?? [];
      bySession.delete(sessionId);
      return list;
    },
    restore() {
      proto.emit = emit;
      proto.postMessage = postMessage;
    },
  };
}

async function findBot(stack: Stack) {
  const config = {
    endpoint: stack.gatewayUrl,
    region: stack.region,
    credentials: LOCAL_CREDENTIALS,
  };
  const models = new LexModelsV2Client(config);
  try {
    const bot = (await models.send(new ListBotsCommand({}))).botSummaries?.[0];
    if (!bot?.botId) throw new Error('No bot in the Lex emulator: was the voicebot provisioned?');
    const aliases = (await models.send(new ListBotAliasesCommand({ botId: bot.botId }))).botAliasSummaries ?? [];
    const alias = aliases.find((a) => a.botAliasName !== 'TestBotAlias') ?? aliases[0];
    if (!alias?.botAliasId) throw new Error(`Bot ${bot.botId} has no alias.`);
    return { botId: bot.botId, botAliasId: alias.botAliasId };
  } finally {
    models.destroy();
  }
}

function spelled(reference: string): string {
  return reference.replace(/-/g, '').split('').join(' ');
}

type TurnSample = { kind: TurnKind; hookMs: number; hookCalls: number; recognizeMs: number; reply: string };

export async function runVoiceBench() {
  const hook = watchCodeHook();
  const stack = await startTestStack({ provisionVoicebot: true });
  const aws = { endpoint: stack.gatewayUrl, region: stack.region, credentials: LOCAL_CREDENTIALS };
  // The stock runtime client: HTTP/2, every call a stream on one connection, as the SDK ships it.
  const runtime = new LexRuntimeV2Client(aws);
  // The raw floor's client may open a socket per concurrent call, so it measures DynamoDB, not a socket queue.
  const dynamo = new DynamoDBClient({
    ...aws,
    requestHandler: new NodeHttpHandler({ httpAgent: { maxSockets: 200, keepAlive: true } }),
  });
  try {
    const bot = await findBot(stack);
    const bookings = (
      await stack.deps.bookings.query({ by: 'day', day: companyDay(stack), status: 'IN_TRANSIT' }, { limit: 100 })
    ).items;
    if (bookings.length === 0) throw new Error('No seeded IN_TRANSIT booking today to track.');
    const tracking = (i: number): Call => ({
      turns: [
        { kind: 'track: intent', text: 'I want to track a parcel' },
        { kind: 'track: reference', text: spelled(bookings[i % bookings.length]!.reference) },
      ],
    });
    const booking = (): Call => ({
      turns: [
        { kind: 'book: intent', text: 'I need to send a parcel' },
        { kind: 'book: pickup (geocode)', text: '1201 3rd Ave, Seattle 98101' },
        { kind: 'book: delivery (geocode)', text: '3400 Stone Way North 98103' },
      ],
    });

    let session = 0;
    async function runCall(
      call: Call,
      samples: TurnSample[],
      perTurnOps?: Map<TurnKind, number[]>,
      pauseMs?: () => number,
    ) {
      const sessionId = `bench-voice-${process.pid}-${session++}`;
      let first = true;
      for (const turn of call.turns) {
        // The prompt before this turn is spoken, and the caller answers.
        if (pauseMs) await sleep(pauseMs());
        if (perTurnOps) await resetDynamoOperations(stack.gatewayUrl);
        const t0 = performance.now();
        const out = await runtime.send(
          new RecognizeTextCommand({
            botId: bot.botId,
            botAliasId: bot.botAliasId,
            localeId: 'en_US',
            sessionId,
            text: turn.text,
            ...(first ? { sessionState: { sessionAttributes: { [CALLER_ATTRIBUTE]: '+12065550134' } } } : {}),
          }),
        );
        const recognizeMs = performance.now() - t0;
        first = false;
        const hookTimes = hook.take(sessionId);
        if (perTurnOps) {
          const ops = Object.values((await readDynamoOperations(stack.gatewayUrl)).total).reduce((a, b) => a + b, 0);
          perTurnOps.set(turn.kind, [...(perTurnOps.get(turn.kind) ?? []), ops]);
        }
        samples.push({
          kind: turn.kind,
          hookMs: hookTimes.reduce((a, b) => a + b, 0),
          hookCalls: hookTimes.length,
          recognizeMs,
          reply: (out.messages ?? []).map((m) => m.content ?? '').join(' '),
        });
      }
    }

    // Warm-up and the DynamoDB calls per turn, one call at a time so the gateway's counter sees only that turn.
    const opsPerTurn = new Map<TurnKind, number[]>();
    const warm: TurnSample[] = [];
    for (let i = 0; i < 5; i++) {
      await runCall(tracking(i), warm, opsPerTurn);
      await runCall(booking(), warm, opsPerTurn);
    }
    const lastTrack = warm.filter((s) => s.kind === 'track: reference').at(-1)!;
    const lastDelivery = warm.filter((s) => s.kind === 'book: delivery (geocode)').at(-1)!;
    console.log(`tracking reply: ${lastTrack.reply.slice(0, 160)}`);
    console.log(`booking delivery-address reply: ${lastDelivery.reply.slice(0, 160)}`);
    if (warm.some((s) => s.hookCalls === 0)) throw new Error('A turn reached no code hook: the timing would be empty.');

    const rawKey = { reference: { S: bookings[0]!.reference } };
    async function rawTurn(ops: number): Promise<number> {
      const t0 = performance.now();
      for (let i = 0; i < ops; i++)
        await dynamo.send(new GetItemCommand({ TableName: stack.tables.bookings, Key: rawKey }));
      return performance.now() - t0;
    }

    /**
     * Where the time of a turn goes at PROFILED_CONCURRENCY calls, from a profiled pass (not a measured one: the
     * profiler costs time): the stack's thread (code hook, change feed, this bench's Lex client) by part, sampled
     * (so under load it includes time spent waiting for a core), its HTTP round trips to the gateway (the hook's
     * DynamoDB calls and the change feed's), and the CPU of the whole process, gateway thread included.
     */
    async function profileTurns() {
      const samples: TurnSample[] = [];
      const calls = Array.from({ length: PROFILED_CONCURRENCY }, (_, i) => (i % 2 === 0 ? tracking(i) : booking()));
      const roundTrips: number[] = [];
      const sent = new WeakMap<object, number>();
      const onStart = (m: unknown) => sent.set((m as { request: object }).request, performance.now());
      const onFinish = (m: unknown) => {
        const at = sent.get((m as { request: object }).request);
        if (at !== undefined) roundTrips.push(performance.now() - at);
      };
      subscribe('http.client.request.start', onStart);
      subscribe('http.client.response.finish', onFinish);
      const load = machineLoad();
      const cpuBefore = process.cpuUsage();
      let next = 0;
      const { cpu } = await profileMainThread(() =>
        Promise.all(
          Array.from({ length: PROFILED_CONCURRENCY }, async () => {
            while (next < calls.length) await runCall(calls[next++]!, samples);
          }),
        ),
      ).finally(() => {
        unsubscribe('http.client.request.start', onStart);
        unsubscribe('http.client.response.finish', onFinish);
      });
      const cpuUsed = process.cpuUsage(cpuBefore);
      const turns = samples.length;
      const perTurn = (ms: number) => Math.round((ms / turns) * 100) / 100;
      const busy = Object.entries(cpu.byCategoryMs).filter(([part]) => !part.startsWith('idle') && part !== PROFILER);
      const processMs = (cpuUsed.user + cpuUsed.system) / 1000;
      const trips = summarize(roundTrips);
      const hook = summarize(samples.map((s) => s.hookMs));
      const trackingHook = summarize(samples.filter((s) => s.kind === 'track: reference').map((s) => s.hookMs));
      const rows: Row[] = [
        ...busy
          .sort((a, b) => b[1] - a[1])
          .map(([part, ms]) => ({ part: `stack thread: ${part}`, 'ms per turn': perTurn(ms) })),
        {
          part: 'stack thread: idle (waiting for the gateway thread or a core)',
          'ms per turn': perTurn(cpu.byCategoryMs['idle (waiting: other threads, the machine)'] ?? 0),
        },
        {
          part: 'the whole process (stack thread, gateway thread: Lex emulator, Lambda host, DynamoDB): CPU',
          'ms per turn': perTurn(processMs),
        },
        {
          part: `HTTP round trips to the gateway from the stack thread: ${(roundTrips.length / turns).toFixed(1)} per turn, p50 ${trips.p50.toFixed(1)} ms, p99 ${trips.p99.toFixed(1)} ms; summed`,
          'ms per turn': perTurn(roundTrips.reduce((a, b) => a + b, 0)),
        },
        {
          part: `code hook time, every turn (p50 ${hook.p50.toFixed(1)} ms, p99 ${hook.p99.toFixed(1)} ms; the tracking turn p50 ${trackingHook.p50.toFixed(1)} ms, p99 ${trackingHook.p99.toFixed(1)} ms), mean`,
          'ms per turn': perTurn(samples.reduce((sum, t) => sum + t.hookMs, 0)),
        },
      ];
      printTable(
        `voice — where a turn's time goes at ${PROFILED_CONCURRENCY} calls (profiled pass: ${turns} turns in ${(cpu.wallMs / 1000).toFixed(1)} s; the process used ${(processMs / cpu.wallMs).toFixed(2)} of ${availableParallelism()} cores, machine load ${load.loadAverage.join(' / ')})`,
        rows,
      );
      return { concurrency: PROFILED_CONCURRENCY, turns, wallMs: cpu.wallMs, processCpuMs: processMs, rows, load };
    }

    const turnRows: Row[] = [];
    const rawRows: Row[] = [];
    const results: Record<string, unknown>[] = [];
    let backToBackCpuPerTurnMs = NaN;
    for (const { calls: concurrency, pace, goal } of LEVELS) {
      const samples: TurnSample[] = [];
      const calls: Call[] = [];
      const callCount = pace === 'caller' ? concurrency * PACED_CALLS_PER_LINE : Math.max(CALLS, concurrency);
      for (let i = 0; i < callCount; i++) calls.push(i % 2 === 0 ? tracking(i) : booking());
      let next = 0;
      const random = seededRandom(concurrency);
      // A line's first call arrives somewhere in the first pause, so the calls do not start in step.
      const pauseMs = pace === 'caller' ? () => CALLER_PAUSE_MS * (0.5 + random.next()) : undefined;
      const arrivalMs = pace === 'caller' ? () => CALLER_PAUSE_MS * random.next() : () => 0;
      // One GetItem at a time while the calls run: what a single DynamoDB round trip costs under the Lex load,
      // since the gateway thread serves both the Lex runtime and DynamoDB.
      /** Runs `line` on every line at once, each starting when its first call arrives. */
      const onEveryLine = (line: () => Promise<void>) =>
        Promise.all(
          Array.from({ length: concurrency }, async () => {
            await sleep(arrivalMs());
            await line();
          }),
        );
      let running = true;
      const underLoad: number[] = [];
      const probe = (async () => {
        while (running) underLoad.push(await rawTurn(1));
      })();
      // The process's CPU over the level (the probe's GetItems included), unprofiled: what a turn costs.
      const cpuBefore = process.cpuUsage();
      await onEveryLine(async () => {
        while (next < calls.length) await runCall(calls[next++]!, samples, undefined, pauseMs);
      });
      const cpuUsed = process.cpuUsage(cpuBefore);
      const cpuPerTurnMs = (cpuUsed.user + cpuUsed.system) / 1000 / samples.length;
      if (pace === 'back-to-back' && concurrency === PROFILED_CONCURRENCY) backToBackCpuPerTurnMs = cpuPerTurnMs;
      running = false;
      await probe;
      const probeStats = summarize(underLoad);
      for (const kind of [...new Set(samples.map((s) => s.kind))]) {
        const of = samples.filter((s) => s.kind === kind);
        const hookStats = summarize(of.map((s) => s.hookMs));
        const recognizeStats = summarize(of.map((s) => s.recognizeMs));
        const opsSeen = opsPerTurn.get(kind) ?? [];
        const ops = Math.max(...opsSeen);
        // The same number of bare GetItem round trips per simulated turn, at the same concurrency and pace.
        const rawSamples: number[] = [];
        let left = of.length;
        await onEveryLine(async () => {
          while (left-- > 0) {
            if (pauseMs) await sleep(pauseMs());
            rawSamples.push(await rawTurn(ops));
          }
        });
        const raw = summarize(rawSamples);
        // A turn without a DynamoDB call has no raw floor: only the absolute goal applies.
        const ratio = ops > 0 ? hookStats.p99 / raw.p99 : undefined;
        const pass = !goal ? undefined : hookStats.p99 <= TURN_GOAL_MS && (ratio === undefined || ratio <= RATIO_GOAL);
        turnRows.push({
          calls: concurrency,
          pace,
          turn: kind,
          n: hookStats.count,
          'hook p50': hookStats.p50,
          'hook p95': hookStats.p95,
          'hook p99': hookStats.p99,
          'RecognizeText p50': recognizeStats.p50,
          'RecognizeText p99': recognizeStats.p99,
        });
        rawRows.push({
          calls: concurrency,
          pace,
          turn: kind,
          'ddb calls/turn': `${Math.min(...opsSeen)}–${ops}`,
          'raw p50': raw.p50,
          'raw p99': raw.p99,
          'GetItem under load p99': probeStats.p99,
          'hook p99': hookStats.p99,
          'ratio p99': ratio === undefined ? 'n/a' : ratio,
          goal: pass === undefined ? 'beside it' : pass ? 'met' : 'missed',
        });
        results.push({
          concurrency,
          pace,
          cpuPerTurnMs,
          kind,
          hook: hookStats,
          recognizeText: recognizeStats,
          dynamoCallsPerTurn: opsSeen,
          raw,
          getItemDuringTurns: probeStats,
          ratio: ratio ?? null,
          pass,
        });
      }
    }
    printTable('voice — code hook time per turn, ms (Lex RecognizeText round trip beside it)', turnRows);
    printTable(
      `voice — hook p99 vs the turn's bare DynamoDB GetItem round trips (goal ≤ ${TURN_GOAL_MS} ms and ≤ ${RATIO_GOAL}×, at 1 call and at 50 calls at the caller's pace: a turn every ${CALLER_PAUSE_MS / 1000} s ±50 % per call)`,
      rawRows,
    );

    const breakdown = await profileTurns();
    // Back to back, every line always has a turn in flight (Little's law: turns in flight = rate × time per turn),
    // and the rate is bounded by the CPU each turn takes in the whole process over the cores there are — taken
    // from the measured back-to-back level, not the profiled pass (whose figure includes stopping the profiler).
    const cores = availableParallelism();
    const cpuPerTurnMs = backToBackCpuPerTurnMs;
    const floorMs = (PROFILED_CONCURRENCY * cpuPerTurnMs) / cores;
    console.log(
      `back to back at ${PROFILED_CONCURRENCY} lines: ${cpuPerTurnMs.toFixed(1)} ms of CPU per turn on ${cores} cores ` +
        `serves at most ${Math.round((cores * 1000) / cpuPerTurnMs)} turns/s, so a turn takes ${floorMs.toFixed(0)} ms on ` +
        `average at the least; ${TURN_GOAL_MS} ms would need ≤ ${((TURN_GOAL_MS * cores) / PROFILED_CONCURRENCY).toFixed(1)} ms ` +
        `of CPU per turn for the bot, the code hook, DynamoDB and this bench's own Lex client together`,
    );
    const bundles = await benchBundles();
    return {
      turns: results,
      turnRows,
      rawRows,
      breakdown,
      backToBackFloorMs: floorMs,
      bundles,
      goals: {
        turnP99Ms: TURN_GOAL_MS,
        ratio: RATIO_GOAL,
        bundleKb: BUNDLE_GOAL_KB,
        codeHookImportMs: IMPORT_GOAL_MS,
        otherImportMs: OTHER_IMPORT_GOAL_MS,
      },
      pass: results.every((r) => r.pass !== false) && bundlesPass(bundles),
    };
  } finally {
    hook.restore();
    runtime.destroy();
    dynamo.destroy();
    await stack.close();
  }
}

/**
 * Every Lambda entry bundled as a deployment would, in the ways a deployment can: minified ESM for Node 20+
 * with `@aws-sdk/*` and `@smithy/*` left out (the Lambda Node runtimes ship AWS SDK v3), with the SDK clients
 * bundled in from their CommonJS builds (esbuild's and Amplify's default), and bundled in from their ES module
 * builds (tree-shaken). Cold import: a fresh `node` that imports the bundle with the
 * configuration the handler reads, timed inside that process.
 */
/** Each handler meets its goals in at least one of the two ways it can be deployed. */
function bundlesPass(bundles: Record<string, unknown>[]): boolean {
  const handlers = new Set(bundles.map((b) => b.handler).filter((h) => h !== FLOOR));
  return [...handlers].every((h) => bundles.some((b) => b.handler === h && b.pass === true));
}

/** `npm run bench -- lambda`: the bundles alone, without starting a stack. */
export async function runLambdaBench() {
  const bundles = await benchBundles();
  return {
    bundles,
    goals: { bundleKb: BUNDLE_GOAL_KB, codeHookImportMs: IMPORT_GOAL_MS, otherImportMs: OTHER_IMPORT_GOAL_MS },
    pass: bundlesPass(bundles),
  };
}

async function benchBundles() {
  // Under node_modules so the external SDK packages resolve from the bundle as they do in Lambda's runtime.
  const out = join(ROOT, 'node_modules/.cache/bench-voice');
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const env: Record<string, string> = {
    // A clean environment: no loader flags (tsx) inherited from this process.
    PATH: process.env.PATH ?? '',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    GRAPHQL_URL: 'https://example.appsync-api.us-east-1.amazonaws.com/graphql',
    CODE_HOOK_FUNCTION_ARN: 'arn:aws:lambda:us-east-1:123456789012:function:courier-lex-codehook',
    PROVISIONER_FUNCTION_NAME: 'courier-provisioner',
    PROOF_BUCKET: 'courier-proof',
    // The api and the code hook refuse to start without the web app's URL; the archiver without its bucket.
    WEB_APP_URL: 'https://d111111abcdef8.cloudfront.net',
    ARCHIVE_BUCKET: 'courier-archive',
    ...Object.fromEntries(Object.keys(TABLES).map((k) => [`TABLE_${k.toUpperCase()}`, `courier-${k}`])),
  };
  const rows: Row[] = [];
  const results: Record<string, unknown>[] = [];
  // esbuild's default for Node picks each package's `main` (the SDK's CommonJS build, which does not tree-shake);
  // `module` first takes its ES modules, so only the commands and middleware a handler uses are bundled.
  const variants = [
    { sdk: 'runtime', external: ['@aws-sdk/*', '@smithy/*'] },
    { sdk: 'bundled', external: [] as string[] },
    { sdk: 'bundled-esm', external: [] as string[], mainFields: ['module', 'main'] },
  ];
  // The peer: a handler that only reads one item through the DynamoDB document client and knows the company's
  // time zone, as every handler here does (its configuration checks the zone; the first Intl.DateTimeFormat with a
  // zone loads ICU's time zone data, 13-18 ms here) — the least a function of this app can be, bundled the same
  // three ways.
  const floorEntry = join(out, 'floor.ts');
  await writeFile(
    floorEntry,
    [
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';",
      'const doc = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      "const zone = new Intl.DateTimeFormat('en-US', { timeZone: process.env.COMPANY_TIME_ZONE ?? 'America/Los_Angeles' });",
      'export const handler = async (e: { key: string }) =>',
      "  ({ item: (await doc.send(new GetCommand({ TableName: 'courier-bookings', Key: { pk: e.key } }))).Item, at: zone.format() });",
    ].join('\n'),
  );
  const entries = [
    ...(await readdir(join(ROOT, 'lambdas')))
      .sort()
      .map((name) => ({ name, entry: join(ROOT, 'lambdas', name, 'handler.ts') })),
    { name: FLOOR, entry: floorEntry },
  ];
  // Every bundle is built first; then each round imports every bundle once, in turn, so a slow spell of the
  // machine lands on all of them rather than on the few whose runs it happened to meet.
  const bundles: { name: string; sdk: string; file: string; sdkFile: string; kb: number; sdkPackages: string[] }[] = [];
  for (const { name, entry } of entries)
    for (const variant of variants) {
      const file = join(out, `${name}.${variant.sdk}.mjs`);
      const built = await build({
        entryPoints: [entry],
        outfile: file,
        bundle: true,
        minify: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        external: variant.external,
        ...(variant.mainFields ? { mainFields: variant.mainFields } : {}),
        // The ES module build is the one profiled below: its frames are mapped back to their sources.
        ...(variant.sdk === PROFILED_SDK ? { sourcemap: 'linked' as const } : {}),
        // Some dependencies are CommonJS calling require(): give the ESM bundle one, as Lambda bundlers do.
        banner: { js: "import{createRequire as __cr}from'module';const require=__cr(import.meta.url);" },
        metafile: true,
        logLevel: 'silent',
      });
      const output = Object.entries(built.metafile.outputs).find(([path]) => path.endsWith('.mjs'))?.[1];
      // The part of the cold import that is the runtime's own SDK: the same external modules imported alone.
      const sdkPackages = [
        ...new Set((output?.imports ?? []).filter((i) => i.external && i.path.startsWith('@')).map((i) => i.path)),
      ];
      const sdkFile = join(out, `${name}.${variant.sdk}.sdk-only.mjs`);
      await writeFile(sdkFile, sdkPackages.map((m) => `import ${JSON.stringify(m)};`).join('\n'));
      bundles.push({ name, sdk: variant.sdk, file, sdkFile, kb: (output?.bytes ?? 0) / 1024, sdkPackages });
    }
  const times = bundles.map(() => [] as number[]);
  const sdkTimes = bundles.map(() => [] as number[]);
  const errors: (string | undefined)[] = bundles.map(() => undefined);
  for (let round = 0; round < IMPORT_RUNS; round++)
    for (const [i, bundle] of bundles.entries()) {
      if (errors[i]) continue;
      const got = await coldImport(bundle.file, env);
      const sdkGot = await coldImport(bundle.sdkFile, env);
      if (typeof got === 'string') errors[i] = got;
      else if (typeof sdkGot === 'string') errors[i] = `SDK-only import: ${sdkGot}`;
      else {
        times[i]!.push(got);
        sdkTimes[i]!.push(sdkGot);
      }
    }
  for (const [i, { name, sdk, kb, sdkPackages }] of bundles.entries()) {
    const error = errors[i];
    const importMs = summarize(times[i]!).p50;
    const sdkMs = summarize(sdkTimes[i]!).p50;
    const goalMs = name === 'lex-codehook' ? IMPORT_GOAL_MS : OTHER_IMPORT_GOAL_MS;
    const pass = name === FLOOR ? undefined : !error && kb <= BUNDLE_GOAL_KB && importMs <= goalMs;
    rows.push({
      handler: name,
      SDK: sdk,
      KB: kb,
      [`import ms (median of ${IMPORT_RUNS})`]: error ? 'failed' : importMs,
      'of which SDK ms': error ? '' : sdkMs,
      'SDK packages': sdkPackages.length,
      goal: pass === undefined ? 'peer' : `${pass ? 'met' : 'missed'} (≤ ${BUNDLE_GOAL_KB} KB, ≤ ${goalMs} ms)`,
    });
    results.push({
      handler: name,
      sdk,
      kb,
      importMs,
      sdkImportMs: sdkMs,
      sdkPackages,
      pass,
      ...(error ? { error } : {}),
    });
    if (error) console.log(`${name} (${sdk} SDK): import failed: ${error}`);
  }
  printTable(
    `voice — Lambda bundles (minified ESM; the runtime's AWS SDK, or the SDK bundled in from its CommonJS or its ES module build; goal ≤ ${BUNDLE_GOAL_KB} KB, code hook ≤ ${IMPORT_GOAL_MS} ms, others ≤ ${OTHER_IMPORT_GOAL_MS} ms)`,
    rows,
  );
  const floor = results.filter((r) => r.handler === FLOOR);
  const floorOf = (sdk: string) => floor.find((r) => r.sdk === sdk) as { kb: number; importMs: number } | undefined;
  const esm = floorOf(PROFILED_SDK);
  const runtime = floorOf('runtime');
  const hook = results.find((r) => r.handler === 'lex-codehook' && r.sdk === PROFILED_SDK) as
    { importMs: number } | undefined;
  if (esm && runtime)
    console.log(
      `the peer, a handler that reads one DynamoDB item in the company's time zone and does nothing else: ` +
        `${esm.kb.toFixed(0)} KB with the SDK ` +
        `bundled as Amplify deploys it (ES modules, minified), importing in ${esm.importMs.toFixed(1)} ms; with the ` +
        `runtime's SDK ${runtime.kb.toFixed(1)} KB, importing in ${runtime.importMs.toFixed(1)} ms. No function that ` +
        `reads a table can be ≤ ${BUNDLE_GOAL_KB} KB with the SDK bundled; with the runtime's, each imports slower.` +
        (hook
          ? ` The code hook's ${hook.importMs.toFixed(1)} ms is the peer's and ${(hook.importMs - esm.importMs).toFixed(1)} ms of its own.`
          : ''),
    );
  const handlerNames = [...new Set(results.map((r) => r.handler as string))].filter((h) => h !== FLOOR);
  const profiles = await profileBundles(out, env, handlerNames);
  return results.map((r) => (r.sdk === PROFILED_SDK ? { ...r, profile: profiles.get(r.handler as string) } : r));
}

/**
 * Where each handler's cold import goes, for its ES-module bundle (the fastest of the three): one profiled
 * import per handler, its CPU time by part, and the app's own files that cost the most.
 */
async function profileBundles(out: string, env: Record<string, string>, handlers: string[]) {
  const profiles = new Map<string, ColdImportProfile>();
  const rows: Row[] = [];
  for (const handler of handlers) {
    const profile = await profileColdImport(join(out, `${handler}.${PROFILED_SDK}.mjs`), env, ROOT);
    profiles.set(handler, profile);
    rows.push({
      handler,
      'import ms (profiled)': profile.importMs,
      ...Object.fromEntries(COLD_IMPORT_PARTS.map((part) => [part, profile.byPartMs[part]])),
      'costliest app files': profile.appFiles
        .slice(0, 3)
        .map((f) => `${f.file.replace(/^src\//, '')} ${f.ms.toFixed(0)}`)
        .join(', '),
    });
  }
  printTable(
    `voice — where a cold import goes (${PROFILED_SDK} bundles, one import under --cpu-prof; CPU ms by part; a native call counts for its caller)`,
    rows,
  );
  return profiles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runVoiceBench();
  console.log(`wrote ${await writeResult('voice', result)}`);
}
