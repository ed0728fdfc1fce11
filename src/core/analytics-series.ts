// Analytics rollups (Req 10, 12): what each booking and feedback contributes to per-day counters of named
// series (volumes, regions, routes, couriers, the fleet, partners, the heat grid), kept for the company's day,
// ISO week and month alike, so that any range is read from a handful of items whatever its volume. Pure: the
// change-feed aggregator (src/api), the backfill and the repository (src/data) apply exactly these rules.
import { monthOf, weekOf, type BusinessCalendar } from './business-calendar';
import { estimateEta, estimateRoadKm } from './eta';
import { serviceRegionOf } from './geo/service-regions';
import type { AuditEntry, Booking, Feedback, GeoPoint } from './model';
import { deliveryDurationMs } from './analytics';

/** Counters of one series bucket, by counter name (letters, digits, `_` and `-` only). */
export type SeriesCounters = Record<string, number>;

export type Granularity = 'day' | 'week' | 'month';
export const GRANULARITIES: readonly Granularity[] = ['day', 'week', 'month'];

/**
 * A bucket of a series: a company day (YYYY-MM-DD), an ISO week named by its Monday (YYYY-MM-DD) or a month
 * (YYYY-MM). Every contribution is counted in its day's three buckets.
 */
export type BucketKey = { granularity: Granularity; id: string };

export function bucketsOfDay(day: string): BucketKey[] {
  return [
    { granularity: 'day', id: day },
    { granularity: 'week', id: weekOf(day) },
    { granularity: 'month', id: monthOf(day) },
  ];
}

/**
 * The buckets a series counts a day's contribution in. A week-only series (the heat grid) has no day items, so
 * its "month" is the month's weeks — those whose Monday falls in it — and a week-aligned range is covered
 * exactly by whole such months and the weeks left over.
 */
export function bucketsOf(series: string, day: string): BucketKey[] {
  if (!WEEKS_ONLY.has(series)) return bucketsOfDay(day);
  const week = weekOf(day);
  return [
    { granularity: 'week', id: week },
    { granularity: 'month', id: monthOf(week) },
  ];
}

/** The series a contribution goes to; the heat grid is kept per ISO week and months of weeks (read by whole weeks). */
export const SERIES = {
  volumes: 'vol',
  feedback: 'fb',
  regions: 'regions',
  routes: 'routes',
  fleet: 'fleet',
  geo: 'geo',
  /** Every partner's figures, counters named `<partnerId>_<counter>` (partner ids have no `_`). */
  partners: 'partners',
  courier: (courierId: string) => `courier.${courierId}`,
} as const;

const WEEKS_ONLY: ReadonlySet<string> = new Set([SERIES.geo]);

/** Whether a series keeps day items (a week-only series keeps weeks and months of weeks: see bucketsOf). */
export function seriesKeepsDays(series: string): boolean {
  return !WEEKS_ONLY.has(series);
}

/** One counter increment of one series on one company day. */
export type SeriesContribution = { series: string; day: string; counter: string; value: number };

/** Region id of an address's postcode, `other` outside the service regions. */
export function regionIdOf(postcode: string | undefined): string {
  return serviceRegionOf(postcode)?.id ?? 'other';
}

// ---- durations ----

/**
 * Duration histogram: bucket 0 is under a minute, bucket k (1…HISTOGRAM_TOP) holds [60 s·r^(k-1), 60 s·r^k),
 * the top bucket everything longer. With r = 1.2 a percentile read from it is within 10 % of the exact one.
 */
export const HISTOGRAM_RATIO = 1.2;
export const HISTOGRAM_TOP = 56;

export function histogramBucket(ms: number): number {
  if (ms < 60_000) return 0;
  const k = Math.floor(Math.log(ms / 60_000) / Math.log(HISTOGRAM_RATIO)) + 1;
  return Math.min(HISTOGRAM_TOP, k);
}

/** The lower and upper edges of a histogram bucket, in milliseconds. */
export function histogramEdges(bucket: number): [number, number] {
  if (bucket <= 0) return [0, 60_000];
  return [60_000 * HISTOGRAM_RATIO ** (bucket - 1), 60_000 * HISTOGRAM_RATIO ** bucket];
}

