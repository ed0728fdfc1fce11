import { describe, it, expect } from 'vitest';
import { makeBooking } from '../../../testing/booking-factory';
import { bookingsToCsv, bookingsToCsvWithProgress, csvCell, CSV_CHUNK_ROWS, CSV_COLUMNS } from './report-csv';

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
    const lines = bookingsToCsv(rows).trimEnd().split('\r\n');

    // Assess
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 1)[0])).toEqual(['AAA-111-1', 'BBB-222-2']);
    expect(lines[2]).toContain(',DELIVERED,');
  });

  it('names the delivery region of each row', () => {
    // Prepare
    const booking = makeBooking({ reference: 'AAA-111-1' });
    const ballard = { ...booking, delivery: { ...booking.delivery, postcode: '98107' } };
    const outside = { ...booking, delivery: { ...booking.delivery, postcode: '10001' } };

    // Act
    const lines = bookingsToCsv([ballard, outside]).trimEnd().split('\r\n');

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
    const csv = await bookingsToCsvWithProgress(rows, (done, total) => reports.push([done, total]));

    // Assess
    expect(csv).toBe(bookingsToCsv(rows));
    expect(reports).toEqual([
      [CSV_CHUNK_ROWS, rows.length],
      [CSV_CHUNK_ROWS * 2, rows.length],
      [rows.length, rows.length],
    ]);
  });
});
