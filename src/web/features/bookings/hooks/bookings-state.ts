// The state of a live bookings list: pages from listBookings merged with changes from onBookingChanged.
import type { BusinessCalendar } from '../../../../core/business-calendar';
import type { BookingStatus } from '../../../../core/model';
import type { ListBookingsQueryVariables, OnBookingChangedSubscriptionVariables } from '../../../../generated/graphql';
import type { BookingFields } from '../../../lib/api-types';

/** What the list shows; empty fields mean "any". `day` is YYYY-MM-DD, the pickup window start's company day. */
export type BookingFilter = {
  day?: string;
  status?: BookingStatus;
  courierId?: string;
  partnerId?: string;
};

export type ChangeOutcome = 'inserted' | 'updated' | 'removed' | 'ignored';

export type BookingsState = {
  /** The company's calendar, whose days the filter's day is one of. */
  calendar: BusinessCalendar;
  /** The filter of the list on screen: live changes are matched against it. */
  filter: BookingFilter;
  items: BookingFields[];
  nextToken: string | null;
  phase: 'loading' | 'ready' | 'loading-more' | 'error';
  error: unknown;
  /** The request whose answer the list is waiting for; older answers are dropped. */
  requestId: number;
  /** Rows changed live, by reference, with a token that changes on every change (to replay the highlight). */
  flashes: Record<string, number>;
  liveError: unknown;
};

export type BookingsAction =
  | { type: 'load-started'; requestId: number; filter: BookingFilter; more: boolean }
  | { type: 'page-loaded'; requestId: number; items: BookingFields[]; nextToken: string | null; more: boolean }
  | { type: 'load-failed'; requestId: number; error: unknown }
  | { type: 'changed'; booking: BookingFields; token: number }
  | { type: 'flash-ended'; reference: string; token: number }
  | { type: 'live-started' }
  | { type: 'live-failed'; error: unknown };

export function initialBookingsState(calendar: BusinessCalendar): BookingsState {
  return {
    calendar,
    filter: {},
    items: [],
    nextToken: null,
    phase: 'loading',
    error: null,
    requestId: 0,
    flashes: {},
    liveError: null,
  };
}

/**
 * Whether a booking belongs in a list with this filter: the same rule listBookings applies, which files a
 * booking under the company day its pickup window starts on.
 */
export function matchesFilter(booking: BookingFields, filter: BookingFilter, calendar: BusinessCalendar): boolean {
  if (filter.day && calendar.dayOf(booking.pickupWindow.start) !== filter.day) return false;
  if (filter.status && booking.status !== filter.status) return false;
  if (filter.courierId && booking.courierId !== filter.courierId) return false;
  if (filter.partnerId && booking.partnerId !== filter.partnerId) return false;
  return true;
}

export function toListVariables(
  filter: BookingFilter,
  limit: number,
  nextToken: string | null,
): ListBookingsQueryVariables {
  return {
    day: filter.day || null,
    status: filter.status ?? null,
    courierId: filter.courierId || null,
    partnerId: filter.partnerId || null,
    limit,
    nextToken,
  };
}

/** The server filters the change feed by courier and partner; day and status are checked on arrival. */
export function toSubscriptionVariables(filter: BookingFilter): OnBookingChangedSubscriptionVariables {
  const variables: OnBookingChangedSubscriptionVariables = {};
  if (filter.courierId) variables.courierId = filter.courierId;
  if (filter.partnerId) variables.partnerId = filter.partnerId;
  return variables;
}

/** Adds a page, keeping the newer version of any booking that a live change already brought in. */
export function mergePage(items: BookingFields[], page: BookingFields[]): BookingFields[] {
  const index = new Map(items.map((booking, position) => [booking.reference, position]));
  const merged = [...items];
  for (const booking of page) {
    const position = index.get(booking.reference);
    if (position === undefined) {
      index.set(booking.reference, merged.length);
      merged.push(booking);
    } else if ((merged[position]?.version ?? 0) < booking.version) {
      merged[position] = booking;
    }
  }
  return merged;
}

/**
 * Applies one change from the feed: new matching bookings go on top, changed ones stay in place,
 * ones that no longer match leave. Stale or repeated versions change nothing (the feed may redeliver).
 */
export function applyChange(
  items: BookingFields[],
  booking: BookingFields,
  filter: BookingFilter,
  calendar: BusinessCalendar,
): { items: BookingFields[]; outcome: ChangeOutcome } {
  const position = items.findIndex((item) => item.reference === booking.reference);
  const matches = matchesFilter(booking, filter, calendar);
  if (position === -1) {
    return matches ? { items: [booking, ...items], outcome: 'inserted' } : { items, outcome: 'ignored' };
  }
  const current = items[position];
  if (current && current.version >= booking.version) return { items, outcome: 'ignored' };
  if (!matches) return { items: items.filter((_, i) => i !== position), outcome: 'removed' };
  return { items: items.map((item, i) => (i === position ? booking : item)), outcome: 'updated' };
}

export function bookingsReducer(state: BookingsState, action: BookingsAction): BookingsState {
  switch (action.type) {
    case 'load-started':
      return action.more
        ? { ...state, phase: 'loading-more', error: null, requestId: action.requestId }
        : {
            ...initialBookingsState(state.calendar),
            filter: action.filter,
            liveError: state.liveError,
            requestId: action.requestId,
          };
    case 'page-loaded':
      if (action.requestId !== state.requestId) return state;
      return {
        ...state,
        // A first page lands on an emptied list, which holds only what the feed brought in meanwhile.
        items: mergePage(state.items, action.items),
        nextToken: action.nextToken,
        phase: 'ready',
        error: null,
      };
    case 'load-failed':
      if (action.requestId !== state.requestId) return state;
      return { ...state, phase: 'error', error: action.error };
    case 'changed': {
      const { items, outcome } = applyChange(state.items, action.booking, state.filter, state.calendar);
      if (outcome === 'ignored') return state;
      const flashes = { ...state.flashes };
      if (outcome === 'removed') delete flashes[action.booking.reference];
      else flashes[action.booking.reference] = action.token;
      return { ...state, items, flashes };
    }
    case 'flash-ended': {
      if (state.flashes[action.reference] !== action.token) return state;
      const flashes = { ...state.flashes };
      delete flashes[action.reference];
      return { ...state, flashes };
    }
    case 'live-started':
      return state.liveError === null ? state : { ...state, liveError: null };
    case 'live-failed':
      return { ...state, liveError: action.error };
  }
}
