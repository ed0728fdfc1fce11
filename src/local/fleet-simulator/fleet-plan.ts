// The fleet simulator's planner: pure. Given the fleet as last known and the time now, it moves every
// courier along its current job and says what to tell the core (positions, status changes, loads, new
// bookings); the runner carries the actions out and feeds their outcomes back through applyOutcome.
import { haversineKm } from '../../core/geo/haversine';
import {
  FAILURE_REASONS,
  type Booking,
  type BookingStatus,
  type DeliveryProof,
  type FailureReason,
  type GeoPoint,
  type Vehicle,
} from '../../core/model';
import type { Random } from '../../core/ports';
import { newBookingRequest, type NewBookingRequest } from './new-booking';

/** Typical city speeds: what a courier on this vehicle averages between stops. */
export const VEHICLE_SPEED_KPH: Readonly<Record<Vehicle, number>> = {
  BICYCLE: 15,
  MOTORBIKE: 30,
  CAR: 25,
  VAN: 25,
  TRUCK: 20,
};

export type FleetPlanConfig = {
  /** Simulated time runs this many times faster than the wall clock. */
  speedUp: number;
  /** Chance (0..1) that a delivery attempt fails at the door. */
  failureRate: number;
  /** Chance (0..1) that a failed parcel goes back to the sender instead of a second attempt. */
  returnRate: number;
  /** Attempts after which a parcel always goes back to the sender. */
  maxAttempts: number;
  /** Simulated time spent at a stop (loading, handing over) before moving on. */
  dwellMs: number;
  /** Simulated time before a failed parcel is tried again. */
  retryDelayMs: number;
  /** How close to the door a parcel in transit becomes "out for delivery". */
  outForDeliveryKm: number;
  /** Wall-clock time between looks for new work by a courier with nothing to do. */
  reloadEveryMs: number;
  /** Parcels still to be collected are taken when their pickup window starts within this wall-clock time. */
  pickupLookaheadMs: number;
  /** Wall-clock time between new demo bookings; false: no new bookings. */
  newBookingEveryMs: number | false;
};

export const DEFAULT_FLEET_PLAN_CONFIG: FleetPlanConfig = {
  speedUp: 10,
  failureRate: 0.05,
  returnRate: 0.4,
  maxAttempts: 2,
  dwellMs: 2 * 60_000,
  retryDelayMs: 30 * 60_000,
  outForDeliveryKm: 1.5,
  reloadEveryMs: 30_000,
  pickupLookaheadMs: 6 * 60 * 60_000,
  newBookingEveryMs: 3 * 60_000,
};

/** A parcel a courier still has to move, as the courier last saw it. */
export type WorkItem = {
  reference: string;
  status: BookingStatus;
  version: number;
  pickup: GeoPoint;
  delivery: GeoPoint;
  /** Wall-clock start of the pickup window (epoch ms). */
  windowStart: number;
  customerName: string;
  failedAttempts: number;
  /** Simulated time from which a failed parcel may be tried again. */
  retryAt?: number;
};

export type JobLeg = 'PICKUP' | 'DELIVERY' | 'RETURN';
export type Job = { reference: string; leg: JobLeg };

export type SimCourier = {
  id: string;
  name: string;
  /** The courier's sign-in (Cognito sub), used as the principal's sub. */
  sub: string;
  vehicle: Vehicle;
  position: GeoPoint;
  work: WorkItem[];
  job?: Job;
  /** Simulated time until which the courier stays at the current stop. */
  dwellUntil?: number;
  /** Wall-clock time of the last look for work; undefined: never looked. */
  loadedAt?: number;
  /** A load or status change is under way: the courier waits for its outcome. */
  waiting: boolean;
};

export type FleetState = {
  /** Wall-clock time of the last step (epoch ms). */
  at: number;
  /** Simulated time of the last step (epoch ms). */
  simAt: number;
  couriers: SimCourier[];
  nextBookingAt?: number;
  bookingPending: boolean;
};

export type StatusChangeAction = {
  kind: 'change-status';
  courierId: string;
  reference: string;
  status: BookingStatus;
  expectedVersion: number;
  location: GeoPoint;
  note?: string;
  proof?: DeliveryProof;
  failureReason?: FailureReason;
};

export type FleetAction =
  | { kind: 'load-work'; courierId: string }
  | { kind: 'report-position'; courierId: string; point: GeoPoint; heading: number; speedKph: number }
  | StatusChangeAction
  | { kind: 'book'; courierId: string; request: NewBookingRequest };

