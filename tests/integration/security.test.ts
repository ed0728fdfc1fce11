// Who may call what, and who may see which booking: the grants and, above all, the denials,
// through the local GraphQL server exactly as a client would call AppSync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking } from '../../src/core/model';
import { generateReference } from '../../src/core/reference';
import { seededRandom } from '../../src/core/seeded-random';
import { TRACKING_GUARD_RULES } from '../../src/core/tracking-guard';
import type { Stack } from '../../src/local/stack';
import {
  assignCourier,
  getBooking,
  listBookings,
  listCouriers,
  publishBookingChanged,
  trackBooking,
  updateDeliveryStatus,
} from '../../src/generated/graphql';
import { as, companyDay, gql, startTestStack } from '../support/test-stack';

let stack: Stack;
let today: string;
const byCourier = new Map<string, Booking[]>();
const byPartner = new Map<string, Booking[]>();

beforeAll(async () => {
  stack = await startTestStack();
  today = companyDay(stack);
  for (const id of ['courier-01', 'courier-02']) {
    byCourier.set(id, (await stack.deps.bookings.query({ by: 'courier', courierId: id }, { limit: 100 })).items);
  }
  for (const id of ['acme', 'globex']) {
    byPartner.set(id, (await stack.deps.bookings.query({ by: 'partner', partnerId: id }, { limit: 100 })).items);
  }
});
afterAll(async () => stack?.close());

const first = (m: Map<string, Booking[]>, key: string) => {
  const b = m.get(key)?.[0];
  if (!b) throw new Error(`seed has no booking for ${key}`);
  return b;
};

describe('couriers see only their own deliveries', () => {
  it('lets a courier read their own booking', async () => {
    const own = first(byCourier, 'courier-01');
    const r = await gql(stack, await as(stack, 'courier1@example.com'), getBooking, { reference: own.reference });
    expect(r.errors).toBeUndefined();
    expect(r.data?.getBooking).toMatchObject({ reference: own.reference, courierId: 'courier-01' });
  });

  it("refuses another courier's booking as if it did not exist", async () => {
    const other = first(byCourier, 'courier-02');
    const r = await gql(stack, await as(stack, 'courier1@example.com'), getBooking, { reference: other.reference });
    expect(r.data?.getBooking).toBeNull();
    expect(r.errors?.[0]?.errorType).toBe('NotFoundError');
    expect(r.errors?.[0]?.message).not.toContain('courier-02');
  });

  it("refuses to list another courier's deliveries, and lists only their own otherwise", async () => {
    const courier = await as(stack, 'courier1@example.com');
    const denied = await gql(stack, courier, listBookings, { courierId: 'courier-02' });
    expect(denied.errors?.[0]?.errorType).toBe('ForbiddenError');
    const own = await gql<{ listBookings: { items: Booking[] } }>(stack, courier, listBookings, {
      day: today,
      limit: 100,
    });
    expect(own.errors).toBeUndefined();
    expect(own.data!.listBookings.items.every((b) => b.courierId === 'courier-01')).toBe(true);
  });

  it("refuses a status change on another courier's booking", async () => {
    const other = byCourier.get('courier-02')!.find((b) => b.status === 'BOOKED' || b.status === 'IN_TRANSIT');
    if (!other) return;
    const r = await gql(stack, await as(stack, 'courier1@example.com'), updateDeliveryStatus, {
      reference: other.reference,
      status: other.status === 'BOOKED' ? 'COLLECTED' : 'OUT_FOR_DELIVERY',
    });
    expect(r.errors?.[0]?.errorType).toBe('NotFoundError');
    expect((await stack.deps.bookings.get(other.reference))?.status).toBe(other.status);
  });
});

