// What every analytics view shares: its loading and problem states, a title with the CSV button, KPI tiles.
import type { ReactNode } from 'react';
import { Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import type { ReportState } from '../hooks/use-report';
import { download } from '../hooks/analytics-format';

export function ReportFrame<T>({ state, children }: { state: ReportState<T>; children: (data: T) => ReactNode }) {
  if (state.phase === 'error') return <ProblemNotice error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Loading label="Reading the rollups…" />;
  return (
    <div className={state.phase === 'loading' ? 'analytics__body analytics__body--stale' : 'analytics__body'}>
      {children(state.data)}
    </div>
  );
}

export function SectionHeader({ title, csv, name }: { title: string; csv?: () => string; name?: string }) {
  return (
    <div className="analytics__section-header">
      <h2 className="section-title">{title}</h2>
      {csv && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => download(`${name ?? 'analytics'}.csv`, csv(), 'text/csv;charset=utf-8')}
          data-testid={`csv-${name ?? 'analytics'}`}
        >
          Export CSV
        </button>
      )}
    </div>
  );
}

export function Tile({ id, label, value, hint }: { id: string; label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="an-tile" data-testid={`tile-${id}`}>
      <span className="an-tile__label">{label}</span>
      <span className="an-tile__value" data-testid={`tile-${id}-value`}>
        {value}
      </span>
      {hint && <span className="an-tile__hint">{hint}</span>}
    </div>
  );
}

/** Chart colours by channel, shared by every chart. */
export const CHANNEL_COLOURS: Record<string, string> = {
  VOICE: '#6d4bd8',
  WEB: '#2f80ed',
  PARTNER: '#27ae60',
  API: '#f2994a',
};
export const CHANNEL_NAMES: Record<string, string> = {
  VOICE: 'Phone',
  WEB: 'Web',
  PARTNER: 'Partner',
  API: 'GraphQL API',
};
