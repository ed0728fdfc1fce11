import { beforeEach, describe, expect, it } from 'vitest';
import { appRouter } from '../app-router';
import { createApi } from '../router';
import { clearMembershipCache } from '../principal';
import type { ApiDeps } from '../deps';
import type { Log } from '../../observability/telemetry';
import type { Membership, MembershipRepository } from '../../core/ports';
import type { Booking, BookingStatus, GeoPoint } from '../../core/model';
import type { DeliverySequence, RoutingPort } from '../../core/delivery-sequence';
import { makeWorld } from '../../core/testing/fixtures';
import { createMemoryManualSequenceStore } from '../../core/testing/memory-repositories';
import { appSyncEvent, cognitoIdentity } from '../../../tests/events/appsync-event';

// NOW in the fixtures is 2025-06-10 08:00 in Seattle.
const COURIER = cognitoIdentity('sub-c7', ['courier']);
const OTHER_COURIER = cognitoIdentity('sub-c9', ['courier']);
const ADMIN = cognitoIdentity('sub-admin', ['admin']);
const PARTNER = cognitoIdentity('sub-acme', ['partner']);
const HERE = { lat: 47.6062, lng: -122.3321 };

let serial = 0;
function booking(
  status: BookingStatus,
  options: { courierId?: string; pickup: GeoPoint; delivery: GeoPoint; window?: [string, string] },
): Booking {
  serial++;
  const [start, end] = options.window ?? ['2025-06-10T16:00:00.000Z', '2025-06-10T18:00:00.000Z'];
  const address = (line1: string, point: GeoPoint) => ({
    line1,
    city: 'Seattle',
    postcode: '98101',
    country: 'US',
    point,
  });
  return {
    reference: `SEQ-${String(serial).padStart(3, '0')}`,
    customerName: `Customer ${serial}`,
    customerPhone: '+12065550100',
    pickup: address(`${serial} Pickup St`, options.pickup),
    delivery: address(`${serial} Delivery Ave`, options.delivery),
    package: { size: 'SMALL', weightKg: 1, handling: [] },
    pickupWindow: { start, end },
    status,
    history: [{ status, at: '2025-06-10T14:00:00.000Z', actor: { type: 'ADMIN', id: 'sub-admin' } }],
    courierId: options.courierId ?? 'courier-07',
    channel: 'WEB',
    createdAt: '2025-06-10T14:00:00.000Z',
    updatedAt: '2025-06-10T14:00:00.000Z',
    version: 1,
  };
}

async function setup(options: { routing?: RoutingPort } = {}) {
  const world = makeWorld();
  const members = new Map<string, Membership>([
    ['sub-c7', { sub: 'sub-c7', email: 'c7@example.com', courierId: 'courier-07' }],
    ['sub-c9', { sub: 'sub-c9', email: 'c9@example.com', courierId: 'courier-09' }],
    ['sub-acme', { sub: 'sub-acme', email: 'p@example.com', partnerId: 'acme' }],
  ]);
  const memberships: MembershipRepository = {
    put: async (m) => void members.set(m.sub, m),
    get: async (s) => members.get(s),
  };
  const warnings: unknown[] = [];
  const log: Log = { info: () => {}, warn: (_m, d) => void warnings.push(d), error: () => {} };
  const partners = { put: async () => {}, get: async () => undefined, list: async () => [] };
  const deps: ApiDeps = {
    ...world,
    partners,
    memberships,
    log,
    sequences: createMemoryManualSequenceStore(),
    ...options,
  };
  const booked = booking('BOOKED', { pickup: { lat: 47.61, lng: -122.33 }, delivery: { lat: 47.65, lng: -122.35 } });
  const collected = booking('COLLECTED', {
    pickup: { lat: 47.6, lng: -122.3 },
    delivery: { lat: 47.62, lng: -122.32 },
  });
  const delivered = booking('DELIVERED', {
    pickup: { lat: 47.6, lng: -122.3 },
    delivery: { lat: 47.63, lng: -122.31 },
  });
  const others = booking('BOOKED', {
    courierId: 'courier-09',
    pickup: { lat: 47.6, lng: -122.3 },
    delivery: { lat: 47.7, lng: -122.3 },
  });
  const tomorrow = booking('BOOKED', {
    pickup: { lat: 47.6, lng: -122.3 },
    delivery: { lat: 47.7, lng: -122.3 },
    window: ['2025-06-11T16:00:00.000Z', '2025-06-11T18:00:00.000Z'],
  });
  for (const b of [booked, collected, delivered, others, tomorrow]) await world.bookings.create(b);
  const api = createApi(appRouter, deps);
  const call = (
    type: 'Query' | 'Mutation',
    field: string,
    args: Record<string, unknown>,
    who: ReturnType<typeof cognitoIdentity> | null,
  ) => api.resolve(appSyncEvent(type, field, args, who ?? undefined)) as Promise<DeliverySequence>;
  return { world, deps, call, warnings, booked, collected, others };
}

