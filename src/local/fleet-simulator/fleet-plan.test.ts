import { describe, expect, it } from 'vitest';
import { haversineKm } from '../../core/geo/haversine';
import type { Booking, BookingStatus, GeoPoint, Vehicle } from '../../core/model';
import { seededRandom } from '../../core/seeded-random';
import { transition } from '../../core/status-machine';
import { fixedClock } from '../../core/system-clock';
import {
  applyOutcome,
  createFleetState,
  DEFAULT_FLEET_PLAN_CONFIG,
  stepFleet,
  type FleetAction,
  type FleetPlanConfig,
  type FleetState,
  type StatusChangeAction,
} from './fleet-plan';

const START = '2025-06-10T18:00:00.000Z';
const HOME: GeoPoint = { lat: 47.6062, lng: -122.3321 };
const north = (km: number): GeoPoint => ({ lat: HOME.lat + km / 111.2, lng: HOME.lng });
const TICK = 2_000;

const config = (overrides: Partial<FleetPlanConfig> = {}): FleetPlanConfig => ({
  ...DEFAULT_FLEET_PLAN_CONFIG,
  newBookingEveryMs: false,
  failureRate: 0,
  ...overrides,
});

function booking(reference: string, status: BookingStatus, pickup: GeoPoint, delivery: GeoPoint, courierId = 'c1') {
  const at = START;
  let b: Booking = {
    reference,
    customerName: 'Grace Hopper',
    customerPhone: '+12065550134',
    pickup: { line1: '1 A St', city: 'Seattle', postcode: '98101', country: 'US', point: pickup },
    delivery: { line1: '2 B St', city: 'Seattle', postcode: '98103', country: 'US', point: delivery },
    package: { size: 'SMALL', weightKg: 1, handling: [] },
    pickupWindow: { start: at, end: '2025-06-10T20:00:00.000Z' },
    status: 'BOOKED',
    history: [{ status: 'BOOKED', at, actor: { type: 'ADMIN', id: 'a' } }],
    courierId,
    channel: 'WEB',
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const path: Record<BookingStatus, BookingStatus[]> = {
    BOOKED: [],
    COLLECTED: ['COLLECTED'],
    IN_TRANSIT: ['COLLECTED', 'IN_TRANSIT'],
    OUT_FOR_DELIVERY: ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'],
    FAILED_DELIVERY: ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'FAILED_DELIVERY'],
    DELIVERED: ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'],
    RETURNED: ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'FAILED_DELIVERY', 'RETURNED'],
    CANCELLED: ['CANCELLED'],
  };
  for (const to of path[status]) {
    const actor = { type: 'COURIER' as const, id: courierId };
    const proof = { recipientName: 'Grace Hopper' };
    b = transition(b, { to, actor, failureReason: 'RECIPIENT_ABSENT', proof }, new Date(at));
    b.version++;
  }
  return b;
}

function fleet(vehicle: Vehicle = 'BICYCLE', position = HOME, cfg = config()) {
  const clock = fixedClock(START);
  const state = createFleetState(
    [{ id: 'c1', name: 'Cory', sub: 'sub-c1', vehicle, position }],
    clock.now().getTime(),
    cfg,
  );
  return { clock, state };
}

/** Gives the courier its work as if the runner had listed it. */
function withWork(state: FleetState, bookings: Booking[], cfg = config()): FleetState {
  return applyOutcome(state, { kind: 'work-loaded', courierId: 'c1', bookings, at: state.at }, cfg);
}

/** A stand-in for the core: applies status changes with the real status machine and optimistic locking. */
function drive(
  start: FleetState,
  bookings: Map<string, Booking>,
  clock: ReturnType<typeof fixedClock>,
  cfg: FleetPlanConfig,
  steps: number,
) {
  let state = start;
  const random = seededRandom(7);
  const changes: StatusChangeAction[] = [];
  const positions: FleetAction[] = [];
  for (let i = 0; i < steps; i++) {
    clock.advance(TICK);
    const planned = stepFleet(state, clock.now().getTime(), random, cfg);
    state = planned.state;
    for (const action of planned.actions) {
      if (action.kind === 'report-position') positions.push(action);
      if (action.kind === 'load-work') {
        state = applyOutcome(
          state,
          { kind: 'work-loaded', courierId: action.courierId, bookings: [...bookings.values()], at: state.at },
          cfg,
        );
      }
      if (action.kind === 'change-status') {
        const current = bookings.get(action.reference)!;
        expect(action.expectedVersion).toBe(current.version);
        const moved = transition(
          current,
          {
            to: action.status,
            actor: { type: 'COURIER', id: action.courierId },
            location: action.location,
            note: action.note,
            proof: action.proof,
            failureReason: action.failureReason,
          },
          clock.now(),
        );
        const stored = { ...moved, version: current.version + 1 };
        bookings.set(stored.reference, stored);
        changes.push(action);
        state = applyOutcome(state, { kind: 'status-changed', courierId: action.courierId, booking: stored }, cfg);
      }
    }
  }
  return { state, changes, positions };
}

