// The executive summary as a one-page PDF (pdf-lib, standard fonts): the week's KPIs beside the week before,
// and the highlights.
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { describeChange, formatKpiValue, type ExecutiveSummary } from '../core/executive-summary';

const shown = formatKpiValue;

/** Standard fonts draw WinAnsi only: other characters become their closest ASCII. */
const safe = (text: string) =>
  text
    .replace(/[–—]/g, '-')
    .replace(/[→]/g, '->')
    .replace(/[−]/g, '-')
    .replace(/[^\x20-\x7e]/g, '');

export async function renderSummaryPdf(summary: ExecutiveSummary): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Executive summary ${summary.from} - ${summary.to}`);
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.12, 0.16);
  const muted = rgb(0.4, 0.45, 0.5);
  let y = 790;
  const line = (text: string, x: number, size = 10, f = font, colour = ink) =>
    page.drawText(safe(text), { x, y, size, font: f, color: colour });
  line('Courier Voicebot - executive summary', 50, 18, bold);
  y -= 24;
  line(
    `Week of ${summary.from} to ${summary.to} (generated ${summary.generatedAt.slice(0, 16).replace('T', ' ')} UTC)`,
    50,
    10,
    font,
    muted,
  );
  y -= 36;
  line('KPI', 50, 9, bold, muted);
  line('This week', 260, 9, bold, muted);
  line('Week before', 350, 9, bold, muted);
  line('Trend', 450, 9, bold, muted);
  y -= 18;
  for (const kpi of summary.kpis) {
    line(kpi.label, 50);
    line(shown(kpi, kpi.value), 260, 10, bold);
    line(shown(kpi, kpi.previous), 350);
    line(describeChange(kpi), 450, 9, font, muted);
    y -= 18;
  }
  y -= 18;
  line('Highlights', 50, 12, bold);
  y -= 18;
  for (const highlight of summary.highlights) {
    line(`- ${highlight}`, 50);
    y -= 16;
  }
  return doc.save();
}
