// Every partner tool through the real SDK Client over InMemoryTransport, with a fake GraphQL caller: the one
// operation each calls and with what, the result shape, scopes, argument errors, API error mapping, audit.
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { AuditEntry } from '../../src/core/model';
import type { AuditRepository } from '../../src/core/ports';
import { fixedClock } from '../../src/core/system-clock';
import * as ops from '../../src/generated/graphql';
import { buildMcpServer } from './build-server';
import { GraphQLOperationError, GraphQLTransportError, type GraphQLCaller } from './graphql-client';
import type { McpSessionAuth } from './partner-auth';

const booking: ops.BookingFieldsFragment = {
  reference: 'K7M-4XR-9',
  customerName: 'Grace Hopper',
  customerPhone: '+12065550134',
  status: 'BOOKED',
  courierId: null,
  courierName: null,
  partnerId: 'acme',
  partnerName: 'Acme',
  eta: '2026-06-01T12:00:00.000Z',
  channel: 'PARTNER',
  createdAt: '2026-06-01T08:00:00.000Z',
  updatedAt: '2026-06-01T08:00:00.000Z',
  version: 1,
  pickup: {
    line1: '1201 3rd Ave',
    line2: null,
    city: 'Seattle',
    region: 'WA',
    postcode: '98101',
    country: 'US',
    precision: 'ADDRESS',
    point: null,
  },
  delivery: {
    line1: '3400 Stone Way N',
    line2: null,
    city: 'Seattle',
    region: 'WA',
    postcode: '98103',
    country: 'US',
    precision: 'ADDRESS',
    point: null,
  },
  package: { size: 'SMALL', weightKg: 2.5, handling: [], description: null },
  pickupWindow: { start: '2026-06-01T10:00:00.000Z', end: '2026-06-01T12:00:00.000Z' },
  history: [
    {
      status: 'BOOKED',
      at: '2026-06-01T08:00:00.000Z',
      note: null,
      failureReason: null,
      actor: { type: 'PARTNER', id: 'acme', name: 'Acme' },
      location: null,
      locationAccuracyM: null,
      locationUnavailable: null,
      receivedAt: null,
      proof: null,
    },
  ],
};
const feedback: ops.FeedbackFieldsFragment = {
  reference: 'F-K7M-4XR-9',
  bookingReference: 'K7M-4XR-9',
  type: 'FEEDBACK',
  rating: 5,
  text: 'Quick and friendly',
  complaintCategory: null,
  severity: null,
  flagged: false,
  courierId: 'courier-07',
  partnerId: 'acme',
  channel: 'PARTNER',
  createdAt: '2026-06-02T08:00:00.000Z',
  sentiment: { label: 'POSITIVE', score: 0.9 },
};

/** The answer the fake API gives for each operation field. */
const answers: Record<string, unknown> = {
  bookCourier: booking,
  getBooking: booking,
  cancelBooking: { ...booking, status: 'CANCELLED' },
  updatePickupWindow: booking,
  listBookings: { items: [booking], nextToken: 'page-2' },
  trackBooking: {
    reference: booking.reference,
    status: 'BOOKED',
    lastUpdate: booking.updatedAt,
    eta: booking.eta,
    pickupCity: 'Seattle',
    deliveryCity: 'Seattle',
    courierPosition: null,
    timeline: [],
  },
  submitFeedback: feedback,
  listStatusEvents: {
    events: [
      {
        reference: booking.reference,
        status: 'BOOKED',
        at: booking.createdAt,
        note: null,
        failureReason: null,
        actor: { type: 'PARTNER', id: 'acme', name: 'Acme' },
      },
    ],
    cursor: 'c-1',
    hasMore: false,
  },
};

type Call = { field: string; variables: unknown; tokenId: string };

function fakeGraphQL(fail?: Error): GraphQLCaller & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    async execute(operation, variables, actingFor) {
      const field = /\{\s*(\w+)/.exec(String(operation))![1]!;
      calls.push({ field, variables, tokenId: actingFor.tokenId });
      if (fail) throw fail;
      return { [field]: answers[field] } as never;
    },
  };
}

function memoryAudit(): AuditRepository & { entries: AuditEntry[] } {
  const entries: AuditEntry[] = [];
  return { entries, record: async (e) => void entries.push(e), list: async () => ({ items: entries }) };
}

const credential = (scopes: McpSessionAuth['scopes']): McpSessionAuth => ({
  tokenId: 'tok123456789',
  partnerId: 'acme',
  partnerName: 'Acme',
  scopes,
  expiresAt: '2027-01-01T00:00:00.000Z',
  rateLimitPerMinute: 60,
});

