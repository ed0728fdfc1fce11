import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../../core/business-calendar';
import { makeBooking } from '../../../testing/booking-factory';
import {
  applyChange,
  bookingsReducer,
  initialBookingsState,
  matchesFilter,
  mergePage,
  toListVariables,
  toSubscriptionVariables,
  type BookingsState,
} from './bookings-state';

const DAY = '2025-03-03';
const seattle = createBusinessCalendar('America/Los_Angeles');

function readyState(overrides: Partial<BookingsState> = {}): BookingsState {
  return { ...initialBookingsState(seattle), phase: 'ready', requestId: 1, filter: { day: DAY }, ...overrides };
}

describe('matchesFilter', () => {
  it("files a booking under the company day of its pickup window start, not the UTC or viewer's day", () => {
    // Prepare: 5 pm in Seattle is already the next day in UTC (and in Tokyo).
    const evening = makeBooking({
      pickupWindow: { start: '2025-03-04T01:00:00.000Z', end: '2025-03-04T03:00:00.000Z' },
    });
    const tokyo = createBusinessCalendar('Asia/Tokyo');

    // Act
    const onThird = matchesFilter(evening, { day: '2025-03-03' }, seattle);
    const onFourth = matchesFilter(evening, { day: '2025-03-04' }, seattle);
    const inTokyo = matchesFilter(evening, { day: '2025-03-04' }, tokyo);

    // Assess
    expect(onThird).toBe(true);
    expect(onFourth).toBe(false);
    expect(inTokyo).toBe(true);
  });

  it('requires every filter given and ignores the empty ones', () => {
    // Prepare
    const booking = makeBooking({ status: 'IN_TRANSIT', courierId: 'courier-07', partnerId: 'acme' });

    // Act
    const results = [
      matchesFilter(booking, {}, seattle),
      matchesFilter(booking, { day: DAY, status: 'IN_TRANSIT', courierId: 'courier-07', partnerId: 'acme' }, seattle),
      matchesFilter(booking, { status: 'DELIVERED' }, seattle),
      matchesFilter(booking, { courierId: 'courier-08' }, seattle),
      matchesFilter(booking, { partnerId: 'globex' }, seattle),
      matchesFilter(booking, { courierId: '', partnerId: '' }, seattle),
    ];

    // Assess
    expect(results).toEqual([true, true, false, false, false, true]);
  });
});

describe('query variables', () => {
  it('sends empty filters as null and passes the page cursor', () => {
    // Prepare
    const filter = { day: DAY, courierId: '' };

    // Act
    const variables = toListVariables(filter, 50, 'token-2');

    // Assess
    expect(variables).toEqual({
      day: DAY,
      status: null,
      courierId: null,
      partnerId: null,
      limit: 50,
      nextToken: 'token-2',
    });
  });

  it('scopes the subscription by courier and partner only', () => {
    // Prepare
    const filter = { day: DAY, status: 'BOOKED' as const, courierId: 'courier-07', partnerId: '' };

    // Act
    const variables = toSubscriptionVariables(filter);

    // Assess
    expect(variables).toEqual({ courierId: 'courier-07' });
  });
});

describe('applyChange', () => {
  it('puts a new matching booking on top', () => {
    // Prepare
    const items = [makeBooking({ reference: 'A' })];
    const arriving = makeBooking({ reference: 'B' });

    // Act
    const result = applyChange(items, arriving, { day: DAY }, seattle);

    // Assess
    expect(result.outcome).toBe('inserted');
    expect(result.items.map((b) => b.reference)).toEqual(['B', 'A']);
  });

  it('replaces a newer version in place, keeping the row order', () => {
    // Prepare
    const items = [makeBooking({ reference: 'A' }), makeBooking({ reference: 'B' }), makeBooking({ reference: 'C' })];
    const changed = makeBooking({ reference: 'B', status: 'COLLECTED', version: 2 });

    // Act
    const result = applyChange(items, changed, { day: DAY }, seattle);

    // Assess
    expect(result.outcome).toBe('updated');
    expect(result.items.map((b) => `${b.reference}:${b.status}`)).toEqual(['A:BOOKED', 'B:COLLECTED', 'C:BOOKED']);
  });

  it('drops a booking that no longer matches the filter', () => {
    // Prepare
    const items = [makeBooking({ reference: 'A' }), makeBooking({ reference: 'B' })];
    const delivered = makeBooking({ reference: 'A', status: 'DELIVERED', version: 5 });

    // Act
    const result = applyChange(items, delivered, { day: DAY, status: 'BOOKED' }, seattle);

    // Assess
    expect(result.outcome).toBe('removed');
    expect(result.items.map((b) => b.reference)).toEqual(['B']);
  });

  it('ignores stale and repeated versions and bookings outside the filter', () => {
    // Prepare
    const items = [makeBooking({ reference: 'A', version: 3, status: 'IN_TRANSIT' })];

    // Act
    const stale = applyChange(items, makeBooking({ reference: 'A', version: 2, status: 'COLLECTED' }), {}, seattle);
    const repeated = applyChange(items, makeBooking({ reference: 'A', version: 3 }), {}, seattle);
    const elsewhere = applyChange(
      items,
      makeBooking({ reference: 'Z', courierId: 'courier-09' }),
      { courierId: 'courier-07' },
      seattle,
    );

    // Assess
    expect([stale.outcome, repeated.outcome, elsewhere.outcome]).toEqual(['ignored', 'ignored', 'ignored']);
    expect(stale.items).toBe(items);
  });
});

