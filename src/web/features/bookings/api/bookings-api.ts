// The bookings feature's calls to the API: pages of listBookings and the onBookingChanged feed.
import { runOperation, subscribeTo } from '../../../lib/graphql-client';
import { ListBookingsDocument, OnBookingChangedDocument } from '../../../../generated/graphql';
import type { BookingFields } from '../../../lib/api-types';
import { toListVariables, toSubscriptionVariables, type BookingFilter } from '../hooks/bookings-state';

export type BookingsPage = { items: BookingFields[]; nextToken: string | null };

export async function fetchBookingsPage(
  filter: BookingFilter,
  limit: number,
  nextToken: string | null,
): Promise<BookingsPage> {
  const { listBookings } = await runOperation(ListBookingsDocument, toListVariables(filter, limit, nextToken));
  return { items: listBookings.items, nextToken: listBookings.nextToken ?? null };
}

/** Follows changes to bookings the filter's courier/partner scope covers; returns the stop function. */
export function watchBookingChanges(
  filter: BookingFilter,
  onBooking: (booking: BookingFields) => void,
  onError: (error: unknown) => void,
): () => void {
  return subscribeTo(OnBookingChangedDocument, toSubscriptionVariables(filter), {
    next: (data) => {
      if (data.onBookingChanged) onBooking(data.onBookingChanged);
    },
    error: onError,
  });
}
