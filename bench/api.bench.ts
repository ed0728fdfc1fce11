// `api`: trackBooking throughput and latency of the local AppSync-compatible server (auth, authorization,
// router, DynamoDB through the gateway) beside a bare graphql-js server answering the same query shape,
// same load, same run. Goals: ratio ≥ 0.6, and p99 ≤ 20 ms at 20 connections. trackBooking with the public key is
// guarded per client address (60 lookups a minute), so the load comes from many loopback addresses, as the
// tracking page's callers do; the bare server gets the very same load. Beside them, the bare server doing what
// the local server's resolver does against the gateway's DynamoDB: the lookup alone, then guard and lookup.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { buildSchema, graphql } from 'graphql';
import { startTestStack } from '../tests/support/test-stack';
import { trackBooking as trackBookingQuery } from '../src/generated/graphql';
import { trackBooking } from '../src/core/tracking';
import { guardPublicLookup } from '../src/core/tracking-guard';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { availableParallelism } from 'node:os';
import { printTable, summarize, threadCpuMs, writeResult } from './stats';
import { PROFILER, profileMainThread } from './cpu-profile';

const CONNECTIONS = 20;
const GOAL_RATIO = 0.6;
const GOAL_P99_MS = 20;
/** 127.0.1.0–127.0.2.255: 512 callers × 60 lookups a minute is far more than this machine serves. */
const SOURCE_ADDRESSES = Array.from({ length: 512 }, (_, i) => `127.0.${1 + (i >> 8)}.${i & 255}`);
const DURATION_MS = Number(process.env.BENCH_API_MS ?? 5000);

type Load = { requests: number; errors: number; firstError?: string; seconds: number; latencies: number[] };

/** Drives `url` from a worker thread, so the load generator never shares the server's event loop. */
function drive(url: string, headers: Record<string, string>, bodies: string[]): Promise<Load> {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: {
      url,
      headers,
      bodies,
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      sourceAddresses: SOURCE_ADDRESSES,
    },
  });
  return new Promise<Load>((resolve, reject) => {
    worker.once('message', (load: Load) => resolve(load));
    worker.once('error', reject);
  });
}

const BARE_SDL = /* GraphQL */ `
  type GeoPoint {
    lat: Float!
    lng: Float!
  }
  type PublicStatusEvent {
    status: String!
    at: String!
  }
  type PublicTracking {
    reference: String!
    status: String!
    lastUpdate: String!
    eta: String
    pickupCity: String!
    deliveryCity: String!
    courierPosition: GeoPoint
    timeline: [PublicStatusEvent!]!
  }
  type Query {
    trackBooking(reference: String!): PublicTracking
  }
`;

/**
 * A bare graphql-js server for trackBooking. By default it answers from memory; `resolve` gives it work to do per
 * request instead (given the reference and the caller's address), as the peers below do.
 */
