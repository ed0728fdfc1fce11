// The suggested order of a courier's open stops for today (Req 11.11): from where the courier stands, each parcel
// picked up before it is delivered, pickups inside their windows where possible; or the courier's own order, kept,
// with stops that came in since put in by the same search. Travel times from the routing port when the runtime has
// one, straight-line estimates otherwise.
import { z } from 'zod';
import { ForbiddenError, ValidationError } from './errors';
import { DETOUR_FACTOR, FALLBACK_DISTANCE_KM, URBAN_SPEED_KPH } from './eta';
import { haversineKm } from './geo/haversine';
import { parseInput } from './input-validation';
import type { BusinessCalendar } from './business-calendar';
import type { Actor, Address, Booking, BookingStatus, GeoPoint, Principal } from './model';
import type { BookingRepository, Clock } from './ports';
import { insertIntoOrder, scheduleOf, sequenceStops, type SequenceStop } from './route-sequence';
import { actorFor } from './access';

export const STOP_KINDS = ['PICKUP', 'DELIVERY'] as const;
export type StopKind = (typeof STOP_KINDS)[number];

/** Minutes at a pickup (loading) and at a delivery (handing over), as the ETAs assume. */
export const PICKUP_SERVICE_MINUTES = 8;
export const DELIVERY_SERVICE_MINUTES = 6;

/** Travel times between points, row-major seconds (size² entries): road times from a routing service. */
export type RoutingPort = { travelTimes(points: readonly GeoPoint[]): Promise<Float64Array | number[]> };

/** The order a courier chose by hand for a day, as stop keys (`<reference>#<kind>`). */
export type ManualSequence = { courierId: string; day: string; stops: string[]; setAt: string; setBy: Actor };

export type ManualSequenceStore = {
  get(courierId: string, day: string): Promise<ManualSequence | undefined>;
  put(sequence: ManualSequence): Promise<void>;
  remove(courierId: string, day: string): Promise<void>;
};

export type SequencedStop = {
  reference: string;
  kind: StopKind;
  status: BookingStatus;
  customerName: string;
  address: Address;
  point?: GeoPoint;
  /** The pickup window, for pickups. */
  windowStart?: string;
  windowEnd?: string;
  plannedArrival: string;
  /** Minutes after the window's end the courier is expected (0 when on time). */
  lateMinutes: number;
};

export type DeliverySequence = {
  courierId: string;
  day: string;
  /** True when the order is the courier's own (new stops inserted by the search), false when suggested. */
  manual: boolean;
  origin?: GeoPoint;
  distances: 'ROAD' | 'STRAIGHT_LINE';
  stops: SequencedStop[];
  finishAt: string;
  lateMinutes: number;
  computedAt: string;
};

export type DeliverySequenceDeps = {
  bookings: BookingRepository;
  sequences: ManualSequenceStore;
  clock: Clock;
  calendar: BusinessCalendar;
  routing?: RoutingPort;
  log?: { warn(message: string, detail?: unknown): void };
};

const OPEN_DELIVERY: readonly BookingStatus[] = ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'];
const MAX_STOPS = 200;

const degrees = (name: string, limit: number) =>
  z
    .number()
    .min(-limit, { message: `${name} must be between -${limit} and ${limit} degrees.` })
    .max(limit, { message: `${name} must be between -${limit} and ${limit} degrees.` })
    .nullish()
    .transform((v) => v ?? undefined);

const positionSchema = z
  .object({
    courierId: z
      .string()
      .trim()
      .nullish()
      .transform((v) => v || undefined),
    lat: degrees('lat', 90),
    lng: degrees('lng', 180),
  })
  .refine((v) => (v.lat === undefined) === (v.lng === undefined), {
    message: 'lat and lng come together: give both or neither.',
    path: ['lng'],
  });

const stopKeySchema = z.object({
  reference: z.string().trim().min(1),
  kind: z.enum(STOP_KINDS),
});

const orderSchema = z.object({
  stops: z
    .array(stopKeySchema)
    .min(1, { message: 'stops must list at least one stop; to go back to the suggested order, reset it instead.' })
    .max(MAX_STOPS, { message: `stops can list at most ${MAX_STOPS} stops.` }),
});

function pick(input: unknown, fields: string[]): Record<string, unknown> {
  const source = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  return Object.fromEntries(fields.filter((f) => f in source).map((f) => [f, source[f]]));
}

const keyOf = (reference: string, kind: StopKind) => `${reference}#${kind}`;

type Stop = SequenceStop & { key: string; booking: Booking; kind: StopKind; point?: GeoPoint };

