import { describe, it, expect } from 'vitest';
import { createBusinessCalendar } from '../../../../core/business-calendar';
import { makeBooking } from '../../../testing/booking-factory';
import { extractPdfText } from '../../../../../tests/support/pdf-text';
import { bookingsToPdf, pdfSafe, PDF_CHUNK_ROWS, reportKpis } from './report-pdf';

const header = {
  from: '2025-03-01',
  to: '2025-03-03',
  filters: 'status Delivered',
  generatedAt: '2025-03-04 10:00 PST',
};
const seattle = createBusinessCalendar('America/Los_Angeles');

describe('report PDF', () => {
  it('holds the header, the KPIs and every row, over several pages', async () => {
    // Prepare
    const rows = Array.from({ length: 60 }, (_, i) =>
      makeBooking({
        reference: `R${String(i).padStart(2, '0')}-AAA-1`,
        status: i % 3 === 0 ? 'FAILED_DELIVERY' : 'DELIVERED',
      }),
    );

    // Act
    const pages = extractPdfText(await bookingsToPdf(rows, header, seattle));
    const text = pages.join('\n');

    // Assess
    expect(pages.length).toBeGreaterThan(1);
    expect(text).toContain('Bookings report: 2025-03-01 to 2025-03-03');
    expect(text).toContain('Filters: status Delivered');
    expect(text).toContain('Bookings: 60');
    expect(text).toContain('Delivery success: 67%');
    expect(text.match(/R\d\d-AAA-1/g)).toEqual(rows.map((b) => b.reference));
    expect(text).toContain(`Page ${pages.length} of ${pages.length}`);
  });

  it("shows pickup and delivery times on the company's clock, labelled with its zone", async () => {
    // Prepare: picked up 5 pm Pacific on 3 March (01:00 UTC on the 4th), delivered at 6:15 pm.
    const booking = makeBooking({
      status: 'DELIVERED',
      pickupWindow: { start: '2025-03-04T01:00:00.000Z', end: '2025-03-04T03:00:00.000Z' },
    });
    booking.history = [
      ...booking.history,
      { ...booking.history[0]!, status: 'DELIVERED', at: '2025-03-04T02:15:00.000Z' },
    ];

    // Act
    const text = extractPdfText(await bookingsToPdf([booking], header, seattle)).join('\n');

    // Assess
    expect(text).toContain('Days and times in America/Los_Angeles');
    expect(text).toContain('generated 2025-03-04 10:00 PST');
    expect(text).toContain('2025-03-03 17:00 PST');
    expect(text).toContain('2025-03-03 18:15 PST');
    expect(text).not.toMatch(/UTC/);
  });

  it('keeps going when a name is outside what the font can draw', async () => {
    // Prepare
    const rows = [makeBooking({ customerName: 'Zoë 王 Smith – 😀' })];

    // Act
    const text = extractPdfText(await bookingsToPdf(rows, header, seattle)).join('\n');

    // Assess
    expect(pdfSafe('Zoë 王 – 😀')).toBe('Zoë ? - ??');
    expect(text).toContain('Zoë ? Smith - ??');
    expect(reportKpis(rows)[0]).toBe('Bookings: 1');
  });

  it('reports progress while drawing a large table, ending at every row', async () => {
    // Prepare
    const rows = Array.from({ length: PDF_CHUNK_ROWS * 2 + 1 }, (_, i) => makeBooking({ reference: `P${i}` }));
    const reports: number[] = [];

    // Act
    await bookingsToPdf(rows, header, seattle, (done, total) => {
      expect(total).toBe(rows.length);
      reports.push(done);
    });

    // Assess
    expect(reports).toEqual([PDF_CHUNK_ROWS, PDF_CHUNK_ROWS * 2, rows.length]);
  });
});
