// The day's first page as the courier's app asks for it, in one place: the page's entry sends exactly this
// before the app has loaded (app/courier-start.ts), and the day's hook asks the same, so it gets that answer.
import { ListBookingsDocument } from '../../../../generated/graphql';
import { toListVariables } from '../../bookings/hooks/bookings-state';

/** Bookings per page of the courier's day. */
export const DAY_PAGE_SIZE = 100;

/** The first page of the courier's own deliveries on `day` (the API lists the caller's own when none is named). */
export function firstDayPageRequest(day: string) {
  return { query: ListBookingsDocument.toString(), variables: toListVariables({ day }, DAY_PAGE_SIZE, null) };
}