/**
 * The q-quantile (0 < q ≤ 1) of a histogram stored as counters `<prefix>_h<k>`: the geometric middle of the
 * bucket holding the rank ⌈q·n⌉, so within a bucket's half-width (≤ 10 %) of the exact value. Null when empty.
 */
export function quantileMs(counters: SeriesCounters, prefix: string, q: number): number | null {
  const buckets: [number, number][] = [];
  for (let k = 0; k <= HISTOGRAM_TOP; k++) {
    const n = counters[`${prefix}_h${k}`] ?? 0;
    if (n > 0) buckets.push([k, n]);
  }
  const total = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [k, n] of buckets) {
    seen += n;
    if (seen >= rank) {
      const [low, high] = histogramEdges(k);
      return k === 0 ? 30_000 : Math.sqrt(low * high);
    }
  }
  return null;
}

/** Milliseconds from booking to the first collection, when collected. */
export function bookingToPickupMs(booking: Booking): number | undefined {
  const collected = booking.history.find((e) => e.status === 'COLLECTED');
  if (!collected) return undefined;
  const ms = Date.parse(collected.at) - Date.parse(booking.createdAt);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/**
 * The time the customer was promised delivery by: the end of the pickup window plus the trip the ETA model
 * estimates from there (what "delivered on time" is measured against).
 */
export function promisedDeliveryBy(booking: Booking): number {
  const eta = estimateEta({ ...booking, status: 'COLLECTED' }, new Date(booking.pickupWindow.end));
  return Date.parse(eta ?? booking.pickupWindow.end);
}

/** Whether a delivered booking arrived by its promised time; undefined unless delivered. */
export function deliveredOnTime(booking: Booking): boolean | undefined {
  if (booking.status !== 'DELIVERED') return undefined;
  const delivered = booking.history.findLast((e) => e.status === 'DELIVERED');
  if (!delivered) return undefined;
  return Date.parse(delivered.at) <= promisedDeliveryBy(booking);
}

/** Whether a collected booking was collected by the end of its pickup window; undefined before collection. */
export function collectedInWindow(booking: Booking): boolean | undefined {
  const collected = booking.history.find((e) => e.status === 'COLLECTED');
  if (!collected) return undefined;
  return Date.parse(collected.at) <= Date.parse(booking.pickupWindow.end);
}

// ---- the heat grid ----

/**
 * Heat-grid cells: 0.008° of latitude (≈ 890 m) by 0.012° of longitude (≈ 900 m at Seattle's latitude): about
 * 400 cells over the service area, so a grid item's size is bounded by the area, not by the deliveries in it
 * (the demo company's 614 delivery points over its 60 days fall in 175 cells, nine such companies' in 240; at
 * 450 m it was 319 and 680). At the analytics map's zoom a cell is ~17 px, within the heat layer's blur.
 */
export const GEO_CELL = { lat: 0.008, lng: 0.012 } as const;

export function geoCellOf(point: GeoPoint): string {
  return `${Math.floor(point.lat / GEO_CELL.lat)}_${Math.floor(point.lng / GEO_CELL.lng)}`;
}

/** The centre of a cell named by `geoCellOf`. */
export function geoCellCentre(cell: string): GeoPoint | undefined {
  const m = /^(-?\d+)_(-?\d+)$/.exec(cell);
  if (!m) return undefined;
  return { lat: (Number(m[1]) + 0.5) * GEO_CELL.lat, lng: (Number(m[2]) + 0.5) * GEO_CELL.lng };
}

// ---- contributions ----

const pad2 = (n: number) => String(n).padStart(2, '0');

function lastFailureReason(booking: Booking): string {
  return booking.history.findLast((e) => e.status === 'FAILED_DELIVERY')?.failureReason ?? 'OTHER';
}

/** Whether a booking's status ends it as a failure (failed delivery, or returned to the sender). */
const isFailure = (b: Booking) => b.status === 'FAILED_DELIVERY' || b.status === 'RETURNED';

/**
 * A booking counts on its pickup day (as in the dashboard, the day lists and the reports), in every series it
 * belongs to: volumes by channel, its delivery region's times, the routes, its courier and the fleet, its
 * partner, and the heat grid.
 */
export function bookingSeriesContributions(booking: Booking, calendar: BusinessCalendar): SeriesContribution[] {
  const day = calendar.dayOf(booking.pickupWindow.start);
  const out: SeriesContribution[] = [];
  const add = (series: string, counter: string, value = 1) => out.push({ series, day, counter, value });
  const ch = booking.channel;
  const cancelled = booking.status === 'CANCELLED';
  const delivered = booking.status === 'DELIVERED';
  const failed = isFailure(booking);

  // Volumes.
  for (const prefix of ['', `${ch}_`]) {
    add(SERIES.volumes, `${prefix}bookings`);
    if (delivered) add(SERIES.volumes, `${prefix}delivered`);
    if (failed) add(SERIES.volumes, `${prefix}failed`);
    if (booking.status === 'RETURNED') add(SERIES.volumes, `${prefix}returned`);
    if (cancelled) add(SERIES.volumes, `${prefix}cancelled`);
  }
  if (failed) add(SERIES.volumes, `reason_${lastFailureReason(booking)}`);

  // Times by the delivery region.
  const region = regionIdOf(booking.delivery.postcode);
  const r = (counter: string, value = 1) => add(SERIES.regions, `${region}_${counter}`, value);
  r('bookings');
  if (delivered) r('delivered');
  if (failed) r('failed');
  if (cancelled) r('cancelled');
  const b2p = bookingToPickupMs(booking);
  if (b2p !== undefined) {
    r('b2p_n');
    r('b2p_ms', b2p);
    r(`b2p_h${histogramBucket(b2p)}`);
  }
  const p2d = deliveryDurationMs(booking);
  if (p2d !== undefined) {
    r('p2d_n');
    r('p2d_ms', p2d);
    r(`p2d_h${histogramBucket(p2d)}`);
  }
  const onTime = deliveredOnTime(booking);
  if (onTime !== undefined) {
    r('ontime_base');
    if (onTime) r('ontime');
  }
  const inWindow = collectedInWindow(booking);
  if (inWindow !== undefined) {
    r('pickup_base');
    if (inWindow) r('pickup_ontime');
  }

  // Routes: corridors and hours of the bookings that went ahead.
  const from = regionIdOf(booking.pickup.postcode);
  const pickupHour = pad2(calendar.timeOf(booking.pickupWindow.start).hour);
  const deliveredAt = delivered ? booking.history.findLast((e) => e.status === 'DELIVERED')?.at : undefined;
  if (!cancelled) {
    add(SERIES.routes, `cor_${from}_${region}`);
    add(SERIES.routes, `ph_${pickupHour}`);
    add(SERIES.routes, `rh_${from}_${pickupHour}`);
    if (inWindow !== undefined) {
      add(SERIES.routes, `rhc_${from}_${pickupHour}`);
      if (!inWindow) add(SERIES.routes, `rhl_${from}_${pickupHour}`);
    }
  }
  if (deliveredAt) add(SERIES.routes, `dh_${pad2(calendar.timeOf(deliveredAt).hour)}`);

  // The courier's own figures, and the fleet's line for them (the anonymized ranking reads every courier's).
  if (booking.courierId) {
    const c = SERIES.courier(booking.courierId);
    const f = (counter: string, value = 1) => add(SERIES.fleet, `${booking.courierId}_${counter}`, value);
    add(c, 'assigned');
    if (delivered) {
      add(c, 'delivered');
      f('delivered');
      // What the rate card pays on (src/core/rate-card.ts): road metres, the parcel's size and whole kilograms.
      add(c, 'pay_m', Math.round(estimateRoadKm(booking) * 1000));
      add(c, `pay_s_${booking.package.size}`);
      add(c, `pay_kg_${Math.max(0, Math.ceil(booking.package.weightKg))}`);
    }
    if (failed) {
      add(c, 'failed');
      add(c, `reason_${lastFailureReason(booking)}`);
      f('failed');
    }
    if (cancelled) add(c, 'cancelled');
    if (p2d !== undefined) {
      add(c, 'p2d_n');
      add(c, 'p2d_ms', p2d);
      f('p2d_n');
      f('p2d_ms', p2d);
    }
    if (onTime !== undefined) {
      add(c, 'ontime_base');
      f('ontime_base');
      if (onTime) {
        add(c, 'ontime');
        f('ontime');
      }
    }
    if (deliveredAt) add(c, `dh_${pad2(calendar.timeOf(deliveredAt).hour)}`);
    if (!cancelled) add(c, `cor_${from}_${region}`);
  }

  // The partner's figures.
  if (booking.partnerId) {
    const p = (counter: string) => add(SERIES.partners, `${booking.partnerId}_${counter}`);
    p('bookings');
    if (delivered) p('delivered');
    if (failed) p('failed');
    if (cancelled) p('cancelled');
    if (onTime !== undefined) {
      p('ontime_base');
      if (onTime) p('ontime');
    }
  }

  // The heat grid: where parcels were asked to go, and where they arrived.
  const point = booking.delivery.point;
  if (point && !cancelled) {
    const cell = geoCellOf(point);
    add(SERIES.geo, `req_${cell}`);
    if (delivered) add(SERIES.geo, `del_${cell}`);
  }
  return out;
}

/** Feedback counts on the day it was given: the feedback series, and its courier's and partner's figures. */
export function feedbackSeriesContributions(feedback: Feedback, calendar: BusinessCalendar): SeriesContribution[] {
  const day = calendar.dayOf(feedback.createdAt);
  const out: SeriesContribution[] = [];
  const add = (series: string, counter: string, value = 1) => out.push({ series, day, counter, value });
  const fb = SERIES.feedback;
  const complaint = feedback.type === 'COMPLAINT';
  add(fb, 'feedback');
  add(fb, `${feedback.channel}_feedback`);
  add(fb, `sent_${feedback.sentiment.label}`);
  if (feedback.rating !== undefined) {
    add(fb, 'ratings');
    add(fb, 'rating_sum', feedback.rating);
    add(fb, `rating_${feedback.rating}`);
  }
  if (complaint) {
    add(fb, 'complaints');
    const category = feedback.complaintCategory ?? 'OTHER';
    const severity = feedback.severity ?? 'LOW';
    add(fb, `cat_${category}`);
    add(fb, `sev_${severity}`);
    add(fb, `cat_${category}_${severity}`);
  }
  if (feedback.flagged) add(fb, 'flagged');

  const figures = (series: string, prefix = '') => {
    add(series, `${prefix}feedback`);
    if (complaint) add(series, `${prefix}complaints`);
    if (feedback.rating !== undefined) {
      add(series, `${prefix}ratings`);
      add(series, `${prefix}rating_sum`, feedback.rating);
    }
  };
  if (feedback.courierId) {
    figures(SERIES.courier(feedback.courierId));
    if (feedback.rating !== undefined) {
      add(SERIES.fleet, `${feedback.courierId}_ratings`);
      add(SERIES.fleet, `${feedback.courierId}_rating_sum`, feedback.rating);
    }
  }
  if (feedback.partnerId) figures(SERIES.partners, `${feedback.partnerId}_`);
  return out;
}

// ---- changes ----

/**
 * One guarded increment of one bucket of one series: `source` ("b:<reference>", "f:<reference>") and `version`
 * order the source's changes, so a redelivered stream record changes nothing (the dashboard's rule, per bucket).
 */
export type SeriesChange = {
  series: string;
  bucket: BucketKey;
  source: string;
  version: number;
  delta: SeriesCounters;
  final?: true;
};

/** Per series bucket, the counter deltas that turn `before` contributions into `after` ones (zeros dropped). */
export function seriesDelta(
  before: SeriesContribution[],
  after: SeriesContribution[],
): { series: string; bucket: BucketKey; delta: SeriesCounters }[] {
  const sums = new Map<string, { series: string; bucket: BucketKey; delta: SeriesCounters }>();
  const add = (c: SeriesContribution, sign: number) => {
    for (const bucket of bucketsOf(c.series, c.day)) {
      const key = `${c.series}|${bucket.granularity}|${bucket.id}`;
      let entry = sums.get(key);
      if (!entry) sums.set(key, (entry = { series: c.series, bucket, delta: {} }));
      entry.delta[c.counter] = (entry.delta[c.counter] ?? 0) + sign * c.value;
    }
  };
  for (const c of before) add(c, -1);
  for (const c of after) add(c, 1);
  const out: { series: string; bucket: BucketKey; delta: SeriesCounters }[] = [];
  for (const entry of sums.values()) {
    const delta = Object.fromEntries(Object.entries(entry.delta).filter(([, v]) => v !== 0));
    if (Object.keys(delta).length > 0) out.push({ ...entry, delta });
  }
  return out;
}

function changesOf(
  source: string,
  version: number,
  final: boolean,
  deltas: ReturnType<typeof seriesDelta>,
): SeriesChange[] {
  return deltas.map((d) => ({ ...d, source, version, ...(final ? { final: true as const } : {}) }));
}

/** The series changes of one booking stream record; a removal takes its counts away under version + 1. */
export function bookingSeriesChanges(
  before: Booking | undefined,
  after: Booking | undefined,
  calendar: BusinessCalendar,
): SeriesChange[] {
  const current = after ?? before;
  if (!current) return [];
  const version = after ? after.version : before!.version + 1;
  return changesOf(
    `b:${current.reference}`,
    version,
    !after,
    seriesDelta(
      before ? bookingSeriesContributions(before, calendar) : [],
      after ? bookingSeriesContributions(after, calendar) : [],
    ),
  );
}

/** Feedback is written once and removed by retention only: version 1 adds it, version 2 takes it away. */
export function feedbackSeriesChanges(
  before: Feedback | undefined,
  after: Feedback | undefined,
  calendar: BusinessCalendar,
): SeriesChange[] {
  if (before && after) return [];
  const current = after ?? before;
  if (!current) return [];
  return changesOf(
    `f:${current.reference}`,
    after ? 1 : 2,
    !after,
    seriesDelta(
      before ? feedbackSeriesContributions(before, calendar) : [],
      after ? feedbackSeriesContributions(after, calendar) : [],
    ),
  );
}

/**
 * A partner call from the audit trail counts on its company day in the partners series: calls, errors (any
 * outcome but ok) and rate-limit refusals, in all and per source (mcp, graphql).
 */
export function auditSeriesContributions(entry: AuditEntry, calendar: BusinessCalendar): SeriesContribution[] {
  const day = calendar.dayOf(entry.at);
  const out: SeriesContribution[] = [];
  const add = (counter: string) =>
    out.push({ series: SERIES.partners, day, counter: `${entry.partnerId}_${counter}`, value: 1 });
  for (const prefix of ['', `${entry.source}_`]) {
    add(`${prefix}calls`);
    if (entry.outcome === 'RateLimitError') add(`${prefix}limited`);
    else if (entry.outcome !== 'ok') add(`${prefix}errors`);
  }
  return out;
}

/** Audit entries are written once and removed by retention only: version 1 adds one, version 2 takes it away. */
export function auditSeriesChanges(
  before: AuditEntry | undefined,
  after: AuditEntry | undefined,
  calendar: BusinessCalendar,
): SeriesChange[] {
  if (before && after) return [];
  const current = after ?? before;
  if (!current) return [];
  return changesOf(
    `a:${current.id}`,
    after ? 1 : 2,
    !after,
    seriesDelta(
      before ? auditSeriesContributions(before, calendar) : [],
      after ? auditSeriesContributions(after, calendar) : [],
    ),
  );
}

/** Sums counter sets. */
export function addCounters(parts: Iterable<SeriesCounters>): SeriesCounters {
  const out: SeriesCounters = {};
  for (const part of parts) for (const [k, v] of Object.entries(part)) out[k] = (out[k] ?? 0) + v;
  return out;
}
