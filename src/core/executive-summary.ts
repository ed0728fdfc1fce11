// The weekly executive summary (Req 10.6): the KPIs of an ISO week beside the week before, with the
// highlights they justify, read from the series rollups; rendered as a PDF, stored, listed and sent to the
// admins — on a schedule for the week just ended, or on demand for any week.
import { addDays, isDay, weekOf } from './business-calendar';
import { ForbiddenError, ValidationError } from './errors';
import { readTotal, type SeriesReader } from './analytics-range';
import { SERIES } from './analytics-series';
import { BOT_SERIES } from './call-metrics';
import { botFigures, feedbackFigures, regionFigures, volumeFigures } from './analytics-reports';
import type { AdminNotifier } from './analytics-alerts';
import type { Principal } from './model';

export type SummaryKpi = {
  label: string;
  value: number | null;
  previous: number | null;
  format: 'count' | 'percent' | 'minutes' | 'rating';
};

export type ExecutiveSummary = {
  /** The Monday that starts the week. */
  week: string;
  from: string;
  to: string;
  generatedAt: string;
  kpis: SummaryKpi[];
  highlights: string[];
};

export type SummaryMeta = { week: string; from: string; to: string; generatedAt: string; key: string };

export type SummaryStore = {
  save(summary: ExecutiveSummary, pdf: Uint8Array): Promise<SummaryMeta>;
  list(limit: number): Promise<SummaryMeta[]>;
  has(week: string): Promise<boolean>;
  /** A short-lived download URL of a week's PDF. */
  url(week: string): Promise<string>;
};

export type SummaryDeps = {
  series: SeriesReader;
  summaries: SummaryStore;
  admins: AdminNotifier;
  render(summary: ExecutiveSummary): Promise<Uint8Array>;
  clock: { now(): Date };
};

async function weekFigures(series: SeriesReader, from: string) {
  const range = { from, to: addDays(from, 6) };
  const [vol, regions, fb, bot] = await Promise.all([
    readTotal(series, SERIES.volumes, range),
    readTotal(series, SERIES.regions, range),
    readTotal(series, SERIES.feedback, range),
    readTotal(series, BOT_SERIES, range),
  ]);
  const all: Record<string, number> = {};
  for (const [k, v] of Object.entries(regions)) {
    const name = `all_${k.slice(k.indexOf('_') + 1)}`;
    all[name] = (all[name] ?? 0) + v;
  }
  return {
    volumes: volumeFigures(vol),
    times: regionFigures(all, 'all'),
    feedback: feedbackFigures(fb),
    bot: botFigures(bot),
    regions,
  };
}

/** A KPI's value as the PDF and the admins' notice show it: "42", "93%", "38 min", "4.50 / 5", "-". */
export function formatKpiValue(kpi: SummaryKpi, value: number | null): string {
  if (value === null) return '-';
  switch (kpi.format) {
    case 'count':
      return String(Math.round(value));
    case 'percent':
      return `${Math.round(value * 100)}%`;
    case 'minutes':
      return `${Math.round(value)} min`;
    case 'rating':
      return `${value.toFixed(2)} / 5`;
  }
}

/** The path of the app's executive summaries view. */
export const SUMMARIES_PATH = '/analytics/summaries';

/** The change of one KPI in words: "+12 % on the week before", "as the week before", "new". */
export function describeChange(kpi: SummaryKpi): string {
  if (kpi.value === null || kpi.previous === null) return 'no comparison';
  if (kpi.previous === 0) return kpi.value === 0 ? 'as the week before' : 'new this week';
  const change = Math.round(((kpi.value - kpi.previous) / Math.abs(kpi.previous)) * 100);
  return change === 0 ? 'as the week before' : `${change > 0 ? '+' : '−'}${Math.abs(change)}% on the week before`;
}

