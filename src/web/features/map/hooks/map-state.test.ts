import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../../core/business-calendar';
import { makeBooking } from '../../../testing/booking-factory';
import type { CourierFields } from '../../../lib/api-types';
import {
  bookingPosition,
  countByStatus,
  initialMapState,
  mapReducer,
  toBookingPoints,
  type MapState,
} from './map-state';

const DAY = '2025-03-03';
const seattle = createBusinessCalendar('America/Los_Angeles');

function courier(id: string, lastLocation: CourierFields['lastLocation'] = null): CourierFields {
  return {
    id,
    name: `Courier ${id}`,
    phone: '+12065550101',
    email: `${id}@example.com`,
    vehicle: 'VAN',
    active: true,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    lastLocation,
  };
}

function loadedState(bookings = [makeBooking()], couriers: CourierFields[] = []): MapState {
  const started = mapReducer(initialMapState(DAY, seattle), { type: 'load-started', day: DAY, requestId: 1 });
  return mapReducer(started, { type: 'loaded', requestId: 1, bookings, couriers });
}

describe('mapReducer', () => {
  it('recolours a booking of the day when a newer version arrives, and ignores an older one', () => {
    // Prepare
    const state = loadedState([makeBooking({ version: 2 })]);
    const newer = makeBooking({ status: 'COLLECTED', version: 3 });
    const older = makeBooking({ status: 'BOOKED', version: 1 });

    // Act
    const afterNewer = mapReducer(state, { type: 'booking-changed', booking: newer });
    const afterOlder = mapReducer(afterNewer, { type: 'booking-changed', booking: older });

    // Assess
    expect(afterNewer.bookings.get('K7M-4QX-9')?.status).toBe('COLLECTED');
    expect(afterOlder).toBe(afterNewer);
  });

  it('adds bookings made for the shown day and drops one moved to another day', () => {
    // Prepare
    const state = loadedState();
    const made = makeBooking({ reference: 'AAA-AAA-A' });
    const otherDay = makeBooking({ reference: 'BBB-BBB-B' });
    otherDay.pickupWindow = { start: '2025-03-05T16:00:00.000Z', end: '2025-03-05T18:00:00.000Z' };
    const moved = makeBooking({ version: 2 });
    moved.pickupWindow = otherDay.pickupWindow;

    // Act
    const withMade = mapReducer(state, { type: 'booking-changed', booking: made });
    const withOther = mapReducer(withMade, { type: 'booking-changed', booking: otherDay });
    const afterMove = mapReducer(withOther, { type: 'booking-changed', booking: moved });

    // Assess
    expect([...withMade.bookings.keys()]).toEqual(['K7M-4QX-9', 'AAA-AAA-A']);
    expect(withOther).toBe(withMade);
    expect([...afterMove.bookings.keys()]).toEqual(['AAA-AAA-A']);
  });

  it("keeps an evening booking on the company's day although UTC has moved on", () => {
    // Prepare: 5 pm Pacific on the 3rd is 01:00 UTC on the 4th.
    const state = loadedState([]);
    const evening = makeBooking({
      reference: 'EVE-NIN-G',
      pickupWindow: { start: '2025-03-04T01:00:00.000Z', end: '2025-03-04T03:00:00.000Z' },
    });

    // Act
    const next = mapReducer(state, { type: 'booking-changed', booking: evening });

    // Assess
    expect([...next.bookings.keys()]).toEqual(['EVE-NIN-G']);
  });

  it('keeps a live change received while the day was loading over the older loaded copy', () => {
    // Prepare
    const started = mapReducer(initialMapState(DAY, seattle), { type: 'load-started', day: DAY, requestId: 4 });
    const live = mapReducer(started, {
      type: 'booking-changed',
      booking: makeBooking({ status: 'IN_TRANSIT', version: 5 }),
    });

    // Act
    const loaded = mapReducer(live, {
      type: 'loaded',
      requestId: 4,
      bookings: [makeBooking({ version: 4 })],
      couriers: [],
    });
    const stale = mapReducer(loaded, { type: 'loaded', requestId: 3, bookings: [], couriers: [] });

    // Assess
    expect(loaded.phase).toBe('ready');
    expect(loaded.bookings.get('K7M-4QX-9')?.status).toBe('IN_TRANSIT');
    expect(stale).toBe(loaded);
  });

  it('moves a courier, places one first seen moving, and ignores a move older than the last', () => {
    // Prepare
    const state = loadedState(
      [],
      [
        courier('courier-01', {
          lat: 47.6,
          lng: -122.3,
          at: '2025-03-03T10:00:00.000Z',
          heading: null,
          speedKph: null,
        }),
      ],
    );

    // Act
    const moved = mapReducer(state, {
      type: 'courier-moved',
      move: { courierId: 'courier-01', lat: 47.61, lng: -122.31, at: '2025-03-03T10:01:00.000Z' },
    });
    const late = mapReducer(moved, {
      type: 'courier-moved',
      move: { courierId: 'courier-01', lat: 40, lng: -120, at: '2025-03-03T09:00:00.000Z' },
    });
    const newcomer = mapReducer(late, {
      type: 'courier-moved',
      move: { courierId: 'courier-09', lat: 47.5, lng: -122.2, at: '2025-03-03T10:02:00.000Z' },
    });

    // Assess
    expect(moved.couriers.get('courier-01')?.position).toEqual({
      lat: 47.61,
      lng: -122.31,
      at: '2025-03-03T10:01:00.000Z',
    });
    expect(late).toBe(moved);
    expect(newcomer.couriers.get('courier-09')?.position?.lat).toBe(47.5);
  });
});

describe('bookingPosition', () => {
  it('puts a parcel at its pickup, then where it was last reported, then at the delivery once delivered', () => {
    // Prepare
    const booked = makeBooking();
    const collected = makeBooking({ status: 'COLLECTED' });
    collected.history = [
      ...booked.history,
      { ...booked.history[0]!, status: 'COLLECTED', location: { lat: 47.62, lng: -122.35 } },
    ];
    const delivered = makeBooking({ status: 'DELIVERED' });
    delivered.delivery = { ...delivered.delivery, point: { lat: 47.63, lng: -122.34 } };

    // Act
    const positions = [booked, collected, delivered].map(bookingPosition);

    // Assess
    expect(positions).toEqual([
      { lat: 47.6073, lng: -122.3371 },
      { lat: 47.62, lng: -122.35 },
      { lat: 47.63, lng: -122.34 },
    ]);
  });

  it('leaves out a booking with no known coordinates, and counts every status for the legend', () => {
    // Prepare
    const unplaced = makeBooking({ reference: 'CCC-CCC-C' });
    unplaced.pickup = { ...unplaced.pickup, point: null };
    const bookings = [makeBooking(), unplaced, makeBooking({ reference: 'DDD-DDD-D', status: 'DELIVERED' })];

    // Act
    const points = toBookingPoints(bookings);
    const counts = countByStatus(bookings);

    // Assess
    expect(points.map((point) => point.reference)).toEqual(['K7M-4QX-9', 'DDD-DDD-D']);
    expect(counts).toEqual({ BOOKED: 2, DELIVERED: 1 });
  });
});
