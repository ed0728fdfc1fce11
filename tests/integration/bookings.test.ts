// Booking through the API as admins, partners and couriers would: validation that names the field and
// stores nothing, partner ownership forced, idempotent retries, and the status machine over GraphQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking } from '../../src/core/model';
import type { Stack } from '../../src/local/stack';
import { bookCourier, assignCourier, listBookings, updateDeliveryStatus } from '../../src/generated/graphql';
import { as, companyDay, gql, pickupWindowSoon, startTestStack } from '../support/test-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => stack?.close());

const HOUR = 3_600_000;
function validBooking(overrides: Record<string, unknown> = {}) {
  const { start, end } = pickupWindowSoon(stack, { lead: 2 * HOUR });
  return {
    customerName: 'Jordan Walker',
    customerPhone: '(206) 555-0142',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
    delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109' },
    package: { size: 'MEDIUM', weightKg: 4.5, handling: ['FRAGILE'] },
    pickupWindowStart: start.toISOString(),
    pickupWindowEnd: end.toISOString(),
    ...overrides,
  };
}

async function countForPartner(partnerId: string): Promise<number> {
  let n = 0;
  let nextToken: string | undefined;
  do {
    const page = await stack.deps.bookings.query({ by: 'partner', partnerId }, { limit: 100, nextToken });
    n += page.items.length;
    nextToken = page.nextToken;
  } while (nextToken);
  return n;
}

describe('bookCourier', () => {
  it('books for the calling partner, with a valid reference, geocoded addresses and the BOOKED event', async () => {
    const before = await countForPartner('acme');
    const r = await gql<{ bookCourier: Booking & { partnerName: string } }>(
      stack,
      await as(stack, 'partner@example.com'),
      bookCourier,
      validBooking(),
    );
    expect(r.errors).toBeUndefined();
    const b = r.data!.bookCourier;
    expect(b.reference).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]$/);
    expect(b).toMatchObject({
      status: 'BOOKED',
      partnerId: 'acme',
      partnerName: 'Acme',
      customerPhone: '+12065550142',
    });
    expect(b.pickup.point?.lat).toBeCloseTo(47.6076, 2);
    expect(b.pickup.precision).toBe('ADDRESS');
    expect(b.history).toHaveLength(1);
    expect(b.history[0]).toMatchObject({ status: 'BOOKED', actor: { type: 'PARTNER' } });
    expect(await countForPartner('acme')).toBe(before + 1);
  });

  it('refuses a booking for another partner', async () => {
    const r = await gql(
      stack,
      await as(stack, 'partner@example.com'),
      bookCourier,
      validBooking({ partnerId: 'globex' }),
    );
    expect(r.errors?.[0]?.errorType).toBe('ForbiddenError');
  });

  it.each([
    ['customerName', { customerName: '' }],
    ['customerPhone', { customerPhone: 'call me maybe' }],
    ['pickup.line1', { pickup: { line1: '77 Imaginary Lane', city: 'Seattle', postcode: '98101' } }],
    ['package.weightKg', { package: { size: 'SMALL', weightKg: -2 } }],
    ['pickupWindowEnd', { pickupWindowEnd: new Date(Date.now() - HOUR).toISOString() }],
  ])('names the invalid field %s and stores nothing', async (field, override) => {
    const partner = await as(stack, 'partner@example.com');
    const before = await countForPartner('acme');
    const r = await gql(stack, partner, bookCourier, validBooking(override));
    expect(r.data?.bookCourier ?? null).toBeNull();
    expect(r.errors?.[0]?.errorType).toBe('ValidationError');
    expect(r.errors?.[0]?.message).toContain(field);
    expect(await countForPartner('acme')).toBe(before);
  });

  it('rejects a missing required argument at the schema, naming it', async () => {
    const { customerName: _omit, ...rest } = validBooking();
    const r = await gql(stack, await as(stack, 'partner@example.com'), bookCourier, rest);
    expect(r.errors?.[0]?.message).toContain('customerName');
  });

  it('returns the first booking when a request is retried with the same idempotency key', async () => {
    const partner = await as(stack, 'partner@example.com');
    const input = validBooking({ idempotencyKey: 'order-4711' });
    const before = await countForPartner('acme');
    const [a, b] = await Promise.all([
      gql(stack, partner, bookCourier, input),
      gql(stack, partner, bookCourier, input),
    ]);
    expect([a.errors, b.errors]).toEqual([undefined, undefined]);
    const refs = [a, b].map((r) => (r.data?.bookCourier as Booking).reference);
    expect(new Set(refs).size).toBe(1);
    expect(await countForPartner('acme')).toBe(before + 1);
  });
});

describe('the status machine over GraphQL', () => {
  it('moves a booking through its life as admin and courier, recording who did what', async () => {
    const admin = await as(stack, 'admin@example.com');
    const courier = await as(stack, 'courier3@example.com');
    const booked = (await gql<{ bookCourier: Booking }>(stack, admin, bookCourier, validBooking())).data!.bookCourier;
    const assigned = await gql<{ assignCourier: Booking & { courierName?: string } }>(stack, admin, assignCourier, {
      reference: booked.reference,
      courierId: 'courier-03',
    });
    expect(assigned.data?.assignCourier.courierName).toBeTruthy();

    const illegal = await gql(stack, courier, updateDeliveryStatus, {
      reference: booked.reference,
      status: 'DELIVERED',
      lat: 47.61,
      lng: -122.34,
    });
    expect(illegal.errors?.[0]?.errorType).toBe('ConflictError');
    expect(illegal.errors?.[0]?.message).toMatch(/BOOKED/);

    for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']) {
      const r = await gql(stack, courier, updateDeliveryStatus, {
        reference: booked.reference,
        status,
        lat: 47.61,
        lng: -122.34,
      });
      expect(r.errors).toBeUndefined();
    }
    const noProof = await gql(stack, courier, updateDeliveryStatus, {
      reference: booked.reference,
      status: 'DELIVERED',
      locationUnavailable: 'NO_FIX',
    });
    expect(noProof.errors?.[0]?.errorType).toBe('ValidationError');
    const done = await gql<{ updateDeliveryStatus: Booking }>(stack, courier, updateDeliveryStatus, {
      reference: booked.reference,
      status: 'DELIVERED',
      recipientName: 'Pat Doe',
      lat: 47.6196,
      lng: -122.3496,
    });
    expect(done.errors).toBeUndefined();
    const history = done.data!.updateDeliveryStatus.history;
    expect(history.map((h) => h.status)).toEqual([
      'BOOKED',
      'COLLECTED',
      'IN_TRANSIT',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
    ]);
    expect(history.at(-1)).toMatchObject({
      actor: { type: 'COURIER', id: 'courier-03' },
      proof: { recipientName: 'Pat Doe' },
    });

    const day = companyDay(stack, booked.pickupWindow.start);
    const list = await gql<{ listBookings: { items: Booking[] } }>(stack, admin, listBookings, {
      day,
      status: 'DELIVERED',
      limit: 100,
    });
    expect(list.data!.listBookings.items.map((b) => b.reference)).toContain(booked.reference);
  });
});
