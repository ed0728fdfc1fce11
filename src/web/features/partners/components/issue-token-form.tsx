// The "Issue token" form: what the token is for, what it may do, until when, and how many requests a
// minute. The issued token comes back once, to the reveal panel; nothing here keeps it.
import { useRef, useState, type FormEvent } from 'react';
import { PARTNER_SCOPES, type PartnerScope } from '../../../../core/model';
import { ProblemNotice } from '../../../components/problem-notice';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { IssuedToken, TokenRequest } from '../api/partners-api';
import {
  DEFAULT_TOKEN_DAYS,
  MAX_RATE_LIMIT_PER_MINUTE,
  MAX_TOKEN_DAYS,
  checkTokenDraft,
  expiryBounds,
  initialTokenDraft,
  type TokenDraft,
  type TokenDraftErrors,
  type TokenDraftField,
} from '../hooks/token-request';
import { FormField, describedBy } from '../../../components/form-field';

const SCOPE_TEXT: Record<PartnerScope, string> = {
  'bookings:read': 'List, read and track its own bookings, and follow their status changes.',
  'bookings:write': 'Book couriers, cancel bookings and move pickup windows.',
  'feedback:write': 'Leave feedback on its delivered bookings.',
};

const FIELD_ORDER: readonly TokenDraftField[] = ['name', 'scopes', 'expiresOn', 'rateLimitPerMinute'];

export type IssueTokenFormProps = {
  partnerId: string;
  partnerName: string;
  onIssue: (request: TokenRequest) => Promise<IssuedToken>;
  onIssued: (issued: IssuedToken) => void;
  onCancel: () => void;
};

export function IssueTokenForm({ partnerId, partnerName, onIssue, onIssued, onCancel }: IssueTokenFormProps) {
  const calendar = useCompanyCalendar();
  const [now] = useState(() => new Date());
  const [draft, setDraft] = useState<TokenDraft>(() => initialTokenDraft(now, calendar));
  const [errors, setErrors] = useState<TokenDraftErrors>({});
  const [refusal, setRefusal] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const bounds = expiryBounds(now, calendar);

  const edit = <F extends TokenDraftField>(field: F, value: TokenDraft[F]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const toggleScope = (scope: PartnerScope, on: boolean) =>
    edit('scopes', on ? [...draft.scopes, scope] : draft.scopes.filter((s) => s !== scope));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkTokenDraft(partnerId, draft, new Date(), calendar);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = FIELD_ORDER.find((f) => checked.errors[f]);
      form.current?.querySelector<HTMLInputElement>(`[data-field="${first}"]`)?.focus();
      return;
    }
    setErrors({});
    setRefusal(null);
    setSaving(true);
    onIssue(checked.request).then(
      (issued) => {
        setSaving(false);
        onIssued(issued);
      },
      (failure: unknown) => {
        setSaving(false);
        setRefusal(failure);
      },
    );
  };

  return (
    <form ref={form} className="form-panel" onSubmit={submit} noValidate data-testid="issue-token-form">
      <h2 className="form-panel__title">Issue a token for {partnerName}</h2>
      <div className="form-grid">
        <FormField
          id="token-name"
          label="Name"
          error={errors.name}
          hint="What it is for, so you can tell tokens apart."
        >
          <input
            id="token-name"
            data-field="name"
            type="text"
            value={draft.name}
            placeholder="Warehouse integration"
            onChange={(e) => edit('name', e.target.value)}
            {...describedBy('token-name', { error: errors.name, hint: true })}
          />
        </FormField>
        <FormField
          id="token-expiresOn"
          label="Expires on"
          error={errors.expiresOn}
          hint={`Works until the end of that day, ${calendar.timeZone} time. ${DEFAULT_TOKEN_DAYS} days by default, ${MAX_TOKEN_DAYS} at most.`}
        >
          <input
            id="token-expiresOn"
            data-field="expiresOn"
            type="date"
            value={draft.expiresOn}
            min={bounds.min}
            max={bounds.max}
            onChange={(e) => edit('expiresOn', e.target.value)}
            {...describedBy('token-expiresOn', { error: errors.expiresOn, hint: true })}
          />
        </FormField>
        <FormField
          id="token-rateLimitPerMinute"
          label="Rate limit (requests per minute)"
          error={errors.rateLimitPerMinute}
          hint={`For the partner while it uses this token; 1 to ${MAX_RATE_LIMIT_PER_MINUTE.toLocaleString()}.`}
        >
          <input
            id="token-rateLimitPerMinute"
            data-field="rateLimitPerMinute"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_RATE_LIMIT_PER_MINUTE}
            step={1}
            value={draft.rateLimitPerMinute}
            onChange={(e) => edit('rateLimitPerMinute', e.target.value)}
            {...describedBy('token-rateLimitPerMinute', { error: errors.rateLimitPerMinute, hint: true })}
          />
        </FormField>
      </div>
      <fieldset
        className={errors.scopes ? 'scope-options form-field--invalid' : 'scope-options'}
        aria-describedby={errors.scopes ? 'token-scopes-error' : undefined}
      >
        <legend className="form-field__label">Scopes</legend>
        {PARTNER_SCOPES.map((scope, index) => (
          <label key={scope} className="scope-option">
            <input
              type="checkbox"
              data-field={index === 0 ? 'scopes' : undefined}
              checked={draft.scopes.includes(scope)}
              onChange={(e) => toggleScope(scope, e.target.checked)}
              data-testid={`token-scope-${scope}`}
            />
            <span>
              <span className="scope-option__name mono">{scope}</span>
              <span className="scope-option__text">{SCOPE_TEXT[scope]}</span>
            </span>
          </label>
        ))}
        {errors.scopes && (
          <span id="token-scopes-error" className="form-field__error" data-testid="token-scopes-error">
            {errors.scopes}
          </span>
        )}
      </fieldset>
      {refusal !== null && <ProblemNotice compact error={refusal} />}
      <div className="form-panel__actions">
        <button type="submit" className="button button--primary" disabled={saving} data-testid="issue-token-submit">
          {saving ? 'Issuing…' : 'Issue token'}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
