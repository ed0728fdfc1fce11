// The partner MCP server over HTTP (Req 7, 16.4) with the official MCP SDK client against the real local stack:
// tools per scope, book/track/list/cancel, isolation between partners, 401 challenges for missing, expired and
// revoked tokens, the RFC 9728 metadata, readable validation errors that store nothing, the per-partner rate
// limit, and the audit trail of tool calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { hashSecret } from '../../src/core/partner-tokens';
import { LOCAL_MCP_SERVICE } from '../../src/local/appsync';
import type { Stack } from '../../src/local/stack';
import { createPartner, issuePartnerToken, revokePartnerToken } from '../../src/generated/graphql';
import { startMcpServer, type McpServer } from '../../mcp-server/src/server';
import { as, gql, startTestStack, tomorrowAt, type Caller } from '../support/test-stack';

let stack: Stack;
let mcp: McpServer;
let admin: Caller;
let acmeToken: string;
let globexToken: string;
const clients: Client[] = [];

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

async function issue(partnerId: string, scopes: string[], rateLimitPerMinute = 600): Promise<string> {
  const r = await gql<{ issuePartnerToken: { token: string } }>(stack, admin, issuePartnerToken, {
    partnerId,
    name: `mcp test ${scopes.join(' ')}`,
    scopes,
    expiresAt: hoursFromNow(24),
    rateLimitPerMinute,
  });
  expect(r.errors).toBeUndefined();
  return r.data!.issuePartnerToken.token;
}

async function connect(token: string): Promise<Client> {
  const client = new Client({ name: 'partner-agent', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(mcp.url), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  clients.push(client);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

const textOf = (r: CallToolResult) => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

function bookingArgs(overrides: Record<string, unknown> = {}) {
  return {
    customerName: 'Grace Hopper',
    customerPhone: '(206) 555-0134',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
    delivery: { line1: '3400 Stone Way N', city: 'Seattle', postcode: '98103' },
    package: { size: 'SMALL', weightKg: 2.5 },
    pickupWindowStart: tomorrowAt(stack, 10),
    pickupWindowEnd: tomorrowAt(stack, 12),
    idempotencyKey: crypto.randomUUID(),
    ...overrides,
  };
}

type BookingView = { reference: string; status: string; partnerName: string; allowedActions: string[] };

async function book(client: Client): Promise<BookingView> {
  const r = await call(client, 'book_courier', bookingArgs());
  expect(r.isError, textOf(r)).toBeFalsy();
  return (r.structuredContent as { booking: BookingView }).booking;
}

async function connectRaw(headers: Record<string, string>): Promise<Response> {
  return fetch(mcp.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
    }),
  });
}

beforeAll(async () => {
  stack = await startTestStack();
  admin = await as(stack, 'admin@example.com');
  mcp = await startMcpServer({
    port: 0,
    graphqlUrl: stack.graphqlUrl,
    region: stack.region,
    serviceCredentials: LOCAL_MCP_SERVICE,
    awsConfig: stack.doc,
    tables: stack.tables,
    log: quiet,
  });
  acmeToken = await issue('acme', ['bookings:read', 'bookings:write', 'feedback:write']);
  globexToken = await issue('globex', ['bookings:read', 'bookings:write', 'feedback:write']);
});

afterAll(async () => {
  for (const c of clients) await c.close().catch(() => {});
  await mcp?.close();
  await stack?.close();
});