async function connected(options: { scopes?: McpSessionAuth['scopes']; fail?: Error } = {}) {
  const graphql = fakeGraphQL(options.fail);
  const audit = memoryAudit();
  const errors: unknown[] = [];
  const log = { info: () => {}, warn: () => {}, error: (_m: string, d?: unknown) => void errors.push(d) };
  const { server } = buildMcpServer({ graphql, audit, clock: fixedClock('2026-06-01T09:00:00Z'), log });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '1.0.0' });
  const auth = credential(options.scopes ?? ['bookings:read', 'bookings:write', 'feedback:write']);
  await Promise.all([server.connect(serverSide, auth), client.connect(clientSide)]);
  const call = async (name: string, args: Record<string, unknown>) =>
    (await client.callTool({ name, arguments: args })) as CallToolResult;
  return { client, call, graphql, audit, errors };
}

const text = (r: CallToolResult) => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

const validArgs: Record<string, Record<string, unknown>> = {
  book_courier: {
    customerName: 'Grace Hopper',
    customerPhone: '(206) 555-0134',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
    delivery: { line1: '3400 Stone Way N', city: 'Seattle', postcode: '98103' },
    package: { size: 'SMALL', weightKg: 2.5 },
    pickupWindowStart: '2026-06-01T10:00:00Z',
    pickupWindowEnd: '2026-06-01T12:00:00Z',
    idempotencyKey: 'order-12345',
  },
  track_booking: { reference: 'K7M-4XR-9' },
  get_booking: { reference: 'K7M-4XR-9' },
  list_bookings: { day: '2026-06-01', status: 'BOOKED', limit: 10 },
  cancel_booking: { reference: 'K7M-4XR-9', reason: 'customer changed their mind' },
  update_pickup_window: {
    reference: 'K7M-4XR-9',
    pickupWindowStart: '2026-06-01T13:00:00Z',
    pickupWindowEnd: '2026-06-01T15:00:00Z',
  },
  submit_feedback: { bookingReference: 'K7M-4XR-9', type: 'FEEDBACK', rating: 5, text: 'Quick and friendly' },
  list_status_events: { since: 'c-0', limit: 20 },
};

const expectedField: Record<string, string> = {
  book_courier: 'bookCourier',
  track_booking: 'trackBooking',
  get_booking: 'getBooking',
  list_bookings: 'listBookings',
  cancel_booking: 'cancelBooking',
  update_pickup_window: 'updatePickupWindow',
  submit_feedback: 'submitFeedback',
  list_status_events: 'listStatusEvents',
};

describe('each tool', () => {
  it.each(Object.keys(validArgs))(
    '%s calls its one GraphQL operation for the token and answers with facts',
    async (name) => {
      // Prepare
      const { call, graphql, audit } = await connected();
      // Act
      const result = await call(name, validArgs[name]!);
      // Assess
      expect(result.isError, text(result)).toBeFalsy();
      expect(graphql.calls).toEqual([
        { field: expectedField[name], variables: validArgs[name], tokenId: 'tok123456789' },
      ]);
      expect(result.content[0]?.type).toBe('text');
      expect(JSON.parse((result.content[1] as { text: string }).text)).toEqual(result.structuredContent);
      expect(audit.entries).toMatchObject([
        { operation: name, outcome: 'ok', source: 'mcp', partnerId: 'acme', tokenId: 'tok123456789' },
      ]);
    },
  );

  it('book_courier answers with the reference, status, ETA and what can still be done', async () => {
    // Prepare
    const { call } = await connected();
    // Act
    const result = await call('book_courier', validArgs.book_courier!);
    // Assess
    expect(text(result)).toContain('Booked K7M-4XR-9: BOOKED');
    expect(result.structuredContent).toMatchObject({
      booking: {
        reference: 'K7M-4XR-9',
        status: 'BOOKED',
        eta: booking.eta,
        allowedActions: ['cancel_booking', 'update_pickup_window'],
      },
    });
  });
});

describe('scopes', () => {
  it('lists only the tools a read-only token may use, and refuses the others', async () => {
    // Prepare
    const { client, graphql } = await connected({ scopes: ['bookings:read'] });
    // Act
    const { tools } = await client.listTools();
    const refused = await client
      .callTool({ name: 'book_courier', arguments: validArgs.book_courier })
      .catch((e: Error) => e);
    // Assess
    expect(tools.map((t) => t.name).sort()).toEqual([
      'get_booking',
      'list_bookings',
      'list_status_events',
      'track_booking',
    ]);
    expect(refused).toBeInstanceOf(Error);
    expect(graphql.calls).toEqual([]);
  });
});