describe('partners see only their own bookings', () => {
  it("refuses another partner's booking", async () => {
    const globex = first(byPartner, 'globex');
    const r = await gql(stack, await as(stack, 'partner@example.com'), getBooking, { reference: globex.reference });
    expect(r.data?.getBooking).toBeNull();
    expect(r.errors?.[0]?.errorType).toBe('NotFoundError');
  });

  it('lets a partner read its own booking and lists only its own', async () => {
    const acme = first(byPartner, 'acme');
    const partner = await as(stack, 'partner@example.com');
    const r = await gql(stack, partner, getBooking, { reference: acme.reference });
    expect(r.data?.getBooking).toMatchObject({ reference: acme.reference, partnerId: 'acme', partnerName: 'Acme' });
    const list = await gql<{ listBookings: { items: Booking[] } }>(stack, partner, listBookings, { limit: 50 });
    expect(list.errors).toBeUndefined();
    expect(list.data!.listBookings.items.length).toBeGreaterThan(0);
    expect(list.data!.listBookings.items.every((b) => b.partnerId === 'acme')).toBe(true);
    const denied = await gql(stack, partner, listBookings, { partnerId: 'globex' });
    expect(denied.errors?.[0]?.errorType).toBe('ForbiddenError');
  });

  it('refuses admin operations to a partner before any resolver runs', async () => {
    const partner = await as(stack, 'partner@example.com');
    const acme = first(byPartner, 'acme');
    const assign = await gql(stack, partner, assignCourier, { reference: acme.reference, courierId: 'courier-03' });
    expect(assign.errors?.[0]?.errorType).toBe('Unauthorized');
    expect((await stack.deps.bookings.get(acme.reference))?.courierId).toBe(acme.courierId);
    const fleet = await gql(stack, partner, listCouriers, {});
    expect(fleet.errors?.[0]?.errorType).toBe('Unauthorized');
  });
});

describe('anonymous callers', () => {
  it('are refused without any credentials', async () => {
    const r = await gql(stack, { anonymous: true }, trackBooking, { reference: first(byPartner, 'acme').reference });
    expect(r.status).toBe(401);
  });

  it('reach public tracking with the API key, and it reveals no customer data', async () => {
    const b = first(byPartner, 'acme');
    const r = await gql(stack, { apiKey: stack.apiKey }, trackBooking, { reference: b.reference });
    expect(r.errors).toBeUndefined();
    expect(r.data?.trackBooking).toMatchObject({ reference: b.reference, status: b.status });
    const text = JSON.stringify(r.data);
    expect(text).not.toContain(b.customerName);
    expect(text).not.toContain(b.customerPhone);
    expect(text).not.toContain(b.delivery.line1);
  });

  it('reach nothing else with the API key', async () => {
    const key = { apiKey: stack.apiKey };
    for (const [query, variables] of [
      [getBooking, { reference: first(byPartner, 'acme').reference }],
      [listBookings, {}],
      [listCouriers, {}],
    ] as const) {
      const r = await gql(stack, key, query, variables);
      expect(r.errors?.[0]?.errorType).toBe('Unauthorized');
    }
  });

  it('get a clear error for a malformed reference, before any lookup', async () => {
    const r = await gql(stack, { apiKey: stack.apiKey }, trackBooking, { reference: 'HELLO' });
    expect(r.errors?.[0]?.errorType).toBe('ValidationError');
    expect(r.errors?.[0]?.message).toMatch(/reference/i);
  });
});

describe('the change-feed publish mutations', () => {
  it('are refused to signed-in users (IAM only)', async () => {
    const r = await gql(stack, await as(stack, 'admin@example.com'), publishBookingChanged, {
      reference: first(byPartner, 'acme').reference,
    });
    expect(r.errors?.[0]?.errorType).toBe('Unauthorized');
  });
});

// Last in this file: it locks this machine's address out of public tracking for the rest of the quarter hour.
describe('reference guessing with the public key', () => {
  it('is locked out after repeated misses, a hit included, while signed-in callers still track', async () => {
    // Prepare
    const key = { apiKey: stack.apiKey };
    const real = first(byPartner, 'acme');
    const random = seededRandom(1313);
    const guesses: string[] = [];
    while (guesses.length < TRACKING_GUARD_RULES.missesPerWindow) {
      const candidate = generateReference(random);
      if (!(await stack.deps.bookings.get(candidate))) guesses.push(candidate);
    }
    const once = await gql(stack, key, trackBooking, { reference: guesses[0] });
    expect(once.errors?.[0]?.errorType).toBe('NotFoundError');
    expect((await gql(stack, key, trackBooking, { reference: real.reference })).errors).toBeUndefined();

    // Act
    for (const reference of guesses.slice(1)) await gql(stack, key, trackBooking, { reference });
    const locked = await gql(stack, key, trackBooking, { reference: real.reference });

    // Assess
    expect(locked.data?.trackBooking).toBeNull();
    expect(locked.errors?.[0]?.errorType).toBe('RateLimitError');
    expect(locked.errors?.[0]?.message).toMatch(
      /Too many tracking references that do not exist .* Try again in \d+ minutes?\./,
    );
    const admin = await gql(stack, await as(stack, 'admin@example.com'), trackBooking, { reference: real.reference });
    expect(admin.errors).toBeUndefined();
  });
});