describe('stepFleet', () => {
  it('moves a courier toward the pickup at the vehicle speed times the speed-up', () => {
    // Prepare
    const cfg = config({ speedUp: 10 });
    const { clock, state } = fleet('BICYCLE', HOME, cfg);
    const target = north(5);
    const ready = withWork(state, [booking('R1', 'BOOKED', target, north(8))], cfg);

    // Act
    clock.advance(TICK);
    const { state: next, actions } = stepFleet(ready, clock.now().getTime(), seededRandom(1), cfg);

    // Assess: 15 km/h for 20 simulated seconds is 83 m, due north.
    const c = next.couriers[0]!;
    expect(haversineKm(HOME, c.position)).toBeCloseTo((15 * 20) / 3600, 3);
    expect(haversineKm(c.position, target)).toBeCloseTo(5 - (15 * 20) / 3600, 3);
    expect(actions).toEqual([
      { kind: 'report-position', courierId: 'c1', point: c.position, heading: 0, speedKph: 15 },
    ]);
    expect(c.job).toEqual({ reference: 'R1', leg: 'PICKUP' });
  });

  it('moves a motorbike twice as far as a bicycle in the same time', () => {
    // Prepare
    const cfg = config();
    const bike = fleet('BICYCLE', HOME, cfg);
    const moto = fleet('MOTORBIKE', HOME, cfg);
    const work = [booking('R1', 'BOOKED', north(5), north(8))];

    // Act
    const [b, m] = [bike, moto].map(({ clock, state }) => {
      clock.advance(TICK * 5);
      return stepFleet(withWork(state, work, cfg), clock.now().getTime(), seededRandom(1), cfg).state.couriers[0]!;
    });

    // Assess
    expect(haversineKm(HOME, m!.position) / haversineKm(HOME, b!.position)).toBeCloseTo(2, 5);
  });

  it('collects on arrival at the pickup, waits at the stop, then sets off in transit', () => {
    // Prepare
    const cfg = config({ dwellMs: 60_000 });
    const { clock, state } = fleet('CAR', HOME, cfg);
    const pickup = north(0.05);
    const bookings = new Map([['R1', booking('R1', 'BOOKED', pickup, north(4))]]);

    // Act: one step reaches the pickup (25 km/h × 20 s ≈ 139 m); the dwell is 3 steps of 20 s.
    const first = drive(withWork(state, [...bookings.values()], cfg), bookings, clock, cfg, 1);
    const dwelling = drive(first.state, bookings, clock, cfg, 2);
    const after = drive(dwelling.state, bookings, clock, cfg, 1);

    // Assess
    expect(first.changes.map((a) => [a.status, a.location])).toEqual([['COLLECTED', pickup]]);
    expect(first.state.couriers[0]!.position).toEqual(pickup);
    expect(first.state.couriers[0]!.job).toEqual({ reference: 'R1', leg: 'DELIVERY' });
    expect(dwelling.changes).toEqual([]);
    expect(dwelling.positions).toEqual([]);
    expect(after.changes.map((a) => a.status)).toEqual(['IN_TRANSIT']);
    expect(bookings.get('R1')!.history.map((e) => e.status)).toEqual(['BOOKED', 'COLLECTED', 'IN_TRANSIT']);
  });

  it('takes a parcel all the way to delivery with the recipient named as proof', () => {
    // Prepare
    const cfg = config({ speedUp: 60 });
    const { clock, state } = fleet('VAN', HOME, cfg);
    const bookings = new Map([['R1', booking('R1', 'BOOKED', north(1), north(4))]]);

    // Act
    const { state: end, changes } = drive(withWork(state, [...bookings.values()], cfg), bookings, clock, cfg, 60);

    // Assess
    const b = bookings.get('R1')!;
    expect(changes.map((a) => a.status)).toEqual(['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED']);
    expect(b.status).toBe('DELIVERED');
    expect(b.history.at(-1)!.proof?.recipientName).toMatch(/^Grace Hopper/);
    expect(b.history.at(-1)!.location).toEqual(north(4));
    // Out for delivery within the last 1.5 km before the door.
    const ofd = changes.find((a) => a.status === 'OUT_FOR_DELIVERY')!;
    expect(haversineKm(ofd.location, north(4))).toBeLessThanOrEqual(1.5);
    expect(end.couriers[0]!.work).toEqual([]);
    expect(end.couriers[0]!.position).toEqual(north(4));
  });

  it('works the nearest parcel first', () => {
    // Prepare
    const cfg = config();
    const { clock, state } = fleet('BICYCLE', HOME, cfg);
    const far = booking('FAR', 'BOOKED', north(6), north(7));
    const near = booking('NEAR', 'IN_TRANSIT', north(9), north(-1));

    // Act
    clock.advance(TICK);
    const { state: next } = stepFleet(withWork(state, [far, near], cfg), clock.now().getTime(), seededRandom(1), cfg);

    // Assess: NEAR's next stop (its delivery, 1 km south) beats FAR's pickup (6 km north).
    expect(next.couriers[0]!.job).toEqual({ reference: 'NEAR', leg: 'DELIVERY' });
  });

  it('fails a delivery with a reason and note, retries it later, and returns it after the last attempt', () => {
    // Prepare
    const cfg = config({ failureRate: 1, returnRate: 0, maxAttempts: 2, retryDelayMs: 10 * 60_000, speedUp: 30 });
    const { clock, state } = fleet('CAR', north(4), cfg);
    const bookings = new Map([['R1', booking('R1', 'OUT_FOR_DELIVERY', north(1), north(4))]]);

    // Act
    const { changes } = drive(withWork(state, [...bookings.values()], cfg), bookings, clock, cfg, 80);

    // Assess
    expect(changes.map((a) => a.status)).toEqual([
      'FAILED_DELIVERY',
      'OUT_FOR_DELIVERY',
      'FAILED_DELIVERY',
      'RETURNED',
    ]);
    const failed = bookings.get('R1')!.history.filter((e) => e.status === 'FAILED_DELIVERY');
    expect(failed.every((e) => e.failureReason !== undefined && (e.note ?? '').length > 0)).toBe(true);
    const returned = bookings.get('R1')!.history.at(-1)!;
    expect(returned.location).toEqual(north(1));
    expect(returned.note).toBe('Returned to sender after 2 failed attempts.');
    // The retry waited for the retry delay: 10 simulated minutes at 30× is 20 s of wall-clock time.
    const history = bookings.get('R1')!.history;
    const [firstFail, retry] = history.slice(-4, -2);
    expect(retry!.note).toBe('Delivery attempt 2.');
    expect(Date.parse(retry!.at) - Date.parse(firstFail!.at)).toBeGreaterThanOrEqual(20_000);
  });

  it('re-plans after a conflicting change: drops the job and looks for its work again', () => {
    // Prepare
    const cfg = config();
    const { clock, state } = fleet('BICYCLE', HOME, cfg);
    clock.advance(TICK);
    const planned = stepFleet(
      withWork(state, [booking('R1', 'BOOKED', north(0.01), north(3))], cfg),
      clock.now().getTime(),
      seededRandom(1),
      cfg,
    );
    const change = planned.actions.find((a) => a.kind === 'change-status');

    // Act
    const failed = applyOutcome(
      planned.state,
      { kind: 'action-failed', courierId: 'c1', action: 'change-status', reference: 'R1' },
      cfg,
    );
    clock.advance(TICK);
    const next = stepFleet(failed, clock.now().getTime(), seededRandom(1), cfg);

    // Assess
    expect(change).toMatchObject({ status: 'COLLECTED', expectedVersion: 1 });
    expect(planned.state.couriers[0]!.waiting).toBe(true);
    expect(failed.couriers[0]).toMatchObject({ waiting: false, work: [] });
    expect(failed.couriers[0]!.job).toBeUndefined();
    expect(next.actions).toEqual([{ kind: 'load-work', courierId: 'c1' }]);
  });

  it('waits for an outstanding outcome, and idles between looks for work', () => {
    // Prepare
    const cfg = config({ reloadEveryMs: 30_000 });
    const { clock, state } = fleet('BICYCLE', HOME, cfg);

    // Act
    clock.advance(TICK);
    const first = stepFleet(state, clock.now().getTime(), seededRandom(1), cfg);
    clock.advance(TICK);
    const whileWaiting = stepFleet(first.state, clock.now().getTime(), seededRandom(1), cfg);
    const idle = applyOutcome(
      whileWaiting.state,
      {
        kind: 'work-loaded',
        courierId: 'c1',
        bookings: [booking('X', 'DELIVERED', north(1), north(2))],
        at: whileWaiting.state.at,
      },
      cfg,
    );
    clock.advance(TICK);
    const soon = stepFleet(idle, clock.now().getTime(), seededRandom(1), cfg);
    clock.advance(30_000);
    const later = stepFleet(soon.state, clock.now().getTime(), seededRandom(1), cfg);

    // Assess
    expect(first.actions).toEqual([{ kind: 'load-work', courierId: 'c1' }]);
    expect(whileWaiting.actions).toEqual([]);
    expect(idle.couriers[0]!.work).toEqual([]);
    expect(soon.actions).toEqual([]);
    expect(later.actions).toEqual([{ kind: 'load-work', courierId: 'c1' }]);
  });

  it('ignores parcels of other couriers and pickups far in the future', () => {
    // Prepare
    const cfg = config({ pickupLookaheadMs: 60 * 60_000 });
    const { state } = fleet('BICYCLE', HOME, cfg);
    const later = booking('LATER', 'BOOKED', north(1), north(2));
    later.pickupWindow = { start: '2025-06-10T21:00:00.000Z', end: '2025-06-10T23:00:00.000Z' };
    const theirs = booking('THEIRS', 'BOOKED', north(1), north(2), 'c2');
    const mine = booking('MINE', 'BOOKED', north(3), north(2));

    // Act
    const loaded = withWork(state, [later, theirs, mine], cfg);
    const next = stepFleet(loaded, loaded.at + TICK, seededRandom(1), cfg);

    // Assess
    expect(loaded.couriers[0]!.work.map((w) => w.reference)).toEqual(['LATER', 'MINE']);
    expect(next.state.couriers[0]!.job?.reference).toBe('MINE');
  });

  it('books a new parcel on schedule for the least busy courier near the pickup', () => {
    // Prepare
    const cfg = config({ newBookingEveryMs: 120_000 });
    const clock = fixedClock(START);
    const state = createFleetState(
      [
        { id: 'c1', name: 'Busy', sub: 's1', vehicle: 'CAR', position: HOME },
        { id: 'c2', name: 'Free', sub: 's2', vehicle: 'CAR', position: HOME },
      ],
      clock.now().getTime(),
      cfg,
    );
    const busy = withWork(state, [booking('R1', 'BOOKED', north(1), north(2))], cfg);
    const random = seededRandom(3);

    // Act
    clock.advance(59_000);
    const early = stepFleet(busy, clock.now().getTime(), random, cfg);
    clock.advance(1_000);
    const due = stepFleet(early.state, clock.now().getTime(), random, cfg);
    const book = due.actions.find((a) => a.kind === 'book');
    clock.advance(TICK);
    const pending = stepFleet(due.state, clock.now().getTime(), random, cfg);

    // Assess
    expect(early.actions.some((a) => a.kind === 'book')).toBe(false);
    expect(book).toMatchObject({ kind: 'book', courierId: 'c2' });
    if (book?.kind !== 'book') throw new Error('no booking planned');
    expect(Date.parse(String(book.request.input.pickupWindowStart))).toBeGreaterThan(clock.now().getTime() - TICK);
    expect(book.request.input.pickup.postcode).not.toBe(book.request.input.delivery.postcode);
    expect(due.state.bookingPending).toBe(true);
    expect(pending.actions.some((a) => a.kind === 'book')).toBe(false);
    expect(due.state.nextBookingAt).toBe(clock.now().getTime() - TICK + 120_000);
  });
});
