// The rest of a courier's "My performance" page (Req 11.9-11.10, 12.2-12.8) beside their figures
// (getCourierPerformance): earnings at the admins' rate card, suggestions drawn from their figures against the
// fleet's, their past deliveries with each one's status timeline (searchable), and what customers said about
// them. Figures come from the change feed's series; lists from the courier indexes, a page at a time. A courier
// reads only their own; administrators anyone's.
import { z } from 'zod';
import { readTotal, type DayRange, type SeriesReader } from './analytics-range';
import { assertCourierReader, courierFigures, fleetLines } from './analytics-reports';
import { SERIES, type SeriesCounters } from './analytics-series';
import { ValidationError } from './errors';
import { assertIdLength } from './id-length';
import { dayString, optionalEnum, optionalText, pageSchema, parseInput, type PageInput } from './input-validation';
import {
  BOOKING_STATUSES,
  FAILURE_REASONS,
  type Booking,
  type Feedback,
  type FailureReason,
  type Principal,
} from './model';
import type { BookingRepository, Clock, FeedbackRepository, Page } from './ports';
import { addDays, type BusinessCalendar } from './business-calendar';
import {
  addEarnings,
  earningsOf,
  noEarnings,
  rateStretches,
  type EarningsFigures,
  type RateCardRepository,
} from './rate-card';

/** The courier a request is about: the one named, or the signed-in courier; checked against the caller. */
export function courierOf(courierId: string | null | undefined, principal: Principal): string {
  const id = courierId ?? (principal.role === 'COURIER' ? principal.courierId : undefined);
  if (!id && principal.role !== 'ADMIN') assertCourierReader(principal, '');
  if (!id)
    throw new ValidationError('courierId is required for an administrator.', {
      field: 'courierId',
      resolution: 'Name the courier, e.g. courier-07.',
    });
  assertIdLength(id, 'courierId', 'courier ids look like courier-07');
  assertCourierReader(principal, id);
  return id;
}

// ---- earnings (Req 12.4) ----

export type CourierEarnings = EarningsFigures & {
  courierId: string;
  from: string;
  to: string;
  currency: string;
  /** The rate card versions that applied, with the days each governed. */
  stretches: { from: string; to: string; version: number }[];
};

/**
 * What a courier earned over a range: each stretch of days at the rates in force then. Null when no rate card
 * applied to any day of the range ("if applicable": the page shows no earnings then).
 */
export async function getCourierEarnings(
  input: { courierId?: string | null; range: DayRange },
  principal: Principal,
  deps: { series: SeriesReader; rateCards: RateCardRepository },
): Promise<CourierEarnings | null> {
  const courierId = courierOf(input.courierId, principal);
  const stretches = rateStretches(await deps.rateCards.versions(), input.range).filter((s) => s.version.rates);
  if (stretches.length === 0) return null;
  const series = SERIES.courier(courierId);
  const parts = await Promise.all(
    stretches.map(async (s) => earningsOf(await readTotal(deps.series, series, s), s.version.rates!)),
  );
  // A company pays in one currency; a change of currency starts a new card, so the latest one is shown.
  const currency = stretches.at(-1)!.version.rates!.currency;
  return {
    courierId,
    from: input.range.from,
    to: input.range.to,
    currency,
    ...parts.reduce(addEarnings, noEarnings()),
    stretches: stretches.map((s) => ({ from: s.from, to: s.to, version: s.version.version })),
  };
}

// ---- suggestions (Req 12.8) ----

export type CourierSuggestion = {
  kind: 'FAILURE_REASON' | 'SLOW_DELIVERIES' | 'LATE_DELIVERIES' | 'LOW_RATING' | 'STRENGTH';
  title: string;
  detail: string;
  figures: { label: string; value: string }[];
};

/** Fewest finished attempts before a rate is compared with the fleet's: below it, chance speaks louder. */
export const MIN_ATTEMPTS = 5;
/** A failure reason this many times the fleet's rate (and seen at least twice) is worth a word. */
export const REASON_FACTOR = 1.5;
export const SLOW_FACTOR = 1.25;
export const LATE_GAP = 0.1;
export const RATING_GAP = 0.3;
export const MIN_RATINGS = 3;

