// The report's CSV: exactly the rows shown (all pages), RFC 4180 quoting, and cells that a spreadsheet
// will not run as formulas. Days are company days; times are on the company's clock with their UTC offset.
import type { BusinessCalendar } from '../../../../core/business-calendar';
import type { BookingFields } from '../../../lib/api-types';
import { addressLine } from '../../../lib/booking-text';
import { formatIsoLocal } from '../../../lib/date-format';
import { serviceRegionOf } from '../../../../core/geo/service-regions';

export const CSV_COLUMNS = [
  'reference',
  'pickup_day',
  'status',
  'customer_name',
  'customer_phone',
  'pickup_address',
  'delivery_address',
  'courier_id',
  'partner_id',
  'channel',
  'pickup_window_start',
  'pickup_window_end',
  'eta',
  'delivered_at',
  'created_at',
  'delivery_region',
] as const;

/** Quotes when needed; a leading =, +, - or @ is defused so the cell stays text (CSV injection). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function bookingCsvRow(b: BookingFields, calendar: BusinessCalendar): string[] {
  const delivered = b.history.findLast((event) => event.status === 'DELIVERED');
  const time = (instant: string | null | undefined) => (instant ? formatIsoLocal(instant, calendar) : '');
  return [
    b.reference,
    calendar.dayOf(b.pickupWindow.start),
    b.status,
    b.customerName,
    b.customerPhone,
    addressLine(b.pickup),
    addressLine(b.delivery),
    b.courierId ?? '',
    b.partnerId ?? '',
    b.channel,
    time(b.pickupWindow.start),
    time(b.pickupWindow.end),
    time(b.eta),
    time(delivered?.at),
    time(b.createdAt),
    serviceRegionOf(b.delivery.postcode)?.name ?? '',
  ].map(csvCell);
}

export function bookingsToCsv(rows: BookingFields[], calendar: BusinessCalendar): string {
  return [CSV_COLUMNS.join(','), ...rows.map((row) => bookingCsvRow(row, calendar).join(','))].join('\r\n') + '\r\n';
}

/** Rows converted between two progress reports (and yields to the page, so it stays responsive). */
export const CSV_CHUNK_ROWS = 2_000;

/** The same CSV, built in chunks with progress, for exports large enough to notice. */
export async function bookingsToCsvWithProgress(
  rows: BookingFields[],
  calendar: BusinessCalendar,
  onProgress: (done: number, total: number) => void,
): Promise<string> {
  const lines = [CSV_COLUMNS.join(',')];
  for (let start = 0; start < rows.length; start += CSV_CHUNK_ROWS) {
    for (const row of rows.slice(start, start + CSV_CHUNK_ROWS)) lines.push(bookingCsvRow(row, calendar).join(','));
    onProgress(Math.min(start + CSV_CHUNK_ROWS, rows.length), rows.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return lines.join('\r\n') + '\r\n';
}
