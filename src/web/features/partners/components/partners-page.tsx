// The admin's partners: the companies integrating through API tokens, each with its token count and latest
// call, a form to add one, and (second tab) the audit trail of every partner's calls on a day.
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { EmptyState, Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { useNow } from '../../../lib/use-now';
import type { PartnerFields } from '../api/partners-api';
import { usePartners, type PartnerSummary } from '../hooks/use-partners';
import { AuditTrail } from './audit-trail';
import { NewPartnerForm } from './new-partner-form';
import './partners.css';

function SummaryCells({ summary, now }: { summary: PartnerSummary | undefined; now: Date }) {
  const calendar = useCompanyCalendar();
  if (!summary || summary.phase === 'loading') {
    return (
      <>
        <td className="muted">…</td>
        <td className="muted">…</td>
      </>
    );
  }
  if (summary.phase === 'error') {
    return (
      <td colSpan={2}>
        <ProblemNotice compact error={summary.error} />
      </td>
    );
  }
  return (
    <>
      <td className="nowrap" data-testid="partner-token-count">
        <span className={summary.tokens.active > 0 ? 'pill pill--on' : 'pill'}>{summary.tokens.active} active</span>{' '}
        <span className="muted">of {summary.tokens.total}</span>
      </td>
      <td className="nowrap">
        {summary.lastActivity ? (
          <span title={calendar.formatDateTime(summary.lastActivity)}>
            {calendar.formatAge(summary.lastActivity, now)}
          </span>
        ) : (
          <span className="muted">No calls yet</span>
        )}
      </td>
    </>
  );
}

export function PartnersPage() {
  const calendar = useCompanyCalendar();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'audit' ? 'audit' : 'partners';
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<PartnerFields | null>(null);
  const [auditDay, setAuditDay] = useState(() => calendar.today());
  const list = usePartners();
  const now = useNow();
  const navigate = useNavigate();

  const showView = (next: 'partners' | 'audit') => setParams(next === 'audit' ? { view: 'audit' } : {});

  return (
    <section className="page" data-testid="partners-page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Partners</h1>
          <p className="page__subtitle">Companies that book through the MCP server or the API with their own tokens.</p>
        </div>
        {view === 'partners' && !creating && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
            data-testid="new-partner"
          >
            New partner
          </button>
        )}
      </header>
      <nav className="tabs" aria-label="Partners views">
        <button
          type="button"
          className={view === 'partners' ? 'tab tab--active' : 'tab'}
          aria-current={view === 'partners' ? 'page' : undefined}
          onClick={() => showView('partners')}
        >
          Partners
        </button>
        <button
          type="button"
          className={view === 'audit' ? 'tab tab--active' : 'tab'}
          aria-current={view === 'audit' ? 'page' : undefined}
          onClick={() => showView('audit')}
          data-testid="partners-audit-tab"
        >
          Audit trail
        </button>
      </nav>

      {view === 'audit' ? (
        <AuditTrail
          day={auditDay}
          onDayChange={setAuditDay}
          partnerNames={new Map(list.partners.map((p) => [p.id, p.name]))}
        />
      ) : (
        <>
          {creating && (
            <NewPartnerForm
              onCancel={() => setCreating(false)}
              onCreated={(partner) => {
                list.add(partner);
                setCreated(partner);
                setCreating(false);
              }}
            />
          )}
          {created && (
            <div className="notice notice--ok" role="status" data-testid="partner-created">
              <div className="notice__text">
                <strong>{created.name} was added.</strong> Issue it a token to let it connect.
              </div>
              <Link className="button button--primary" to={`/partners/${encodeURIComponent(created.id)}`}>
                Issue a token
              </Link>
            </div>
          )}
          {list.phase === 'loading' ? (
            <Loading label="Loading partners…" />
          ) : list.phase === 'error' ? (
            <ProblemNotice error={list.error} onRetry={list.reload} />
          ) : list.partners.length === 0 ? (
            <EmptyState title="No partners yet.">Add a partner, then issue it a token.</EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="partners-table">
                <thead>
                  <tr>
                    <th scope="col">Partner</th>
                    <th scope="col">Contact</th>
                    <th scope="col">Tokens</th>
                    <th scope="col">Last activity</th>
                    <th scope="col">Added</th>
                  </tr>
                </thead>
                <tbody>
                  {list.partners.map((partner) => {
                    const to = `/partners/${encodeURIComponent(partner.id)}`;
                    return (
                      <tr
                        key={partner.id}
                        className={created?.id === partner.id ? 'row row--flash' : 'row'}
                        data-testid="partner-row"
                        data-partner-id={partner.id}
                        onClick={(event) => {
                          if (!(event.target instanceof HTMLAnchorElement)) void navigate(to);
                        }}
                      >
                        <td>
                          <Link className="cell-main" to={to}>
                            {partner.name}
                          </Link>
                          <span className="cell-sub mono">{partner.id}</span>
                        </td>
                        <td>{partner.contactEmail}</td>
                        <SummaryCells summary={list.summaries[partner.id]} now={now} />
                        <td className="nowrap" title={calendar.formatDateTime(partner.createdAt)}>
                          {calendar.formatDate(partner.createdAt)}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
