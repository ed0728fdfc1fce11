// How the analytics pages word and export their figures: percentages, minutes, changes against the
// previous period, and CSV text (RFC 4180) for each view's table.

export const NO_FIGURE = '—';

export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? NO_FIGURE : `${Math.round(ratio * 100)}%`;
}

export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return NO_FIGURE;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 48 * 60) {
    const h = Math.floor(minutes / 60);
    const m = Math.round(minutes - h * 60);
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  return `${(minutes / 1440).toFixed(1)} days`;
}

export function formatRating(rating: number | null | undefined): string {
  return rating === null || rating === undefined ? NO_FIGURE : `${rating.toFixed(2)} / 5`;
}

/** "+12%", "−5%", "new" (from nothing), "0%" (both nothing). */
export function formatChange(now: number, before: number): string {
  if (before === 0) return now === 0 ? '0%' : 'new';
  const change = Math.round(((now - before) / before) * 100);
  return change > 0 ? `+${change}%` : change < 0 ? `−${Math.abs(change)}%` : '0%';
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and data rows as CSV text, CRLF line ends. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function download(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
