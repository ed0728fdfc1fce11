// The analytics the business analyst and the admin read (Req 10.1-10.4, 10.8) and the courier's own
// performance (Req 11.9-11.10, 12): every figure from the change feed's series rollups, never from the
// bookings, in the company's calendar. Who may read what is decided here.
import { ForbiddenError, ValidationError } from './errors';
import { assertIdLength } from './id-length';
import { SERVICE_REGIONS } from './geo/service-regions';
import {
  COMPLAINT_CATEGORIES,
  FAILURE_REASONS,
  SEVERITIES,
  type ComplaintCategory,
  type FailureReason,
  type Principal,
  type Severity,
} from './model';
import {
  addCounters,
  geoCellCentre,
  quantileMs,
  SERIES,
  type Granularity,
  type SeriesCounters,
} from './analytics-series';
import {
  previousRange,
  rangeLength,
  readBuckets,
  readTotal,
  readTotals,
  weekAlignedRange,
  type DayRange,
  type SeriesReader,
} from './analytics-range';
import { addDays } from './business-calendar';
import { BOT_SERIES, CALL_OUTCOMES, utteranceOf, type CallOutcome } from './call-metrics';

export const CHANNELS = ['VOICE', 'WEB', 'PARTNER', 'API'] as const;
export type Channel = (typeof CHANNELS)[number];
const SENTIMENT_LABELS = ['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'MIXED'] as const;

export type AnalyticsDeps = { series: SeriesReader };

const n = (c: SeriesCounters, name: string) => Math.max(0, c[name] ?? 0);
const ratio = (num: number, den: number) => (den > 0 ? num / den : null);
const minutes = (ms: number | null) => (ms === null ? null : ms / 60_000);

// ---- who may read ----

/** Company-wide analytics: administrators only. */
export function assertAnalyticsReader(principal: Principal): void {
  if (principal.role === 'ADMIN') return;
  throw new ForbiddenError('Only administrators can read the company analytics.', {
    resolution:
      principal.role === 'PARTNER'
        ? "Partner users can read their own partner's analytics (partnerAnalytics)."
        : principal.role === 'COURIER'
          ? 'Couriers can read their own performance (courierPerformance).'
          : 'Sign in with an administrator account.',
  });
}

/** A partner's analytics: administrators, and the partner's own users. */
export function assertPartnerReader(principal: Principal, partnerId: string): void {
  if (principal.role === 'ADMIN') return;
  if (principal.role === 'PARTNER' && principal.partnerId === partnerId) return;
  throw new ForbiddenError(
    principal.role === 'PARTNER'
      ? "A partner user can read only its own partner's analytics."
      : 'Only administrators and the partner itself can read partner analytics.',
    {
      resolution:
        principal.role === 'PARTNER'
          ? `Ask for partnerId ${principal.partnerId}, or leave it out.`
          : 'Sign in with an administrator account.',
    },
  );
}

/** A courier's performance: administrators, and the courier themselves. */
export function assertCourierReader(principal: Principal, courierId: string): void {
  if (principal.role === 'ADMIN') return;
  if (principal.role === 'COURIER' && principal.courierId === courierId) return;
  throw new ForbiddenError(
    principal.role === 'COURIER'
      ? 'A courier can read only their own performance.'
      : "Only administrators and the courier themselves can read a courier's performance.",
    {
      resolution:
        principal.role === 'COURIER' ? `Ask for courierId ${principal.courierId}, or leave it out.` : undefined,
    },
  );
}

// ---- volumes (Req 10.1) ----

export type VolumeCounts = { bookings: number; delivered: number; failed: number; returned: number; cancelled: number };
export type VolumeFigures = VolumeCounts & {
  byChannel: (VolumeCounts & { channel: Channel })[];
  failureReasons: { reason: FailureReason; count: number }[];
};

function volumeCounts(c: SeriesCounters, prefix = ''): VolumeCounts {
  return {
    bookings: n(c, `${prefix}bookings`),
    delivered: n(c, `${prefix}delivered`),
    failed: n(c, `${prefix}failed`),
    returned: n(c, `${prefix}returned`),
    cancelled: n(c, `${prefix}cancelled`),
  };
}

export function volumeFigures(c: SeriesCounters): VolumeFigures {
  return {
    ...volumeCounts(c),
    byChannel: CHANNELS.map((channel) => ({ channel, ...volumeCounts(c, `${channel}_`) })),
    failureReasons: FAILURE_REASONS.map((reason) => ({ reason, count: n(c, `reason_${reason}`) })),
  };
}

export type VolumeBucket = { start: string; end: string; figures: VolumeFigures; previous: VolumeFigures };
export type VolumeReport = {
  from: string;
  to: string;
  granularity: Granularity;
  buckets: VolumeBucket[];
  total: VolumeFigures;
  previousFrom: string;
  previousTo: string;
  previousTotal: VolumeFigures;
};

/**
 * Bookings, deliveries, failures and cancellations per bucket and channel, each bucket beside the one before it
 * (the first beside the bucket just before the range), and the range's total beside the previous range of the
 * same length.
 */
export async function getVolumes(
  range: DayRange,
  granularity: Granularity,
  principal: Principal,
  deps: AnalyticsDeps,
): Promise<VolumeReport> {
  assertAnalyticsReader(principal);
  const previous = previousRange(range);
  // The buckets partition the range, so their sum is its total; the bucket before it and the previous range
  // are read together, in one read of their items' keys.
  const [buckets, [before = {}, previousTotal = {}]] = await Promise.all([
    readBuckets(deps.series, SERIES.volumes, range, granularity),
    readTotals(deps.series, SERIES.volumes, [bucketBefore(range, granularity), previous]),
  ]);
  const total = addCounters(buckets.map((b) => b.counters));
  const figures = buckets.map((b) => ({ start: b.start, end: b.end, figures: volumeFigures(b.counters) }));
  return {
    from: range.from,
    to: range.to,
    granularity,
    buckets: figures.map((b, i) => ({ ...b, previous: i === 0 ? volumeFigures(before) : figures[i - 1]!.figures })),
    total: volumeFigures(total),
    previousFrom: previous.from,
    previousTo: previous.to,
    previousTotal: volumeFigures(previousTotal),
  };
}

/** The bucket just before the range (the first bucket's "previous"): its day, week or month up to that day. */
function bucketBefore(range: DayRange, granularity: Granularity): DayRange {
  const dayBefore = addDays(range.from, -1);
  if (granularity === 'day') return { from: dayBefore, to: dayBefore };
  if (granularity === 'week') return { from: weekAlignedRange({ from: dayBefore, to: dayBefore }).from, to: dayBefore };
  return { from: `${dayBefore.slice(0, 7)}-01`, to: dayBefore };
}

// ---- times by region (Req 10.2) ----

export type DurationStats = { count: number; averageMinutes: number | null; p90Minutes: number | null };
export type RegionFigures = {
  regionId: string;
  name: string;
  bookings: number;
  delivered: number;
  failed: number;
  cancelled: number;
  bookingToPickup: DurationStats;
  pickupToDelivery: DurationStats;
  /** Delivered by the promised time (end of the pickup window plus the estimated trip), of those delivered. */
  onTimeRate: number | null;
  onTimeBase: number;
  /** Collected by the end of the pickup window, of those collected. */
  pickupOnTimeRate: number | null;
  pickupBase: number;
};

const REGION_NAMES = new Map<string, string>([
  ...SERVICE_REGIONS.map((r) => [r.id, r.name] as [string, string]),
  ['other', 'Outside the service regions'],
]);
export const REGION_IDS = [...SERVICE_REGIONS.map((r) => r.id), 'other'];

function durationStats(c: SeriesCounters, prefix: string): DurationStats {
  const count = n(c, `${prefix}_n`);
  return {
    count,
    averageMinutes: minutes(ratio(n(c, `${prefix}_ms`), count)),
    p90Minutes: minutes(quantileMs(c, prefix, 0.9)),
  };
}

/** One region's figures from the regions series, whose counters are named `<region>_<counter>`. */
export function regionFigures(all: SeriesCounters, regionId: string): RegionFigures {
  const prefix = `${regionId}_`;
  const c: SeriesCounters = {};
  for (const [k, v] of Object.entries(all)) if (k.startsWith(prefix)) c[k.slice(prefix.length)] = v;
  return {
    regionId,
    name: REGION_NAMES.get(regionId) ?? regionId,
    bookings: n(c, 'bookings'),
    delivered: n(c, 'delivered'),
    failed: n(c, 'failed'),
    cancelled: n(c, 'cancelled'),
    bookingToPickup: durationStats(c, 'b2p'),
    pickupToDelivery: durationStats(c, 'p2d'),
    onTimeRate: ratio(n(c, 'ontime'), n(c, 'ontime_base')),
    onTimeBase: n(c, 'ontime_base'),
    pickupOnTimeRate: ratio(n(c, 'pickup_ontime'), n(c, 'pickup_base')),
    pickupBase: n(c, 'pickup_base'),
  };
}

export type RegionReport = { from: string; to: string; regions: RegionFigures[]; total: RegionFigures };

export async function getRegionTimes(
  range: DayRange,
  principal: Principal,
  deps: AnalyticsDeps,
): Promise<RegionReport> {
  assertAnalyticsReader(principal);
  const all = await readTotal(deps.series, SERIES.regions, range);
  // The whole company: every region's counters added under one name.
  const merged: SeriesCounters = {};
  for (const [k, v] of Object.entries(all)) {
    const name = `all_${k.slice(k.indexOf('_') + 1)}`;
    merged[name] = (merged[name] ?? 0) + v;
  }
  return {
    from: range.from,
    to: range.to,
    regions: REGION_IDS.map((id) => regionFigures(all, id)),
    total: { ...regionFigures(merged, 'all'), name: 'All regions' },
  };
}

// ---- feedback (Req 10.3) ----

export type FeedbackFigures = {
  feedback: number;
  complaints: number;
  flagged: number;
  ratings: number;
  averageRating: number | null;
  ratingCounts: { rating: number; count: number }[];
  sentiment: { label: (typeof SENTIMENT_LABELS)[number]; count: number }[];
  categories: { category: ComplaintCategory; count: number; severities: { severity: Severity; count: number }[] }[];
  severities: { severity: Severity; count: number }[];
  byChannel: { channel: Channel; count: number }[];
};

export function feedbackFigures(c: SeriesCounters): FeedbackFigures {
  return {
    feedback: n(c, 'feedback'),
    complaints: n(c, 'complaints'),
    flagged: n(c, 'flagged'),
    ratings: n(c, 'ratings'),
    averageRating: ratio(n(c, 'rating_sum'), n(c, 'ratings')),
    ratingCounts: [1, 2, 3, 4, 5].map((rating) => ({ rating, count: n(c, `rating_${rating}`) })),
    sentiment: SENTIMENT_LABELS.map((label) => ({ label, count: n(c, `sent_${label}`) })),
    categories: COMPLAINT_CATEGORIES.map((category) => ({
      category,
      count: n(c, `cat_${category}`),
      severities: SEVERITIES.map((severity) => ({ severity, count: n(c, `cat_${category}_${severity}`) })),
    })),
    severities: SEVERITIES.map((severity) => ({ severity, count: n(c, `sev_${severity}`) })),
    byChannel: CHANNELS.map((channel) => ({ channel, count: n(c, `${channel}_feedback`) })),
  };
}

export type FeedbackReport = {
  from: string;
  to: string;
  granularity: Granularity;
  buckets: { start: string; end: string; figures: FeedbackFigures }[];
  total: FeedbackFigures;
};

export async function getFeedbackAnalytics(
  range: DayRange,
  granularity: Granularity,
  principal: Principal,
  deps: AnalyticsDeps,
): Promise<FeedbackReport> {
  assertAnalyticsReader(principal);
  const buckets = await readBuckets(deps.series, SERIES.feedback, range, granularity);
  const total = addCounters(buckets.map((b) => b.counters));
  return {
    from: range.from,
    to: range.to,
    granularity,
    buckets: buckets.map((b) => ({ start: b.start, end: b.end, figures: feedbackFigures(b.counters) })),
    total: feedbackFigures(total),
  };
}

// ---- routes (Req 10.4) ----

export type Corridor = { from: string; to: string; fromName: string; toName: string; bookings: number; perDay: number };
export type RegionHour = {
  regionId: string;
  name: string;
  hour: number;
  pickups: number;
  perDay: number;
  collected: number;
  late: number;
  lateRate: number | null;
};
export type RouteSuggestion = {
  kind: 'BATCH_PICKUPS' | 'ADD_COURIERS' | 'DEDICATED_CORRIDOR';
  title: string;
  detail: string;
  figures: { label: string; value: string }[];
};
export type RouteReport = {
  from: string;
  to: string;
  days: number;
  corridors: Corridor[];
  pickupsByHour: { hour: number; count: number }[];
  deliveriesByHour: { hour: number; count: number }[];
  busiestSlots: RegionHour[];
  suggestions: RouteSuggestion[];
};

/** Suggestion thresholds: a slot worth batching averages 2+ pickups a day; a short region is late 1.5× as often. */
export const BATCH_MIN_PER_DAY = 2;
export const SHORTAGE_MIN_LATE_RATE = 0.15;
export const SHORTAGE_FACTOR = 1.5;
export const SHORTAGE_MIN_COLLECTED = 10;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const one = (x: number) => (Math.round(x * 10) / 10).toString();
const hourLabel = (h: number) => `${String(h).padStart(2, '0')}:00–${String((h + 1) % 24).padStart(2, '0')}:00`;

export function routeReport(c: SeriesCounters, range: DayRange): RouteReport {
  const days = rangeLength(range);
  const name = (id: string) => REGION_NAMES.get(id) ?? id;
  const corridors: Corridor[] = [];
  const slots = new Map<string, RegionHour>();
  const pickupsByHour = Array.from({ length: 24 }, (_, hour) => ({ hour, count: n(c, `ph_${pad(hour)}`) }));
  const deliveriesByHour = Array.from({ length: 24 }, (_, hour) => ({ hour, count: n(c, `dh_${pad(hour)}`) }));
  for (const [key, value] of Object.entries(c)) {
    const cor = /^cor_(.+)_(.+)$/.exec(key);
    if (cor && value > 0) {
      corridors.push({
        from: cor[1]!,
        to: cor[2]!,
        fromName: name(cor[1]!),
        toName: name(cor[2]!),
        bookings: value,
        perDay: value / days,
      });
      continue;
    }
    const rh = /^rh_(.+)_(\d\d)$/.exec(key);
    if (rh && value > 0) {
      const hour = Number(rh[2]);
      const collected = n(c, `rhc_${rh[1]}_${rh[2]}`);
      const late = n(c, `rhl_${rh[1]}_${rh[2]}`);
      slots.set(`${rh[1]}_${rh[2]}`, {
        regionId: rh[1]!,
        name: name(rh[1]!),
        hour,
        pickups: value,
        perDay: value / days,
        collected,
        late,
        lateRate: ratio(late, collected),
      });
    }
  }
  corridors.sort((a, b) => b.bookings - a.bookings || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  const busiest = [...slots.values()].sort(
    (a, b) => b.pickups - a.pickups || a.regionId.localeCompare(b.regionId) || a.hour - b.hour,
  );

  const suggestions: RouteSuggestion[] = [];
  // Pickups that one courier could batch: a region's hour that averages two or more pickups a day.
  for (const slot of busiest.filter((s) => s.perDay >= BATCH_MIN_PER_DAY).slice(0, 3)) {
    suggestions.push({
      kind: 'BATCH_PICKUPS',
      title: `Batch ${slot.name} pickups at ${hourLabel(slot.hour)}`,
      detail:
        `${slot.pickups} pickups in ${days} days start in ${slot.name} between ${hourLabel(slot.hour)} ` +
        `(${one(slot.perDay)} a day): one courier collecting them in one round saves about ` +
        `${one(slot.perDay - 1)} trips a day.`,
      figures: [
        { label: 'pickups', value: String(slot.pickups) },
        { label: 'per day', value: one(slot.perDay) },
        { label: 'trips saved a day', value: one(slot.perDay - 1) },
      ],
    });
  }
  // Regions short of couriers at their peak hours: the busiest hour's late pickups well above the company's.
  const collected = [...slots.values()].reduce((s, x) => s + x.collected, 0);
  const late = [...slots.values()].reduce((s, x) => s + x.late, 0);
  const overall = ratio(late, collected) ?? 0;
  const peaks = new Map<string, RegionHour>();
  for (const slot of busiest) if (!peaks.has(slot.regionId)) peaks.set(slot.regionId, slot);
  for (const peak of peaks.values()) {
    if (peak.collected < SHORTAGE_MIN_COLLECTED || peak.lateRate === null) continue;
    if (peak.lateRate < SHORTAGE_MIN_LATE_RATE || peak.lateRate < overall * SHORTAGE_FACTOR) continue;
    suggestions.push({
      kind: 'ADD_COURIERS',
      title: `${peak.name} is short of couriers at ${hourLabel(peak.hour)}`,
      detail:
        `At its busiest hour ${peak.name} had ${peak.pickups} pickups in ${days} days and ${pct(peak.lateRate)} ` +
        `were collected after their window closed, against ${pct(overall)} across the company: ` +
        `put another courier in ${peak.name} from ${String(peak.hour).padStart(2, '0')}:00.`,
      figures: [
        { label: 'pickups at peak', value: String(peak.pickups) },
        { label: 'late at peak', value: pct(peak.lateRate) },
        { label: 'late company-wide', value: pct(overall) },
      ],
    });
  }
  // The busiest corridor, when it carries a tenth of the traffic or more: a dedicated run.
  const totalCorridor = corridors.reduce((s, x) => s + x.bookings, 0);
  const top = corridors[0];
  if (top && totalCorridor > 0 && top.bookings / totalCorridor >= 0.1 && top.perDay >= BATCH_MIN_PER_DAY) {
    suggestions.push({
      kind: 'DEDICATED_CORRIDOR',
      title: `Run a dedicated ${top.fromName} → ${top.toName} route`,
      detail:
        `${top.bookings} of ${totalCorridor} parcels (${pct(top.bookings / totalCorridor)}) went from ${top.fromName} ` +
        `to ${top.toName}, ${one(top.perDay)} a day: a courier working that corridor alone keeps them off cross-town rounds.`,
      figures: [
        { label: 'parcels', value: String(top.bookings) },
        { label: 'share', value: pct(top.bookings / totalCorridor) },
        { label: 'per day', value: one(top.perDay) },
      ],
    });
  }
  return {
    from: range.from,
    to: range.to,
    days,
    corridors: corridors.slice(0, 20),
    pickupsByHour,
    deliveriesByHour,
    busiestSlots: busiest.slice(0, 20),
    suggestions,
  };
}

const pad = (h: number) => String(h).padStart(2, '0');

export async function getRoutes(range: DayRange, principal: Principal, deps: AnalyticsDeps): Promise<RouteReport> {
  assertAnalyticsReader(principal);
  return routeReport(await readTotal(deps.series, SERIES.routes, range), range);
}

// ---- heat map (Req 10.7) ----

export type HeatCell = { lat: number; lng: number; requested: number; delivered: number };
export type HeatReport = { from: string; to: string; cells: HeatCell[]; requested: number; delivered: number };

/** Delivery density (parcels delivered per cell) and coverage (delivered of requested), by whole weeks. */
export async function getHeatMap(range: DayRange, principal: Principal, deps: AnalyticsDeps): Promise<HeatReport> {
  assertAnalyticsReader(principal);
  const weeks = weekAlignedRange(range);
  const c = await readTotal(deps.series, SERIES.geo, weeks);
  const cells = new Map<string, HeatCell>();
  for (const [key, value] of Object.entries(c)) {
    const m = /^(req|del)_(.+)$/.exec(key);
    const centre = m ? geoCellCentre(m[2]!) : undefined;
    if (!m || !centre || value <= 0) continue;
    const cell = cells.get(m[2]!) ?? { ...centre, requested: 0, delivered: 0 };
    if (m[1] === 'req') cell.requested += value;
    else cell.delivered += value;
    cells.set(m[2]!, cell);
  }
  const list = [...cells.values()].sort((a, b) => a.lat - b.lat || a.lng - b.lng);
  return {
    from: weeks.from,
    to: weeks.to,
    cells: list,
    requested: list.reduce((s, x) => s + x.requested, 0),
    delivered: list.reduce((s, x) => s + x.delivered, 0),
  };
}

// ---- partners (Req 10.8) ----

export type PartnerFigures = {
  partnerId: string;
  bookings: number;
  delivered: number;
  failed: number;
  cancelled: number;
  successRate: number | null;
  onTimeRate: number | null;
  feedback: number;
  complaints: number;
  averageRating: number | null;
  /** Their MCP and GraphQL calls from the audit trail: all, failed, refused by the rate limit. */
  calls: number;
  errors: number;
  rateLimited: number;
  mcpCalls: number;
  graphqlCalls: number;
};

/** One partner's figures from the partners series (counters `<partnerId>_<counter>`). */
export function partnerFigures(partnerId: string, all: SeriesCounters): PartnerFigures {
  const prefix = `${partnerId}_`;
  const c: SeriesCounters = {};
  for (const [k, v] of Object.entries(all)) if (k.startsWith(prefix)) c[k.slice(prefix.length)] = v;
  const delivered = n(c, 'delivered');
  const failed = n(c, 'failed');
  return {
    partnerId,
    bookings: n(c, 'bookings'),
    delivered,
    failed,
    cancelled: n(c, 'cancelled'),
    successRate: ratio(delivered, delivered + failed),
    onTimeRate: ratio(n(c, 'ontime'), n(c, 'ontime_base')),
    feedback: n(c, 'feedback'),
    complaints: n(c, 'complaints'),
    averageRating: ratio(n(c, 'rating_sum'), n(c, 'ratings')),
    calls: n(c, 'calls'),
    errors: n(c, 'errors'),
    rateLimited: n(c, 'limited'),
    mcpCalls: n(c, 'mcp_calls'),
    graphqlCalls: n(c, 'graphql_calls'),
  };
}

export type PartnerDirectory = { get(id: string): Promise<{ id: string; name: string } | undefined> };

/**
 * Per partner figures over a range: a partner user gets its own partner's (naming another is refused); an
 * admin every partner the series has figures for, or the one named.
 */
export async function getPartnerAnalytics(
  range: DayRange,
  partnerId: string | undefined,
  principal: Principal,
  deps: AnalyticsDeps & { partners: PartnerDirectory },
): Promise<(PartnerFigures & { name: string })[]> {
  if (partnerId !== undefined) assertIdLength(partnerId, 'partnerId', 'partner ids look like acme');
  if (partnerId !== undefined) assertPartnerReader(principal, partnerId);
  else if (principal.role !== 'ADMIN' && principal.role !== 'PARTNER') assertPartnerReader(principal, '');
  const named = partnerId ?? (principal.role === 'PARTNER' ? principal.partnerId : undefined);
  const partnerOf = async (id: string) => {
    const partner = await deps.partners.get(id);
    if (!partner)
      throw new ValidationError(`partnerId '${id}' is not a partner.`, {
        field: 'partnerId',
        resolution: 'Use the id of an existing partner (see listPartners), or leave it out.',
      });
    return partner;
  };
  // One partner: its record is read beside the series. Every partner: those the series has figures for.
  if (named !== undefined) {
    const [all, partner] = await Promise.all([readTotal(deps.series, SERIES.partners, range), partnerOf(named)]);
    return [{ ...partnerFigures(named, all), name: partner.name }];
  }
  const all = await readTotal(deps.series, SERIES.partners, range);
  const ids = [...new Set(Object.keys(all).map((k) => k.slice(0, k.indexOf('_'))))].sort();
  return Promise.all(ids.map(async (id) => ({ ...partnerFigures(id, all), name: (await partnerOf(id)).name })));
}

// ---- a courier's performance (Req 11.9-11.10, 12.1-12.3, 12.6-12.7) ----

export type CourierFigures = {
  assigned: number;
  delivered: number;
  failed: number;
  failureReasons: { reason: FailureReason; count: number }[];
  /** Delivered of finished attempts (delivered, failed, returned). */
  successRate: number | null;
  averageDeliveryMinutes: number | null;
  onTimeRate: number | null;
  ratings: number;
  averageRating: number | null;
  complaints: number;
  deliveriesByHour: { hour: number; count: number }[];
  corridors: { from: string; to: string; count: number }[];
};

export function courierFigures(c: SeriesCounters): CourierFigures {
  const delivered = n(c, 'delivered');
  const failed = n(c, 'failed');
  const corridors: CourierFigures['corridors'] = [];
  for (const [key, value] of Object.entries(c)) {
    const m = /^cor_(.+)_(.+)$/.exec(key);
    if (m && value > 0) corridors.push({ from: m[1]!, to: m[2]!, count: value });
  }
  corridors.sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return {
    assigned: n(c, 'assigned'),
    delivered,
    failed,
    failureReasons: FAILURE_REASONS.map((reason) => ({ reason, count: n(c, `reason_${reason}`) })),
    successRate: ratio(delivered, delivered + failed),
    averageDeliveryMinutes: minutes(ratio(n(c, 'p2d_ms'), n(c, 'p2d_n'))),
    onTimeRate: ratio(n(c, 'ontime'), n(c, 'ontime_base')),
    ratings: n(c, 'ratings'),
    averageRating: ratio(n(c, 'rating_sum'), n(c, 'ratings')),
    complaints: n(c, 'complaints'),
    deliveriesByHour: Array.from({ length: 24 }, (_, hour) => ({ hour, count: n(c, `dh_${pad(hour)}`) })),
    corridors,
  };
}

/** One courier's headline figures as the fleet series holds them (every courier's, for the ranking). */
export type FleetLine = {
  courierId: string;
  delivered: number;
  failed: number;
  successRate: number | null;
  averageDeliveryMinutes: number | null;
  onTimeRate: number | null;
  ratings: number;
  averageRating: number | null;
};

export function fleetLines(c: SeriesCounters): FleetLine[] {
  const byCourier = new Map<string, SeriesCounters>();
  for (const [key, value] of Object.entries(c)) {
    const m = /^(.+?)_(delivered|failed|p2d_n|p2d_ms|ontime_base|ontime|ratings|rating_sum)$/.exec(key);
    if (!m) continue;
    const counters = byCourier.get(m[1]!) ?? {};
    counters[m[2]!] = value;
    byCourier.set(m[1]!, counters);
  }
  return [...byCourier.entries()]
    .map(([courierId, x]) => {
      const delivered = n(x, 'delivered');
      const failed = n(x, 'failed');
      return {
        courierId,
        delivered,
        failed,
        successRate: ratio(delivered, delivered + failed),
        averageDeliveryMinutes: minutes(ratio(n(x, 'p2d_ms'), n(x, 'p2d_n'))),
        onTimeRate: ratio(n(x, 'ontime'), n(x, 'ontime_base')),
        ratings: n(x, 'ratings'),
        averageRating: ratio(n(x, 'rating_sum'), n(x, 'ratings')),
      };
    })
    .filter((line) => line.delivered + line.failed + line.ratings > 0)
    .sort((a, b) => a.courierId.localeCompare(b.courierId));
}

/** Where a courier stands among peers on one measure: 1 is best; peers are figures only, never names or ids. */
export type Ranking = {
  measure: 'DELIVERED' | 'SUCCESS_RATE' | 'AVERAGE_RATING' | 'ON_TIME_RATE';
  position: number | null;
  of: number;
  value: number | null;
  /** Every ranked courier's value, best first (anonymized): administrators only, empty for a courier. */
  peers: number[];
};

function rank(lines: FleetLine[], courierId: string, measure: Ranking['measure']): Ranking {
  const value = (l: FleetLine) =>
    measure === 'DELIVERED'
      ? l.delivered
      : measure === 'SUCCESS_RATE'
        ? l.successRate
        : measure === 'AVERAGE_RATING'
          ? l.averageRating
          : l.onTimeRate;
  const ranked = lines.filter((l) => value(l) !== null).sort((a, b) => value(b)! - value(a)!);
  const mine = lines.find((l) => l.courierId === courierId);
  const myValue = mine ? value(mine) : null;
  const position = myValue === null ? null : ranked.filter((l) => value(l)! > myValue).length + 1;
  return { measure, position, of: ranked.length, value: myValue, peers: ranked.map((l) => value(l)!) };
}

export type CourierPerformance = {
  courierId: string;
  from: string;
  to: string;
  granularity: Granularity;
  buckets: { start: string; end: string; figures: CourierFigures }[];
  total: CourierFigures;
  rankings: Ranking[];
};

/**
 * A courier's own figures per bucket and over the range, and their anonymized standing in the fleet: the
 * read the courier app's "my performance" page makes. Reads the courier's series and the fleet series only.
 */
export async function getCourierPerformance(
  input: { courierId?: string | null; range: DayRange; granularity: Granularity },
  principal: Principal,
  deps: AnalyticsDeps,
): Promise<CourierPerformance> {
  const courierId = input.courierId ?? (principal.role === 'COURIER' ? principal.courierId : undefined);
  if (!courierId)
    throw new ValidationError('courierId is required for an administrator.', {
      field: 'courierId',
      resolution: 'Name the courier, e.g. courier-07.',
    });
  assertIdLength(courierId, 'courierId', 'courier ids look like courier-07');
  assertCourierReader(principal, courierId);
  const series = SERIES.courier(courierId);
  // The buckets partition the range, so their sum is its total: each series is read once, by the chart's
  // buckets (one Query for the whole weeks or months, one per clipped end), not again by a cover of the range.
  const [buckets, fleetBuckets] = await Promise.all([
    readBuckets(deps.series, series, input.range, input.granularity),
    readBuckets(deps.series, SERIES.fleet, input.range, input.granularity),
  ]);
  const total = addCounters(buckets.map((b) => b.counters));
  const lines = fleetLines(addCounters(fleetBuckets.map((b) => b.counters)));
  return {
    courierId,
    from: input.range.from,
    to: input.range.to,
    granularity: input.granularity,
    buckets: buckets.map((b) => ({ start: b.start, end: b.end, figures: courierFigures(b.counters) })),
    total: courierFigures(total),
    // A courier learns where they stand, never another courier's figures (not even anonymized): peers' values
    // are for administrators.
    rankings: (['DELIVERED', 'SUCCESS_RATE', 'AVERAGE_RATING', 'ON_TIME_RATE'] as const).map((m) => {
      const ranking = rank(lines, courierId, m);
      return principal.role === 'ADMIN' ? ranking : { ...ranking, peers: [] };
    }),
  };
}

/** Every courier's headline figures over a range, from the fleet series: administrators only. */
export async function getFleet(range: DayRange, principal: Principal, deps: AnalyticsDeps): Promise<FleetLine[]> {
  assertAnalyticsReader(principal);
  return fleetLines(await readTotal(deps.series, SERIES.fleet, range));
}

// ---- the voicebot's performance (Req 2.4) ----

export type BotFigures = {
  calls: number;
  outcomes: { outcome: CallOutcome; count: number }[];
  /** Calls the bot finished without handing them to an agent. */
  containmentRate: number | null;
  /** Caller turns an intent understood. */
  recognitionRate: number | null;
  averageTurns: number | null;
  transfers: { reason: string; count: number }[];
  intents: { intent: string; count: number }[];
};

export type BotReport = {
  from: string;
  to: string;
  granularity: Granularity;
  buckets: { start: string; end: string; figures: BotFigures }[];
  total: BotFigures;
  missedUtterances: { text: string; count: number }[];
  reaskedSlots: { slot: string; count: number }[];
};

/** Most frequent missed utterances and re-asked slots shown. */
export const TOP_MISSED = 10;

export function botFigures(c: SeriesCounters): BotFigures {
  const calls = n(c, 'calls');
  const prefixed = (prefix: string) =>
    Object.entries(c)
      .filter(([k, v]) => k.startsWith(prefix) && v > 0)
      .map(([k, v]) => [k.slice(prefix.length), v] as const)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    calls,
    outcomes: CALL_OUTCOMES.map((outcome) => ({ outcome, count: n(c, `outcome_${outcome}`) })),
    containmentRate: ratio(calls - n(c, 'outcome_TRANSFERRED'), calls),
    recognitionRate: ratio(n(c, 'recognized'), n(c, 'turns')),
    averageTurns: ratio(n(c, 'turns'), calls),
    transfers: prefixed('transfer_').map(([reason, count]) => ({ reason, count })),
    intents: prefixed('intent_').map(([intent, count]) => ({ intent, count })),
  };
}

export async function getBotAnalytics(
  range: DayRange,
  granularity: Granularity,
  principal: Principal,
  deps: AnalyticsDeps,
): Promise<BotReport> {
  assertAnalyticsReader(principal);
  const buckets = await readBuckets(deps.series, BOT_SERIES, range, granularity);
  const total = addCounters(buckets.map((b) => b.counters));
  const top = (prefix: string) =>
    Object.entries(total)
      .filter(([k, v]) => k.startsWith(prefix) && v > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP_MISSED);
  return {
    from: range.from,
    to: range.to,
    granularity,
    buckets: buckets.map((b) => ({ start: b.start, end: b.end, figures: botFigures(b.counters) })),
    total: botFigures(total),
    missedUtterances: top('miss_').map(([k, count]) => ({ text: utteranceOf(k.slice('miss_'.length)), count })),
    reaskedSlots: top('reask_').map(([k, count]) => ({ slot: k.slice('reask_'.length), count })),
  };
}
