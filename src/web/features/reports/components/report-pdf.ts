// The report as a PDF (pdf-lib, standard Helvetica): a header with the range and filters, the KPIs of the
// rows, then the table of exactly the filtered rows over as many A4 landscape pages as it takes. Days and
// times are the company's, each time labelled with its zone.
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { BusinessCalendar } from '../../../../core/business-calendar';
import type { BookingFields } from '../../../lib/api-types';
import { STATUS_LOOK, STATUS_ORDER } from '../../../lib/booking-status';
import { formatStamp } from '../../../lib/date-format';

/** `from` and `to` are company days; `generatedAt` is shown as given. */
export type ReportHeader = { from: string; to: string; filters: string; generatedAt: string };

const PAGE: [number, number] = [841.89, 595.28];
const MARGIN = 36;
const ROW_HEIGHT = 14;
type Column = { title: string; width: number; cell: (b: BookingFields) => string };

/** "2026-03-03 17:00 PST" fits the time columns: 91 pt at 9 pt Helvetica. */
function columns(calendar: BusinessCalendar): Column[] {
  const delivered = (b: BookingFields) => b.history.findLast((e) => e.status === 'DELIVERED')?.at;
  return [
    { title: 'Reference', width: 80, cell: (b) => b.reference },
    { title: 'Pickup', width: 105, cell: (b) => formatStamp(b.pickupWindow.start, calendar) },
    { title: 'Status', width: 95, cell: (b) => STATUS_LOOK[b.status].label },
    { title: 'Customer', width: 115, cell: (b) => b.customerName },
    { title: 'Courier', width: 120, cell: (b) => b.courierName ?? b.courierId ?? '' },
    { title: 'Partner', width: 90, cell: (b) => b.partnerName ?? b.partnerId ?? '' },
    { title: 'Channel', width: 60, cell: (b) => b.channel },
    {
      title: 'Delivered',
      width: 105,
      cell: (b) => {
        const at = delivered(b);
        return at ? formatStamp(at, calendar) : '';
      },
    },
  ];
}

/** Helvetica speaks WinAnsi only: anything else becomes "?" rather than failing the whole export. */
export function pdfSafe(text: string): string {
  return text.replace(/[\u2010-\u2015]/g, '-').replace(/[^\x20-\x7E\u00A0-\u00FF]/g, '?');
}

/** Cuts a cell to its column, marking the cut with "...". */
function fit(text: string, font: PDFFont, size: number, width: number): string {
  const safe = pdfSafe(text);
  if (font.widthOfTextAtSize(safe, size) <= width - 6) return safe;
  let cut = safe;
  while (cut.length > 0 && font.widthOfTextAtSize(`${cut}...`, size) > width - 6) cut = cut.slice(0, -1);
  return `${cut}...`;
}

/** KPIs computed from the rows themselves, so the summary always matches the table. */
export function reportKpis(rows: BookingFields[]): string[] {
  const count = (status: string) => rows.filter((b) => b.status === status).length;
  const delivered = count('DELIVERED');
  const finished = delivered + count('FAILED_DELIVERY') + count('RETURNED');
  return [
    `Bookings: ${rows.length}`,
    `Delivered: ${delivered}`,
    `Delivery success: ${finished > 0 ? `${Math.round((delivered / finished) * 100)}%` : 'n/a'}`,
    STATUS_ORDER.map((s) => `${STATUS_LOOK[s].label} ${count(s)}`).join(' | '),
  ];
}

/** Rows drawn between two progress reports (and yields to the page, so it stays responsive). */
export const PDF_CHUNK_ROWS = 500;

export async function bookingsToPdf(
  rows: BookingFields[],
  header: ReportHeader,
  calendar: BusinessCalendar,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  const COLUMNS = columns(calendar);
  const doc = await PDFDocument.create();
  doc.setTitle(`Bookings ${header.from} to ${header.to}`);
  doc.setCreator('Courier Voicebot');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.06, 0.09, 0.16);
  const muted = rgb(0.39, 0.45, 0.55);

  let page: PDFPage = doc.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const line = (text: string, options: { font?: PDFFont; size?: number; colour?: typeof ink } = {}) => {
    const size = options.size ?? 10;
    page.drawText(pdfSafe(text), { x: MARGIN, y, size, font: options.font ?? font, color: options.colour ?? ink });
    y -= size + 6;
  };
  const tableHeader = () => {
    let x = MARGIN;
    for (const column of COLUMNS) {
      page.drawText(column.title, { x, y, size: 9, font: bold, color: muted });
      x += column.width;
    }
    y -= ROW_HEIGHT;
  };

  line(`Bookings report: ${header.from} to ${header.to}`, { font: bold, size: 16 });
  line(`Filters: ${header.filters}`, { colour: muted });
  line(`Days and times in ${calendar.timeZone} · generated ${header.generatedAt}`, { colour: muted });
  y -= 4;
  for (const kpi of reportKpis(rows)) line(kpi, { font: bold });
  y -= 8;
  tableHeader();
  for (const [index, booking] of rows.entries()) {
    if (index > 0 && index % PDF_CHUNK_ROWS === 0) {
      onProgress?.(index, rows.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (y < MARGIN) {
      page = doc.addPage(PAGE);
      y = PAGE[1] - MARGIN;
      tableHeader();
    }
    let x = MARGIN;
    for (const column of COLUMNS) {
      page.drawText(fit(column.cell(booking), font, 9, column.width), { x, y, size: 9, font, color: ink });
      x += column.width;
    }
    y -= ROW_HEIGHT;
  }
  onProgress?.(rows.length, rows.length);
  const pages = doc.getPages();
  pages.forEach((p, i) =>
    p.drawText(`Page ${i + 1} of ${pages.length}`, {
      x: PAGE[0] - MARGIN - 60,
      y: MARGIN / 2,
      size: 8,
      font,
      color: muted,
    }),
  );
  return doc.save({ useObjectStreams: false });
}
