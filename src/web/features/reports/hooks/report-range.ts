// The report's date range: validated, capped, and expanded into the company days the API files bookings under.
import { daysBetween, daysFrom, isDay } from '../../../../core/business-calendar';

/** Longest range a report covers: one listBookings walk per day keeps it bounded. */
export const MAX_REPORT_DAYS = 92;

export type RangeCheck = { ok: true; days: string[] } | { ok: false; message: string };

/** `from` and `to` are company days (YYYY-MM-DD), both included. */
export function reportDays(from: string, to: string): RangeCheck {
  if (!isDay(from) || !isDay(to)) return { ok: false, message: 'Choose both a start and an end date.' };
  const span = daysBetween(from, to);
  if (span < 0) return { ok: false, message: 'The end date is before the start date: swap them.' };
  if (span + 1 > MAX_REPORT_DAYS) {
    return { ok: false, message: `A report covers at most ${MAX_REPORT_DAYS} days: shorten the range.` };
  }
  return { ok: true, days: daysFrom(from, to) };
}
