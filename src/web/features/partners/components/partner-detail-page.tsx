// One partner for the admin: who it is, its API tokens (issue, reveal once, revoke) and its audit trail.
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { EmptyState, Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { errorTypeOfProblem } from '../../../lib/graphql-errors';
import { useNow } from '../../../lib/use-now';
import type { IssuedToken, PartnerTokenFields } from '../api/partners-api';
import { usePartnerDetail } from '../hooks/use-partner-detail';
import { AuditTrail } from './audit-trail';
import { IssueTokenForm } from './issue-token-form';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { RevokeTokenDialog } from './revoke-token-dialog';
import { TokenReveal } from './token-reveal';
import { TokensTable } from './tokens-table';
import './partners.css';

export function PartnerDetailPage() {
  const calendar = useCompanyCalendar();
  const { id = '' } = useParams();
  const detail = usePartnerDetail(id);
  const now = useNow();
  const [issuing, setIssuing] = useState(false);
  const [issued, setIssued] = useState<IssuedToken | null>(null);
  const [revoking, setRevoking] = useState<PartnerTokenFields | null>(null);
  const [auditDay, setAuditDay] = useState('');
  const tokenNames = useMemo(() => new Map(detail.tokens.map((t) => [t.tokenId, t.name])), [detail.tokens]);

  const back = (
    <Link className="back-link" to="/partners">
      ← Partners
    </Link>
  );

  if (detail.phase === 'loading' && !detail.partner) {
    return (
      <section className="page">
        {back}
        <Loading label="Loading partner…" />
      </section>
    );
  }
  if (detail.phase === 'error' || !detail.partner) {
    const missing = detail.phase !== 'error' || errorTypeOfProblem(detail.error) === 'NotFoundError';
    return (
      <section className="page">
        {back}
        {missing ? (
          <EmptyState title={`No partner with id ${id}.`}>
            Check the link, or pick the partner from the list.
          </EmptyState>
        ) : (
          <ProblemNotice error={detail.error} onRetry={detail.reload} />
        )}
      </section>
    );
  }
  const partner = detail.partner;

  return (
    <section className="page" data-testid="partner-detail" data-partner-id={partner.id}>
      {back}
      <header className="page__header">
        <div>
          <h1 className="page__title">{partner.name}</h1>
          <p className="page__subtitle">
            <span className="mono">{partner.id}</span> ·{' '}
            <a href={`mailto:${partner.contactEmail}`}>{partner.contactEmail}</a> · added{' '}
            {calendar.formatDate(partner.createdAt)}
          </p>
        </div>
      </header>

      {issued && <TokenReveal key={issued.tokenInfo.tokenId} issued={issued} onDismiss={() => setIssued(null)} />}

      <section className="partner-section" aria-labelledby="tokens-title">
        <div className="partner-section__head">
          <h2 id="tokens-title" className="partner-section__title">
            API tokens
          </h2>
          {!issuing && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                setIssued(null);
                setIssuing(true);
              }}
              data-testid="issue-token"
            >
              Issue token
            </button>
          )}
        </div>
        {issuing && (
          <IssueTokenForm
            partnerId={partner.id}
            partnerName={partner.name}
            onIssue={detail.issue}
            onIssued={(token) => {
              setIssuing(false);
              setIssued(token);
            }}
            onCancel={() => setIssuing(false)}
          />
        )}
        {detail.tokens.length === 0 ? (
          <EmptyState title="No tokens yet.">
            Issue one to let {partner.name} connect through the MCP server or the API.
          </EmptyState>
        ) : (
          <TokensTable tokens={detail.tokens} lastUse={detail.lastUse} now={now} onRevoke={setRevoking} />
        )}
      </section>

      <section className="partner-section" aria-labelledby="audit-title">
        <div className="partner-section__head">
          <h2 id="audit-title" className="partner-section__title">
            Recent calls
          </h2>
        </div>
        <AuditTrail partnerId={partner.id} day={auditDay} onDayChange={setAuditDay} tokenNames={tokenNames} />
      </section>

      {revoking && (
        <RevokeTokenDialog
          token={revoking}
          partnerName={partner.name}
          onConfirm={() => detail.revoke(revoking.tokenId)}
          onClose={() => setRevoking(null)}
        />
      )}
    </section>
  );
}
