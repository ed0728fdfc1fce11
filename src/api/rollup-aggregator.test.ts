import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Booking, BookingStatus, Feedback } from '../core/model';
import { dayKpis } from '../core/analytics';
import { createBusinessCalendar } from '../core/business-calendar';
import { bookingToItem, feedbackToItem } from '../data/item-codec';
import { makeBooking, startTestTables, type TestTables } from '../data/test-tables';
import { backfillRollups } from '../data/rollup-backfill';
import type { RollupRepository } from '../data/rollup-repository';
import { aggregateStreamEvent } from './rollup-aggregator';

const calendar = createBusinessCalendar('America/Los_Angeles');

let seq = 1000;
const DAY = '2025-03-02';

function record(table: string, next?: Record<string, unknown>, prev?: Record<string, unknown>): DynamoDBRecord {
  return {
    eventID: String(seq),
    eventName: prev && next ? 'MODIFY' : next ? 'INSERT' : 'REMOVE',
    eventSource: 'aws:dynamodb',
    eventSourceARN: `arn:aws:dynamodb:us-east-1:000000000000:table/${table}/stream/2026-01-01T00:00:00.000`,
    dynamodb: {
      SequenceNumber: String(seq++),
      ApproximateCreationDateTime: 1_740_900_000,
      NewImage: next ? (marshall(next, { removeUndefinedValues: true }) as never) : undefined,
      OldImage: prev ? (marshall(prev, { removeUndefinedValues: true }) as never) : undefined,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

function progress(b: Booking, status: BookingStatus, at: string, extra: Partial<Booking> = {}): Booking {
  const actor = { type: 'COURIER' as const, id: 'courier-01' };
  return {
    ...b,
    ...extra,
    status,
    history: [...b.history, { status, at, actor }],
    updatedAt: at,
    version: b.version + 1,
  };
}

describe('rollup aggregator on DynamoDB', () => {
  let t: TestTables;
  let rollups: RollupRepository;
  const tables = () => ({ bookings: t.names.bookings, feedback: t.names.feedback });

  beforeAll(async () => {
    t = await startTestTables();
    rollups = t.repos.rollups;
  });
  afterAll(async () => t?.close());

  it('follows a booking through its statuses and ignores a redelivered batch', async () => {
    // Prepare
    const v1 = makeBooking({ reference: 'AAA-111-1', eta: '2025-03-02T16:00:00.000Z', courierId: 'courier-01' });
    const v2 = progress(v1, 'COLLECTED', '2025-03-02T14:10:00.000Z');
    const v3 = progress(v2, 'DELIVERED', '2025-03-02T14:40:00.000Z');
    const complaint: Feedback = {
      reference: 'F-AAA-111-1',
      bookingReference: v1.reference,
      type: 'COMPLAINT',
      rating: 1,
      text: 'Crushed box',
      severity: 'HIGH',
      sentiment: { label: 'NEGATIVE', score: -0.8 },
      flagged: true,
      channel: 'VOICE',
      createdAt: '2025-03-02T18:00:00.000Z',
    };
    const first: DynamoDBStreamEvent = {
      Records: [
        record(t.names.bookings, bookingToItem(v1, calendar)),
        record(t.names.bookings, bookingToItem(v2, calendar), bookingToItem(v1, calendar)),
      ],
    };
    const second: DynamoDBStreamEvent = {
      Records: [
        record(t.names.bookings, bookingToItem(v3, calendar), bookingToItem(v2, calendar)),
        record(t.names.feedback, feedbackToItem(complaint, calendar)),
      ],
    };

    const analytics = t.repos.analytics;

    // Act
    await aggregateStreamEvent(first, tables(), rollups, calendar, undefined, analytics);
    const overdueWhileOpen = await rollups.overdue(DAY, new Date('2025-03-02T17:00:00.000Z'), 10);
    await aggregateStreamEvent(second, tables(), rollups, calendar, undefined, analytics);
    // A stream replays a shard's records in their order, from the first unconfirmed one.
    const results = [
      await aggregateStreamEvent(first, tables(), rollups, calendar, undefined, analytics),
      await aggregateStreamEvent(second, tables(), rollups, calendar, undefined, analytics),
    ];
    const kpis = dayKpis(await rollups.readDay(DAY));
    const volumes = await analytics.read('vol', 'day', DAY, DAY);
    const month = await analytics.read('vol', 'month', '2025-03', '2025-03');
    const fleet = await analytics.read('fleet', 'week', '2025-02-24', '2025-02-24');
    const feedbackDay = await analytics.read('fb', 'day', DAY, DAY);

    // Assess
    expect(results.every((r) => r.batchItemFailures.length === 0)).toBe(true);
    expect(overdueWhileOpen.map((w) => w.reference)).toEqual(['AAA-111-1']);
    expect(await rollups.overdue(DAY, new Date('2025-03-02T17:00:00.000Z'), 10)).toEqual([]);
    expect(kpis).toMatchObject({
      bookings: 1,
      inTransit: 0,
      delivered: 1,
      averageDeliveryMinutes: 30,
      complaints: 1,
      flaggedComplaints: 1,
      averageRating: 1,
      callsHandled: 1,
    });
    // Counted once however often the records came, in the day, its week and its month alike.
    expect(volumes.get(DAY)).toEqual({ bookings: 1, VOICE_bookings: 1, delivered: 1, VOICE_delivered: 1 });
    expect(month.get('2025-03')).toEqual(volumes.get(DAY));
    expect(fleet.get('2025-02-24')).toMatchObject({
      'courier-01_delivered': 1,
      'courier-01_p2d_n': 1,
      'courier-01_p2d_ms': 30 * 60_000,
    });
    expect(feedbackDay.get(DAY)).toMatchObject({ feedback: 1, complaints: 1, rating_1: 1, sent_NEGATIVE: 1 });
    expect(await rollups.feedHealth()).toEqual({
      lastEventAt: '2025-03-02T07:20:00.000Z',
      lastVoiceCallAt: '2025-03-02T18:00:00.000Z',
    });
  });

  it('reports the failed record and every later one for retry', async () => {
    // Prepare
    const failing: RollupRepository = {
      ...rollups,
      apply: async () => {
        throw new Error('throttled');
      },
    };
    const b = makeBooking({ reference: 'BBB-222-2' });
    const event: DynamoDBStreamEvent = {
      Records: [record('other-table', { id: 'x' }), record(t.names.bookings, bookingToItem(b, calendar))],
    };

    // Act
    const result = await aggregateStreamEvent(event, tables(), failing, calendar);

    // Assess
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: event.Records[1]!.dynamodb!.SequenceNumber }]);
  });

  it('builds rollups once from existing data, with guards that make later replays harmless', async () => {
    // Prepare
    const local = await startTestTables();
    try {
      const booking = makeBooking({
        reference: 'CCC-333-3',
        pickupWindow: { start: '2025-04-01T10:00:00.000Z', end: '2025-04-01T12:00:00.000Z' },
      });
      await local.repos.bookings.create(booking);

      // Act
      const built = await backfillRollups(local.local.doc, local.names, local.repos.rollups, calendar);
      const again = await backfillRollups(local.local.doc, local.names, local.repos.rollups, calendar);
      await aggregateStreamEvent(
        { Records: [record(local.names.bookings, bookingToItem(booking, calendar))] },
        { bookings: local.names.bookings, feedback: local.names.feedback },
        local.repos.rollups,
        calendar,
      );

      // Assess
      expect([built.dashboard, again.dashboard]).toEqual([true, false]);
      expect(dayKpis(await local.repos.rollups.readDay('2025-04-01')).bookings).toBe(1);
    } finally {
      await local.close();
    }
  });
});
