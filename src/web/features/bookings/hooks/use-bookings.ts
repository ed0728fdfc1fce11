// A bookings list that loads page by page and stays current through the onBookingChanged feed.
import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { fetchBookingsPage, watchBookingChanges } from '../api/bookings-api';
import { bookingsReducer, initialBookingsState, type BookingFilter, type BookingsState } from './bookings-state';

/** How long a row changed live stays highlighted. */
export const FLASH_MS = 2400;

export type BookingsList = Pick<BookingsState, 'items' | 'phase' | 'error' | 'flashes' | 'liveError'> & {
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
};

export function useBookings(filter: BookingFilter, pageSize = 50): BookingsList {
  const { day, status, courierId, partnerId } = filter;
  const current = useMemo(() => ({ day, status, courierId, partnerId }), [day, status, courierId, partnerId]);
  const calendar = useCompanyCalendar();
  const [state, dispatch] = useReducer(bookingsReducer, calendar, initialBookingsState);
  const requests = useRef(0);
  const flashTokens = useRef(0);

  const load = useCallback(
    (nextToken: string | null) => {
      const requestId = ++requests.current;
      const more = nextToken !== null;
      dispatch({ type: 'load-started', requestId, filter: current, more });
      fetchBookingsPage(current, pageSize, nextToken).then(
        (page) => dispatch({ type: 'page-loaded', requestId, items: page.items, nextToken: page.nextToken, more }),
        (error: unknown) => dispatch({ type: 'load-failed', requestId, error }),
      );
    },
    [current, pageSize],
  );

  useEffect(() => load(null), [load]);

  useEffect(() => {
    dispatch({ type: 'live-started' });
    return watchBookingChanges(
      { courierId, partnerId },
      (booking) => {
        const token = ++flashTokens.current;
        dispatch({ type: 'changed', booking, token });
        setTimeout(() => dispatch({ type: 'flash-ended', reference: booking.reference, token }), FLASH_MS);
      },
      (error) => dispatch({ type: 'live-failed', error }),
    );
  }, [courierId, partnerId]);

  const { nextToken } = state;
  const loadMore = useCallback(() => {
    if (nextToken !== null) load(nextToken);
  }, [load, nextToken]);
  const reload = useCallback(() => load(null), [load]);

  return {
    items: state.items,
    phase: state.phase,
    error: state.error,
    flashes: state.flashes,
    liveError: state.liveError,
    hasMore: nextToken !== null,
    loadMore,
    reload,
  };
}
