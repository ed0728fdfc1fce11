// Reading analytics series over a range of company days: the fewest bucket items that add up to it (whole
// months, then whole ISO weeks, then days), and per-bucket reads for charts by day, week or month.
import { addDays, daysBetween, isDay, monthOf, weekOf } from './business-calendar';
import { ValidationError } from './errors';
import {
  addCounters,
  seriesKeepsDays,
  type BucketKey,
  type Granularity,
  type SeriesCounters,
} from './analytics-series';

/** What the reports read: bucket items of a series, by granularity and an inclusive range of bucket ids. */
export type SeriesReader = {
  /** Buckets with ids from `from` to `to` (inclusive, ids as in BucketKey); absent buckets are left out. */
  read(series: string, granularity: Granularity, from: string, to: string): Promise<Map<string, SeriesCounters>>;
  /**
   * Named buckets of one series, read together (one batch of key reads rather than a Query per run); an absent
   * bucket's counters are empty. The answer is in the order of `buckets`.
   */
  readKeys(series: string, buckets: BucketKey[]): Promise<SeriesCounters[]>;
};

export type DayRange = { from: string; to: string };

/** The days a report may name: any the business could have figures for, with room for weeks and months around. */
export const EARLIEST_DAY = '2000-01-01';
export const LATEST_DAY = '2999-12-31';

/** The longest range a report may cover, in days: about thirteen months (a year and its previous month). */
export const MAX_RANGE_DAYS = 400;

/** Checks a range given by a caller: real days, in order, at most MAX_RANGE_DAYS long. */
export function parseRange(from: unknown, to: unknown): DayRange {
  if (typeof from !== 'string' || !isDay(from))
    throw new ValidationError('from must be a date like 2026-03-01.', {
      field: 'from',
      resolution: 'Give the first day of the range as YYYY-MM-DD.',
    });
  if (typeof to !== 'string' || !isDay(to))
    throw new ValidationError('to must be a date like 2026-03-31.', {
      field: 'to',
      resolution: 'Give the last day of the range as YYYY-MM-DD.',
    });
  for (const [field, day] of [
    ['from', from],
    ['to', to],
  ] as const) {
    // Reports step to the previous period and to whole weeks and months around the range: days far outside
    // the business's life (year 9999's last week is in year 10000) are refused by name rather than failing there.
    if (day < EARLIEST_DAY || day > LATEST_DAY)
      throw new ValidationError(`${field} (${day}) must be between ${EARLIEST_DAY} and ${LATEST_DAY}.`, {
        field,
        resolution: 'Give a day of the business, as YYYY-MM-DD.',
      });
  }
  const length = daysBetween(from, to) + 1;
  if (length < 1)
    throw new ValidationError(`to (${to}) is before from (${from}).`, {
      field: 'to',
      resolution: 'Give a last day on or after the first day.',
    });
  if (length > MAX_RANGE_DAYS)
    throw new ValidationError(`The range is ${length} days long; at most ${MAX_RANGE_DAYS} days can be read at once.`, {
      field: 'to',
      resolution: `Choose a last day within ${MAX_RANGE_DAYS} days of the first.`,
    });
  return { from, to };
}

export function parseGranularity(value: unknown): Granularity {
  if (value === 'DAY' || value === 'day') return 'day';
  if (value === 'WEEK' || value === 'week') return 'week';
  if (value === 'MONTH' || value === 'month') return 'month';
  throw new ValidationError(`granularity '${String(value)}' is not recognised; use DAY, WEEK or MONTH.`, {
    field: 'granularity',
  });
}

export const rangeLength = (range: DayRange) => daysBetween(range.from, range.to) + 1;

