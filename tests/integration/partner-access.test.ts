// Partner access to GraphQL (Req 7.3-7.8, 16.4): a partner's backend calling with its API token (the Lambda
// authorizer's mode), the MCP service acting for a token under its own identity, scopes, isolation, rate
// limits, revocation and the audit trail, through the local AppSync server as a client would call AppSync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking } from '../../src/core/model';
import { hashSecret, parsePartnerToken } from '../../src/core/partner-tokens';
import { LOCAL_MCP_SERVICE } from '../../src/local/appsync';
import type { Stack } from '../../src/local/stack';
import {
  bookCourier,
  cancelBooking,
  createPartner,
  getBooking,
  issuePartnerToken,
  listAuditEntries,
  listBookings,
  listPartners,
  listPartnerTokens,
  listStatusEvents,
  me,
  revokePartnerToken,
  submitFeedback,
  trackBooking,
  updatePickupWindow,
} from '../../src/generated/graphql';
import { signedGql } from '../support/signed-gql';
import {
  as,
  bookingInput as newBookingInput,
  gql,
  startTestStack,
  tomorrowAt,
  type Caller,
} from '../support/test-stack';

let stack: Stack;
let adminCaller: Caller;
let acmeToken: string;
let globexToken: string;

const hoursFromNow = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

const bookingInput = (overrides: Record<string, unknown> = {}) => newBookingInput(stack, overrides);

async function issue(partnerId: string, scopes: string[], rateLimitPerMinute = 600): Promise<string> {
  const r = await gql<{ issuePartnerToken: { token: string } }>(stack, adminCaller, issuePartnerToken, {
    partnerId,
    name: `test ${scopes.join(' ')}`,
    scopes,
    expiresAt: hoursFromNow(24),
    rateLimitPerMinute,
  });
  expect(r.errors).toBeUndefined();
  return r.data!.issuePartnerToken.token;
}

async function book(token: string): Promise<Booking> {
  const r = await gql<{ bookCourier: Booking }>(stack, { token }, bookCourier, bookingInput());
  expect(r.errors).toBeUndefined();
  return r.data!.bookCourier;
}

beforeAll(async () => {
  stack = await startTestStack();
  adminCaller = await as(stack, 'admin@example.com');
  acmeToken = await issue('acme', ['bookings:read', 'bookings:write', 'feedback:write']);
  globexToken = await issue('globex', ['bookings:read', 'bookings:write', 'feedback:write']);
});
afterAll(async () => stack?.close());