const ADVICE: Record<FailureReason, string> = {
  RECIPIENT_ABSENT: 'call ahead on large parcels, and text the recipient when you set off',
  ADDRESS_NOT_FOUND: 'check the address and the pin before you leave, and call the customer when they disagree',
  ACCESS_DENIED: 'ask for the door code or the concierge when you call ahead',
  REFUSED_BY_RECIPIENT: 'confirm with the recipient that they expect the parcel before you go',
  DAMAGED: 'strap parcels in and keep fragile ones upright and on top',
  WEATHER_OR_ROAD: 'check traffic and the weather before each round and plan a second route',
  OTHER: 'write what happened in the note so that dispatch can help next time',
};

const pct = (x: number) => `${Math.round(x * 100)}%`;
const times = (x: number) => `${(Math.round(x * 10) / 10).toString()}×`;
const minutesText = (m: number) => `${Math.round(m)} min`;
const human = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ');

/**
 * Suggestions from a courier's counters against the whole fleet's: failure reasons met more often than the
 * fleet meets them, slower or later deliveries, lower ratings; and what they do better, when nothing is amiss.
 * Pure: `own` is the courier series, `fleet` the fleet series and `volumes` the company's volumes, over one range.
 */
export function suggestFor(own: SeriesCounters, fleet: SeriesCounters, volumes: SeriesCounters): CourierSuggestion[] {
  const me = courierFigures(own);
  const attempts = me.delivered + me.failed;
  const out: CourierSuggestion[] = [];
  const fleetAttempts = (volumes.delivered ?? 0) + (volumes.failed ?? 0);
  if (attempts >= MIN_ATTEMPTS && fleetAttempts > 0) {
    for (const reason of FAILURE_REASONS) {
      const mine = me.failureReasons.find((r) => r.reason === reason)!.count;
      const theirs = Math.max(0, volumes[`reason_${reason}`] ?? 0);
      if (mine < 2) continue;
      const myRate = mine / attempts;
      const fleetRate = theirs / fleetAttempts;
      if (fleetRate > 0 && myRate < REASON_FACTOR * fleetRate) continue;
      out.push({
        kind: 'FAILURE_REASON',
        title:
          fleetRate > 0
            ? `${human(reason)} is ${times(myRate / fleetRate)} the fleet rate`
            : `${human(reason)} happens to you and to no one else in the fleet`,
        detail: `${mine} of your ${attempts} delivery attempts failed as "${human(reason).toLowerCase()}" (${pct(myRate)}, the fleet ${pct(fleetRate)}): ${ADVICE[reason]}.`,
        figures: [
          { label: 'you', value: pct(myRate) },
          { label: 'fleet', value: pct(fleetRate) },
          { label: 'attempts', value: String(attempts) },
        ],
      });
    }
  }
  // The fleet's sums, not the mean of each courier's mean: a busy courier weighs more.
  let p2dMs = 0;
  let p2dN = 0;
  let onTime = 0;
  let onTimeBase = 0;
  let ratingSum = 0;
  let ratings = 0;
  for (const [key, value] of Object.entries(fleet)) {
    if (key.endsWith('_p2d_ms')) p2dMs += value;
    else if (key.endsWith('_p2d_n')) p2dN += value;
    else if (key.endsWith('_ontime_base')) onTimeBase += value;
    else if (key.endsWith('_ontime')) onTime += value;
    else if (key.endsWith('_rating_sum')) ratingSum += value;
    else if (key.endsWith('_ratings')) ratings += value;
  }
  const fleetMinutes = p2dN > 0 ? p2dMs / p2dN / 60_000 : null;
  if (me.averageDeliveryMinutes !== null && fleetMinutes !== null && (own.p2d_n ?? 0) >= MIN_ATTEMPTS) {
    if (me.averageDeliveryMinutes >= SLOW_FACTOR * fleetMinutes)
      out.push({
        kind: 'SLOW_DELIVERIES',
        title: `Your deliveries take ${times(me.averageDeliveryMinutes / fleetMinutes)} the fleet's time`,
        detail: `From pickup to delivery you average ${minutesText(me.averageDeliveryMinutes)}, the fleet ${minutesText(fleetMinutes)}: follow the suggested sequence and deliver parcels going the same way in one run.`,
        figures: [
          { label: 'you', value: minutesText(me.averageDeliveryMinutes) },
          { label: 'fleet', value: minutesText(fleetMinutes) },
        ],
      });
  }
  const fleetOnTime = onTimeBase > 0 ? onTime / onTimeBase : null;
  if (me.onTimeRate !== null && fleetOnTime !== null && (own.ontime_base ?? 0) >= MIN_ATTEMPTS) {
    if (me.onTimeRate <= fleetOnTime - LATE_GAP)
      out.push({
        kind: 'LATE_DELIVERIES',
        title: `${pct(me.onTimeRate)} of your deliveries arrive on time, the fleet ${pct(fleetOnTime)}`,
        detail:
          'Start with the parcels promised soonest (the day list puts the next stop first) and tell dispatch early when a round runs late.',
        figures: [
          { label: 'you', value: pct(me.onTimeRate) },
          { label: 'fleet', value: pct(fleetOnTime) },
        ],
      });
  }
  const fleetRating = ratings > 0 ? ratingSum / ratings : null;
  if (me.averageRating !== null && fleetRating !== null && me.ratings >= MIN_RATINGS) {
    if (me.averageRating <= fleetRating - RATING_GAP)
      out.push({
        kind: 'LOW_RATING',
        title: `Customers rate you ${me.averageRating.toFixed(1)} of 5, the fleet ${fleetRating.toFixed(1)}`,
        detail: 'Read what customers said below: most low ratings come from late or unannounced deliveries.',
        figures: [
          { label: 'you', value: me.averageRating.toFixed(1) },
          { label: 'fleet', value: fleetRating.toFixed(1) },
          { label: 'ratings', value: String(me.ratings) },
        ],
      });
  }
  if (out.length === 0 && attempts >= MIN_ATTEMPTS) {
    const lines = fleetLines(fleet).filter((l) => l.successRate !== null);
    const fleetSuccess =
      lines.reduce((s, l) => s + l.delivered, 0) /
      Math.max(
        1,
        lines.reduce((s, l) => s + l.delivered + l.failed, 0),
      );
    out.push({
      kind: 'STRENGTH',
      title: 'Nothing to improve against the fleet',
      detail: `You delivered ${pct(me.successRate ?? 0)} of your attempts (the fleet ${pct(fleetSuccess)}), with no failure reason, delivery time, punctuality or rating behind the fleet's: keep it up.`,
      figures: [
        { label: 'you', value: pct(me.successRate ?? 0) },
        { label: 'fleet', value: pct(fleetSuccess) },
      ],
    });
  }
  return out;
}