describe('tools over streamable HTTP', () => {
  it('lists every tool, each field described and annotated, for a token with every scope', async () => {
    // Prepare
    const client = await connect(acmeToken);
    // Act
    const { tools } = await client.listTools();
    // Assess
    expect(tools.map((t) => t.name).sort()).toEqual([
      'book_courier',
      'cancel_booking',
      'get_booking',
      'list_bookings',
      'list_status_events',
      'submit_feedback',
      'track_booking',
      'update_pickup_window',
    ]);
    const describedEverywhere = (schema: Record<string, unknown>): boolean =>
      Object.values((schema.properties ?? {}) as Record<string, Record<string, unknown>>).every(
        (p) => typeof p.description === 'string' && (p.type !== 'object' || describedEverywhere(p)),
      );
    for (const t of tools) {
      expect(describedEverywhere(t.inputSchema as Record<string, unknown>), t.name).toBe(true);
      expect(t.annotations?.title, t.name).toBeTruthy();
      expect(typeof t.annotations?.readOnlyHint, t.name).toBe('boolean');
    }
    expect(tools.find((t) => t.name === 'cancel_booking')?.annotations?.destructiveHint).toBe(true);
  });

  it('books, tracks, lists and cancels a booking as the token’s partner', async () => {
    // Prepare
    const client = await connect(acmeToken);
    // Act
    const booking = await book(client);
    const tracked = await call(client, 'track_booking', { reference: booking.reference });
    const listed = await call(client, 'list_bookings', { status: 'BOOKED', limit: 100 });
    const cancelled = await call(client, 'cancel_booking', { reference: booking.reference, reason: 'test' });
    const again = await call(client, 'cancel_booking', { reference: booking.reference });
    // Assess
    expect(booking).toMatchObject({ status: 'BOOKED', partnerName: 'Acme' });
    expect(booking.allowedActions).toContain('cancel_booking');
    expect(tracked.isError).toBeFalsy();
    expect(textOf(tracked)).toContain(`${booking.reference} is BOOKED`);
    const items = (listed.structuredContent as { bookings: { reference: string }[] }).bookings;
    expect(items.map((b) => b.reference)).toContain(booking.reference);
    expect(cancelled.isError).toBeFalsy();
    expect((cancelled.structuredContent as { booking: BookingView }).booking.status).toBe('CANCELLED');
    expect(again.isError).toBe(true);
    expect(textOf(again)).toMatch(/^ConflictError: /);
    expect((await stack.deps.bookings.get(booking.reference))?.partnerId).toBe('acme');
  });

  it('never shows or changes another partner’s booking: it reads as not found', async () => {
    // Prepare
    const acme = await connect(acmeToken);
    const globex = await connect(globexToken);
    const booking = await book(acme);
    // Act
    const read = await call(globex, 'get_booking', { reference: booking.reference });
    const cancel = await call(globex, 'cancel_booking', { reference: booking.reference });
    const listed = await call(globex, 'list_bookings', { limit: 100 });
    // Assess
    expect(read.isError).toBe(true);
    expect(textOf(read)).toContain(`NotFoundError: No booking with reference ${booking.reference} was found.`);
    expect(cancel.isError).toBe(true);
    expect(textOf(cancel)).toMatch(/^NotFoundError/);
    const refs = (listed.structuredContent as { bookings: { reference: string }[] }).bookings.map((b) => b.reference);
    expect(refs).not.toContain(booking.reference);
    expect((await stack.deps.bookings.get(booking.reference))?.status).toBe('BOOKED');
  });

  it('hides and refuses tools outside the token’s scopes', async () => {
    // Prepare
    const readOnly = await connect(await issue('acme', ['bookings:read']));
    // Act
    const { tools } = await readOnly.listTools();
    const attempt = await readOnly
      .callTool({ name: 'book_courier', arguments: bookingArgs() })
      .then((r) => ({ refused: (r as CallToolResult).isError === true, text: textOf(r as CallToolResult) }))
      .catch((e: Error) => ({ refused: true, text: e.message }));
    // Assess
    expect(tools.map((t) => t.name).sort()).toEqual([
      'get_booking',
      'list_bookings',
      'list_status_events',
      'track_booking',
    ]);
    expect(attempt.refused).toBe(true);
    expect(attempt.text).toMatch(/book_courier/);
  });

  it('answers bad arguments with readable errors naming each field, and stores nothing', async () => {
    // Prepare
    const client = await connect(acmeToken);
    const before = (await stack.deps.bookings.query({ by: 'partner', partnerId: 'acme' }, { limit: 1000 })).items
      .length;
    // Act
    const shape = await call(client, 'book_courier', {
      ...bookingArgs(),
      customerName: undefined,
      package: { size: 'HUGE', weightKg: -1 },
      colour: 'red',
    });
    const business = await call(
      client,
      'book_courier',
      bookingArgs({ pickup: { line1: '1 Main St', city: 'Seattle', postcode: 'ABC' } }),
    );
    // Assess
    expect(shape.isError).toBe(true);
    expect(textOf(shape)).toContain('customerName is required');
    expect(textOf(shape)).toContain('package.size must be one of SMALL, MEDIUM, LARGE, OVERSIZED');
    expect(textOf(shape)).toContain('package.weightKg must be more than 0');
    expect(textOf(shape)).toContain('colour is not a parameter');
    expect(business.isError).toBe(true);
    expect(textOf(business)).toMatch(/^ValidationError: .*pickup\.postcode/);
    const after = (await stack.deps.bookings.query({ by: 'partner', partnerId: 'acme' }, { limit: 1000 })).items.length;
    expect(after).toBe(before);
  });

  it('records every tool call in the audit trail with source mcp, a digest and the outcome', async () => {
    // Prepare
    const token = await issue('globex', ['bookings:read']);
    const tokenId = token.split('_')[1]!;
    const client = await connect(token);
    const acmeBooking = await book(await connect(acmeToken));
    // Act
    await call(client, 'list_bookings', { limit: 5 });
    await call(client, 'get_booking', { reference: acmeBooking.reference });
    await call(client, 'list_bookings', { limit: 500 });
    await mcp.flushAudit();
    // Assess
    const { items } = await stack.deps.audit!.list({ by: 'partner', partnerId: 'globex' }, { limit: 100 });
    const mine = items.filter((e) => e.tokenId === tokenId).sort((a, b) => a.at.localeCompare(b.at));
    expect(mine.map((e) => [e.operation, e.outcome, e.source])).toEqual([
      ['list_bookings', 'ok', 'mcp'],
      ['get_booking', 'NotFoundError', 'mcp'],
      ['list_bookings', 'ValidationError', 'mcp'],
    ]);
    expect(mine.every((e) => /^[0-9a-f]{64}$/.test(e.argsDigest) && e.latencyMs >= 0)).toBe(true);
    // The API audits direct GraphQL calls only: relayed calls are not recorded twice.
    expect(items.filter((e) => e.tokenId === tokenId && e.source === 'graphql')).toEqual([]);
  });
});