describe('a partner backend calling GraphQL with its token', () => {
  it('books, reads, lists and tracks its own bookings', async () => {
    // Act
    const booking = await book(acmeToken);
    const read = await gql<{ getBooking: Booking }>(stack, { token: acmeToken }, getBooking, {
      reference: booking.reference,
    });
    const listed = await gql<{ listBookings: { items: Booking[] } }>(stack, { token: acmeToken }, listBookings, {
      limit: 100,
    });
    const tracked = await gql<{ trackBooking: { status: string } }>(stack, { token: acmeToken }, trackBooking, {
      reference: booking.reference,
    });
    // Assess
    expect(booking).toMatchObject({ partnerId: 'acme', partnerName: 'Acme', channel: 'PARTNER', status: 'BOOKED' });
    expect(booking.history[0]?.actor).toMatchObject({ type: 'PARTNER', id: 'acme', name: 'Acme' });
    expect(read.data?.getBooking.reference).toBe(booking.reference);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.listBookings.items.length).toBeGreaterThan(0);
    expect(listed.data!.listBookings.items.every((b) => b.partnerId === 'acme')).toBe(true);
    expect(tracked.data?.trackBooking.status).toBe('BOOKED');
  });

  it('never sees or changes another partner’s booking: it reads as not found', async () => {
    // Prepare
    const booking = await book(acmeToken);
    // Act
    const read = await gql(stack, { token: globexToken }, getBooking, { reference: booking.reference });
    const cancel = await gql(stack, { token: globexToken }, cancelBooking, { reference: booking.reference });
    const listOther = await gql(stack, { token: globexToken }, listBookings, { partnerId: 'acme' });
    // Assess
    expect(read.data?.getBooking).toBeNull();
    expect(read.errors?.[0]?.errorType).toBe('NotFoundError');
    expect(cancel.errors?.[0]?.errorType).toBe('NotFoundError');
    expect(listOther.errors?.[0]?.errorType).toBe('ForbiddenError');
    expect((await stack.deps.bookings.get(booking.reference))?.status).toBe('BOOKED');
  });

  it('moves the pickup window before collection and cancels while booked, then refuses both', async () => {
    // Prepare
    const booking = await book(acmeToken);
    // Act
    const moved = await gql<{ updatePickupWindow: Booking }>(stack, { token: acmeToken }, updatePickupWindow, {
      reference: booking.reference,
      pickupWindowStart: tomorrowAt(stack, 15),
      pickupWindowEnd: tomorrowAt(stack, 16),
    });
    const tooShort = await gql(stack, { token: acmeToken }, updatePickupWindow, {
      reference: booking.reference,
      pickupWindowStart: tomorrowAt(stack, 15),
      pickupWindowEnd: tomorrowAt(stack, 15, 6),
    });
    const cancelled = await gql<{ cancelBooking: Booking }>(stack, { token: acmeToken }, cancelBooking, {
      reference: booking.reference,
      reason: 'customer changed their mind',
    });
    const again = await gql(stack, { token: acmeToken }, cancelBooking, { reference: booking.reference });
    const moveCancelled = await gql(stack, { token: acmeToken }, updatePickupWindow, {
      reference: booking.reference,
      pickupWindowStart: tomorrowAt(stack, 15),
      pickupWindowEnd: tomorrowAt(stack, 16),
    });
    // Assess
    expect(moved.errors).toBeUndefined();
    expect(Date.parse(moved.data!.updatePickupWindow.pickupWindow.start)).toBeGreaterThan(
      Date.parse(booking.pickupWindow.start),
    );
    expect(tooShort.errors?.[0]).toMatchObject({ errorType: 'ValidationError' });
    expect(tooShort.errors?.[0]?.message).toContain('pickupWindowEnd');
    expect(cancelled.data?.cancelBooking).toMatchObject({ status: 'CANCELLED' });
    expect(cancelled.data?.cancelBooking.history.at(-1)).toMatchObject({ note: 'customer changed their mind' });
    expect(again.errors?.[0]?.errorType).toBe('ConflictError');
    expect(moveCancelled.errors?.[0]?.errorType).toBe('ConflictError');
  });

  it('lists its own bookings’ status changes since a cursor, and only its own', async () => {
    // Prepare: let earlier tests' changes reach the log, then drain it so the next page holds only this test's.
    await stack.flushChangeFeed();
    await new Promise((r) => setTimeout(r, 1_100));
    const start = await gql<{ listStatusEvents: { cursor: string | null } }>(
      stack,
      { token: acmeToken },
      listStatusEvents,
      { limit: 100 },
    );
    let cursor = start.data?.listStatusEvents.cursor ?? null;
    // Drain whatever the earlier tests left, so the next page holds only this test's changes.
    for (let more = true; more;) {
      const page = await gql<{ listStatusEvents: { cursor: string | null; hasMore: boolean } }>(
        stack,
        { token: acmeToken },
        listStatusEvents,
        { since: cursor, limit: 100 },
      );
      cursor = page.data!.listStatusEvents.cursor;
      more = page.data!.listStatusEvents.hasMore;
    }
    const booking = await book(acmeToken);
    await gql(stack, { token: acmeToken }, cancelBooking, { reference: booking.reference });
    await stack.flushChangeFeed();
    await new Promise((r) => setTimeout(r, 1_100));
    // Act
    const page = await gql<{
      listStatusEvents: { events: { reference: string; status: string }[]; cursor: string; hasMore: boolean };
    }>(stack, { token: acmeToken }, listStatusEvents, { since: cursor, limit: 100 });
    const next = await gql<{ listStatusEvents: { events: unknown[]; cursor: string } }>(
      stack,
      { token: acmeToken },
      listStatusEvents,
      { since: page.data?.listStatusEvents.cursor },
    );
    const globex = await gql<{ listStatusEvents: { events: { reference: string }[] } }>(
      stack,
      { token: globexToken },
      listStatusEvents,
      { limit: 100 },
    );
    const forged = await gql(stack, { token: acmeToken }, listStatusEvents, { since: 'not-a-cursor' });
    // Assess
    expect(page.errors).toBeUndefined();
    expect(page.data!.listStatusEvents.events.map((e) => [e.reference, e.status])).toEqual([
      [booking.reference, 'BOOKED'],
      [booking.reference, 'CANCELLED'],
    ]);
    expect(next.data!.listStatusEvents.events).toEqual([]);
    expect(next.data!.listStatusEvents.cursor).toBe(page.data!.listStatusEvents.cursor);
    expect(globex.data!.listStatusEvents.events.some((e) => e.reference === booking.reference)).toBe(false);
    expect(forged.errors?.[0]).toMatchObject({ errorType: 'ValidationError' });
  });
});