export async function getCourierSuggestions(
  input: { courierId?: string | null; range: DayRange },
  principal: Principal,
  deps: { series: SeriesReader },
): Promise<CourierSuggestion[]> {
  const courierId = courierOf(input.courierId, principal);
  const [own, fleet, volumes] = await Promise.all([
    readTotal(deps.series, SERIES.courier(courierId), input.range),
    readTotal(deps.series, SERIES.fleet, input.range),
    readTotal(deps.series, SERIES.volumes, input.range),
  ]);
  return suggestFor(own, fleet, volumes);
}

// ---- delivery history (Req 12.5) ----

export const historyFilterSchema = z.object({
  search: optionalText('search', 100),
  status: optionalEnum([...BOOKING_STATUSES]),
  from: dayString.nullish().transform((d) => d ?? undefined),
  to: dayString.nullish().transform((d) => d ?? undefined),
});

/** Index items looked at per request at most: a rare search over a long history is paged with nextToken. */
export const MAX_EXAMINED = 400;
const INDEX_PAGE = 100;
const SEARCH_PAGE = 25;

/** Whether a booking matches every word of a search, in its reference, names, addresses, notes and reasons. */
export function matchesSearch(b: Booking, search: string): boolean {
  const haystack = [
    b.reference,
    b.customerName,
    b.pickup.line1,
    b.pickup.city,
    b.pickup.postcode,
    b.delivery.line1,
    b.delivery.city,
    b.delivery.postcode,
    b.package.description ?? '',
    b.status.replace(/_/g, ' '),
    ...b.history.flatMap((e) => [
      e.note ?? '',
      e.failureReason?.replace(/_/g, ' ') ?? '',
      e.proof?.recipientName ?? '',
    ]),
  ]
    .join(' \u0000 ')
    .toLowerCase();
  return search
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * A courier's past deliveries (picked up before today unless `to` says otherwise), newest pickup day first, each
 * with its whole status history: through the courier index between two days, filtered by status and by the words
 * of a search. At most MAX_EXAMINED index items are read per call; nextToken resumes after the last one read.
 */
export async function searchDeliveryHistory(
  input: {
    courierId?: string | null;
    search?: string | null;
    status?: string | null;
    from?: string | null;
    to?: string | null;
  },
  page: PageInput | null | undefined,
  principal: Principal,
  deps: { bookings: BookingRepository; calendar: BusinessCalendar; clock: Clock },
): Promise<Page<Booking>> {
  const courierId = courierOf(input.courierId, principal);
  const f = parseInput(
    historyFilterSchema,
    { search: input.search, status: input.status, from: input.from, to: input.to },
    'filter',
  );
  if (f.from && f.to && f.to < f.from)
    throw new ValidationError(`to (${f.to}) is before from (${f.from}).`, {
      field: 'to',
      resolution: 'Give a last day on or after the first day.',
    });
  const p = parseInput(pageSchema, page, 'page');
  // Past deliveries: today's are on the courier's day list; a `to` of today or later asks for them too.
  const to = f.to ?? addDays(deps.calendar.dayOf(deps.clock.now()), -1);
  const items: Booking[] = [];
  let token = p.nextToken;
  let examined = 0;
  do {
    // Without a search nearly every item matches: read just what the page needs. A search reads more at a time
    // (a page may then hold up to that many more than the limit; nothing is skipped, only shown now).
    const remaining = p.limit - items.length;
    const size = f.search ? Math.min(INDEX_PAGE, Math.max(SEARCH_PAGE, 3 * remaining)) : remaining;
    const got = await deps.bookings.query(
      {
        by: 'courier',
        courierId,
        newestFirst: true,
        to,
        ...(f.from ? { from: f.from } : {}),
      },
      { limit: size, ...(token ? { nextToken: token } : {}) },
    );
    examined += got.items.length;
    for (const b of got.items) {
      if (b.courierId !== courierId) continue;
      if (f.status && b.status !== f.status) continue;
      if (f.search && !matchesSearch(b, f.search)) continue;
      items.push(b);
    }
    token = got.nextToken;
  } while (token && items.length < p.limit && examined < MAX_EXAMINED);
  return { items, ...(token ? { nextToken: token } : {}) };
}

// ---- what customers said (Req 12.3) ----

/** Feedback on a courier's deliveries, newest first, through the feedback's courier index. */
export async function listCourierFeedback(
  input: { courierId?: string | null },
  page: PageInput | null | undefined,
  principal: Principal,
  deps: { feedback: FeedbackRepository },
): Promise<Page<Feedback>> {
  const courierId = courierOf(input.courierId, principal);
  const p = parseInput(pageSchema, page, 'page');
  const got = await deps.feedback.query({ by: 'courier', courierId, newestFirst: true }, p);
  return {
    items: got.items.filter((x) => x.courierId === courierId),
    ...(got.nextToken ? { nextToken: got.nextToken } : {}),
  };
}
