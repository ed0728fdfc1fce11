// The map's calls to the API: every page of a day's bookings, the courier roster, and both live feeds.
import { collectPages, runOperation, subscribeTo } from '../../../lib/graphql-client';
import {
  ListBookingsDocument,
  ListCouriersDocument,
  OnBookingChangedDocument,
  OnCourierMovedDocument,
} from '../../../../generated/graphql';
import type { BookingFields, CourierFields } from '../../../lib/api-types';
import type { CourierMove } from '../hooks/map-state';

/** The API's largest page: fewest round trips for a busy day. */
const PAGE_SIZE = 100;

/** Every booking filed under `day`, following nextToken to the last page. */
export function fetchDayBookings(day: string): Promise<BookingFields[]> {
  return collectPages(
    async (nextToken) => (await runOperation(ListBookingsDocument, { day, limit: PAGE_SIZE, nextToken })).listBookings,
  );
}

/** The whole roster: couriers without a last location are kept so a first move can be named. */
export function fetchAllCouriers(): Promise<CourierFields[]> {
  return collectPages(
    async (nextToken) => (await runOperation(ListCouriersDocument, { limit: PAGE_SIZE, nextToken })).listCouriers,
  );
}

export function watchAllBookings(onBooking: (booking: BookingFields) => void, onError: (error: unknown) => void) {
  return subscribeTo(
    OnBookingChangedDocument,
    {},
    {
      next: (data) => {
        if (data.onBookingChanged) onBooking(data.onBookingChanged);
      },
      error: onError,
    },
  );
}

export function watchAllCouriers(onMove: (move: CourierMove) => void, onError: (error: unknown) => void) {
  return subscribeTo(
    OnCourierMovedDocument,
    {},
    {
      next: (data) => {
        if (data.onCourierMoved) onMove(data.onCourierMoved);
      },
      error: onError,
    },
  );
}