describe('scopes', () => {
  it('refuses an operation outside the token’s scopes, naming the missing scope', async () => {
    // Prepare
    const readOnly = await issue('acme', ['bookings:read']);
    const booking = await book(acmeToken);
    // Act
    const booked = await gql(stack, { token: readOnly }, bookCourier, bookingInput());
    const cancelled = await gql(stack, { token: readOnly }, cancelBooking, { reference: booking.reference });
    const feedback = await gql(stack, { token: readOnly }, submitFeedback, {
      bookingReference: booking.reference,
      type: 'FEEDBACK',
      text: 'fine',
    });
    const read = await gql(stack, { token: readOnly }, getBooking, { reference: booking.reference });
    // Assess
    expect(booked.errors?.[0]).toMatchObject({ errorType: 'ForbiddenError' });
    expect(booked.errors?.[0]?.message).toContain('bookings:write');
    expect(cancelled.errors?.[0]?.message).toContain('bookings:write');
    expect(feedback.errors?.[0]).toMatchObject({ errorType: 'ForbiddenError' });
    expect(feedback.errors?.[0]?.message).toContain('feedback:write');
    expect(read.errors).toBeUndefined();
  });
});

describe('refused tokens get 401', () => {
  it('refuses malformed, unknown, expired and revoked tokens before any resolver runs', async () => {
    // Prepare
    const revoked = await issue('acme', ['bookings:read']);
    const tokenId = revoked.split('_')[1]!;
    const r = await gql(stack, adminCaller, revokePartnerToken, { tokenId });
    expect(r.errors).toBeUndefined();
    const secret = 'x'.repeat(43);
    await stack.deps.partnerTokens!.create({
      tokenId: 'expired00001',
      partnerId: 'acme',
      name: 'expired',
      scopes: ['bookings:read'],
      secretHash: hashSecret(secret),
      rateLimitPerMinute: 60,
      createdAt: '2024-01-01T00:00:00.000Z',
      createdBy: { type: 'ADMIN', id: 'test' },
      expiresAt: '2024-02-01T00:00:00.000Z',
    });
    const unknown = acmeToken.replace(/^cvb_[a-z0-9]{12}_/, 'cvb_zzzzzzzzzzzz_');
    // Act
    const answers = await Promise.all(
      ['not-a-token', unknown, `cvb_expired00001_${secret}`, revoked].map((token) =>
        gql(stack, { token }, getBooking, { reference: 'K7M-4QX-9' }),
      ),
    );
    // Assess
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.errors?.[0]?.errorType).toBe('UnauthorizedException');
    }
  });
});