describe('mergePage', () => {
  it('appends a page without duplicating what the feed already brought in, keeping the newer version', () => {
    // Prepare
    const shown = [makeBooking({ reference: 'NEW', version: 4 }), makeBooking({ reference: 'A' })];
    const page = [makeBooking({ reference: 'NEW', version: 3 }), makeBooking({ reference: 'B' })];

    // Act
    const merged = mergePage(shown, page);

    // Assess
    expect(merged.map((b) => `${b.reference}@${b.version}`)).toEqual(['NEW@4', 'A@1', 'B@1']);
  });
});

describe('bookingsReducer', () => {
  it('drops the answer to a superseded request', () => {
    // Prepare
    const state = bookingsReducer(readyState(), {
      type: 'load-started',
      requestId: 2,
      filter: { day: DAY },
      more: false,
    });

    // Act
    const next = bookingsReducer(state, {
      type: 'page-loaded',
      requestId: 1,
      items: [makeBooking()],
      nextToken: null,
      more: false,
    });

    // Assess
    expect(next.phase).toBe('loading');
    expect(next.items).toEqual([]);
  });

  it('keeps a change that arrived while the first page was loading', () => {
    // Prepare
    let state = bookingsReducer(readyState(), {
      type: 'load-started',
      requestId: 2,
      filter: { day: DAY },
      more: false,
    });
    state = bookingsReducer(state, { type: 'changed', booking: makeBooking({ reference: 'A', version: 2 }), token: 1 });

    // Act
    state = bookingsReducer(state, {
      type: 'page-loaded',
      requestId: 2,
      items: [makeBooking({ reference: 'A', version: 1 }), makeBooking({ reference: 'B' })],
      nextToken: 'next',
      more: false,
    });

    // Assess
    expect(state.items.map((b) => `${b.reference}@${b.version}`)).toEqual(['A@2', 'B@1']);
    expect(state.nextToken).toBe('next');
    expect(state.phase).toBe('ready');
  });

  it('keeps the rows shown when loading more fails', () => {
    // Prepare
    let state = readyState({ items: [makeBooking()], nextToken: 'next' });
    state = bookingsReducer(state, { type: 'load-started', requestId: 2, filter: { day: DAY }, more: true });

    // Act
    state = bookingsReducer(state, { type: 'load-failed', requestId: 2, error: new Error('boom') });

    // Assess
    expect(state.phase).toBe('error');
    expect(state.items).toHaveLength(1);
    expect(state.nextToken).toBe('next');
  });

  it('flashes a changed row until its own flash ends, not an earlier one', () => {
    // Prepare
    let state = readyState({ items: [makeBooking({ reference: 'A' })] });
    state = bookingsReducer(state, { type: 'changed', booking: makeBooking({ reference: 'A', version: 2 }), token: 1 });
    state = bookingsReducer(state, { type: 'changed', booking: makeBooking({ reference: 'A', version: 3 }), token: 2 });

    // Act
    const afterFirstEnds = bookingsReducer(state, { type: 'flash-ended', reference: 'A', token: 1 });
    const afterSecondEnds = bookingsReducer(afterFirstEnds, { type: 'flash-ended', reference: 'A', token: 2 });

    // Assess
    expect(afterFirstEnds.flashes).toEqual({ A: 2 });
    expect(afterSecondEnds.flashes).toEqual({});
  });

  it('matches live changes against the filter of the list on screen', () => {
    // Prepare
    const state = bookingsReducer(readyState(), {
      type: 'load-started',
      requestId: 2,
      filter: { day: DAY, status: 'DELIVERED' },
      more: false,
    });

    // Act
    const next = bookingsReducer(state, { type: 'changed', booking: makeBooking({ status: 'BOOKED' }), token: 1 });

    // Assess
    expect(next.items).toEqual([]);
    expect(next.flashes).toEqual({});
  });
});
