// The reports' calls to the API: every page of listBookings for each day of a range, and the courier roster
// for the filter.
import { collectPages, runOperation } from '../../../lib/graphql-client';
import { ListBookingsDocument, ListCouriersDocument, type BookingStatus } from '../../../../generated/graphql';
import type { BookingFields, CourierFields } from '../../../lib/api-types';
import { serviceRegionOf } from '../../../../core/geo/service-regions';

/** The API's largest page: fewest round trips for a long range. */
const PAGE_SIZE = 100;

export type ReportQuery = { status?: BookingStatus; courierId?: string; partnerId?: string; regionId?: string };

/**
 * One day's bookings matching the filter, following nextToken to the last page. The region (of the delivery
 * postcode) is applied here: the API files bookings by day, courier and partner, and a day's bookings are
 * read in full anyway.
 */
export async function fetchReportDay(day: string, query: ReportQuery): Promise<BookingFields[]> {
  const rows = await collectPages(
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
  return query.regionId ? rows.filter((b) => serviceRegionOf(b.delivery.postcode)?.id === query.regionId) : rows;
}

export function fetchCourierOptions(): Promise<CourierFields[]> {
  return collectPages(
    async (nextToken) => (await runOperation(ListCouriersDocument, { limit: PAGE_SIZE, nextToken })).listCouriers,
  );
}