async function startBare(
  answer: Record<string, unknown>,
  resolve: (reference: string, source: string) => Promise<unknown> = async (reference) => ({ ...answer, reference }),
): Promise<Server> {
  const schema = buildSchema(BARE_SDL);
  const server = createServer((req, res) => {
    const source = req.socket.remoteAddress ?? 'unknown';
    const rootValue = { trackBooking: ({ reference }: { reference: string }) => resolve(reference, source) };
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString()) as {
        query: string;
        variables: Record<string, unknown>;
      };
      void graphql({ schema, source: query, rootValue, variableValues: variables }).then((result) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

export async function runApiBench() {
  const stack = await startTestStack();
  try {
    const refs = (await stack.deps.bookings.query({ by: 'partner', partnerId: 'acme' }, { limit: 50 })).items.map(
      (b) => b.reference,
    );
    const bodies = refs.map((reference) => JSON.stringify({ query: trackBookingQuery, variables: { reference } }));
    const sample = (await (
      await fetch(stack.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': stack.apiKey },
        body: bodies[0],
      })
    ).json()) as { data: { trackBooking: Record<string, unknown> } };
    const bare = await startBare(sample.data.trackBooking);
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/graphql`;

    // Warm both, then measure each in turn.
    await drive(
      stack.graphqlUrl,
      { 'content-type': 'application/json', 'x-api-key': stack.apiKey },
      bodies.slice(0, 5),
    );
    // CPU actually used during the measured run (not profiler samples, which under load also count the time a
    // thread waited for a core): the server's own thread, and the whole process (gateway, load generator too).
    const [mainCpuBefore, processCpuBefore] = [threadCpuMs(), process.cpuUsage()];
    const local = await drive(
      stack.graphqlUrl,
      { 'content-type': 'application/json', 'x-api-key': stack.apiKey },
      bodies,
    );
    const mainCpuMs = mainCpuBefore === undefined ? undefined : threadCpuMs()! - mainCpuBefore;
    const localProcessCpu = process.cpuUsage(processCpuBefore);
    const baseline = await drive(bareUrl, { 'content-type': 'application/json' }, bodies);
    bare.close();
    // Peers that say where the gap to bare graphql-js comes from: the same bare server doing, per request, what
    // the local server's resolver does against the gateway's DynamoDB through the app's own repositories — the
    // lookup's reads alone, then the public-tracking guard and the lookup (as trackBooking does). The first is the
    // ceiling of any server that reads the booking from DynamoDB on this machine, however thin its own layers.
    const { bookings, couriers, rateLimits, clock } = stack.deps;
    const lookup = (reference: string) => trackBooking(reference, { bookings, couriers });
    const peers: [string, (reference: string, source: string) => Promise<unknown>][] = [
      ['bare graphql-js + the lookup (its DynamoDB reads)', lookup],
      [
        'bare graphql-js + the guard and the lookup (as trackBooking)',
        (reference, source) => guardPublicLookup(source, () => lookup(reference), { counter: rateLimits!, clock }),
      ],
    ];
    const peerLoads: [string, Load][] = [];
    for (const [name, resolve] of peers) {
      const server = await startBare(sample.data.trackBooking, resolve);
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
      await drive(url, { 'content-type': 'application/json' }, bodies.slice(0, 5));
      peerLoads.push([name, await drive(url, { 'content-type': 'application/json' }, bodies)]);
      server.close();
    }
    // Where the local server's time goes: a third, profiled run (not the measured one: the profiler costs time),
    // counting the HTTP requests the server's own thread makes meanwhile (its DynamoDB calls to the gateway).
    let outgoing = 0;
    const countOutgoing = () => void (outgoing += 1);
    subscribe('http.client.request.start', countOutgoing);
    const cpuUsage = process.cpuUsage();
    const profiled = await profileMainThread(() =>
      drive(stack.graphqlUrl, { 'content-type': 'application/json', 'x-api-key': stack.apiKey }, bodies),
    ).finally(() => unsubscribe('http.client.request.start', countOutgoing));
    const processCpu = process.cpuUsage(cpuUsage);

    const row = (name: string, l: Load) => {
      const s = summarize(l.latencies);
      return {
        server: name,
        'req/s': l.requests / l.seconds,
        'p50 ms': s.p50,
        'p99 ms': s.p99,
        errors: l.errors,
        requests: l.requests,
      };
    };
    const rate = (l: Load) => l.requests / l.seconds;
    const rows = [
      row('local AppSync (trackBooking)', local),
      row('bare graphql-js', baseline),
      ...peerLoads.map(([name, l]) => row(name, l)),
    ].map((r, i) => ({ ...r, 'ratio to bare': i === 1 ? 1 : r['req/s'] / rate(baseline) }));
    const ratio = rate(local) / rate(baseline);
    const lookupCeiling = rate(peerLoads[0]![1]) / rate(baseline);
    const p99 = rows[0]!['p99 ms'];
    const pass = ratio >= GOAL_RATIO && p99 <= GOAL_P99_MS;
    printTable(
      `api — ${CONNECTIONS} connections, ${DURATION_MS / 1000}s each; ratio local/bare = ${ratio.toFixed(2)} (goal ≥ ${GOAL_RATIO}), local p99 ${p99.toFixed(1)} ms (goal ≤ ${GOAL_P99_MS} ms): ${pass ? 'met' : 'MISSED'}`,
      rows,
    );
    console.log(
      `api — the lookup's DynamoDB reads alone bring bare graphql-js to ${lookupCeiling.toFixed(2)} of its rate: ${lookupCeiling < GOAL_RATIO ? `below the goal of ${GOAL_RATIO}, so no server that reads the booking from this machine's DynamoDB through the AWS SDK can reach it` : `the goal of ${GOAL_RATIO} is within reach of a server that reads the booking from DynamoDB`}.`,
    );
    for (const [name, l] of [['local', local] as const, ['bare', baseline] as const, ...peerLoads])
      if (l.errors > 0) console.log(`${name}: ${l.errors} failed requests, the first: ${l.firstError}`);
    const n = profiled.result.requests;
    const perRequest = (ms: number) => Math.round((ms / n) * 100) / 100;
    const breakdown = Object.entries(profiled.cpu.byCategoryMs)
      .filter(([part]) => part !== PROFILER)
      .sort((a, b) => b[1] - a[1])
      .map(([part, ms]) => ({ 'server main thread': part, 'ms per request': perRequest(ms) }));
    breakdown.push({
      'server main thread': 'all threads of the process (server, gateway, load generator): CPU',
      'ms per request': perRequest((processCpu.user + processCpu.system) / 1000),
    });
    // The same from the measured (unprofiled) run.
    const measured = (ms: number) => Math.round((ms / local.requests) * 100) / 100;
    if (mainCpuMs !== undefined)
      breakdown.push({
        'server main thread': 'measured run: server main thread CPU (/proc, not samples)',
        'ms per request': measured(mainCpuMs),
      });
    breakdown.push({
      'server main thread': 'measured run: all threads of the process: CPU',
      'ms per request': measured((localProcessCpu.user + localProcessCpu.system) / 1000),
    });
    printTable(
      `api — where the local server's time goes (profiled run: ${n} requests, ${profiled.result.requests && (n / (profiled.cpu.wallMs / 1000)).toFixed(0)} req/s; ${(outgoing / n).toFixed(1)} DynamoDB round trips per trackBooking). At ${CONNECTIONS} connections p99 ≤ ${GOAL_P99_MS} ms needs ≥ ${(CONNECTIONS * 1000) / GOAL_P99_MS} req/s, i.e. ≤ ${((GOAL_P99_MS / CONNECTIONS) * availableParallelism()).toFixed(1)} ms of CPU per request across this machine's ${availableParallelism()} cores, shared`,
      breakdown,
    );
    return {
      connections: CONNECTIONS,
      durationMs: DURATION_MS,
      rows,
      breakdown,
      dynamoRoundTripsPerRequest: outgoing / n,
      ratio,
      lookupCeiling,
      p99,
      goal: { ratio: GOAL_RATIO, p99Ms: GOAL_P99_MS },
      pass,
    };
  } finally {
    await stack.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runApiBench();
  console.log(`wrote ${await writeResult('api', result)}`);
}