describe('admin-only operations', () => {
  it('refuses partner management and the audit trail to partner tokens, couriers and partner users', async () => {
    // Prepare
    const courier = await as(stack, 'courier1@example.com');
    const partnerUser = await as(stack, 'partner@example.com');
    // Act
    const answers = [
      await gql(stack, { token: acmeToken }, listPartners),
      await gql(stack, { token: acmeToken }, createPartner, { name: 'Sneaky', contactEmail: 's@x.example' }),
      await gql(stack, { token: acmeToken }, issuePartnerToken, {
        partnerId: 'acme',
        name: 'more',
        scopes: ['bookings:read'],
        expiresAt: hoursFromNow(1),
      }),
      await gql(stack, { token: acmeToken }, listAuditEntries, { partnerId: 'acme' }),
      await gql(stack, { token: acmeToken }, me),
      await gql(stack, courier, listPartnerTokens, { partnerId: 'acme' }),
      await gql(stack, courier, revokePartnerToken, { tokenId: acmeToken.split('_')[1] }),
      await gql(stack, partnerUser, listAuditEntries, { partnerId: 'acme' }),
      await gql(stack, partnerUser, issuePartnerToken, {
        partnerId: 'acme',
        name: 'more',
        scopes: ['bookings:read'],
        expiresAt: hoursFromNow(1),
      }),
    ];
    // Assess
    for (const a of answers) {
      expect(a.errors?.[0]?.errorType).toMatch(/^Unauthorized$|ForbiddenError/);
      expect(a.data ?? null).toBeNull();
    }
    const stillUsable = await gql(stack, { token: acmeToken }, getBooking, { reference: 'K7M-4QX-9' });
    expect(stillUsable.status).toBe(200);
  });

  it('lets an admin create a partner, issue, list and revoke its tokens', async () => {
    // Act
    const created = await gql<{ createPartner: { id: string } }>(stack, adminCaller, createPartner, {
      name: 'Initech Parcels',
      contactEmail: 'ops@initech.example',
    });
    const token = await issue('initech-parcels', ['bookings:read']);
    const listed = await gql<{ listPartnerTokens: { tokenId: string; scopes: string[] }[] }>(
      stack,
      adminCaller,
      listPartnerTokens,
      { partnerId: 'initech-parcels' },
    );
    const duplicate = await gql(stack, adminCaller, createPartner, {
      id: 'initech-parcels',
      name: 'Initech',
      contactEmail: 'ops@initech.example',
    });
    // Assess
    expect(created.data?.createPartner.id).toBe('initech-parcels');
    expect(listed.data?.listPartnerTokens).toEqual([
      expect.objectContaining({ tokenId: token.split('_')[1], scopes: ['bookings:read'] }),
    ]);
    // The whole secret: base64url, so it may hold '_' itself (split('_')[2] was at times one letter, found in the list).
    expect(JSON.stringify(listed.data)).not.toContain(parsePartnerToken(token)!.secret);
    expect(duplicate.errors?.[0]?.errorType).toBe('ConflictError');
  });
});

describe('rate limits', () => {
  it('trips at the configured rate and not before, saying when to retry, without slowing other partners', async () => {
    // Prepare
    await gql(stack, adminCaller, createPartner, { id: 'burst', name: 'Burst Co', contactEmail: 'b@burst.example' });
    const limited = await issue('burst', ['bookings:read'], 3);
    // Stay inside one minute window: the counter resets on the minute.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
    // Act
    const allowed = [];
    for (let i = 0; i < 3; i++) allowed.push(await gql(stack, { token: limited }, listBookings, {}));
    const refused = await gql(stack, { token: limited }, listBookings, {});
    const other = await gql(stack, { token: globexToken }, listBookings, {});
    // Assess
    for (const a of allowed) expect(a.errors).toBeUndefined();
    expect(refused.errors?.[0]?.errorType).toBe('RateLimitError');
    expect(refused.errors?.[0]?.message).toMatch(/3 requests per minute\. Retry in \d+ seconds?\./);
    expect(other.errors).toBeUndefined();
  });
});

