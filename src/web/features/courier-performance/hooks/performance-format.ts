// The performance page's periods and wording: the company days a period covers, the chart span shown with it,
// and how ranks, money, hours and regions read. Pure, so the page's figures are what the tests compute.
import { addDays, monthOf, weekOf } from '../../../../core/business-calendar';
import { SERVICE_REGIONS } from '../../../../core/geo/service-regions';
import type { Granularity, Range } from '../api/performance-api';

export type Period = 'day' | 'week' | 'month';
export const PERIODS: { id: Period; label: string; granularity: Granularity; phrase: string }[] = [
  { id: 'day', label: 'Today', granularity: 'DAY', phrase: 'today' },
  { id: 'week', label: 'This week', granularity: 'WEEK', phrase: 'this week' },
  { id: 'month', label: 'This month', granularity: 'MONTH', phrase: 'this month' },
];

/** The company days of the current day, ISO week or month, up to today. */
export function periodRange(period: Period, today: string): Range {
  if (period === 'day') return { from: today, to: today };
  if (period === 'week') return { from: weekOf(today), to: today };
  return { from: `${monthOf(today)}-01`, to: today };
}

/** The chart beside a period: the last 14 days, 8 weeks or 6 months, ending with the current one. */
export function chartRange(period: Period, today: string): Range {
  if (period === 'day') return { from: addDays(today, -13), to: today };
  if (period === 'week') return { from: addDays(weekOf(today), -7 * 7), to: today };
  const [y, m] = monthOf(today).split('-').map(Number) as [number, number];
  const back = new Date(Date.UTC(y, m - 1 - 5, 1)).toISOString().slice(0, 10);
  return { from: back, to: today };
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

export const MEASURE_NAMES = {
  SUCCESS_RATE: 'success rate',
  DELIVERED: 'deliveries',
  ON_TIME_RATE: 'on-time deliveries',
  AVERAGE_RATING: 'customer rating',
} as const;

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
}

export const percent = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`;
export const minutes = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${Math.round(x)} min`);
export const hourSpan = (h: number) => `${String(h).padStart(2, '0')}:00–${String((h + 1) % 24).padStart(2, '0')}:00`;

const REGION_NAMES = new Map<string, string>([
  ...SERVICE_REGIONS.map((r) => [r.id, r.name] as [string, string]),
  ['other', 'Outside the regions'],
]);
export const regionName = (id: string) => REGION_NAMES.get(id) ?? id;

/** A bucket's label on the chart: "Mon 3", "w/c 3 Nov", "Nov". */
export function bucketLabel(start: string, granularity: Granularity): string {
  const date = new Date(`${start}T12:00:00Z`);
  if (granularity === 'DAY')
    return date.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', timeZone: 'UTC' });
  if (granularity === 'WEEK')
    return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return date.toLocaleDateString(undefined, { month: 'short', timeZone: 'UTC' });
}
