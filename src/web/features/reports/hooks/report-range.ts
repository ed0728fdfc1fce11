// The report's date range: validated, capped, and expanded into the UTC days the API files bookings under.

/** Longest range a report covers: one listBookings walk per day keeps it bounded. */
export const MAX_REPORT_DAYS = 92;

export type RangeCheck = { ok: true; days: string[] } | { ok: false; message: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function reportDays(from: string, to: string): RangeCheck {
  if (!DAY.test(from) || !DAY.test(to)) return { ok: false, message: 'Choose both a start and an end date.' };
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(start) || Number.isNaN(end)) return { ok: false, message: 'Choose both a start and an end date.' };
  if (end < start) return { ok: false, message: 'The end date is before the start date: swap them.' };
  const count = Math.round((end - start) / 86_400_000) + 1;
  if (count > MAX_REPORT_DAYS) {
    return { ok: false, message: `A report covers at most ${MAX_REPORT_DAYS} days: shorten the range.` };
  }
  return {
    ok: true,
    days: Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10)),
  };
}