describe('argument errors', () => {
  it('are tool errors naming every field, audited, with nothing sent to the API', async () => {
    // Prepare
    const { call, graphql, audit } = await connected();
    // Act
    const result = await call('book_courier', {
      ...validArgs.book_courier,
      customerPhone: 42,
      pickup: { city: 'Seattle', postcode: '98101' },
      idempotencyKey: 'x',
      extra: true,
    });
    // Assess
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('ValidationError: Invalid arguments for book_courier (4 problems)');
    expect(text(result)).toContain('customerPhone must be text.');
    expect(text(result)).toContain('pickup.line1 is required.');
    expect(text(result)).toContain('idempotencyKey must be at least 8 characters');
    expect(text(result)).toContain('extra is not a parameter of this tool');
    expect(result.structuredContent).toMatchObject({
      error: { type: 'ValidationError', fields: ['customerPhone', 'pickup.line1', 'idempotencyKey', 'extra'] },
    });
    expect(graphql.calls).toEqual([]);
    expect(audit.entries).toMatchObject([{ operation: 'book_courier', outcome: 'ValidationError' }]);
  });
});

describe('API errors', () => {
  it('passes user errors on with what to do, and the retry time of a rate limit', async () => {
    // Prepare
    const limited = await connected({
      fail: new GraphQLOperationError(
        'RateLimitError',
        'Rate limit reached: 5 requests per minute. Retry in 17 seconds.',
      ),
    });
    const conflict = await connected({
      fail: new GraphQLOperationError('ConflictError', 'K7M-4XR-9 is COLLECTED; it can no longer be cancelled.'),
    });
    // Act
    const a = await limited.call('track_booking', { reference: 'K7M-4XR-9' });
    const b = await conflict.call('cancel_booking', { reference: 'K7M-4XR-9' });
    // Assess
    expect(a.isError).toBe(true);
    expect(text(a)).toMatch(/^RateLimitError: Rate limit reached: 5 requests per minute\. Retry in 17 seconds\./);
    expect(a.structuredContent).toMatchObject({ error: { type: 'RateLimitError', retryAfterSeconds: 17 } });
    expect(text(b)).toMatch(/^ConflictError: K7M-4XR-9 is COLLECTED.*read it with get_booking/);
    expect(limited.audit.entries[0]?.outcome).toBe('RateLimitError');
  });

  it('hides faults behind a generic message with an error id, logging the detail', async () => {
    // Prepare
    const internal = await connected({
      fail: new GraphQLOperationError('InternalFailure', 'table courier-Bookings missing'),
    });
    const down = await connected({
      fail: new GraphQLTransportError('GraphQL API unreachable at http://10.0.0.5:4000'),
    });
    // Act
    const a = await internal.call('get_booking', { reference: 'K7M-4XR-9' });
    const b = await down.call('get_booking', { reference: 'K7M-4XR-9' });
    // Assess
    for (const [r, env] of [
      [a, internal],
      [b, down],
    ] as const) {
      expect(r.isError).toBe(true);
      expect(text(r)).toMatch(/^InternalFailure: get_booking could not be completed because of a problem on our side/);
      expect(text(r)).not.toMatch(/courier-Bookings|10\.0\.0\.5/);
      const errorId = (r.structuredContent as { error: { errorId: string } }).error.errorId;
      expect(JSON.stringify(env.errors)).toContain(errorId);
      expect(env.audit.entries[0]?.outcome).toBe('InternalFailure');
    }
  });
});

describe('a stateless session (one request each: HTTP server, Lambda)', () => {
  it('introduces itself and lists tools as the FastMCP session does, only those of its token, and runs them', async () => {
    // Prepare: the same read-only token through FastMCP's session and through a stateless one.
    const { client: viaFastMcp } = await connected({ scopes: ['bookings:read'] });
    const graphql = fakeGraphQL();
    const app = buildMcpServer({
      graphql,
      audit: memoryAudit(),
      clock: fixedClock('2026-06-01T09:00:00Z'),
      log: { info: () => {}, warn: () => {}, error: () => {} },
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    const stateless = new Client({ name: 'test', version: '1.0.0' });
    await Promise.all([
      app.createStatelessSession(credential(['bookings:read'])).connect(serverSide),
      stateless.connect(clientSide),
    ]);

    // Act
    const [expected, actual] = await Promise.all([viaFastMcp.listTools(), stateless.listTools()]);
    const tracked = (await stateless.callTool({
      name: 'track_booking',
      arguments: validArgs.track_booking,
    })) as CallToolResult;
    const refused = await stateless
      .callTool({ name: 'book_courier', arguments: validArgs.book_courier })
      .catch((e: Error) => e);

    // Assess
    expect(actual).toEqual(expected);
    expect(stateless.getServerVersion()).toEqual(viaFastMcp.getServerVersion());
    expect(stateless.getServerCapabilities()).toEqual(viaFastMcp.getServerCapabilities());
    expect(stateless.getInstructions()).toEqual(viaFastMcp.getInstructions());
    expect(tracked.isError).toBeFalsy();
    expect(refused).toBeInstanceOf(Error);
    expect(graphql.calls.map((c) => c.field)).toEqual(['trackBooking']);
  });
});
