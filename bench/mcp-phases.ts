// Per-phase profile of the MCP tool call (issue 14): where the time between the direct GraphQL call and the
// MCP tool call goes. Interleaved, same stack, same token.
import { setTimeout as delay } from 'node:timers/promises';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { LOCAL_MCP_SERVICE } from '../src/local/appsync';
import { issuePartnerToken, trackBooking, bookCourier } from '../src/generated/graphql';
import { startMcpServer } from '../mcp-server/src/server';
import { createGraphQLCaller, type GraphQLCaller } from '../mcp-server/src/graphql-client';
import { createMcpRuntime } from '../mcp-server/src/runtime';
import { createServer as createHttpServer } from 'node:http';
import { createStatelessHandler } from '../mcp-server/src/stateless-handler';
import { signedPostHeaders } from '../src/data/signed-post';
import { as, gql, startTestStack } from '../tests/support/test-stack';
import { summarize } from './stats';

const N = Number(process.env.N ?? 300);
const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const stack = await startTestStack();
const admin = await as(stack, 'admin@example.com');
const issued = await gql<{ issuePartnerToken: { token: string; tokenId?: string } }>(stack, admin, issuePartnerToken, {
  partnerId: 'acme',
  name: 'p',
  scopes: ['bookings:read', 'bookings:write'],
  expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  rateLimitPerMinute: 10_000,
});
const token = issued.data!.issuePartnerToken.token;
const common = {
  port: 0,
  graphqlUrl: stack.graphqlUrl,
  region: stack.region,
  serviceCredentials: LOCAL_MCP_SERVICE,
  awsConfig: stack.doc,
  tables: stack.tables,
  log: quiet,
};
const real = createGraphQLCaller({ url: stack.graphqlUrl, region: stack.region, credentials: LOCAL_MCP_SERVICE });
const canned: { value?: unknown } = {};
const stub: GraphQLCaller = { execute: async () => canned.value as never };
let inner = 0;
const timed: GraphQLCaller = {
  execute: async (o, v, a) => {
    const t = performance.now();
    try {
      return await real.execute(o, v, a);
    } finally {
      inner = performance.now() - t;
    }
  },
};
const srvReal = await startMcpServer({ ...common, graphql: timed });
const srvStub = await startMcpServer({ ...common, graphql: stub });
const connect = async (url: string) => {
  const c = new Client({ name: 'p', version: '1' });
  await c.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
  );
  return c;
};
const cReal = await connect(srvReal.url);
const cStub = await connect(srvStub.url);
const booked = (await cReal.callTool({
  name: 'book_courier',
  arguments: {
    customerName: 'Phase Profile',
    customerPhone: '(206) 555-0134',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
    delivery: { line1: '3400 Stone Way N', city: 'Seattle', postcode: '98103' },
    package: { size: 'SMALL', weightKg: 1 },
    pickupWindowStart: new Date(Date.now() + 2 * 3_600_000).toISOString(),
    pickupWindowEnd: new Date(Date.now() + 4 * 3_600_000).toISOString(),
    idempotencyKey: crypto.randomUUID(),
  },
})) as CallToolResult;
const reference = (booked.structuredContent as { booking: { reference: string } }).booking.reference;
void bookCourier;
const tokenId = /^cvb_([^_]+)_/.exec(token)![1]!;
canned.value = await real.execute(trackBooking, { reference }, { tokenId });
const runtime = createMcpRuntime({ ...common, publicUrl: 'http://localhost/mcp' });
const signer = new SignatureV4({
  service: 'appsync',
  region: stack.region,
  credentials: LOCAL_MCP_SERVICE,
  sha256: Sha256,
});
const url = new URL(stack.graphqlUrl);
const body = JSON.stringify({ query: String(trackBooking), variables: { reference } });

const floor = createHttpServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
});
await new Promise<void>((r) => floor.listen(0, '127.0.0.1', r));
const floorUrl = `http://127.0.0.1:${(floor.address() as { port: number }).port}/mcp`;
const stubRuntime = createMcpRuntime({
  ...common,
  publicUrl: 'http://localhost/mcp',
  graphql: stub,
  auditInBackground: true,
});
const inproc = createStatelessHandler(stubRuntime, quiet);
const rpc = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params: { name: 'track_booking', arguments: { reference: 'X' } },
});
const phases: Record<string, () => Promise<unknown>> = {
  'direct trackBooking (token)': async () => {
    const r = await gql(stack, { token }, trackBooking, { reference });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  },
  'MCP track_booking (real)': async () => {
    const r = (await cReal.callTool({ name: 'track_booking', arguments: { reference } })) as CallToolResult;
    if (r.isError) throw new Error(JSON.stringify(r.content));
  },
  '  of which GraphQL hop out (in tool)': async () => {},
  'signed relay alone (sign+fetch, IAM path)': () => real.execute(trackBooking, { reference }, { tokenId }),
  'SigV4 sign alone': () =>
    signedPostHeaders(signer, url, { 'content-type': 'application/json', 'x-courier-partner-token-id': tokenId }, body),
  'MCP track_booking (stub GraphQL)': () => cStub.callTool({ name: 'track_booking', arguments: { reference } }),
  'partner token check (cache hit)': () => runtime.authenticator.fromHeader(`Bearer ${token}`),
  'HTTP POST floor (bare node:http)': async () => {
    const r = await fetch(floorUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: rpc,
    });
    await r.json();
  },
  'in-process stateless handler (stub, no HTTP)': async () => {
    const r = await inproc(
      new Request('http://localhost/mcp', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          authorization: `Bearer ${token}`,
        },
        body: rpc,
      }),
    );
    await r.text();
  },
  'await setTimeout(1)': () => delay(1),
  'await setImmediate': () => new Promise((r) => setImmediate(r)),
};
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(phases).map((k) => [k, []]));
for (let i = 0; i < N + 30; i++) {
  for (const [k, f] of Object.entries(phases)) {
    const t = performance.now();
    await f();
    const e = performance.now() - t;
    if (i >= 30) samples[k]!.push(k.startsWith('  of which') ? inner : e);
  }
}
const rows = Object.entries(samples).map(([k, s]) => {
  const x = summarize(s);
  return { phase: k, p50: x.p50.toFixed(2), p95: x.p95.toFixed(2) };
});
console.table(rows);
console.log(
  'load',
  (await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / '),
);
floor.close();
stubRuntime.close();
await cReal.close();
await cStub.close();
await srvReal.close();
await srvStub.close();
runtime.close();
await stack.close();
