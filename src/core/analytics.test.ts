import { describe, it, expect } from 'vitest';
import { createBusinessCalendar } from './business-calendar';
import type { Booking, BookingStatus, Feedback } from './model';
import {
  applyRollupChange,
  bookingRollupChanges,
  dayKpis,
  deliveryWatch,
  emptyRollup,
  feedbackRollupChanges,
  minutesLate,
  rollupShard,
  sumCounters,
  type RollupChange,
  type RollupState,
} from './analytics';

const calendar = createBusinessCalendar('America/Los_Angeles');

const actor = { type: 'COURIER' as const, id: 'courier-01' };

function booking(status: BookingStatus, version: number, overrides: Partial<Booking> = {}): Booking {
  const history: Booking['history'] = [{ status: 'BOOKED', at: '2026-11-25T20:00:00.000Z', actor }];
  if (['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'].includes(status))
    history.push({ status: 'COLLECTED', at: '2026-11-26T09:00:00.000Z', actor });
  if (status === 'DELIVERED') history.push({ status: 'DELIVERED', at: '2026-11-26T09:45:00.000Z', actor });
  return {
    reference: 'K7M-4QX-9',
    customerName: 'Ada',
    customerPhone: '+12065550100',
    pickup: { line1: '1 A St', city: 'Seattle', postcode: '98101', country: 'US' },
    delivery: { line1: '2 B St', city: 'Seattle', postcode: '98109', country: 'US' },
    package: { size: 'SMALL', weightKg: 1, handling: [] },
    pickupWindow: { start: '2026-11-26T08:00:00.000Z', end: '2026-11-26T10:00:00.000Z' },
    status,
    history,
    channel: 'VOICE',
    createdAt: '2026-11-25T20:00:00.000Z',
    updatedAt: '2026-11-26T09:45:00.000Z',
    version,
    ...overrides,
  };
}

function feedback(overrides: Partial<Feedback> = {}): Feedback {
  return {
    reference: 'F-1',
    bookingReference: 'K7M-4QX-9',
    type: 'FEEDBACK',
    rating: 5,
    text: 'great',
    sentiment: { label: 'POSITIVE', score: 0.9 },
    flagged: false,
    channel: 'WEB',
    createdAt: '2026-11-26T12:00:00.000Z',
    ...overrides,
  };
}

/** Applies records as the aggregator would, keeping one state per day. */
function apply(states: Map<string, RollupState>, changes: RollupChange[]): void {
  for (const change of changes)
    states.set(change.day, applyRollupChange(states.get(change.day) ?? emptyRollup(), change));
}

const kpisOf = (states: Map<string, RollupState>, day: string) => dayKpis(states.get(day)?.counters ?? {});

describe('booking rollups', () => {
  it('moves a booking between status buckets as it progresses', () => {
    // Prepare
    const states = new Map<string, RollupState>();
    const v1 = booking('BOOKED', 1);
    const v2 = booking('COLLECTED', 2);
    const v3 = booking('DELIVERED', 3);

    // Act
    apply(states, bookingRollupChanges(undefined, v1, calendar));
    const afterInsert = kpisOf(states, '2026-11-26');
    apply(states, bookingRollupChanges(v1, v2, calendar));
    const afterCollect = kpisOf(states, '2026-11-26');
    apply(states, bookingRollupChanges(v2, v3, calendar));
    const afterDelivery = kpisOf(states, '2026-11-26');

    // Assess
    expect(afterInsert).toMatchObject({ bookings: 1, inTransit: 0, delivered: 0, deliverySuccessRate: null });
    expect(afterCollect).toMatchObject({ bookings: 1, inTransit: 1, delivered: 0 });
    expect(afterDelivery).toMatchObject({
      bookings: 1,
      inTransit: 0,
      delivered: 1,
      deliverySuccessRate: 1,
      averageDeliveryMinutes: 45,
    });
    expect(afterDelivery.statusCounts.find((s) => s.status === 'BOOKED')?.count).toBe(0);
    // The voice call counts on the day it was taken, not the pickup day.
    expect(kpisOf(states, '2026-11-25').callsHandled).toBe(1);
    expect(afterDelivery.callsHandled).toBe(0);
  });

  it('applies a redelivered or older record only once', () => {
    // Prepare
    const states = new Map<string, RollupState>();
    const v1 = booking('BOOKED', 1);
    const v2 = booking('COLLECTED', 2);
    const insert = bookingRollupChanges(undefined, v1, calendar);
    const collect = bookingRollupChanges(v1, v2, calendar);

    // Act
    apply(states, insert);
    apply(states, collect);
    apply(states, insert);
    apply(states, collect);

    // Assess
    expect(kpisOf(states, '2026-11-26')).toMatchObject({ bookings: 1, inTransit: 1 });
    expect(kpisOf(states, '2026-11-25').voiceBookings).toBe(1);
  });

  it('takes a removed booking away exactly once', () => {
    // Prepare
    const states = new Map<string, RollupState>();
    const v1 = booking('DELIVERED', 4);
    apply(states, bookingRollupChanges(undefined, v1, calendar));
    const removal = bookingRollupChanges(v1, undefined, calendar);

    // Act
    apply(states, removal);
    apply(states, removal);

    // Assess
    expect(kpisOf(states, '2026-11-26')).toMatchObject({ bookings: 0, delivered: 0, averageDeliveryMinutes: null });
  });

  it('counts failures against the success rate', () => {
    // Prepare
    const states = new Map<string, RollupState>();

    // Act
    apply(states, bookingRollupChanges(undefined, booking('DELIVERED', 1, { reference: 'A' }), calendar));
    apply(states, bookingRollupChanges(undefined, booking('FAILED_DELIVERY', 1, { reference: 'B' }), calendar));
    apply(states, bookingRollupChanges(undefined, booking('RETURNED', 1, { reference: 'C' }), calendar));
    apply(states, bookingRollupChanges(undefined, booking('DELIVERED', 1, { reference: 'D' }), calendar));

    // Assess
    expect(kpisOf(states, '2026-11-26')).toMatchObject({
      bookings: 4,
      delivered: 2,
      failed: 2,
      deliverySuccessRate: 0.5,
    });
  });
});

