// The "New partner" form: name, contact email and an optional id; problems are shown under the field
// they are about, and the API's own refusal (a taken id, an address it rejects) above the buttons.
import { useRef, useState, type FormEvent } from 'react';
import { ProblemNotice } from '../../../components/problem-notice';
import { describeProblem } from '../../../lib/graphql-errors';
import { createPartner, type PartnerFields } from '../api/partners-api';
import {
  EMPTY_PARTNER_DRAFT,
  checkPartnerDraft,
  fieldsNamedIn,
  partnerIdOf,
  type PartnerDraft,
  type PartnerDraftErrors,
  type PartnerDraftField,
} from '../hooks/partner-draft';
import { FormField, describedBy } from '../../../components/form-field';

const FIELDS: readonly PartnerDraftField[] = ['name', 'contactEmail', 'id'];

export type NewPartnerFormProps = { onCreated: (partner: PartnerFields) => void; onCancel: () => void };

export function NewPartnerForm({ onCreated, onCancel }: NewPartnerFormProps) {
  const [draft, setDraft] = useState<PartnerDraft>(EMPTY_PARTNER_DRAFT);
  const [errors, setErrors] = useState<PartnerDraftErrors>({});
  const [refusal, setRefusal] = useState<{ error: unknown; fields: PartnerDraftField[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const edit = (field: PartnerDraftField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkPartnerDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = FIELDS.find((f) => checked.errors[f]);
      form.current?.querySelector<HTMLInputElement>(`#partner-${first}`)?.focus();
      return;
    }
    setErrors({});
    setRefusal(null);
    setSaving(true);
    createPartner(checked.partner).then(
      (partner) => {
        setSaving(false);
        onCreated(partner);
      },
      (failure: unknown) => {
        setSaving(false);
        const problem = describeProblem(failure);
        setRefusal({ error: failure, fields: problem.kind === 'input' ? fieldsNamedIn(problem.message, FIELDS) : [] });
      },
    );
  };

  const aria = (field: PartnerDraftField, hint = false) =>
    describedBy(`partner-${field}`, { error: errors[field], hint, flagged: refusal?.fields.includes(field) });
  const derivedId = partnerIdOf({ ...draft, id: '' });

  return (
    <form ref={form} className="form-panel" onSubmit={submit} noValidate data-testid="new-partner-form">
      <h2 className="form-panel__title">New partner</h2>
      <div className="form-grid">
        <FormField id="partner-name" label="Name" error={errors.name}>
          <input
            id="partner-name"
            type="text"
            value={draft.name}
            autoComplete="organization"
            placeholder="Acme Retail"
            onChange={(e) => edit('name', e.target.value)}
            {...aria('name')}
          />
        </FormField>
        <FormField id="partner-contactEmail" label="Contact email" error={errors.contactEmail}>
          <input
            id="partner-contactEmail"
            type="email"
            value={draft.contactEmail}
            autoComplete="email"
            placeholder="integrations@acme.example"
            onChange={(e) => edit('contactEmail', e.target.value)}
            {...aria('contactEmail')}
          />
        </FormField>
        <FormField
          id="partner-id"
          label="ID (optional)"
          error={errors.id}
          hint={derivedId ? `Leave empty to use ${derivedId}.` : 'Derived from the name when left empty.'}
        >
          <input
            id="partner-id"
            type="text"
            value={draft.id}
            placeholder={derivedId || 'acme'}
            onChange={(e) => edit('id', e.target.value)}
            {...aria('id', true)}
          />
        </FormField>
      </div>
      {refusal && <ProblemNotice compact error={refusal.error} />}
      <div className="form-panel__actions">
        <button type="submit" className="button button--primary" disabled={saving} data-testid="new-partner-submit">
          {saving ? 'Creating…' : 'Create partner'}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
