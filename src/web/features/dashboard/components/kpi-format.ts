// How the dashboard words its figures: ratios as percentages, durations in minutes or hours, and a dash
// where there is nothing to measure yet.

export const NO_FIGURE = '—';

export function formatPercent(ratio: number | null | undefined): string {
  return ratio === null || ratio === undefined ? NO_FIGURE : `${Math.round(ratio * 100)}%`;
}

export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return NO_FIGURE;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes - h * 60);
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function formatRating(rating: number | null | undefined): string {
  return rating === null || rating === undefined ? NO_FIGURE : `${rating.toFixed(1)} / 5`;
}

/** "12 min late", "3 h 5 min late". */
export function formatLateness(minutesLate: number): string {
  return `${formatMinutes(minutesLate)} late`;
}