describe('feedback rollups', () => {
  it('averages ratings, counts satisfied and flagged complaints, once per feedback', () => {
    // Prepare
    const states = new Map<string, RollupState>();
    const praise = feedback({ reference: 'F-1', rating: 5 });
    const complaint = feedback({
      reference: 'F-2',
      type: 'COMPLAINT',
      rating: 2,
      severity: 'HIGH',
      flagged: true,
      channel: 'VOICE',
    });

    // Act
    apply(states, feedbackRollupChanges(undefined, praise, calendar));
    apply(states, feedbackRollupChanges(undefined, complaint, calendar));
    apply(states, feedbackRollupChanges(undefined, complaint, calendar));

    // Assess
    expect(kpisOf(states, '2026-11-26')).toMatchObject({
      feedback: 2,
      ratings: 2,
      averageRating: 3.5,
      satisfiedShare: 0.5,
      complaints: 1,
      flaggedComplaints: 1,
      callsHandled: 1,
    });
  });

  it('takes removed feedback away', () => {
    // Prepare
    const states = new Map<string, RollupState>();
    const praise = feedback();
    apply(states, feedbackRollupChanges(undefined, praise, calendar));

    // Act
    apply(states, feedbackRollupChanges(praise, undefined, calendar));

    // Assess
    expect(kpisOf(states, '2026-11-26')).toMatchObject({ feedback: 0, ratings: 0, averageRating: null });
  });
});

describe('shards and watches', () => {
  it('sums shards and spreads sources over every shard', () => {
    // Prepare
    const sources = Array.from({ length: 2000 }, (_, i) => `b:REF-${i}`);

    // Act
    const shards = new Set(sources.map((s) => rollupShard(s)));
    const sum = sumCounters([{ bookings: 2 }, { bookings: 3, feedback: 1 }]);

    // Assess
    expect(shards.size).toBe(16);
    expect(rollupShard('b:X')).toBe(rollupShard('b:X'));
    expect(sum).toEqual({ bookings: 5, feedback: 1 });
  });

  it('watches unfinished bookings with an ETA and reports how late they are', () => {
    // Prepare
    const open = booking('OUT_FOR_DELIVERY', 5, { eta: '2026-11-26T10:00:00.000Z', courierId: 'courier-01' });

    // Act
    const watch = deliveryWatch(open, calendar);

    // Assess
    expect(watch).toMatchObject({ day: '2026-11-26', reference: 'K7M-4QX-9', courierId: 'courier-01', version: 5 });
    expect(minutesLate(watch!, new Date('2026-11-26T10:30:30.000Z'))).toBe(30);
    expect(deliveryWatch(booking('DELIVERED', 6, { eta: '2026-11-26T10:00:00.000Z' }), calendar)).toBeUndefined();
    expect(deliveryWatch(booking('BOOKED', 1), calendar)).toBeUndefined();
  });
});
