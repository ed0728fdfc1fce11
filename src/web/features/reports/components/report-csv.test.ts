import { describe, it, expect } from 'vitest';
import { createBusinessCalendar } from '../../../../core/business-calendar';
import { makeBooking } from '../../../testing/booking-factory';
import {
  bookingCsvRow,
  bookingsToCsv,
  bookingsToCsvWithProgress,
  csvCell,
  CSV_CHUNK_ROWS,
  CSV_COLUMNS,
} from './report-csv';

const seattle = createBusinessCalendar('America/Los_Angeles');

describe('report CSV', () => {
  it('quotes separators, quotes and line breaks, and defuses formulas', () => {
    // Act
    const cells = [csvCell('plain'), csvCell('a, b'), csvCell('say "hi"'), csvCell('two\nlines'), csvCell('=SUM(A1)')];

    // Assess
    expect(cells).toEqual(['plain', '"a, b"', '"say ""hi"""', '"two\nlines"', "'=SUM(A1)"]);
    expect(csvCell(-3)).toBe('-3');
  });

  it('writes a header and one row per booking, in order', () => {
    // Prepare
    const rows = [
      makeBooking({ reference: 'AAA-111-1' }),
      makeBooking({ reference: 'BBB-222-2', status: 'DELIVERED' }),
    ];

    // Act
    const lines = bookingsToCsv(rows, seattle).trimEnd().split('\r\n');

    // Assess
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 1)[0])).toEqual(['AAA-111-1', 'BBB-222-2']);
    expect(lines[2]).toContain(',DELIVERED,');
  });

  it("files a row under the company's pickup day and writes times on the company's clock", () => {
    // Prepare: 5 pm Pacific on 3 March is 01:00 UTC on 4 March.
    const evening = makeBooking({
      reference: 'EVE-NIN-G',
      pickupWindow: { start: '2025-03-04T01:00:00.000Z', end: '2025-03-04T03:00:00.000Z' },
      createdAt: '2025-07-01T18:30:00.000Z',
    });

    // Act
    const row = bookingCsvRow(evening, seattle);
    const cells = Object.fromEntries(CSV_COLUMNS.map((column, i) => [column, row[i]]));

    // Assess
    expect(cells.pickup_day).toBe('2025-03-03');
    expect(cells.pickup_window_start).toBe('2025-03-03T17:00:00-08:00');
    expect(cells.pickup_window_end).toBe('2025-03-03T19:00:00-08:00');
    expect(cells.created_at).toBe('2025-07-01T11:30:00-07:00');
    expect(new Date(cells.pickup_window_start!).toISOString()).toBe(evening.pickupWindow.start);
  });

  it('names the delivery region of each row', () => {
    // Prepare
    const booking = makeBooking({ reference: 'AAA-111-1' });
    const ballard = { ...booking, delivery: { ...booking.delivery, postcode: '98107' } };
    const outside = { ...booking, delivery: { ...booking.delivery, postcode: '10001' } };

    // Act
    const lines = bookingsToCsv([ballard, outside], seattle).trimEnd().split('\r\n');

    // Assess
    expect(CSV_COLUMNS.at(-1)).toBe('delivery_region');
    expect(lines[1]!.endsWith(',Northwest')).toBe(true);
    expect(lines[2]!.endsWith(',')).toBe(true);
  });

  it('builds a large CSV in chunks, reporting progress, with the same content', async () => {
    // Prepare
    const rows = Array.from({ length: CSV_CHUNK_ROWS * 2 + 7 }, (_, i) => makeBooking({ reference: `R${i}` }));
    const reports: [number, number][] = [];

    // Act
    const csv = await bookingsToCsvWithProgress(rows, seattle, (done, total) => reports.push([done, total]));

    // Assess
    expect(csv).toBe(bookingsToCsv(rows, seattle));
    expect(reports).toEqual([
      [CSV_CHUNK_ROWS, rows.length],
      [CSV_CHUNK_ROWS * 2, rows.length],
      [rows.length, rows.length],
    ]);
  });
});
