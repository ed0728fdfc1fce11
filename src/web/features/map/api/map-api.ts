// The map's calls to the API: every page of a day's bookings, the courier roster, and both live feeds.
import { runOperation, subscribeTo } from '../../../lib/graphql-client';
import {
  ListBookingsDocument,
  ListCouriersDocument,
  OnBookingChangedDocument,
  OnCourierMovedDocument,
  type ListBookingsQuery,
  type ListCouriersQuery,
} from '../../../../generated/graphql';
import type { BookingFields, CourierFields } from '../../../lib/api-types';
import type { CourierMove } from '../hooks/map-state';

/** The API's largest page: fewest round trips for a busy day. */
const PAGE_SIZE = 100;

/** Every booking filed under `day`, following nextToken to the last page. */
export async function fetchDayBookings(day: string): Promise<BookingFields[]> {
  const items: BookingFields[] = [];
  let nextToken: string | null = null;
  do {
    const page: ListBookingsQuery = await runOperation(ListBookingsDocument, { day, limit: PAGE_SIZE, nextToken });
    items.push(...page.listBookings.items);
    nextToken = page.listBookings.nextToken ?? null;
  } while (nextToken !== null);
  return items;
}

/** The whole roster: couriers without a last location are kept so a first move can be named. */
export async function fetchAllCouriers(): Promise<CourierFields[]> {
  const items: CourierFields[] = [];
  let nextToken: string | null = null;
  do {
    const page: ListCouriersQuery = await runOperation(ListCouriersDocument, { limit: PAGE_SIZE, nextToken });
    items.push(...page.listCouriers.items);
    nextToken = page.listCouriers.nextToken ?? null;
  } while (nextToken !== null);
  return items;
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
