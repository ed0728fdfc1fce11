// The reports' calls to the API: every page of listBookings for each day of a range, and the courier roster
// for the filter.
import { runOperation } from '../../../lib/graphql-client';
import {
  ListBookingsDocument,
  ListCouriersDocument,
  type BookingStatus,
  type ListBookingsQuery,
  type ListCouriersQuery,
} from '../../../../generated/graphql';
import type { BookingFields, CourierFields } from '../../../lib/api-types';

/** The API's largest page: fewest round trips for a long range. */
const PAGE_SIZE = 100;

export type ReportQuery = { status?: BookingStatus; courierId?: string; partnerId?: string };

/** One day's bookings matching the filter, following nextToken to the last page. */
export async function fetchReportDay(day: string, query: ReportQuery): Promise<BookingFields[]> {
  const items: BookingFields[] = [];
  let nextToken: string | null = null;
  do {
    const page: ListBookingsQuery = await runOperation(ListBookingsDocument, {
      day,
      status: query.status ?? null,
      courierId: query.courierId ?? null,
      partnerId: query.partnerId ?? null,
      limit: PAGE_SIZE,
      nextToken,
    });
    items.push(...page.listBookings.items);
    nextToken = page.listBookings.nextToken ?? null;
  } while (nextToken !== null);
  return items;
}

export async function fetchCourierOptions(): Promise<CourierFields[]> {
  const items: CourierFields[] = [];
  let nextToken: string | null = null;
  do {
    const page: ListCouriersQuery = await runOperation(ListCouriersDocument, { limit: PAGE_SIZE, nextToken });
    items.push(...page.listCouriers.items);
    nextToken = page.listCouriers.nextToken ?? null;
  } while (nextToken !== null);
  return items;
}