describe('the MCP service acting for a partner', () => {
  const mcp = { accessKeyId: LOCAL_MCP_SERVICE.accessKeyId, secretAccessKey: LOCAL_MCP_SERVICE.secretAccessKey };
  const actingFor = (token: string) => ({ 'x-courier-partner-token-id': token.split('_')[1]! });

  it('acts with the token’s partner, scopes and isolation', async () => {
    // Prepare
    const acmeBooking = await book(acmeToken);
    const readOnly = await issue('globex', ['bookings:read']);
    // Act
    const own = await signedGql<{ getBooking: Booking }>(
      stack,
      mcp,
      getBooking,
      { reference: acmeBooking.reference },
      actingFor(acmeToken),
    );
    const foreign = await signedGql(stack, mcp, getBooking, { reference: acmeBooking.reference }, actingFor(readOnly));
    const outOfScope = await signedGql(stack, mcp, bookCourier, bookingInput(), actingFor(readOnly));
    // Assess
    expect(own.errors).toBeUndefined();
    expect(own.data?.getBooking.partnerId).toBe('acme');
    expect(foreign.errors?.[0]?.errorType).toBe('NotFoundError');
    expect(outOfScope.errors?.[0]?.errorType).toBe('ForbiddenError');
  });

  it('is refused without a partner, for a revoked token, and outside the partner operations', async () => {
    // Prepare
    const revoked = await issue('acme', ['bookings:read']);
    await gql(stack, adminCaller, revokePartnerToken, { tokenId: revoked.split('_')[1] });
    // Act
    const noPartner = await signedGql(stack, mcp, getBooking, { reference: 'K7M-4QX-9' });
    const revokedCall = await signedGql(stack, mcp, getBooking, { reference: 'K7M-4QX-9' }, actingFor(revoked));
    const adminOp = await signedGql(stack, mcp, listPartners, {}, actingFor(acmeToken));
    // Assess
    expect(noPartner.errors?.[0]?.errorType).toBe('ForbiddenError');
    expect(revokedCall.errors?.[0]).toMatchObject({ errorType: 'UnauthorizedError' });
    expect(revokedCall.errors?.[0]?.message).toContain('revoked');
    expect(adminOp.errors?.[0]?.errorType).toBe('Unauthorized');
  });

  it('accepts the partner header from no one else', async () => {
    // Act
    const fromUser = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: ((await as(stack, 'partner2@example.com')) as { token: string }).token,
        ...actingFor(acmeToken),
      },
      body: JSON.stringify({ query: getBooking, variables: { reference: 'K7M-4QX-9' } }),
    }).then((r) => r.json() as Promise<{ errors?: { errorType: string }[] }>);
    // Assess
    expect(fromUser.errors?.[0]?.errorType).toBe('ForbiddenError');
  });
});

describe('audit', () => {
  it('records every direct token call with its outcome and an argument digest, visible to admins', async () => {
    // Prepare
    const booking = await book(globexToken);
    await gql(stack, { token: globexToken }, getBooking, { reference: 'K7M-4QX-9' });
    // Act
    const r = await gql<{
      listAuditEntries: { items: { operation: string; outcome: string; argsDigest: string; source: string }[] };
    }>(stack, adminCaller, listAuditEntries, { partnerId: 'globex', limit: 100 });
    // Assess
    expect(r.errors).toBeUndefined();
    const items = r.data!.listAuditEntries.items;
    expect(items.find((e) => e.operation === 'bookCourier' && e.outcome === 'ok')).toBeDefined();
    expect(items.find((e) => e.operation === 'getBooking' && e.outcome === 'NotFoundError')).toBeDefined();
    expect(items.every((e) => /^[0-9a-f]{64}$/.test(e.argsDigest) && e.source === 'graphql')).toBe(true);
    expect(JSON.stringify(items)).not.toContain(booking.customerName);
    const rateLimited = await gql<{ listAuditEntries: { items: { outcome: string }[] } }>(
      stack,
      adminCaller,
      listAuditEntries,
      { partnerId: 'burst' },
    );
    expect(rateLimited.data?.listAuditEntries.items.some((e) => e.outcome === 'RateLimitError')).toBe(true);
  });
});
