// The analytics pages (Req 10): one range of company days and a granularity shared by every view — volumes,
// regions, feedback, routes, heat map, partners — each read from the rollups and exported as CSV. Loaded,
// with the chart library, only when opened.
import './analytics.css';
import { useState, type FormEvent } from 'react';
import { NavLink, useParams } from 'react-router-dom';
import { addDays, daysBetween, isDay } from '../../../../core/business-calendar';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { Granularity, Range } from '../api/analytics-api';
import { BotView } from './bot-view';
import { SummariesView } from './summaries-view';
import { FeedbackView } from './feedback-view';
import { HeatView } from './heat-view';
import { PartnersView } from './partners-view';
import { RegionsView } from './regions-view';
import { RoutesView } from './routes-view';
import { VolumesView } from './volumes-view';

/**
 * The views, each with the filters it applies: a range of days and a granularity, a range alone (figures
 * over the whole range), or none (the executive summaries are listed by week, each with its own).
 */
export const VIEWS = [
  { id: 'volumes', label: 'Volumes', filters: 'range-and-granularity' },
  { id: 'regions', label: 'Times by region', filters: 'range' },
  { id: 'feedback', label: 'Feedback', filters: 'range-and-granularity' },
  { id: 'routes', label: 'Routes', filters: 'range' },
  { id: 'heat-map', label: 'Heat map', filters: 'range' },
  { id: 'partners', label: 'Partners', filters: 'range' },
  { id: 'voicebot', label: 'Voicebot', filters: 'range-and-granularity' },
  { id: 'summaries', label: 'Executive summaries', filters: 'none' },
] as const;
export type ViewId = (typeof VIEWS)[number]['id'];

/** The default range: the last 60 company days, today included. */
export const DEFAULT_DAYS = 60;
export const MAX_DAYS = 400;

export function checkRange(from: string, to: string): string | null {
  if (!isDay(from)) return 'From must be a date.';
  if (!isDay(to)) return 'To must be a date.';
  if (daysBetween(from, to) < 0) return 'To must be on or after From.';
  if (daysBetween(from, to) + 1 > MAX_DAYS) return `Choose at most ${MAX_DAYS} days.`;
  return null;
}

export function RangeControls({
  range,
  granularity,
  onApply,
  withGranularity = true,
}: {
  range: Range;
  granularity: Granularity;
  onApply: (range: Range, granularity: Granularity) => void;
  /** Whether the view groups its figures by day, week or month (otherwise "By" is not offered). */
  withGranularity?: boolean;
}) {
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const [g, setG] = useState<Granularity>(granularity);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = checkRange(from, to);
    setProblem(wrong);
    if (!wrong) onApply({ from, to }, g);
  };
  return (
    <form className="filters" onSubmit={submit} data-testid="analytics-range">
      <label className="control">
        <span className="control__label">From</span>
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="analytics-from" />
      </label>
      <label className="control">
        <span className="control__label">To</span>
        <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="analytics-to" />
      </label>
      {withGranularity && (
        <label className="control">
          <span className="control__label">By</span>
          <select value={g} onChange={(e) => setG(e.target.value as Granularity)} data-testid="analytics-granularity">
            <option value="DAY">Day</option>
            <option value="WEEK">Week</option>
            <option value="MONTH">Month</option>
          </select>
        </label>
      )}
      <button type="submit" className="button" data-testid="analytics-apply">
        Show
      </button>
      {problem && (
        <span className="analytics__problem" role="alert">
          {problem}
        </span>
      )}
    </form>
  );
}

export function AnalyticsPage() {
  const calendar = useCompanyCalendar();
  const today = calendar.today();
  const { view = 'volumes' } = useParams();
  const [range, setRange] = useState<Range>({ from: addDays(today, -(DEFAULT_DAYS - 1)), to: today });
  const [granularity, setGranularity] = useState<Granularity>('DAY');
  const shown = VIEWS.find((v) => v.id === view) ?? VIEWS[0];
  const current = shown.id;
  return (
    <section className="page analytics" data-testid={`analytics-${current}`}>
      <header className="page__header">
        <div>
          <h1 className="page__title">Analytics</h1>
          <p className="page__subtitle">
            Company days in {calendar.timeZone}, read from the rollups the change feed keeps; bookings count on their
            pickup day.
          </p>
        </div>
      </header>
      <nav className="an-tabs" aria-label="Analytics views">
        {VIEWS.map((v) => (
          <NavLink
            key={v.id}
            to={`/analytics/${v.id}`}
            className={({ isActive }) =>
              isActive || (v.id === 'volumes' && view === undefined) ? 'an-tab an-tab--active' : 'an-tab'
            }
          >
            {v.label}
          </NavLink>
        ))}
      </nav>
      {shown.filters !== 'none' && (
        <RangeControls
          range={range}
          granularity={granularity}
          withGranularity={shown.filters === 'range-and-granularity'}
          onApply={(r, g) => {
            setRange(r);
            setGranularity(g);
          }}
        />
      )}
      {current === 'volumes' && <VolumesView range={range} granularity={granularity} />}
      {current === 'regions' && <RegionsView range={range} />}
      {current === 'feedback' && <FeedbackView range={range} granularity={granularity} />}
      {current === 'routes' && <RoutesView range={range} />}
      {current === 'heat-map' && <HeatView range={range} />}
      {current === 'partners' && <PartnersView range={range} />}
      {current === 'voicebot' && <BotView range={range} granularity={granularity} />}
      {current === 'summaries' && <SummariesView defaultWeek={addDays(today, -7)} />}
    </section>
  );
}

/** A partner user's page: its own partner's figures only. */
export function PartnerAnalyticsPage({ partnerId }: { partnerId: string }) {
  const calendar = useCompanyCalendar();
  const today = calendar.today();
  const [range, setRange] = useState<Range>({ from: addDays(today, -(DEFAULT_DAYS - 1)), to: today });
  return (
    <section className="page analytics" data-testid="partner-analytics">
      <header className="page__header">
        <div>
          <h1 className="page__title">Your analytics</h1>
          <p className="page__subtitle">Your bookings' outcomes and feedback by company day ({calendar.timeZone}).</p>
        </div>
      </header>
      <RangeControls range={range} granularity="DAY" withGranularity={false} onApply={(r) => setRange(r)} />
      <PartnersView range={range} partnerId={partnerId} />
    </section>
  );
}
