// `mcp`: the partner MCP server's cost over the API it relays to. Tool-call latency of track_booking through
// the MCP server (SDK client, streamable HTTP, token check, SigV4 relay, audit write) beside the same
// trackBooking operation sent to GraphQL directly with the partner token, interleaved in the same run
// (goal: p50 ratio ≤ 1.3, issue 14); and connect-to-first-call time of a fresh client (goal: p50 ≤ 200 ms), stateless
// (the mode the server runs in) beside stateful for comparison.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { LOCAL_MCP_SERVICE } from '../src/local/appsync';
import { issuePartnerToken, trackBooking } from '../src/generated/graphql';
import { startMcpServer, type McpServer } from '../mcp-server/src/server';
import { as, gql, startTestStack } from '../tests/support/test-stack';
import { printTable, summarize, writeResult } from './stats';

const CALLS = Number(process.env.BENCH_MCP_CALLS ?? 300);
const WARMUP = 30;
const CONNECTS = Number(process.env.BENCH_MCP_CONNECTS ?? 30);
const RATIO_GOAL = 1.3;
const CONNECT_GOAL_MS = 200;
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

async function connect(url: string, token: string): Promise<Client> {
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } }),
  );
  return client;
}

async function track(client: Client, reference: string): Promise<void> {
  const r = (await client.callTool({ name: 'track_booking', arguments: { reference } })) as CallToolResult;
  if (r.isError) throw new Error(`track_booking failed: ${JSON.stringify(r.content)}`);
}

async function connectTimes(server: McpServer, token: string, reference: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < CONNECTS + 3; i++) {
    const started = performance.now();
    const client = await connect(server.url, token);
    await track(client, reference);
    const elapsed = performance.now() - started;
    await client.close();
    if (i >= 3) times.push(elapsed);
  }
  return times;
}

export async function runMcpBench() {
  const stack = await startTestStack();
  const servers: McpServer[] = [];
  try {
    const common = {
      port: 0,
      graphqlUrl: stack.graphqlUrl,
      region: stack.region,
      serviceCredentials: LOCAL_MCP_SERVICE,
      awsConfig: stack.doc,
      tables: stack.tables,
      log: quiet,
    };
    const stateless = await startMcpServer(common);
    servers.push(stateless);
    const stateful = await startMcpServer({ ...common, stateless: false });
    servers.push(stateful);

    const admin = await as(stack, 'admin@example.com');
    const issued = await gql<{ issuePartnerToken: { token: string } }>(stack, admin, issuePartnerToken, {
      partnerId: 'acme',
      name: 'mcp bench',
      scopes: ['bookings:read', 'bookings:write'],
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      rateLimitPerMinute: 10_000,
    });
    const token = issued.data?.issuePartnerToken.token;
    if (!token) throw new Error(`could not issue a bench token: ${JSON.stringify(issued.errors)}`);

    const client = await connect(stateless.url, token);
    const booked = (await client.callTool({
      name: 'book_courier',
      arguments: {
        customerName: 'Bench Customer',
        customerPhone: '(206) 555-0134',
        pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
        delivery: { line1: '3400 Stone Way N', city: 'Seattle', postcode: '98103' },
        package: { size: 'SMALL', weightKg: 1 },
        pickupWindowStart: new Date(Date.now() + 2 * 3_600_000).toISOString(),
        pickupWindowEnd: new Date(Date.now() + 4 * 3_600_000).toISOString(),
        idempotencyKey: crypto.randomUUID(),
      },
    })) as CallToolResult;
    const reference = (booked.structuredContent as { booking?: { reference: string } } | undefined)?.booking?.reference;
    if (!reference) throw new Error(`could not book: ${JSON.stringify(booked.content)}`);

    const direct = async () => {
      const r = await gql(stack, { token }, trackBooking, { reference });
      if (r.errors) throw new Error(`trackBooking failed: ${JSON.stringify(r.errors)}`);
    };

    // Interleaved, so both paths see the same machine load at the same moments.
    const directMs: number[] = [];
    const mcpMs: number[] = [];
    for (let i = 0; i < WARMUP + CALLS; i++) {
      let t = performance.now();
      await direct();
      const d = performance.now() - t;
      t = performance.now();
      await track(client, reference);
      const m = performance.now() - t;
      if (i >= WARMUP) {
        directMs.push(d);
        mcpMs.push(m);
      }
    }
    await client.close();

    const statelessConnect = await connectTimes(stateless, token, reference);
    const statefulConnect = await connectTimes(stateful, token, reference);

    const d = summarize(directMs);
    const m = summarize(mcpMs);
    const cs = summarize(statelessConnect);
    const cf = summarize(statefulConnect);
    const ratio = m.p50 / d.p50;
    const rows = [
      {
        measure: 'trackBooking, GraphQL direct (token)',
        'p50 ms': d.p50,
        'p95 ms': d.p95,
        'p99 ms': d.p99,
        n: d.count,
      },
      { measure: 'track_booking, MCP tool call', 'p50 ms': m.p50, 'p95 ms': m.p95, 'p99 ms': m.p99, n: m.count },
      { measure: 'connect + first call, stateless', 'p50 ms': cs.p50, 'p95 ms': cs.p95, 'p99 ms': cs.p99, n: cs.count },
      { measure: 'connect + first call, stateful', 'p50 ms': cf.p50, 'p95 ms': cf.p95, 'p99 ms': cf.p99, n: cf.count },
    ];
    printTable(
      `mcp — ratio MCP/direct p50 = ${ratio.toFixed(2)} (goal ≤ ${RATIO_GOAL}); ` +
        `stateless connect-to-first-call p50 = ${cs.p50.toFixed(0)} ms (goal ≤ ${CONNECT_GOAL_MS} ms)`,
      rows,
    );
    return {
      calls: CALLS,
      connects: CONNECTS,
      rows,
      ratio,
      ratioGoal: RATIO_GOAL,
      connectP50Ms: cs.p50,
      connectGoalMs: CONNECT_GOAL_MS,
      statefulConnectP50Ms: cf.p50,
      pass: ratio <= RATIO_GOAL && cs.p50 <= CONNECT_GOAL_MS,
    };
  } finally {
    for (const s of servers) await s.close().catch(() => {});
    await stack.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runMcpBench();
  console.log(`wrote ${await writeResult('mcp', result)}`);
}