/** Which courier a request is about: couriers only themselves, admins anyone (named); nobody else. */
function courierFor(principal: Principal, courierId: string | undefined): string {
  switch (principal.role) {
    case 'COURIER':
      if (courierId !== undefined && courierId !== principal.courierId) {
        throw new ForbiddenError("You can only see and change your own stops' order.", {
          resolution: 'Leave courierId out to get your own.',
        });
      }
      return principal.courierId;
    case 'ADMIN':
      if (courierId === undefined) {
        throw new ValidationError('courierId is required: name the courier whose stops to order.', {
          field: 'courierId',
        });
      }
      // Looked up by key: an id longer than any courier's is refused by name, not by the table (issue 13 fuzzing).
      if (courierId.length > 64) {
        throw new ValidationError('courierId is too long; courier ids look like courier-07 (at most 64 characters).', {
          field: 'courierId',
        });
      }
      return courierId;
    case 'PARTNER':
    case 'SERVICE':
    case 'PUBLIC':
      throw new ForbiddenError("Only couriers and administrators can see a courier's delivery sequence.");
  }
}

async function openStops(courierId: string, day: string, deps: DeliverySequenceDeps, now: Date): Promise<Stop[]> {
  const bookings: Booking[] = [];
  let nextToken: string | undefined;
  do {
    const page = await deps.bookings.query({ by: 'courier', courierId, day }, { limit: 100, nextToken });
    bookings.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken && bookings.length < MAX_STOPS);
  bookings.sort((a, b) => a.reference.localeCompare(b.reference));
  const stops: Stop[] = [];
  const fromNow = (iso: string) => (Date.parse(iso) - now.getTime()) / 1000;
  for (const booking of bookings) {
    if (booking.courierId !== courierId) continue;
    if (booking.status === 'BOOKED') {
      stops.push({
        key: keyOf(booking.reference, 'PICKUP'),
        booking,
        kind: 'PICKUP',
        point: booking.pickup.point,
        readyS: Math.max(0, fromNow(booking.pickupWindow.start)),
        dueS: fromNow(booking.pickupWindow.end),
        serviceS: PICKUP_SERVICE_MINUTES * 60,
      });
      stops.push({
        key: keyOf(booking.reference, 'DELIVERY'),
        booking,
        kind: 'DELIVERY',
        point: booking.delivery.point,
        serviceS: DELIVERY_SERVICE_MINUTES * 60,
        after: stops.length - 1,
      });
    } else if (OPEN_DELIVERY.includes(booking.status)) {
      stops.push({
        key: keyOf(booking.reference, 'DELIVERY'),
        booking,
        kind: 'DELIVERY',
        point: booking.delivery.point,
        serviceS: DELIVERY_SERVICE_MINUTES * 60,
      });
    }
  }
  return stops;
}

/** Seconds between every two points (index 0 the courier); a missing point is a typical cross-town trip away. */
export function straightLineTravelTimes(points: readonly (GeoPoint | undefined)[]): Float64Array {
  const size = points.length;
  const travel = new Float64Array(size * size);
  const perKm = 3600 / URBAN_SPEED_KPH;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      if (i === j) continue;
      const a = points[i];
      const b = points[j];
      // Where the courier stands is unknown: every first leg costs the same, so the order follows the stops.
      if (i === 0 && !a) continue;
      const km = a && b ? haversineKm(a, b) * DETOUR_FACTOR : FALLBACK_DISTANCE_KM;
      travel[i * size + j] = km * perKm;
    }
  }
  return travel;
}

async function travelTimes(
  origin: GeoPoint | undefined,
  stops: Stop[],
  deps: DeliverySequenceDeps,
): Promise<{ travelS: Float64Array; distances: DeliverySequence['distances'] }> {
  const points = [origin, ...stops.map((s) => s.point)];
  if (deps.routing && points.every((p) => p !== undefined)) {
    try {
      const road = await deps.routing.travelTimes(points as GeoPoint[]);
      if (road.length !== points.length * points.length || !Array.from(road).every(Number.isFinite)) {
        throw new Error(`the routing service gave ${road.length} travel times for ${points.length} points`);
      }
      return { travelS: Float64Array.from(road), distances: 'ROAD' };
    } catch (e) {
      deps.log?.warn('road travel times unavailable; sequencing on straight lines', e);
    }
  }
  return { travelS: straightLineTravelTimes(points), distances: 'STRAIGHT_LINE' };
}

