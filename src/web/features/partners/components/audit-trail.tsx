// The audit trail of partner calls: when, through which channel (MCP tool or GraphQL), what was called,
// how it ended and how long it took, with a digest of the arguments (never the arguments). For one
// partner (every day, or one) or for every partner on one day; a page at a time, newest first.
import { Link } from 'react-router-dom';
import { EmptyState, Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { useAuditTrail } from '../hooks/use-audit-trail';
import { formatLatency, outcomeLabel, shortDigest } from './audit-format';

export type AuditTrailProps = {
  /** One partner's calls; without it, every partner's calls on `day`. */
  partnerId?: string;
  /** YYYY-MM-DD, a company day. Optional for one partner (empty: every day), required across partners. */
  day: string;
  onDayChange: (day: string) => void;
  /** Token names by id, to show which token made a call. */
  tokenNames?: ReadonlyMap<string, string>;
  /** Partner names by id, for the trail across partners. */
  partnerNames?: ReadonlyMap<string, string>;
  pageSize?: number;
};

const SOURCE_LABEL = { mcp: 'MCP', graphql: 'GraphQL' } as const;

export function AuditTrail({ partnerId, day, onDayChange, tokenNames, partnerNames, pageSize = 25 }: AuditTrailProps) {
  const calendar = useCompanyCalendar();
  const acrossPartners = partnerId === undefined;
  const query = acrossPartners ? (day ? { day } : null) : { partnerId, ...(day ? { day } : {}) };
  const trail = useAuditTrail(query, pageSize);

  return (
    <div className="audit" data-testid="audit-trail">
      <div className="filters audit__filters">
        <label className="control">
          <span className="control__label">Day</span>
          <input
            type="date"
            value={day}
            max={calendar.today()}
            onChange={(e) => onDayChange(e.target.value)}
            data-testid="audit-day"
            required={acrossPartners}
          />
        </label>
        {!acrossPartners && !day && <span className="muted audit__note">Every day, newest first</span>}
        {!acrossPartners && day && (
          <button type="button" className="button button--ghost" onClick={() => onDayChange('')}>
            All days
          </button>
        )}
        <span className="audit__spacer" />
        <button
          type="button"
          className="button button--secondary"
          onClick={trail.reload}
          disabled={trail.phase === 'loading' || trail.phase === 'idle'}
          data-testid="audit-refresh"
        >
          Refresh
        </button>
      </div>
      {trail.phase === 'idle' ? (
        <EmptyState title="Choose a day.">The audit trail across partners is read one day at a time.</EmptyState>
      ) : trail.phase === 'loading' && trail.items.length === 0 ? (
        <Loading label="Loading calls…" />
      ) : trail.phase === 'error' ? (
        <ProblemNotice error={trail.error} onRetry={trail.reload} />
      ) : trail.items.length === 0 ? (
        <EmptyState title={day ? `No partner calls on ${day}.` : 'No partner calls yet.'}>
          Calls made with a partner token, through MCP or GraphQL, are recorded here.
        </EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table
              className={trail.phase === 'loading' ? 'table table--busy' : 'table'}
              data-testid="audit-table"
              aria-busy={trail.phase === 'loading'}
            >
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  {acrossPartners && <th scope="col">Partner</th>}
                  <th scope="col">Source</th>
                  <th scope="col">Tool / operation</th>
                  <th scope="col">Outcome</th>
                  <th scope="col" className="num">
                    Latency
                  </th>
                  <th scope="col">Token</th>
                  <th scope="col">Args digest</th>
                </tr>
              </thead>
              <tbody>
                {trail.items.map((entry) => {
                  const outcome = outcomeLabel(entry.outcome);
                  const tokenName = entry.tokenId ? tokenNames?.get(entry.tokenId) : undefined;
                  return (
                    <tr
                      key={entry.id}
                      className="row row--static"
                      data-testid="audit-row"
                      data-operation={entry.operation}
                      data-outcome={entry.outcome}
                      data-source={entry.source}
                    >
                      <td className="nowrap" title={entry.at}>
                        {calendar.formatSecond(entry.at)}
                      </td>
                      {acrossPartners && (
                        <td>
                          <Link className="cell-main" to={`/partners/${encodeURIComponent(entry.partnerId)}`}>
                            {partnerNames?.get(entry.partnerId) ?? entry.partnerId}
                          </Link>
                          <span className="cell-sub mono">{entry.partnerId}</span>
                        </td>
                      )}
                      <td>
                        <span className={`source source--${entry.source}`}>{SOURCE_LABEL[entry.source]}</span>
                      </td>
                      <td className="mono">{entry.operation}</td>
                      <td>
                        <span className={outcome.ok ? 'pill pill--on' : 'pill pill--bad'}>{outcome.text}</span>
                      </td>
                      <td className="num nowrap">{formatLatency(entry.latencyMs)}</td>
                      <td>
                        {tokenName ? (
                          <>
                            <span className="cell-main">{tokenName}</span>
                            <span className="cell-sub mono">{entry.tokenId}</span>
                          </>
                        ) : entry.tokenId ? (
                          <span className="mono">{entry.tokenId}</span>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td className="mono" title={entry.argsDigest}>
                        {shortDigest(entry.argsDigest)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="list-footer">
            <span className="muted" data-testid="audit-summary">
              Page {trail.pageIndex + 1} · {trail.items.length} {trail.items.length === 1 ? 'call' : 'calls'}, newest
              first
            </span>
            <div className="list-footer__pager">
              <button
                type="button"
                className="button button--secondary"
                disabled={trail.pageIndex === 0 || trail.phase === 'loading'}
                onClick={trail.previous}
                data-testid="audit-prev"
              >
                Previous
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={!trail.hasNext || trail.phase === 'loading'}
                onClick={trail.next}
                data-testid="audit-next"
              >
                Next
              </button>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
