// Dates and times as the app shows them: in the viewer's locale and time zone.

/** Today's calendar date where the user is, as YYYY-MM-DD (the day filter's default). */
export function localDay(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** The UTC calendar day of an instant: the API files a booking under its pickup window start's UTC day. */
export function utcDay(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** "14:05" in the viewer's locale. */
export function formatTime(instant: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(instant));
}

/** "9:00 – 11:00 AM" / "09:00–11:00": a pickup window on the day being viewed, as compact as the locale allows. */
export function formatWindow(start: string, end: string, locale?: string, timeZone?: string): string {
  const format = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone });
  return format.formatRange(new Date(start), new Date(end));
}

/** "3 Mar, 14:05": an instant shown with its date, for timelines. */
export function formatDateTime(instant: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(instant));
}

/** "just now", "5 min ago", "3 h ago", then the date: how fresh a row is. */
export function formatAge(instant: string, now: Date = new Date(), locale?: string, timeZone?: string): string {
  const seconds = Math.round((now.getTime() - new Date(instant).getTime()) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return formatDateTime(instant, locale, timeZone);
}