export async function buildExecutiveSummary(
  week: string,
  deps: Pick<SummaryDeps, 'series' | 'clock'>,
): Promise<ExecutiveSummary> {
  const from = weekOf(week);
  const [now, before] = await Promise.all([
    weekFigures(deps.series, from),
    weekFigures(deps.series, addDays(from, -7)),
  ]);
  const success = (v: typeof now.volumes) =>
    v.delivered + v.failed > 0 ? v.delivered / (v.delivered + v.failed) : null;
  const kpis: SummaryKpi[] = [
    { label: 'Bookings', value: now.volumes.bookings, previous: before.volumes.bookings, format: 'count' },
    { label: 'Delivered', value: now.volumes.delivered, previous: before.volumes.delivered, format: 'count' },
    { label: 'Failed', value: now.volumes.failed, previous: before.volumes.failed, format: 'count' },
    { label: 'Cancelled', value: now.volumes.cancelled, previous: before.volumes.cancelled, format: 'count' },
    {
      label: 'Delivery success rate',
      value: success(now.volumes),
      previous: success(before.volumes),
      format: 'percent',
    },
    { label: 'Delivered on time', value: now.times.onTimeRate, previous: before.times.onTimeRate, format: 'percent' },
    {
      label: 'Pickup to delivery (average)',
      value: now.times.pickupToDelivery.averageMinutes,
      previous: before.times.pickupToDelivery.averageMinutes,
      format: 'minutes',
    },
    {
      label: 'Average rating',
      value: now.feedback.averageRating,
      previous: before.feedback.averageRating,
      format: 'rating',
    },
    { label: 'Complaints', value: now.feedback.complaints, previous: before.feedback.complaints, format: 'count' },
    { label: 'Phone calls', value: now.bot.calls, previous: before.bot.calls, format: 'count' },
    {
      label: 'Calls contained by the bot',
      value: now.bot.containmentRate,
      previous: before.bot.containmentRate,
      format: 'percent',
    },
  ];
  const highlights: string[] = [];
  const channels = [...now.volumes.byChannel].sort((a, b) => b.bookings - a.bookings);
  if (channels[0] && channels[0].bookings > 0)
    highlights.push(
      `Most bookings came by ${channels[0].channel.toLowerCase()}: ${channels[0].bookings} of ${now.volumes.bookings}.`,
    );
  const moves = kpis
    .filter((k) => k.format === 'count' && k.value !== null && k.previous !== null && k.previous > 0)
    .map((k) => ({ k, change: (k.value! - k.previous!) / k.previous! }))
    .sort((a, b) => Math.abs(b.change) - Math.abs(a.change));
  if (moves[0])
    highlights.push(
      `${moves[0].k.label}: ${describeChange(moves[0].k)} (${moves[0].k.previous} → ${moves[0].k.value}).`,
    );
  const category = [...now.feedback.categories].sort((a, b) => b.count - a.count)[0];
  if (category && category.count > 0)
    highlights.push(
      `The most common complaint was ${category.category.toLowerCase().replace(/_/g, ' ')} (${category.count}).`,
    );
  return { week: from, from, to: addDays(from, 6), generatedAt: deps.clock.now().toISOString(), kpis, highlights };
}

/** Builds, renders, stores and sends a week's summary (again, when asked for a week that has one). */
export async function generateExecutiveSummary(week: string, deps: SummaryDeps): Promise<SummaryMeta> {
  if (!isDay(week))
    throw new ValidationError('week must be a day of the week wanted, like 2026-03-02.', {
      field: 'week',
      resolution: 'Give any day of the week (YYYY-MM-DD); the summary covers its Monday to Sunday.',
    });
  const summary = await buildExecutiveSummary(week, deps);
  const meta = await deps.summaries.save(summary, await deps.render(summary));
  await deps.admins.notify({
    kind: 'EXECUTIVE_SUMMARY',
    subject: `Executive summary, week of ${summary.from}`,
    text: [
      `The executive summary for ${summary.from} – ${summary.to} is ready. ${summary.highlights.join(' ')}`,
      '',
      ...summary.kpis.map((kpi) => `${kpi.label}: ${formatKpiValue(kpi, kpi.value)} (${describeChange(kpi)})`),
    ].join('\n'),
    path: SUMMARIES_PATH,
  });
  return meta;
}

/** The scheduler's job: last week's summary, unless it exists. Returns it when it generated one. */
export async function generateLastWeekIfMissing(today: string, deps: SummaryDeps): Promise<SummaryMeta | undefined> {
  const lastWeek = addDays(weekOf(today), -7);
  if (await deps.summaries.has(lastWeek)) return undefined;
  return generateExecutiveSummary(lastWeek, deps);
}

export function assertSummaryReader(principal: Principal): void {
  if (principal.role !== 'ADMIN')
    throw new ForbiddenError('Only administrators can read or generate executive summaries.', {
      resolution: 'Sign in with an administrator account.',
    });
}
