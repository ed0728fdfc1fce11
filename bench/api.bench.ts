// `api`: trackBooking throughput and latency of the local AppSync-compatible server (auth, authorization,
// router, DynamoDB through the gateway) beside a bare graphql-js server answering the same query shape,
// same load, same run. Goal: ratio ≥ 0.5.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { buildSchema, graphql } from 'graphql';
import { startTestStack } from '../tests/support/test-stack';
import { trackBooking } from '../src/generated/graphql';
import { printTable, summarize, writeResult } from './stats';

const CONNECTIONS = 20;
const DURATION_MS = Number(process.env.BENCH_API_MS ?? 5000);

type Load = { requests: number; errors: number; seconds: number; latencies: number[] };

/** Drives `url` from a worker thread, so the load generator never shares the server's event loop. */
function drive(url: string, headers: Record<string, string>, bodies: string[]): Promise<Load> {
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), {
    workerData: { url, headers, bodies, connections: CONNECTIONS, durationMs: DURATION_MS },
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

async function startBare(answer: Record<string, unknown>): Promise<Server> {
  const schema = buildSchema(BARE_SDL);
  const rootValue = { trackBooking: ({ reference }: { reference: string }) => ({ ...answer, reference }) };
  const server = createServer((req, res) => {
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
    const bodies = refs.map((reference) => JSON.stringify({ query: trackBooking, variables: { reference } }));
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
    const local = await drive(
      stack.graphqlUrl,
      { 'content-type': 'application/json', 'x-api-key': stack.apiKey },
      bodies,
    );
    const baseline = await drive(bareUrl, { 'content-type': 'application/json' }, bodies);
    bare.close();

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
    const rows = [row('local AppSync (trackBooking)', local), row('bare graphql-js', baseline)];
    const ratio = local.requests / local.seconds / (baseline.requests / baseline.seconds);
    printTable(
      `api — ${CONNECTIONS} connections, ${DURATION_MS / 1000}s each; ratio local/bare = ${ratio.toFixed(2)} (goal ≥ 0.5)`,
      rows,
    );
    return { connections: CONNECTIONS, durationMs: DURATION_MS, rows, ratio, goal: 0.5, pass: ratio >= 0.5 };
  } finally {
    await stack.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runApiBench();
  console.log(`wrote ${await writeResult('api', result)}`);
}
