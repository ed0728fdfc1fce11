import { describe, it, expect } from 'vitest';
import { makeBooking } from '../../../testing/booking-factory';
import { bookingsToCsv, csvCell, CSV_COLUMNS } from './report-csv';

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
});
