import { describe, expect, it } from 'vitest';
import type { DynamoDBRecord } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { bookCourier } from '../core/bookings';
import type { Booking, Feedback } from '../core/model';
import { transition } from '../core/status-machine';
import { admin, makeWorld, validBookingInput } from '../core/testing/fixtures';
import { bookingToItem, feedbackToItem } from '../data/item-codec';
import { detectCorruption, type Finding, type IntegrityReporter } from './corruption-detector';

const tables = { bookings: 'courier-Bookings', feedback: 'courier-Feedback' };
let seq = 1;

function record(table: string, eventName: 'INSERT' | 'MODIFY' | 'REMOVE', image: object): DynamoDBRecord {
  const marshalled = marshall(image, { removeUndefinedValues: true }) as never;
  return {
    eventID: `event-${seq}`,
    eventName,
    eventSource: 'aws:dynamodb',
    eventSourceARN: `arn:aws:dynamodb:us-west-2:000000000000:table/${table}/stream/2026-01-01T00:00:00.000`,
    dynamodb: {
      SequenceNumber: String(seq++),
      ...(eventName === 'REMOVE' ? { OldImage: marshalled } : { NewImage: marshalled }),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

function recordingReporter() {
  const findings: Finding[] = [];
  const counts: { checked: number; corrupt: number }[] = [];
  const reporter: IntegrityReporter = {
    count: (checked, corrupt) => counts.push({ checked, corrupt }),
    corrupt: (finding) => findings.push(finding),
  };
  return { reporter, findings, counts };
}

/** A booking the real core made, carried to DELIVERED the way couriers do. */
async function deliveredBooking(world: ReturnType<typeof makeWorld>): Promise<Booking> {
  const booked = await bookCourier(validBookingInput(), admin, world);
  const actor = { type: 'COURIER' as const, id: 'courier-07' };
  let b = booked;
  const at = (minutes: number) => new Date(Date.parse(booked.createdAt) + minutes * 60_000);
  b = transition(b, { to: 'COLLECTED', actor }, at(60));
  b = transition(b, { to: 'IN_TRANSIT', actor }, at(61));
  b = transition(b, { to: 'OUT_FOR_DELIVERY', actor }, at(90));
  b = transition(b, { to: 'DELIVERED', actor, proof: { recipientName: 'Ann' } }, at(120));
  return { ...b, version: 5 };
}

const feedback = (overrides: Partial<Feedback> = {}): Feedback => ({
  reference: 'F-K7M-4XR-7',
  bookingReference: 'K7M-4XR-7',
  type: 'COMPLAINT',
  severity: 'HIGH',
  complaintCategory: 'DAMAGED_PACKAGE',
  text: 'The box was crushed',
  sentiment: { label: 'NEGATIVE', score: 0.9 },
  flagged: true,
  channel: 'VOICE',
  createdAt: '2025-06-10T20:00:00.000Z',
  ...overrides,
});

describe('detectCorruption', () => {
  it('finds nothing wrong in items the core and the codec wrote, open or delivered', async () => {
    // Prepare
    const world = makeWorld();
    const open = await bookCourier(validBookingInput(), admin, world);
    const delivered = await deliveredBooking(world);
    const { reporter, findings, counts } = recordingReporter();

    // Act
    const result = detectCorruption(
      {
        Records: [
          record(tables.bookings, 'INSERT', bookingToItem(open, world.calendar)),
          record(tables.bookings, 'MODIFY', bookingToItem(delivered, world.calendar)),
          record(tables.feedback, 'INSERT', feedbackToItem(feedback(), world.calendar)),
          record(
            tables.feedback,
            'INSERT',
            feedbackToItem(
              feedback({ reference: 'F-K7M-4XR-7', type: 'FEEDBACK', severity: undefined, flagged: false, rating: 5 }),
              world.calendar,
            ),
          ),
        ],
      },
      tables,
      world.calendar,
      reporter,
    );

    // Assess
    expect(findings).toEqual([]);
    expect(result.checked).toBe(4);
    expect(counts).toEqual([{ checked: 4, corrupt: 0 }]);
  });

  it('reports each broken booking invariant by rule, with the booking it is in', async () => {
    // Prepare
    const world = makeWorld();
    const delivered = await deliveredBooking(world);
    const item = bookingToItem(delivered, world.calendar);
    const history = delivered.history;
    const cases: [string, Record<string, unknown>][] = [
      ['history', { ...item, status: 'IN_TRANSIT' }],
      ['lifecycle', { ...item, history: [history[0], history[4]] }],
      ['retention', (({ expiresAt: _dropped, ...rest }) => rest)(item)],
      ['index-day', { ...item, day: '1999-01-01' }],
      ['index-status', { ...item, statusAt: 'BOOKED#x#y' }],
      ['reference', { ...item, reference: 'K7M-4XR-8' }],
      ['proof', { ...item, history: history.map((e) => (e.status === 'DELIVERED' ? { ...e, proof: undefined } : e)) }],
      [
        'history-order',
        { ...item, history: history.map((e, i) => (i === 2 ? { ...e, at: '2020-01-01T00:00:00.000Z' } : e)) },
      ],
      ['version', { ...item, version: 0 }],
    ];
    const { reporter, findings, counts } = recordingReporter();

    // Act
    detectCorruption(
      { Records: cases.map(([, image]) => record(tables.bookings, 'MODIFY', image)) },
      tables,
      world.calendar,
      reporter,
    );

    // Assess
    expect(findings).toHaveLength(cases.length);
    cases.forEach(([rule], i) => {
      expect(findings[i]!.table).toBe('bookings');
      expect(findings[i]!.violations.map((v) => v.rule)).toContain(rule);
    });
    expect(findings[0]!.key).toBe(delivered.reference);
    expect(counts).toEqual([{ checked: cases.length, corrupt: cases.length }]);
  });

  it('reports feedback flagged wrongly or filed under the wrong day, and ignores removals and other tables', async () => {
    // Prepare
    const world = makeWorld();
    const good = feedbackToItem(feedback(), world.calendar);
    const { reporter, findings, counts } = recordingReporter();

    // Act
    detectCorruption(
      {
        Records: [
          record(tables.feedback, 'INSERT', { ...good, flagged: false, flaggedDay: undefined }),
          record(tables.feedback, 'INSERT', { ...good, day: '2025-06-11' }),
          record(tables.feedback, 'INSERT', { ...good, rating: 9 }),
          record(tables.feedback, 'REMOVE', { ...good, rating: 9 }),
          record('courier-Couriers', 'MODIFY', { id: 'courier-07' }),
        ],
      },
      tables,
      world.calendar,
      reporter,
    );

    // Assess
    expect(findings.map((f) => f.violations.map((v) => v.rule))).toEqual([['flagged'], ['index-day'], ['rating']]);
    expect(counts).toEqual([{ checked: 3, corrupt: 3 }]);
  });
});