export type FleetOutcome =
  | { kind: 'work-loaded'; courierId: string; bookings: Booking[]; at: number }
  | { kind: 'status-changed'; courierId: string; booking: Booking }
  | { kind: 'action-failed'; courierId: string; action: FleetAction['kind']; reference?: string }
  | { kind: 'booked'; courierId: string; booking: Booking }
  | { kind: 'booking-failed' };

export type StepResult = { state: FleetState; actions: FleetAction[] };

export type CourierSeed = {
  id: string;
  name: string;
  sub: string;
  vehicle: Vehicle;
  position: GeoPoint;
};

/** Where couriers without a known position start: downtown Seattle. */
export const FLEET_HOME: GeoPoint = { lat: 47.6062, lng: -122.3321 };

export function createFleetState(couriers: CourierSeed[], now: number, config: FleetPlanConfig): FleetState {
  const state: FleetState = {
    at: now,
    simAt: now,
    couriers: couriers.map((c) => ({ ...c, position: { ...c.position }, work: [], waiting: false })),
    bookingPending: false,
  };
  // The first booking comes early so the demo shows one soon after start.
  if (config.newBookingEveryMs !== false) state.nextBookingAt = now + Math.min(config.newBookingEveryMs, 60_000);
  return state;
}

const WORKABLE = new Set<BookingStatus>(['BOOKED', 'COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'FAILED_DELIVERY']);

/** The parcel as the planner needs it, or undefined when there is nothing left for a courier to do. */
export function toWorkItem(booking: Booking): WorkItem | undefined {
  if (!WORKABLE.has(booking.status) || !booking.pickup.point || !booking.delivery.point) return undefined;
  return {
    reference: booking.reference,
    status: booking.status,
    version: booking.version,
    pickup: booking.pickup.point,
    delivery: booking.delivery.point,
    windowStart: Date.parse(booking.pickupWindow.start),
    customerName: booking.customerName,
    failedAttempts: booking.history.filter((e) => e.status === 'FAILED_DELIVERY').length,
  };
}

function chance(random: Random, p: number): boolean {
  return random.int(1_000_000) < p * 1_000_000;
}

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[random.int(items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Compass bearing from a to b, 0..360 degrees. */
export function bearingDegrees(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const y = Math.sin((b.lng - a.lng) * rad) * Math.cos(b.lat * rad);
  const x =
    Math.cos(a.lat * rad) * Math.sin(b.lat * rad) -
    Math.sin(a.lat * rad) * Math.cos(b.lat * rad) * Math.cos((b.lng - a.lng) * rad);
  const deg = Math.atan2(y, x) / rad;
  return Math.round(((deg % 360) + 360) % 360);
}

/** Straight-line move of at most `km` from `from` toward `to`. */
export function moveToward(from: GeoPoint, to: GeoPoint, km: number): { point: GeoPoint; arrived: boolean } {
  const distance = haversineKm(from, to);
  if (distance <= km || distance === 0) return { point: { ...to }, arrived: true };
  const t = km / distance;
  return {
    point: { lat: round6(from.lat + (to.lat - from.lat) * t), lng: round6(from.lng + (to.lng - from.lng) * t) },
    arrived: false,
  };
}

function eligible(item: WorkItem, now: number, simAt: number, config: FleetPlanConfig): boolean {
  if (item.status === 'BOOKED') return item.windowStart <= now + config.pickupLookaheadMs;
  if (item.status === 'FAILED_DELIVERY') return item.retryAt === undefined || item.retryAt <= simAt;
  return WORKABLE.has(item.status);
}

function nextStop(item: WorkItem, leg: JobLeg): GeoPoint {
  return leg === 'DELIVERY' ? item.delivery : item.pickup;
}

function legFor(item: WorkItem, random: Random, config: FleetPlanConfig): JobLeg {
  if (item.status === 'BOOKED') return 'PICKUP';
  if (item.status !== 'FAILED_DELIVERY') return 'DELIVERY';
  return item.failedAttempts >= config.maxAttempts || chance(random, config.returnRate) ? 'RETURN' : 'DELIVERY';
}

/** Nearest next: the eligible parcel whose next stop is closest to where the courier is. */
function chooseJob(
  courier: SimCourier,
  now: number,
  simAt: number,
  random: Random,
  config: FleetPlanConfig,
): Job | undefined {
  let best: { item: WorkItem; km: number } | undefined;
  for (const item of courier.work) {
    if (!eligible(item, now, simAt, config)) continue;
    const target = item.status === 'BOOKED' ? item.pickup : item.delivery;
    const km = haversineKm(courier.position, target);
    if (!best || km < best.km) best = { item, km };
  }
  return best ? { reference: best.item.reference, leg: legFor(best.item, random, config) } : undefined;
}

const RECIPIENTS = ['the customer', 'a neighbour', 'the reception desk', 'a family member', 'the building concierge'];
const FAILURE_NOTES: Readonly<Record<FailureReason, string>> = {
  RECIPIENT_ABSENT: 'No answer at the door; card left.',
  ADDRESS_NOT_FOUND: 'House number not found on the street.',
  ACCESS_DENIED: 'Gate locked and no buzzer answer.',
  REFUSED_BY_RECIPIENT: 'Recipient refused the parcel.',
  DAMAGED: 'Parcel damaged in transit; brought back for inspection.',
  WEATHER_OR_ROAD: 'Road closed; could not reach the address.',
  OTHER: 'Could not complete the delivery.',
};

function deliveryAttempt(
  courier: SimCourier,
  item: WorkItem,
  random: Random,
  config: FleetPlanConfig,
): StatusChangeAction {
  const base = {
    kind: 'change-status' as const,
    courierId: courier.id,
    reference: item.reference,
    expectedVersion: item.version,
    location: { ...item.delivery },
  };
  if (chance(random, config.failureRate)) {
    const failureReason = pick(random, FAILURE_REASONS);
    return { ...base, status: 'FAILED_DELIVERY', failureReason, note: FAILURE_NOTES[failureReason] };
  }
  const who = pick(random, RECIPIENTS);
  const recipientName = who === 'the customer' ? item.customerName : `${item.customerName} (via ${who})`;
  return { ...base, status: 'DELIVERED', proof: { recipientName } };
}

/**
 * Advances the fleet to `now`: each courier not waiting for an outcome either asks for work, starts the
 * nearest job, waits at a stop, or moves toward its next stop at its vehicle's speed and reports where it is
 * (plus the status change its arrival makes). At most one status change per courier per step, so the runner
 * can chain them with optimistic locking.
 */
export function stepFleet(state: FleetState, now: number, random: Random, config: FleetPlanConfig): StepResult {
  const elapsed = Math.max(0, now - state.at);
  const simAt = state.simAt + elapsed * config.speedUp;
  const actions: FleetAction[] = [];
  const couriers = state.couriers.map((c) =>
    stepCourier(c, now, simAt, elapsed * config.speedUp, random, config, actions),
  );

  const next: FleetState = { ...state, at: now, simAt, couriers };
  if (
    config.newBookingEveryMs !== false &&
    !state.bookingPending &&
    state.nextBookingAt !== undefined &&
    now >= state.nextBookingAt &&
    couriers.length > 0
  ) {
    const request = newBookingRequest(random, now);
    const courier = leastBusy(couriers, request.pickupPoint);
    actions.push({ kind: 'book', courierId: courier.id, request });
    next.bookingPending = true;
    next.nextBookingAt = now + config.newBookingEveryMs;
  }
  return { state: next, actions };
}

function leastBusy(couriers: SimCourier[], near: GeoPoint): SimCourier {
  let best: SimCourier | undefined;
  let bestScore = Infinity;
  for (const c of couriers) {
    const score = c.work.length * 100 + haversineKm(c.position, near);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (!best) throw new RangeError('no couriers to choose from');
  return best;
}

function stepCourier(
  current: SimCourier,
  now: number,
  simAt: number,
  simElapsed: number,
  random: Random,
  config: FleetPlanConfig,
  actions: FleetAction[],
): SimCourier {
  if (current.waiting) return current;
  const c: SimCourier = { ...current };
  if (c.dwellUntil !== undefined) {
    if (c.dwellUntil > simAt) return c;
    delete c.dwellUntil;
  }

  if (!c.job) {
    const job = chooseJob(c, now, simAt, random, config);
    if (!job) {
      if (c.loadedAt === undefined || now - c.loadedAt >= config.reloadEveryMs) {
        actions.push({ kind: 'load-work', courierId: c.id });
        c.waiting = true;
      }
      return c;
    }
    c.job = job;
  }

  const job = c.job;
  const item = c.work.find((w) => w.reference === job.reference);
  const stale =
    !item ||
    (job.leg === 'PICKUP' && item.status !== 'BOOKED') ||
    (job.leg === 'RETURN' && item.status !== 'FAILED_DELIVERY');
  if (!item || stale) {
    delete c.job;
    return c;
  }

  const status = (to: BookingStatus, extra: Partial<StatusChangeAction> = {}): void => {
    actions.push({
      kind: 'change-status',
      courierId: c.id,
      reference: item.reference,
      status: to,
      expectedVersion: item.version,
      location: { ...c.position },
      ...extra,
    });
    c.waiting = true;
  };

  // Statuses that must be set before the courier sets off.
  if (job.leg === 'DELIVERY' && item.status === 'COLLECTED') {
    status('IN_TRANSIT');
    return c;
  }
  if (job.leg === 'DELIVERY' && item.status === 'FAILED_DELIVERY') {
    status('OUT_FOR_DELIVERY', { note: `Delivery attempt ${item.failedAttempts + 1}.` });
    return c;
  }

  const speedKph = VEHICLE_SPEED_KPH[c.vehicle];
  const target = nextStop(item, job.leg);
  const heading = bearingDegrees(c.position, target);
  const moved = moveToward(c.position, target, (speedKph * simElapsed) / 3_600_000);
  const changed = moved.point.lat !== c.position.lat || moved.point.lng !== c.position.lng;
  c.position = moved.point;
  if (changed) {
    actions.push({
      kind: 'report-position',
      courierId: c.id,
      point: { ...moved.point },
      heading,
      speedKph: moved.arrived ? 0 : speedKph,
    });
  }

  switch (job.leg) {
    case 'PICKUP':
      if (moved.arrived) status('COLLECTED', { location: { ...item.pickup } });
      break;
    case 'RETURN':
      if (moved.arrived) {
        status('RETURNED', {
          location: { ...item.pickup },
          note: `Returned to sender after ${item.failedAttempts} failed attempt${item.failedAttempts === 1 ? '' : 's'}.`,
        });
      }
      break;
    case 'DELIVERY':
      if (
        item.status === 'IN_TRANSIT' &&
        (moved.arrived || haversineKm(c.position, target) <= config.outForDeliveryKm)
      ) {
        status('OUT_FOR_DELIVERY');
      } else if (moved.arrived && item.status === 'OUT_FOR_DELIVERY') {
        actions.push(deliveryAttempt(c, item, random, config));
        c.waiting = true;
      }
      break;
  }
  return c;
}

/** Folds the result of an action back into the fleet. A failed change makes the courier look for work afresh. */
export function applyOutcome(state: FleetState, outcome: FleetOutcome, config: FleetPlanConfig): FleetState {
  if (outcome.kind === 'booking-failed') return { ...state, bookingPending: false };
  const couriers = state.couriers.map((c) =>
    c.id === outcome.courierId ? applyToCourier(c, outcome, state, config) : c,
  );
  return outcome.kind === 'booked' ? { ...state, couriers, bookingPending: false } : { ...state, couriers };
}

function applyToCourier(
  current: SimCourier,
  outcome: Exclude<FleetOutcome, { kind: 'booking-failed' }>,
  state: FleetState,
  config: FleetPlanConfig,
): SimCourier {
  const c: SimCourier = { ...current };
  switch (outcome.kind) {
    case 'work-loaded': {
      const retryAt = new Map(c.work.map((w) => [w.reference, w.retryAt]));
      c.work = outcome.bookings.flatMap((b) => {
        if (b.courierId !== c.id) return [];
        const item = toWorkItem(b);
        if (!item) return [];
        const retry = retryAt.get(b.reference);
        return [retry !== undefined ? { ...item, retryAt: retry } : item];
      });
      c.loadedAt = outcome.at;
      c.waiting = false;
      return c;
    }
    case 'booked': {
      const item = toWorkItem(outcome.booking);
      if (item && !c.work.some((w) => w.reference === item.reference)) c.work = [...c.work, item];
      return c;
    }
    case 'status-changed': {
      c.waiting = false;
      const booking = outcome.booking;
      const before = c.work.find((w) => w.reference === booking.reference);
      const item = toWorkItem(booking);
      if (!item || booking.courierId !== c.id) {
        c.work = c.work.filter((w) => w.reference !== booking.reference);
        delete c.job;
        c.dwellUntil = state.simAt + config.dwellMs;
        return c;
      }
      if (item.status === 'FAILED_DELIVERY') item.retryAt = state.simAt + config.retryDelayMs;
      else if (before?.retryAt !== undefined) item.retryAt = before.retryAt;
      c.work = c.work.map((w) => (w.reference === item.reference ? item : w));
      // A stop: loading at the pickup, or knocking in vain at the door.
      if (item.status === 'COLLECTED') c.job = { reference: item.reference, leg: 'DELIVERY' };
      if (item.status === 'FAILED_DELIVERY') delete c.job;
      if (item.status === 'COLLECTED' || item.status === 'FAILED_DELIVERY') c.dwellUntil = state.simAt + config.dwellMs;
      return c;
    }
    case 'action-failed':
      c.waiting = false;
      // A position report that did not land changes nothing; anything else means the world moved on.
      if (outcome.action === 'report-position') return c;
      delete c.job;
      c.work = [];
      // A failed change: look again at once. A failed look: try again after the usual pause.
      if (outcome.action === 'load-work') c.loadedAt = state.at;
      else delete c.loadedAt;
      return c;
  }
}
