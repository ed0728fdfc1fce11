// Dashboard rollup maths: what each booking and feedback contributes to the per-day counters, the delta a
// change makes, the idempotent application of a delta, and the KPIs read back from the counters. Pure: the
// change-feed aggregator (src/api) and the rollup repository (src/data) apply exactly these rules.
import type { BusinessCalendar } from './business-calendar';
import type { Booking, BookingStatus, Feedback } from './model';
import { BOOKING_STATUSES } from './model';
import { isTerminal } from './status-machine';

/** Counter names of a day rollup; `status.<STATUS>` counts the day's bookings currently in that status. */
export const COUNTERS = [
  'bookings',
  ...BOOKING_STATUSES.map((s) => `status.${s}` as const),
  'voiceBookings',
  'deliveredTimed',
  'deliveryMsSum',
  'feedback',
  'ratings',
  'ratingSum',
  'ratingsHigh',
  'complaints',
  'flagged',
  'voiceFeedback',
] as const;
export type CounterName = (typeof COUNTERS)[number];
export type Counters = Partial<Record<CounterName, number>>;

/** One counter increment of one company day. */
export type Contribution = { day: string; counter: CounterName; value: number };

/** Milliseconds from the last collection to the delivery, when the booking has both events. */
export function deliveryDurationMs(booking: Booking): number | undefined {
  if (booking.status !== 'DELIVERED') return undefined;
  const delivered = booking.history.findLast((e) => e.status === 'DELIVERED');
  const collected = booking.history.findLast((e) => e.status === 'COLLECTED');
  if (!delivered || !collected) return undefined;
  const ms = Date.parse(delivered.at) - Date.parse(collected.at);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/**
 * A booking counts on its pickup day (the day the map and day lists file it under); a call the bot took
 * counts on the day the call happened (creation).
 */
export function bookingContributions(booking: Booking, calendar: BusinessCalendar): Contribution[] {
  const day = calendar.dayOf(booking.pickupWindow.start);
  const out: Contribution[] = [
    { day, counter: 'bookings', value: 1 },
    { day, counter: `status.${booking.status}`, value: 1 },
  ];
  if (booking.channel === 'VOICE')
    out.push({ day: calendar.dayOf(booking.createdAt), counter: 'voiceBookings', value: 1 });
  const ms = deliveryDurationMs(booking);
  if (ms !== undefined) {
    out.push({ day, counter: 'deliveredTimed', value: 1 }, { day, counter: 'deliveryMsSum', value: ms });
  }
  return out;
}

/** Feedback counts on the day it was given. */
export function feedbackContributions(feedback: Feedback, calendar: BusinessCalendar): Contribution[] {
  const day = calendar.dayOf(feedback.createdAt);
  const out: Contribution[] = [{ day, counter: 'feedback', value: 1 }];
  if (feedback.rating !== undefined) {
    out.push({ day, counter: 'ratings', value: 1 }, { day, counter: 'ratingSum', value: feedback.rating });
    if (feedback.rating >= 4) out.push({ day, counter: 'ratingsHigh', value: 1 });
  }
  if (feedback.type === 'COMPLAINT') out.push({ day, counter: 'complaints', value: 1 });
  if (feedback.flagged) out.push({ day, counter: 'flagged', value: 1 });
  if (feedback.channel === 'VOICE') out.push({ day, counter: 'voiceFeedback', value: 1 });
  return out;
}

/** Per-day counter deltas that turn the `before` contributions into the `after` ones (zeros dropped). */
export function contributionDelta(before: Contribution[], after: Contribution[]): Map<string, Counters> {
  const sums = new Map<string, Counters>();
  const add = (c: Contribution, sign: number) => {
    const day = sums.get(c.day) ?? {};
    day[c.counter] = (day[c.counter] ?? 0) + sign * c.value;
    sums.set(c.day, day);
  };
  for (const c of before) add(c, -1);
  for (const c of after) add(c, 1);
  const out = new Map<string, Counters>();
  for (const [day, counters] of sums) {
    const nonZero = Object.fromEntries(Object.entries(counters).filter(([, v]) => v !== 0)) as Counters;
    if (Object.keys(nonZero).length > 0) out.set(day, nonZero);
  }
  return out;
}

/**
 * One guarded increment of a day's rollup: `source` identifies the changed item ("b:<reference>") and
 * `version` orders its changes, so a redelivered stream record (same or older version) changes nothing.
 * `final` marks the source's removal: no later change of it can follow, so its guard may expire once the
 * stream can no longer redeliver older records.
 */
export type RollupChange = { day: string; source: string; version: number; delta: Counters; final?: true };

/**
 * The rollup changes one booking stream record makes. A removal (TTL expiry) takes the booking's counts
 * away under version+1, so the removal itself is also applied once only.
 */
export function bookingRollupChanges(
  before: Booking | undefined,
  after: Booking | undefined,
  calendar: BusinessCalendar,
): RollupChange[] {
  const current = after ?? before;
  if (!current) return [];
  const version = after ? after.version : before!.version + 1;
  const delta = contributionDelta(
    before ? bookingContributions(before, calendar) : [],
    after ? bookingContributions(after, calendar) : [],
  );
  return [...delta].map(([day, counters]) => ({
    day,
    source: `b:${current.reference}`,
    version,
    delta: counters,
    ...(after ? {} : { final: true as const }),
  }));
}

/** Feedback is written once and only ever removed by retention: version 1 adds it, version 2 takes it away. */
export function feedbackRollupChanges(
  before: Feedback | undefined,
  after: Feedback | undefined,
  calendar: BusinessCalendar,
): RollupChange[] {
  if (before && after) return [];
  const current = after ?? before;
  if (!current) return [];
  const delta = contributionDelta(
    before ? feedbackContributions(before, calendar) : [],
    after ? feedbackContributions(after, calendar) : [],
  );
  const version = after ? 1 : 2;
  return [...delta].map(([day, counters]) => ({
    day,
    source: `f:${current.reference}`,
    version,
    delta: counters,
    ...(after ? {} : { final: true as const }),
  }));
}

/** A day rollup (or one shard of it): its counters and, per source, the last version applied. */
export type RollupState = { counters: Counters; applied: Record<string, number> };

export const emptyRollup = (): RollupState => ({ counters: {}, applied: {} });

/** Applies a change unless its source already reached that version: the rule the repository's condition encodes. */
export function applyRollupChange(state: RollupState, change: RollupChange): RollupState {
  const last = state.applied[change.source];
  if (last !== undefined && last >= change.version) return state;
  const counters = { ...state.counters };
  for (const [name, value] of Object.entries(change.delta) as [CounterName, number][]) {
    counters[name] = (counters[name] ?? 0) + value;
  }
  return { counters, applied: { ...state.applied, [change.source]: change.version } };
}

/** Sums shards of a day's rollup. */
export function sumCounters(parts: Counters[]): Counters {
  const out: Counters = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part) as [CounterName, number][]) out[name] = (out[name] ?? 0) + value;
  }
  return out;
}

