// `mcp`: the partner MCP server's cost over the API it relays to. Tool-call latency of track_booking through
// the MCP server (SDK client, streamable HTTP, token check, SigV4 relay, audit write) beside the same
// trackBooking operation sent to GraphQL directly with the partner token, interleaved in the same run
// (goal: p50 ratio ≤ 1.3, issue 14); and connect-to-first-call time of a fresh client (goal: p50 ≤ 200 ms), stateless
// (the mode the server runs in) beside stateful for comparison. Where the MCP call's time goes is measured in the
// same interleaved loop: the relay's GraphQL call alone, the MCP layer alone (its GraphQL leg answered from
// memory), our server's handling in-process, and a bare HTTP round trip (the floor of the extra hop).
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { LOCAL_MCP_SERVICE } from '../src/local/appsync';
import { issuePartnerToken, trackBooking } from '../src/generated/graphql';
import { createGraphQLCaller, type GraphQLCaller } from '../mcp-server/src/graphql-client';
import { createMcpRuntime } from '../mcp-server/src/runtime';
import { startMcpServer, type McpServer } from '../mcp-server/src/server';
import { createStatelessHandler } from '../mcp-server/src/stateless-handler';
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

    // The parts: the GraphQL call the MCP server relays (signed with its own identity, for the token), an MCP
    // server whose GraphQL leg answers that call's result from memory, the same server's handler in-process,
    // and a node:http server that answers a fixed body.
    const tokenId = /^cvb_([^_]+)_/.exec(token)?.[1] ?? '';
    const relay = createGraphQLCaller({ url: stack.graphqlUrl, region: stack.region, credentials: LOCAL_MCP_SERVICE });
    const answer = await relay.execute(trackBooking, { reference }, { tokenId });
    const fromMemory: GraphQLCaller = { execute: async () => answer as never };
    const layerOnly = await startMcpServer({ ...common, graphql: fromMemory });
    servers.push(layerOnly);
    const layerClient = await connect(layerOnly.url, token);
    // Audit entries written after the answer, as the HTTP server writes them.
    const inProcessRuntime = createMcpRuntime({
      ...common,
      publicUrl: 'http://localhost/mcp',
      graphql: fromMemory,
      auditInBackground: true,
    });
    const inProcess = createStatelessHandler(inProcessRuntime, quiet);
    const rpc = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'track_booking', arguments: { reference } },
    });
    const bare: Server = createHttpServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'));
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/mcp`;
    const parts: Record<string, () => Promise<unknown>> = {
      direct,
      mcp: () => track(client, reference),
      relay: () => relay.execute(trackBooking, { reference }, { tokenId }),
      layer: () => track(layerClient, reference),
      server: async () => {
        const headers = {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          authorization: `Bearer ${token}`,
        };
        await (await inProcess(new Request('http://localhost/mcp', { method: 'POST', headers, body: rpc }))).text();
      },
      hop: async () => {
        const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
        await (await fetch(bareUrl, { method: 'POST', headers, body: rpc })).json();
      },
    };

    // Interleaved, so every path sees the same machine load at the same moments.
    const times: Record<string, number[]> = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
    for (let i = 0; i < WARMUP + CALLS; i++)
      for (const [name, run] of Object.entries(parts)) {
        const t = performance.now();
        await run();
        if (i >= WARMUP) times[name]!.push(performance.now() - t);
      }
    await client.close();
    await layerClient.close();
    await new Promise((resolve) => bare.close(resolve));
    await inProcessRuntime.app.flushAudit();
    inProcessRuntime.close();
    const directMs = times.direct!;
    const mcpMs = times.mcp!;

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
    const p50 = (name: string) => summarize(times[name]!).p50;
    const [relayMs, layerMs, serverMs, hopMs] = [p50('relay'), p50('layer'), p50('server'), p50('hop')];
    const parts50 = [
      { part: 'the relay: the GraphQL call the MCP server sends (SigV4, for the token)', 'p50 ms': relayMs },
      { part: 'the MCP layer: the tool call with its GraphQL leg answered from memory', 'p50 ms': layerMs },
      { part: '  of which the extra HTTP hop: a bare node:http POST round trip', 'p50 ms': hopMs },
      { part: '  of which this server: token check, session, JSON-RPC, tool (in-process)', 'p50 ms': serverMs },
      {
        part: '  of which the rest: the official MCP SDK client and its transport',
        'p50 ms': layerMs - hopMs - serverMs,
      },
    ];
    printTable(
      `mcp — where the tool call's time goes (p50, same loop; direct ${d.p50.toFixed(2)} ms, MCP ${m.p50.toFixed(2)} ms). ` +
        `The relay plus one bare HTTP hop alone: ${((relayMs + hopMs) / d.p50).toFixed(2)}× the direct call; ` +
        `this server's own handling adds ${(serverMs / d.p50).toFixed(2)}×, the official client the rest`,
      parts50,
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
      parts: parts50,
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
