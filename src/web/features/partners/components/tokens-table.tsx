// A partner's API tokens: what each may do, until when, how fast, whether it still works, when it was
// last used, and the way to revoke it.
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { PartnerTokenFields } from '../api/partners-api';
import { tokenStatus, type TokenStatus } from '../hooks/token-status';

export type TokensTableProps = {
  tokens: PartnerTokenFields[];
  lastUse: ReadonlyMap<string, string>;
  now: Date;
  onRevoke: (token: PartnerTokenFields) => void;
};

const STATUS_LOOK: Record<TokenStatus, { label: string; className: string }> = {
  active: { label: 'Active', className: 'pill pill--on' },
  expired: { label: 'Expired', className: 'pill' },
  revoked: { label: 'Revoked', className: 'pill pill--bad' },
};

export function TokensTable({ tokens, lastUse, now, onRevoke }: TokensTableProps) {
  const calendar = useCompanyCalendar();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="tokens-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Scopes</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col" className="num">
              Rate limit
            </th>
            <th scope="col">Status</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const status = tokenStatus(token, now);
            const used = lastUse.get(token.tokenId);
            return (
              <tr
                key={token.tokenId}
                className="row row--static"
                data-testid="token-row"
                data-token-id={token.tokenId}
                data-status={status}
              >
                <td>
                  <span className="cell-main">{token.name}</span>
                  <span className="cell-sub mono">{token.tokenId}</span>
                </td>
                <td>
                  <div className="tags tags--tight">
                    {token.scopes.map((scope) => (
                      <span key={scope} className="tag mono">
                        {scope}
                      </span>
                    ))}
                  </div>
                </td>
                <td className="nowrap">
                  <span className="cell-main cell-main--plain">{calendar.formatDate(token.createdAt)}</span>
                  <span className="cell-sub">by {token.createdBy.name ?? token.createdBy.id}</span>
                </td>
                <td className="nowrap" title={calendar.formatDateTime(token.expiresAt)}>
                  {calendar.formatDate(token.expiresAt)}
                </td>
                <td className="num nowrap">{token.rateLimitPerMinute.toLocaleString()}/min</td>
                <td className="nowrap">
                  <span className={STATUS_LOOK[status].className} data-testid="token-status">
                    {STATUS_LOOK[status].label}
                  </span>
                  {token.revokedAt && (
                    <span className="cell-sub" title={calendar.formatDateTime(token.revokedAt)}>
                      {calendar.formatAge(token.revokedAt, now)}
                      {token.revokedBy ? ` by ${token.revokedBy.name ?? token.revokedBy.id}` : ''}
                    </span>
                  )}
                </td>
                <td className="nowrap">
                  {used ? (
                    <span title={calendar.formatDateTime(used)}>{calendar.formatAge(used, now)}</span>
                  ) : (
                    <span className="muted" title="Not among the partner's recent calls">
                      No recent calls
                    </span>
                  )}
                </td>
                <td className="actions-cell">
                  {status !== 'revoked' && (
                    <button
                      type="button"
                      className="button button--danger-quiet"
                      onClick={() => onRevoke(token)}
                      data-testid="token-revoke"
                    >
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
