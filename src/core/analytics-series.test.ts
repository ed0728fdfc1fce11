import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysFrom, monthOf, weekOf } from './business-calendar';
import {
  coverRange,
  displayBuckets,
  readBuckets,
  readTotal,
  weekAlignedRange,
  type SeriesReader,
} from './analytics-range';
import {
  bookingSeriesChanges,
  histogramBucket,
  histogramEdges,
  quantileMs,
  seriesDelta,
  SERIES,
  type Granularity,
  type SeriesCounters,
} from './analytics-series';
import { routeReport } from './analytics-reports';
import { createBusinessCalendar } from './business-calendar';
import type { Booking } from './model';

function makeBooking(overrides: Partial<Booking>): Booking {
  return {
    reference: 'K7M-4QX-9',
    customerName: 'Ada Lovelace',
    customerPhone: '+12065550100',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101', country: 'US' },
    delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109', country: 'US' },
    package: { size: 'SMALL', weightKg: 1.5, handling: [] },
    pickupWindow: { start: '2025-03-02T17:00:00.000Z', end: '2025-03-02T19:00:00.000Z' },
    status: 'BOOKED',
    history: [{ status: 'BOOKED', at: '2025-03-01T09:00:00.000Z', actor: { type: 'VOICEBOT', id: 'lex' } }],
    channel: 'VOICE',
    createdAt: '2025-03-01T09:00:00.000Z',
    updatedAt: '2025-03-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const calendar = createBusinessCalendar('America/Los_Angeles');

/** A reader over per-day counters that sums them into weeks and months as the aggregator does. */
function memoryReader(days: Map<string, SeriesCounters>): SeriesReader & { reads: number } {
  const sumOf = (granularity: Granularity, from: string, to: string) => {
    const out = new Map<string, SeriesCounters>();
    for (const [day, counters] of days) {
      const id = granularity === 'day' ? day : granularity === 'week' ? weekOf(day) : monthOf(day);
      if (id < from || id > to) continue;
      const sum = out.get(id) ?? {};
      for (const [k, v] of Object.entries(counters)) sum[k] = (sum[k] ?? 0) + v;
      out.set(id, sum);
    }
    return out;
  };
  const reader = {
    reads: 0,
    async read(_series: string, granularity: Granularity, from: string, to: string) {
      reader.reads++;
      return sumOf(granularity, from, to);
    },
    async readKeys(_series: string, buckets: { granularity: Granularity; id: string }[]) {
      reader.reads++;
      return buckets.map((b) => sumOf(b.granularity, b.id, b.id).get(b.id) ?? {});
    },
  };
  return reader;
}

describe('coverRange', () => {
  it('covers every day of any range exactly once, in a bounded number of runs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 1, max: 400 }), (offset, length) => {
        // Prepare
        const from = addDays('2025-01-01', offset);
        const to = addDays(from, length - 1);

        // Act
        const runs = coverRange({ from, to });

        // Assess
        const covered = runs.flatMap((run) =>
          run.ids.flatMap((id) =>
            run.granularity === 'day'
              ? [id]
              : run.granularity === 'week'
                ? daysFrom(id, addDays(id, 6))
                : daysFrom(`${id}-01`, addDays(`${monthOf(addDays(`${id}-01`, 32))}-01`, -1)),
          ),
        );
        expect(covered.sort()).toEqual(daysFrom(from, to));
        expect(runs.length).toBeLessThanOrEqual(7);
        if (length <= 100) expect(runs.reduce((s, r) => s + r.ids.length, 0)).toBeLessThanOrEqual(36);
      }),
    );
  });

  it('reads a total and per-bucket figures that add up to the days', async () => {
    // Prepare
    const days = new Map(daysFrom('2026-01-01', '2026-04-30').map((d, i) => [d, { n: i + 1 }]));
    const reader = memoryReader(days);
    const range = { from: '2026-01-14', to: '2026-04-12' };
    const expected = daysFrom(range.from, range.to).reduce((s, d) => s + days.get(d)!.n, 0);

    // Act
    const total = await readTotal(reader, 'vol', range);
    const weeks = await readBuckets(reader, 'vol', range, 'week');
    const months = await readBuckets(reader, 'vol', range, 'month');

    // Assess
    expect(total.n).toBe(expected);
    expect(weeks.reduce((s, b) => s + (b.counters.n ?? 0), 0)).toBe(expected);
    expect(months.map((b) => [b.start, b.end])).toEqual([
      ['2026-01-14', '2026-01-31'],
      ['2026-02-01', '2026-02-28'],
      ['2026-03-01', '2026-03-31'],
      ['2026-04-01', '2026-04-12'],
    ]);
    expect(months.reduce((s, b) => s + (b.counters.n ?? 0), 0)).toBe(expected);
    expect(displayBuckets(range, 'day')).toHaveLength(89);
  });
});