const keys = (s: DeliverySequence) => s.stops.map((stop) => `${stop.reference}#${stop.kind}`);

beforeEach(() => clearMembershipCache());

describe('suggestedSequence', () => {
  it("orders the courier's own open stops of today: a booked parcel's pickup and delivery, a collected one's delivery", async () => {
    // Prepare
    const { call, booked, collected } = await setup();
    // Act
    const sequence = await call('Query', 'suggestedSequence', HERE, COURIER);
    // Assess
    expect(sequence).toMatchObject({
      courierId: 'courier-07',
      day: '2025-06-10',
      manual: false,
      distances: 'STRAIGHT_LINE',
      origin: HERE,
    });
    expect([...keys(sequence)].sort()).toEqual(
      [`${booked.reference}#PICKUP`, `${booked.reference}#DELIVERY`, `${collected.reference}#DELIVERY`].sort(),
    );
    expect(keys(sequence).indexOf(`${booked.reference}#PICKUP`)).toBeLessThan(
      keys(sequence).indexOf(`${booked.reference}#DELIVERY`),
    );
    const pickup = sequence.stops.find((s) => s.kind === 'PICKUP')!;
    expect(pickup).toMatchObject({ windowStart: booked.pickupWindow.start, address: { line1: booked.pickup.line1 } });
    // The window opens at 16:00Z: the courier waits for it, so the pickup is planned no earlier.
    expect(Date.parse(pickup.plannedArrival)).toBeGreaterThanOrEqual(Date.parse(booked.pickupWindow.start));
    const arrivals = sequence.stops.map((s) => Date.parse(s.plannedArrival));
    expect(arrivals).toEqual([...arrivals].sort((a, b) => a - b));
  });

  it('lets an admin ask for any courier, and requires naming one', async () => {
    const { call, others } = await setup();
    const sequence = await call('Query', 'suggestedSequence', { ...HERE, courierId: 'courier-09' }, ADMIN);
    expect(keys(sequence)).toEqual([`${others.reference}#PICKUP`, `${others.reference}#DELIVERY`]);
    await expect(call('Query', 'suggestedSequence', HERE, ADMIN)).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('courierId'),
    });
  });

  it('refuses a courier id longer than any by name, before the table sees it (issue 13 fuzzing)', async () => {
    const { call } = await setup();
    await expect(
      call('Query', 'suggestedSequence', { ...HERE, courierId: 'x'.repeat(3000) }, ADMIN),
    ).rejects.toMatchObject({ name: 'ValidationError', message: expect.stringContaining('courierId is too long') });
  });

  it("refuses another courier's sequence, partners and anonymous callers", async () => {
    const { call } = await setup();
    await expect(call('Query', 'suggestedSequence', { courierId: 'courier-09' }, COURIER)).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    await expect(call('Query', 'suggestedSequence', { courierId: 'courier-07' }, PARTNER)).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
    await expect(call('Query', 'suggestedSequence', HERE, null)).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(
      call('Mutation', 'setDeliverySequence', { stops: [], courierId: 'courier-07' }, PARTNER),
    ).rejects.toMatchObject({ name: 'ForbiddenError' });
    await expect(call('Mutation', 'resetDeliverySequence', { courierId: 'courier-07' }, null)).rejects.toMatchObject({
      name: 'ForbiddenError',
    });
  });

  it('names the field of a bad position', async () => {
    const { call } = await setup();
    await expect(call('Query', 'suggestedSequence', { lat: 120, lng: 0 }, COURIER)).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('lat'),
    });
    await expect(call('Query', 'suggestedSequence', { lat: 47.6 }, COURIER)).rejects.toMatchObject({
      message: expect.stringContaining('lng'),
    });
  });

  it('uses road travel times from the routing port when one is configured, and straight lines when it fails', async () => {
    // Prepare: a routing service under which the collected parcel's delivery is far from everything.
    let asked = 0;
    const routing: RoutingPort = {
      async travelTimes(points) {
        asked++;
        const n = points.length;
        return Array.from({ length: n * n }, (_, k) => (Math.floor(k / n) === k % n ? 0 : 600));
      },
    };
    const { call } = await setup({ routing });
    // Act
    const road = await call('Query', 'suggestedSequence', HERE, COURIER);
    // Assess
    expect(asked).toBe(1);
    expect(road.distances).toBe('ROAD');
    // Every leg is 10 minutes: the first stop is planned 10 minutes from now.
    expect(road.stops[0]!.plannedArrival).toBe('2025-06-10T15:10:00.000Z');

    const failing = await setup({ routing: { travelTimes: async () => Promise.reject(new Error('service down')) } });
    const fallback = await failing.call('Query', 'suggestedSequence', HERE, COURIER);
    expect(fallback.distances).toBe('STRAIGHT_LINE');
    expect(failing.warnings).toHaveLength(1);
  });
});

