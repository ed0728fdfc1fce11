// The reports' calls to the API: every page of listBookings for each day of a range, and the courier roster
// for the filter.
import { collectPages, runOperation } from '../../../lib/graphql-client';
import { ListBookingsDocument, ListCouriersDocument, type BookingStatus } from '../../../../generated/graphql';
import type { BookingFields, CourierFields } from '../../../lib/api-types';

/** The API's largest page: fewest round trips for a long range. */
const PAGE_SIZE = 100;

export type ReportQuery = { status?: BookingStatus; courierId?: string; partnerId?: string };

/** One day's bookings matching the filter, following nextToken to the last page. */
export function fetchReportDay(day: string, query: ReportQuery): Promise<BookingFields[]> {
  return collectPages(
    async (nextToken) =>
      (
        await runOperation(ListBookingsDocument, {
          day,
          status: query.status ?? null,
          courierId: query.courierId ?? null,
          partnerId: query.partnerId ?? null,
          limit: PAGE_SIZE,
          nextToken,
        })
      ).listBookings,
  );
}

export function fetchCourierOptions(): Promise<CourierFields[]> {
  return collectPages(
    async (nextToken) => (await runOperation(ListCouriersDocument, { limit: PAGE_SIZE, nextToken })).listCouriers,
  );
}