describe('the heat grid by weeks and months of weeks', () => {
  it('reads any week-aligned range from whole months of weeks and the weeks left, exactly and in fewer items', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 200 }), async (offset, length) => {
        // Prepare: each day's contribution kept in the buckets seriesDelta names, as the repository stores them
        const from = addDays('2025-01-01', offset);
        const range = weekAlignedRange({ from, to: addDays(from, length - 1) });
        const items = new Map<string, SeriesCounters>();
        const contributions = daysFrom(addDays(range.from, -40), addDays(range.to, 40)).map((day, i) => ({
          series: SERIES.geo,
          day,
          counter: 'req_c1',
          value: (i % 7) + 1,
        }));
        for (const change of seriesDelta([], contributions)) {
          const key = `${change.bucket.granularity}#${change.bucket.id}`;
          items.set(key, { req_c1: (items.get(key)?.req_c1 ?? 0) + change.delta.req_c1! });
        }
        const reads: string[] = [];
        const reader: SeriesReader = {
          read: () => Promise.reject(new Error('a week-only series has no day items to query')),
          readKeys: async (_series, buckets) =>
            buckets.map((b) => {
              reads.push(`${b.granularity}#${b.id}`);
              return items.get(`${b.granularity}#${b.id}`) ?? {};
            }),
        };
        const expected = contributions
          .filter((c) => c.day >= range.from && c.day <= range.to)
          .reduce((sum, c) => sum + c.value, 0);

        // Act
        const total = await readTotal(reader, SERIES.geo, range);

        // Assess
        expect(total.req_c1 ?? 0).toBe(expected);
        expect(reads.some((key) => key.startsWith('day#'))).toBe(false);
        const weeks = Math.round(daysFrom(range.from, range.to).length / 7);
        expect(reads.length).toBeLessThanOrEqual(Math.min(weeks, 10 + Math.ceil(weeks / 4.3)));
        if (weeks >= 13) expect(reads.length).toBeLessThan(weeks);
      }),
    );
  });
});

describe('duration histogram', () => {
  it('reads a quantile within 10 % of the exact one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 60_000, max: 3 * 86_400_000 }), { minLength: 1, maxLength: 300 }),
        (ms) => {
          // Prepare
          const counters: SeriesCounters = {};
          for (const x of ms)
            counters[`p2d_h${histogramBucket(x)}`] = (counters[`p2d_h${histogramBucket(x)}`] ?? 0) + 1;
          const sorted = [...ms].sort((a, b) => a - b);
          const exact = sorted[Math.ceil(0.9 * ms.length) - 1]!;

          // Act
          const p90 = quantileMs(counters, 'p2d', 0.9)!;

          // Assess
          expect(Math.abs(p90 - exact) / exact).toBeLessThanOrEqual(0.1);
        },
      ),
    );
  });

  it('puts every duration inside its bucket', () => {
    for (const ms of [60_000, 61_000, 3_600_000, 86_400_000]) {
      const [low, high] = histogramEdges(histogramBucket(ms));
      expect(ms).toBeGreaterThanOrEqual(low - 1e-6);
      expect(ms).toBeLessThan(high);
    }
  });
});

describe('series changes', () => {
  it('moves a delivered booking between counters and back out on removal', () => {
    // Prepare
    const booked = makeBooking({ reference: 'AAA-111-1', status: 'BOOKED', version: 1 });
    const delivered = makeBooking({
      ...booked,
      status: 'DELIVERED',
      courierId: 'courier-01',
      version: 2,
      history: [
        ...booked.history,
        { status: 'COLLECTED', at: booked.pickupWindow.start, actor: { type: 'COURIER', id: 'courier-01' } },
        { status: 'DELIVERED', at: booked.pickupWindow.end, actor: { type: 'COURIER', id: 'courier-01' } },
      ],
    });

    // Act
    const created = bookingSeriesChanges(undefined, booked, calendar);
    const moved = bookingSeriesChanges(booked, delivered, calendar);
    const removed = bookingSeriesChanges(delivered, undefined, calendar);

    // Assess
    const day = calendar.dayOf(booked.pickupWindow.start);
    const vol = (changes: typeof created, g: Granularity) =>
      changes.find((c) => c.series === 'vol' && c.bucket.granularity === g)?.delta;
    expect(vol(created, 'day')).toMatchObject({ bookings: 1 });
    expect(vol(moved, 'week')).toEqual({ delivered: 1, [`${booked.channel}_delivered`]: 1 });
    expect(moved.find((c) => c.series === 'fleet' && c.bucket.id === day)?.delta).toMatchObject({
      'courier-01_delivered': 1,
    });
    expect(removed.every((c) => c.final && c.version === 3)).toBe(true);
    expect(vol(removed, 'month')).toMatchObject({ bookings: -1, delivered: -1 });
    expect(seriesDelta([], [])).toEqual([]);
  });
});

describe('route suggestions', () => {
  it('suggests batching a busy slot and couriers for a late peak, each with its figures', () => {
    // Prepare
    const counters: SeriesCounters = {
      cor_downtown_central: 90,
      cor_south_downtown: 10,
      rh_downtown_09: 90,
      rhc_downtown_09: 90,
      rhl_downtown_09: 5,
      rh_south_17: 30,
      rhc_south_17: 30,
      rhl_south_17: 15,
    };

    // Act
    const report = routeReport(counters, { from: '2026-03-01', to: '2026-03-30' });

    // Assess
    const kinds = report.suggestions.map((s) => s.kind);
    expect(kinds).toContain('BATCH_PICKUPS');
    expect(kinds).toContain('ADD_COURIERS');
    expect(kinds).toContain('DEDICATED_CORRIDOR');
    const batch = report.suggestions.find((s) => s.kind === 'BATCH_PICKUPS')!;
    expect(batch.figures).toContainEqual({ label: 'per day', value: '3' });
    const short = report.suggestions.find((s) => s.kind === 'ADD_COURIERS')!;
    expect(short.title).toContain('South');
    expect(short.figures).toContainEqual({ label: 'late at peak', value: '50%' });
    expect(report.corridors[0]).toMatchObject({ from: 'downtown', to: 'central', bookings: 90, perDay: 3 });
  });
});