async function sequenceFor(
  courierId: string,
  origin: GeoPoint | undefined,
  deps: DeliverySequenceDeps,
): Promise<DeliverySequence> {
  const now = deps.clock.now();
  const day = deps.calendar.dayOf(now);
  const [stops, manual] = await Promise.all([openStops(courierId, day, deps, now), deps.sequences.get(courierId, day)]);
  const { travelS, distances } = await travelTimes(origin, stops, deps);
  const problem = { stops, travelS };
  let order: number[];
  if (manual) {
    const index = new Map(stops.map((s, i) => [s.key, i]));
    const kept = manual.stops.flatMap((key) => (index.has(key) ? [index.get(key)!] : []));
    order = insertIntoOrder(problem, kept).order;
  } else {
    order = sequenceStops(problem, { seed: 1 }).order;
  }
  const schedule = scheduleOf(problem, order);
  const at = (seconds: number) => new Date(now.getTime() + Math.round(seconds) * 1000).toISOString();
  const minutes = (seconds: number) => Math.round(seconds / 60);
  return {
    courierId,
    day,
    manual: manual !== undefined,
    ...(origin ? { origin } : {}),
    distances,
    stops: order.map((i) => {
      const stop = stops[i]!;
      const b = stop.booking;
      return {
        reference: b.reference,
        kind: stop.kind,
        status: b.status,
        customerName: b.customerName,
        address: stop.kind === 'PICKUP' ? b.pickup : b.delivery,
        ...(stop.point ? { point: stop.point } : {}),
        ...(stop.kind === 'PICKUP' ? { windowStart: b.pickupWindow.start, windowEnd: b.pickupWindow.end } : {}),
        plannedArrival: at(schedule.arriveS[i]!),
        lateMinutes: minutes(schedule.lateS[i]!),
      };
    }),
    finishAt: at(schedule.finishS),
    lateMinutes: minutes(schedule.lateS.reduce((sum, s) => sum + s, 0)),
    computedAt: now.toISOString(),
  };
}

/**
 * The order to work today's open stops in: a booked parcel's pickup and delivery, a collected one's delivery.
 * Starts from `lat`/`lng` (the phone's position) when given; otherwise from the courier's last reported position.
 */
export async function suggestDeliverySequence(
  input: unknown,
  principal: Principal,
  deps: DeliverySequenceDeps & { couriers: { get(id: string): Promise<{ lastLocation?: GeoPoint } | undefined> } },
): Promise<DeliverySequence> {
  const parsed = parseInput(positionSchema, input ?? {}, 'position');
  const courierId = courierFor(principal, parsed.courierId);
  let origin: GeoPoint | undefined =
    parsed.lat !== undefined && parsed.lng !== undefined ? { lat: parsed.lat, lng: parsed.lng } : undefined;
  if (!origin) {
    const last = (await deps.couriers.get(courierId))?.lastLocation;
    if (last) origin = { lat: last.lat, lng: last.lng };
  }
  return sequenceFor(courierId, origin, deps);
}

/**
 * Keeps the courier's own order for today. Every stop named must be one of the courier's open stops, once, with
 * each parcel's pickup before its delivery; stops left out (or added later) are put in by the search.
 */
export async function setDeliverySequence(
  input: unknown,
  principal: Principal,
  deps: DeliverySequenceDeps & { couriers: { get(id: string): Promise<{ lastLocation?: GeoPoint } | undefined> } },
): Promise<DeliverySequence> {
  const position = parseInput(positionSchema, pick(input, ['courierId', 'lat', 'lng']), 'position');
  // Who may change this courier's order is settled before the order itself is looked at.
  const courierId = courierFor(principal, position.courierId);
  const parsed = { ...position, ...parseInput(orderSchema, pick(input, ['stops']), 'order') };
  const now = deps.clock.now();
  const day = deps.calendar.dayOf(now);
  const open = new Map((await openStops(courierId, day, deps, now)).map((s) => [s.key, s]));
  const seen = new Set<string>();
  parsed.stops.forEach((s, k) => {
    const key = keyOf(s.reference, s.kind);
    const field = `stops[${k}]`;
    if (!open.has(key)) {
      throw new ValidationError(`${field}: ${s.reference} has no open ${s.kind.toLowerCase()} in today's stops.`, {
        field,
        resolution: 'Reload the route: the stop may be done, cancelled or given to another courier.',
      });
    }
    if (seen.has(key)) throw new ValidationError(`${field}: ${key} is listed twice.`, { field });
    if (s.kind === 'DELIVERY' && open.has(keyOf(s.reference, 'PICKUP')) && !seen.has(keyOf(s.reference, 'PICKUP'))) {
      throw new ValidationError(`${field}: ${s.reference} must be picked up before it is delivered.`, {
        field,
        resolution: `Put the pickup of ${s.reference} above its delivery.`,
      });
    }
    seen.add(key);
  });
  await deps.sequences.put({
    courierId,
    day,
    stops: parsed.stops.map((s) => keyOf(s.reference, s.kind)),
    setAt: now.toISOString(),
    setBy: actorFor(principal),
  });
  return suggestDeliverySequence({ courierId, lat: parsed.lat, lng: parsed.lng }, principal, deps);
}

/** Drops the courier's own order for today: the suggested one is shown again. */
export async function resetDeliverySequence(
  input: unknown,
  principal: Principal,
  deps: DeliverySequenceDeps & { couriers: { get(id: string): Promise<{ lastLocation?: GeoPoint } | undefined> } },
): Promise<DeliverySequence> {
  const parsed = parseInput(positionSchema, input ?? {}, 'position');
  const courierId = courierFor(principal, parsed.courierId);
  await deps.sequences.remove(courierId, deps.calendar.dayOf(deps.clock.now()));
  return suggestDeliverySequence({ courierId, lat: parsed.lat, lng: parsed.lng }, principal, deps);
}
