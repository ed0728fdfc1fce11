import { describe, it, expect } from 'vitest';
import { makeBooking } from '../../../testing/booking-factory';
import { extractPdfText } from '../../../../../tests/support/pdf-text';
import { bookingsToPdf, pdfSafe, PDF_CHUNK_ROWS, reportKpis } from './report-pdf';

const header = { from: '2025-03-01', to: '2025-03-03', filters: 'status Delivered', generatedAt: '2025-03-04 10:00' };

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
    const pages = extractPdfText(await bookingsToPdf(rows, header));
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

  it('keeps going when a name is outside what the font can draw', async () => {
    // Prepare
    const rows = [makeBooking({ customerName: 'Zoë 王 Smith – 😀' })];

    // Act
    const text = extractPdfText(await bookingsToPdf(rows, header)).join('\n');

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
    await bookingsToPdf(rows, header, (done, total) => {
      expect(total).toBe(rows.length);
      reports.push(done);
    });

    // Assess
    expect(reports).toEqual([PDF_CHUNK_ROWS, PDF_CHUNK_ROWS * 2, rows.length]);
  });
});