describe('setDeliverySequence and resetDeliverySequence', () => {
  it("keeps the courier's order, puts a new stop in, and goes back to the suggestion on reset", async () => {
    // Prepare
    const { call, world, booked, collected } = await setup();
    const order = [
      { reference: collected.reference, kind: 'DELIVERY' },
      { reference: booked.reference, kind: 'PICKUP' },
      { reference: booked.reference, kind: 'DELIVERY' },
    ];
    // Act
    const saved = await call('Mutation', 'setDeliverySequence', { stops: order, ...HERE }, COURIER);
    const added = booking('BOOKED', { pickup: { lat: 47.6, lng: -122.33 }, delivery: { lat: 47.61, lng: -122.34 } });
    await world.bookings.create(added);
    const later = await call('Query', 'suggestedSequence', HERE, COURIER);
    // Assess
    expect(saved.manual).toBe(true);
    expect(keys(saved)).toEqual(order.map((s) => `${s.reference}#${s.kind}`));
    expect(later.manual).toBe(true);
    expect(keys(later).filter((k) => !k.startsWith(added.reference))).toEqual(keys(saved));
    expect(keys(later).indexOf(`${added.reference}#PICKUP`)).toBeLessThan(
      keys(later).indexOf(`${added.reference}#DELIVERY`),
    );

    const reset = await call('Mutation', 'resetDeliverySequence', HERE, COURIER);
    expect(reset.manual).toBe(false);
    expect(reset.stops).toHaveLength(5);
  });

  it("lets an admin set a courier's order; another courier cannot", async () => {
    const { call, collected } = await setup();
    const stops = [{ reference: collected.reference, kind: 'DELIVERY' }];
    const byAdmin = await call('Mutation', 'setDeliverySequence', { stops, courierId: 'courier-07' }, ADMIN);
    expect(byAdmin.manual).toBe(true);
    await expect(
      call('Mutation', 'setDeliverySequence', { stops, courierId: 'courier-07' }, OTHER_COURIER),
    ).rejects.toMatchObject({ name: 'ForbiddenError' });
  });

  it('refuses an order naming a stop not open today, a stop twice, or a delivery before its pickup, naming the stop', async () => {
    const { call, booked, collected, others } = await setup();
    const refuse = (stops: { reference: string; kind: string }[], field: string) =>
      expect(call('Mutation', 'setDeliverySequence', { stops }, COURIER)).rejects.toMatchObject({
        name: 'ValidationError',
        message: expect.stringContaining(field),
      });
    await refuse([{ reference: others.reference, kind: 'PICKUP' }], 'stops[0]');
    await refuse([{ reference: collected.reference, kind: 'PICKUP' }], 'stops[0]');
    await refuse(
      [
        { reference: collected.reference, kind: 'DELIVERY' },
        { reference: collected.reference, kind: 'DELIVERY' },
      ],
      'stops[1]',
    );
    await refuse(
      [
        { reference: booked.reference, kind: 'DELIVERY' },
        { reference: booked.reference, kind: 'PICKUP' },
      ],
      'stops[0]',
    );
    await refuse([{ reference: booked.reference, kind: 'SOMETIME' }], 'stops.0.kind');
    await refuse([], 'stops');
  });
});
