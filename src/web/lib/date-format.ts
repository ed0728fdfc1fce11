// Dates and times as the app shows them: days of the company's calendar and times on the company's clock,
// labelled with its zone's short name ("5:00 PM PDT"). The viewer's locale decides the wording; the
// viewer's time zone decides nothing.
import type { BusinessCalendar } from '../../core/business-calendar';

type Instant = string | Date;

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are slow to build and tables format hundreds of cells: one per locale, zone and shape. */
function formatter(locale: string | undefined, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale ?? ''}|${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

const toDate = (instant: Instant) => (instant instanceof Date ? instant : new Date(instant));

/** "5:00 PM PDT": a time on the company's clock. */
export function formatTime(instant: Instant, calendar: BusinessCalendar, locale?: string): string {
  const at = toDate(instant);
  const time = formatter(locale, calendar.timeZone, { hour: 'numeric', minute: '2-digit' }).format(at);
  return `${time} ${calendar.zoneName(at)}`;
}

/** "9:00 – 11:00 AM PDT": a pickup window, as compact as the locale allows, labelled with the start's zone. */
export function formatWindow(start: Instant, end: Instant, calendar: BusinessCalendar, locale?: string): string {
  const from = toDate(start);
  const range = formatter(locale, calendar.timeZone, { hour: 'numeric', minute: '2-digit' }).formatRange(
    from,
    toDate(end),
  );
  return `${range} ${calendar.zoneName(from)}`;
}

/** "Mar 3, 5:00 – 7:00 PM PST": a pickup window with its company day. */
export function formatDatedWindow(start: Instant, end: Instant, calendar: BusinessCalendar, locale?: string): string {
  const from = toDate(start);
  const range = formatter(locale, calendar.timeZone, {
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).formatRange(from, toDate(end));
  return `${range} ${calendar.zoneName(from)}`;
}

/** "Mar 3, 5:00 PM PST": an instant with its company day, for timelines and details. */
export function formatDateTime(instant: Instant, calendar: BusinessCalendar, locale?: string): string {
  const at = toDate(instant);
  const shown = formatter(locale, calendar.timeZone, {
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(at);
  return `${shown} ${calendar.zoneName(at)}`;
}

/** "Nov 26, 1:53:07 PM PST": a call time to the second (an audit trail tells calls a moment apart). */
export function formatSecond(instant: Instant, calendar: BusinessCalendar, locale?: string): string {
  const at = toDate(instant);
  const shown = formatter(locale, calendar.timeZone, {
    day: 'numeric',
    month: 'short',
    hour: 'numeric',
    minute: '2-digit',
    second: '2-digit',
  }).format(at);
  return `${shown} ${calendar.zoneName(at)}`;
}

/** "Feb 24, 2027": the company day an instant falls on, with its year (tokens live for months or years). */
export function formatDate(instant: Instant, calendar: BusinessCalendar, locale?: string): string {
  return formatter(locale, calendar.timeZone, { dateStyle: 'medium' }).format(toDate(instant));
}

/** "just now", "5 min ago", "3 h ago", then the date and time: how fresh a row is. */
export function formatAge(instant: Instant, now: Date, calendar: BusinessCalendar, locale?: string): string {
  const seconds = Math.round((now.getTime() - toDate(instant).getTime()) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return formatDateTime(instant, calendar, locale);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-03-03 17:00 PST": a locale-free stamp on the company's clock, for exported documents. */
export function formatStamp(instant: Instant, calendar: BusinessCalendar): string {
  const at = toDate(instant);
  const { hour, minute } = calendar.timeOf(at);
  return `${calendar.dayOf(at)} ${pad(hour)}:${pad(minute)} ${calendar.zoneName(at)}`;
}

/**
 * "2026-03-03T17:00:00-08:00": ISO 8601 on the company's clock with its UTC offset, for CSV cells a
 * spreadsheet reads as the company's wall time and a program reads as the exact instant.
 */
export function formatIsoLocal(instant: Instant, calendar: BusinessCalendar): string {
  const at = toDate(instant);
  const parts = Object.fromEntries(
    formatter('en-US', calendar.timeZone, {
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  const offsetMinutes = Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}