describe('authentication', () => {
  it('challenges a request without a token, and serves the protected-resource metadata it points to', async () => {
    // Act
    const res = await connectRaw({});
    const challenge = res.headers.get('www-authenticate') ?? '';
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1];
    const metadata = (await (await fetch(metadataUrl!)).json()) as Record<string, unknown>;
    // Assess
    expect(res.status).toBe(401);
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toContain('error_description="A partner token is required');
    expect(metadataUrl).toBe(mcp.resourceMetadataUrl);
    expect(metadata).toMatchObject({
      resource: mcp.url,
      bearer_methods_supported: ['header'],
      scopes_supported: ['bookings:read', 'bookings:write', 'feedback:write'],
    });
    expect(metadata.resource_name).toBeTruthy();
  });

  it('refuses malformed, unknown, expired and revoked tokens with 401 and invalid_token', async () => {
    // Prepare
    const revoked = await issue('acme', ['bookings:read']);
    expect((await gql(stack, admin, revokePartnerToken, { tokenId: revoked.split('_')[1] })).errors).toBeUndefined();
    const secret = 'y'.repeat(43);
    await stack.deps.partnerTokens!.create({
      tokenId: 'mcpexpired01',
      partnerId: 'acme',
      name: 'expired',
      scopes: ['bookings:read'],
      secretHash: hashSecret(secret),
      rateLimitPerMinute: 60,
      createdAt: '2024-01-01T00:00:00.000Z',
      createdBy: { type: 'ADMIN', id: 'test' },
      expiresAt: '2024-02-01T00:00:00.000Z',
    });
    const cases = {
      malformed: 'not-a-token',
      unknown: acmeToken.replace(/^cvb_[a-z0-9]{12}_/, 'cvb_zzzzzzzzzzzz_'),
      expired: `cvb_mcpexpired01_${secret}`,
      revoked,
    };
    // Act
    const answers = await Promise.all(
      Object.entries(cases).map(
        async ([why, token]) => [why, await connectRaw({ authorization: `Bearer ${token}` })] as const,
      ),
    );
    const viaSdk = await connect(revoked).then(
      () => undefined,
      (e: unknown) => e,
    );
    // Assess
    for (const [why, res] of answers) {
      const challenge = res.headers.get('www-authenticate') ?? '';
      expect(res.status, why).toBe(401);
      expect(challenge, why).toContain('error="invalid_token"');
      expect(challenge, why).toContain(`resource_metadata="${mcp.resourceMetadataUrl}"`);
      expect(challenge, why).toMatch(
        new RegExp(
          `error_description="The partner token (is|has)[^"]*${why === 'malformed' ? 'malformed' : why === 'unknown' ? 'not recognised' : why}`,
        ),
      );
    }
    expect(viaSdk).toBeInstanceOf(StreamableHTTPError);
    expect((viaSdk as StreamableHTTPError).code).toBe(401);
  });
});

describe('rate limits', () => {
  it('trips at the token’s rate and not before, saying when to retry', async () => {
    // Prepare
    await gql(stack, admin, createPartner, { id: 'mcp-burst', name: 'MCP Burst', contactEmail: 'b@mcp-burst.example' });
    const client = await connect(await issue('mcp-burst', ['bookings:read'], 5));
    const other = await connect(globexToken);
    // The counter's window is the minute: keep the burst inside one.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
    // Act
    const allowed: CallToolResult[] = [];
    for (let i = 0; i < 5; i++) allowed.push(await call(client, 'list_bookings', { limit: 1 }));
    const refused = await call(client, 'list_bookings', { limit: 1 });
    const unaffected = await call(other, 'list_bookings', { limit: 1 });
    // Assess
    for (const a of allowed) expect(a.isError, textOf(a)).toBeFalsy();
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(
      /^RateLimitError: Rate limit reached: 5 requests per minute\. Retry in \d+ seconds?\./,
    );
    const error = (refused.structuredContent as { error: { retryAfterSeconds: number } }).error;
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    expect(error.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(unaffected.isError).toBeFalsy();
  });
});