/**
 * A day's counters are split in shards by source so that a busy day's increments spread over several items
 * (DynamoDB throttles writes per item); the dashboard reads all of them, each a fixed set of counters.
 */
export const ROLLUP_SHARDS = 16;

/** Stable shard of a source (FNV-1a). */
export function rollupShard(source: string, shards = ROLLUP_SHARDS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < source.length; i++) {
    hash ^= source.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shards;
}

export type DayKpis = {
  bookings: number;
  statusCounts: { status: BookingStatus; count: number }[];
  inTransit: number;
  delivered: number;
  failed: number;
  /** Delivered out of finished attempts (delivered, failed, returned); null before any. */
  deliverySuccessRate: number | null;
  /** Mean minutes from collection to delivery; null before any timed delivery. */
  averageDeliveryMinutes: number | null;
  averageRating: number | null;
  /** Share of ratings that are 4 or 5. */
  satisfiedShare: number | null;
  ratings: number;
  feedback: number;
  complaints: number;
  flaggedComplaints: number;
  voiceBookings: number;
  voiceFeedback: number;
  /** Bookings and feedback the voicebot took (one call each). */
  callsHandled: number;
};

const IN_TRANSIT: readonly BookingStatus[] = ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'];

export function dayKpis(counters: Counters): DayKpis {
  const n = (name: CounterName) => Math.max(0, counters[name] ?? 0);
  const ratio = (num: number, den: number) => (den > 0 ? num / den : null);
  const delivered = n('status.DELIVERED');
  const failed = n('status.FAILED_DELIVERY') + n('status.RETURNED');
  const ratings = n('ratings');
  const avgMs = ratio(n('deliveryMsSum'), n('deliveredTimed'));
  return {
    bookings: n('bookings'),
    statusCounts: BOOKING_STATUSES.map((status) => ({ status, count: n(`status.${status}`) })),
    inTransit: IN_TRANSIT.reduce((sum, s) => sum + n(`status.${s}`), 0),
    delivered,
    failed,
    deliverySuccessRate: ratio(delivered, delivered + failed),
    averageDeliveryMinutes: avgMs === null ? null : avgMs / 60_000,
    averageRating: ratio(n('ratingSum'), ratings),
    satisfiedShare: ratio(n('ratingsHigh'), ratings),
    ratings,
    feedback: n('feedback'),
    complaints: n('complaints'),
    flaggedComplaints: n('flagged'),
    voiceBookings: n('voiceBookings'),
    voiceFeedback: n('voiceFeedback'),
    callsHandled: n('voiceBookings') + n('voiceFeedback'),
  };
}

/** A booking the delayed-delivery alert watches: not finished and with an ETA. */
export type DeliveryWatch = {
  day: string;
  reference: string;
  eta: string;
  status: BookingStatus;
  courierId?: string;
  version: number;
};

/** Delivered, returned and cancelled bookings can no longer be late; the others are watched once they have an ETA. */
export function deliveryWatch(booking: Booking, calendar: BusinessCalendar): DeliveryWatch | undefined {
  if (isTerminal(booking.status) || !booking.eta) return undefined;
  return {
    day: calendar.dayOf(booking.pickupWindow.start),
    reference: booking.reference,
    eta: booking.eta,
    status: booking.status,
    ...(booking.courierId ? { courierId: booking.courierId } : {}),
    version: booking.version,
  };
}

export function minutesLate(watch: Pick<DeliveryWatch, 'eta'>, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(watch.eta)) / 60_000));
}
