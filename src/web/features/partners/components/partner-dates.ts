// Dates as the partners pages show them: calendar days with their year (tokens live for months or years),
// and call times to the second (the audit trail tells calls a moment apart).

/** "Feb 24, 2027" in the viewer's locale. */
export function formatDay(instant: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(instant));
}

/** "Nov 26, 13:53:07" in the viewer's locale. */
export function formatCallTime(instant: string, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone,
  }).format(new Date(instant));
}