/** The range of the same length that ends the day before `range` starts. */
export function previousRange(range: DayRange): DayRange {
  const length = rangeLength(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

const lastDayOfMonth = (month: string) => addDays(`${nextMonth(month)}-01`, -1);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** A run of consecutive buckets of one granularity: one Query. */
export type BucketRun = { granularity: Granularity; from: string; to: string; ids: string[] };

function runs(granularity: Granularity, ids: string[], step: (id: string) => string): BucketRun[] {
  const out: BucketRun[] = [];
  for (const id of ids) {
    const last = out.at(-1);
    if (last && step(last.to) === id) {
      last.to = id;
      last.ids.push(id);
    } else out.push({ granularity, from: id, to: id, ids: [id] });
  }
  return out;
}

/** Whole ISO weeks inside a segment, then its remaining days. */
function coverSegment(from: string, to: string, weeks: string[], days: string[]): void {
  let day = from;
  while (daysBetween(day, to) >= 0) {
    if (weekOf(day) === day && daysBetween(addDays(day, 6), to) >= 0) {
      weeks.push(day);
      day = addDays(day, 7);
    } else {
      days.push(day);
      day = addDays(day, 1);
    }
  }
}

/**
 * The fewest bucket items that add up exactly to a range: its whole months, the whole weeks of what is left on
 * either side, then single days. A 90-day range takes about 15 items in at most 7 runs, whatever its volume.
 */
export function coverRange(range: DayRange): BucketRun[] {
  const months: string[] = [];
  let month = range.from.slice(0, 7);
  if (`${month}-01` !== range.from) month = nextMonth(month);
  while (daysBetween(lastDayOfMonth(month), range.to) >= 0) {
    months.push(month);
    month = nextMonth(month);
  }
  const weeks: string[] = [];
  const days: string[] = [];
  if (months.length === 0) coverSegment(range.from, range.to, weeks, days);
  else {
    const first = `${months[0]}-01`;
    const last = lastDayOfMonth(months.at(-1)!);
    if (first !== range.from) coverSegment(range.from, addDays(first, -1), weeks, days);
    if (last !== range.to) coverSegment(addDays(last, 1), range.to, weeks, days);
  }
  return [
    ...runs('month', months, nextMonth),
    ...runs('week', weeks, (w) => addDays(w, 7)),
    ...runs('day', days, (d) => addDays(d, 1)),
  ];
}

/**
 * A series kept only per week and month (the heat grid) is read by whole weeks: the range widened to the
 * Monday before it starts and the Sunday after it ends.
 */
export function weekAlignedRange(range: DayRange): DayRange {
  return { from: weekOf(range.from), to: addDays(weekOf(range.to), 6) };
}

/**
 * A week-aligned range covered for a series without day items: its whole months of weeks (every week whose
 * Monday falls in the month is in the range; see bucketsOf), then the weeks left over.
 */
export function coverWeeks(range: DayRange): BucketRun[] {
  const byMonth = new Map<string, string[]>();
  for (let week = range.from; daysBetween(week, range.to) >= 0; week = addDays(week, 7)) {
    const month = week.slice(0, 7);
    byMonth.set(month, [...(byMonth.get(month) ?? []), week]);
  }
  const months: string[] = [];
  const weeks: string[] = [];
  for (const [month, ids] of byMonth) {
    // Whole when the month's first Monday and its last are both in the range.
    const first = addDays(ids[0]!, -7).slice(0, 7) !== month;
    const last = addDays(ids.at(-1)!, 7).slice(0, 7) !== month;
    if (first && last) months.push(month);
    else weeks.push(...ids);
  }
  return [...runs('month', months, nextMonth), ...runs('week', weeks, (w) => addDays(w, 7))];
}

/** The bucket items whose counters add up to a range: its cover (by weeks for a series without day items). */
export function coverKeys(series: string, range: DayRange): BucketKey[] {
  const cover = seriesKeepsDays(series) ? coverRange(range) : coverWeeks(weekAlignedRange(range));
  return cover.flatMap((run) => run.ids.map((id) => ({ granularity: run.granularity, id })));
}

/** A series' counters summed over a range: its cover's items, in one read of their keys. */
export async function readTotal(reader: SeriesReader, series: string, range: DayRange): Promise<SeriesCounters> {
  return addCounters(await reader.readKeys(series, coverKeys(series, range)));
}

/**
 * Several ranges' totals of one series in one read of their keys (a key two covers share is read once): the
 * totals in the order of `ranges`.
 */
export async function readTotals(reader: SeriesReader, series: string, ranges: DayRange[]): Promise<SeriesCounters[]> {
  const covers = ranges.map((range) => coverKeys(series, range));
  const index = new Map<string, number>();
  const keys: BucketKey[] = [];
  const slots = covers.map((cover) =>
    cover.map((key) => {
      const name = `${key.granularity}#${key.id}`;
      let at = index.get(name);
      if (at === undefined) {
        index.set(name, (at = keys.length));
        keys.push(key);
      }
      return at;
    }),
  );
  const items = await reader.readKeys(series, keys);
  return slots.map((cover) => addCounters(cover.map((at) => items[at]!)));
}

/** One chart bucket: the days it spans within the range, and its counters. */
export type RangeBucket = { start: string; end: string; counters: SeriesCounters };

/** The display buckets of a granularity that a range touches, clipped to it: [start, end] inside the range. */
export function displayBuckets(range: DayRange, granularity: Granularity): DayRange[] {
  const out: DayRange[] = [];
  let start = range.from;
  while (daysBetween(start, range.to) >= 0) {
    const natural =
      granularity === 'day'
        ? start
        : granularity === 'week'
          ? addDays(weekOf(start), 6)
          : lastDayOfMonth(monthOf(start));
    const end = daysBetween(natural, range.to) >= 0 ? natural : range.to;
    out.push({ from: start, to: end });
    start = addDays(end, 1);
  }
  return out;
}

/**
 * A series per display bucket. Days: one run of day items (one Query). Weeks and months: each whole bucket is
 * its own item, each clipped one at either end the items of its cover, all read in one read of their keys.
 */
export async function readBuckets(
  reader: SeriesReader,
  series: string,
  range: DayRange,
  granularity: Granularity,
): Promise<RangeBucket[]> {
  const buckets = displayBuckets(range, granularity);
  if (granularity === 'day') {
    const items = await reader.read(series, 'day', range.from, range.to);
    return buckets.map((b) => ({ start: b.from, end: b.to, counters: items.get(b.from) ?? {} }));
  }
  // A whole week's or month's cover is its own item; a clipped one's, its weeks and days.
  const totals = await readTotals(reader, series, buckets);
  return buckets.map((b, i) => ({ start: b.from, end: b.to, counters: totals[i]! }));
}
