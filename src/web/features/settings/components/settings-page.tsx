// The company's settings (admins): the rules every booking is checked against and the bot offers windows
// by — service area, collection days and hours, same-day cut-off, parcel limits — with who changed what, when.
// The time zone is the deployment's: shown here with how to change it.
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { EmptyState, Loading } from '../../../components/feedback-states';
import { FormField, describedBy } from '../../../components/form-field';
import { ProblemNotice } from '../../../components/problem-notice';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { describeProblem } from '../../../lib/graphql-errors';
import type { ProofRequirement, Weekday } from '../../../../generated/graphql';
import {
  fetchCompanySettings,
  fetchSettingsChanges,
  saveCompanySettings,
  type CompanySettingsFields,
  type SettingsChangeFields,
} from '../api/settings-api';
import {
  PROOF_KINDS,
  SIZES,
  WEEKDAYS,
  checkSettingsDraft,
  describeChange,
  draftOf,
  fieldsRefusedIn,
  type SettingsDraft,
  type SettingsDraftErrors,
  type SettingsField,
} from '../hooks/settings-draft';
import { RateCardSection } from './rate-card-section';
import './settings.css';

const DAY_SHORT: Record<Weekday, string> = {
  MON: 'Mon',
  TUE: 'Tue',
  WED: 'Wed',
  THU: 'Thu',
  FRI: 'Fri',
  SAT: 'Sat',
  SUN: 'Sun',
};

type Loaded =
  { phase: 'loading' } | { phase: 'error'; error: unknown } | { phase: 'ready'; settings: CompanySettingsFields };

function ChangeHistory({ changes }: { changes: SettingsChangeFields[] | null }) {
  const calendar = useCompanyCalendar();
  if (changes === null) return <Loading label="Loading the history…" />;
  if (changes.length === 0) {
    return (
      <EmptyState title="No changes yet">
        The company runs on the default rules until an admin saves its own.
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap">
      <table className="table" data-testid="settings-history">
        <thead>
          <tr>
            <th>When</th>
            <th>Who</th>
            <th>What changed</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.version} className="row">
              <td className="nowrap">{calendar.formatDateTime(change.at)}</td>
              <td className="nowrap">{change.by.name ?? change.by.sub}</td>
              <td>
                <ul className="settings-changes">
                  {change.changes.map((c) => (
                    <li key={c.field}>{describeChange(c)}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SettingsPage() {
  const calendar = useCompanyCalendar();
  const [loaded, setLoaded] = useState<Loaded>({ phase: 'loading' });
  const [draft, setDraft] = useState<SettingsDraft | null>(null);
  const [errors, setErrors] = useState<SettingsDraftErrors>({});
  const [refusal, setRefusal] = useState<{ error: unknown; fields: SettingsField[] } | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<CompanySettingsFields | null>(null);
  const [changes, setChanges] = useState<SettingsChangeFields[] | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const loadHistory = useCallback(() => {
    fetchSettingsChanges(20, null).then(
      (page) => setChanges(page.items),
      () => setChanges([]),
    );
  }, []);

  useEffect(() => {
    let live = true;
    fetchCompanySettings().then(
      (settings) => {
        if (!live) return;
        setLoaded({ phase: 'ready', settings });
        setDraft(draftOf(settings));
      },
      (error: unknown) => live && setLoaded({ phase: 'error', error }),
    );
    loadHistory();
    return () => {
      live = false;
    };
  }, [loadHistory]);

  if (loaded.phase === 'error') {
    return (
      <section className="page">
        <ProblemNotice error={loaded.error} />
      </section>
    );
  }
  if (loaded.phase === 'loading' || !draft) return <Loading />;
  const settings = loaded.settings;

  const edit = <F extends SettingsField>(field: F, value: SettingsDraft[F]) => {
    setDraft((d) => (d ? { ...d, [field]: value } : d));
    setErrors((e) => ({ ...e, [field]: undefined }));
    setSaved(null);
  };
  const toggled = <T,>(list: readonly T[], item: T): T[] =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  const toggleDay = (day: Weekday) => edit('collectionDays', toggled(draft.collectionDays, day));
  const toggleProof = (kind: ProofRequirement) => edit('requiredProof', toggled(draft.requiredProof, kind));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSettingsDraft(draft);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = (Object.keys(checked.errors) as SettingsField[])[0];
      form.current?.querySelector<HTMLElement>(`#settings-${first}`)?.focus();
      return;
    }
    setErrors({});
    setRefusal(null);
    setSaving(true);
    saveCompanySettings(checked.rules, settings.version).then(
      (next) => {
        setSaving(false);
        setLoaded({ phase: 'ready', settings: next });
        setDraft(draftOf(next));
        setSaved(next);
        loadHistory();
      },
      (failure: unknown) => {
        setSaving(false);
        const problem = describeProblem(failure);
        setRefusal({ error: failure, fields: problem.kind === 'input' ? fieldsRefusedIn(problem.message) : [] });
      },
    );
  };

  const aria = (field: SettingsField, hint = false) =>
    describedBy(`settings-${field}`, { error: errors[field], hint, flagged: refusal?.fields.includes(field) });
  const zoneNow = calendar.zoneName(new Date());

  return (
    <section className="page" data-testid="settings-page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Settings</h1>
          <p className="page__subtitle">
            The company’s rules: every booking — by phone, on the web or from a partner — is checked against them, and
            the voicebot offers only pickup times they allow. A change applies within a minute, with no redeploy.
          </p>
        </div>
      </header>

      <form ref={form} className="form-panel" onSubmit={submit} noValidate data-testid="settings-form">
        <h2 className="form-panel__title">Business calendar</h2>
        <div className="settings-zone" data-testid="settings-time-zone">
          <strong>{settings.timeZone}</strong> <span className="muted">({zoneNow} now)</span>
          <p className="form-field__hint">
            Every day in the product — bookings, a courier’s today, the dashboard, reports — is a day in this zone. It
            is set for the deployment (COMPANY_TIME_ZONE) because changing it re-files every stored day; a restart with
            a new zone does that.
          </p>
        </div>

        <h2 className="form-panel__title">Where and when we collect</h2>
        <div className="form-grid">
          <FormField
            id="settings-serviceArea"
            label="Service area (ZIP codes or prefixes)"
            error={errors.serviceArea}
            hint="Pickup and delivery must both be in it, e.g. 981 for every ZIP code starting 981. Empty: anywhere we can find the address."
          >
            <input
              id="settings-serviceArea"
              type="text"
              value={draft.serviceArea}
              placeholder="981, 98052"
              onChange={(e) => edit('serviceArea', e.target.value)}
              {...aria('serviceArea', true)}
            />
          </FormField>
          <fieldset className="settings-days" data-testid="settings-collectionDays" id="settings-collectionDays">
            <legend className="form-field__label">Collection days</legend>
            <div className="settings-days__options">
              {WEEKDAYS.map((day) => (
                <label key={day} className="settings-day">
                  <input
                    type="checkbox"
                    checked={draft.collectionDays.includes(day)}
                    onChange={() => toggleDay(day)}
                    data-testid={`settings-day-${day}`}
                  />
                  {DAY_SHORT[day]}
                </label>
              ))}
            </div>
            {errors.collectionDays && (
              <span className="form-field__error" data-testid="settings-collectionDays-error">
                {errors.collectionDays}
              </span>
            )}
          </fieldset>
          <FormField
            id="settings-open"
            label={`Collection opens (${zoneNow})`}
            error={errors.open}
            hint="HH:MM, e.g. 08:00"
          >
            <input
              id="settings-open"
              type="text"
              inputMode="numeric"
              value={draft.open}
              placeholder="08:00"
              onChange={(e) => edit('open', e.target.value)}
              {...aria('open', true)}
            />
          </FormField>
          <FormField
            id="settings-close"
            label={`Collection closes (${zoneNow})`}
            error={errors.close}
            hint="HH:MM, e.g. 18:00; 24:00 for midnight"
          >
            <input
              id="settings-close"
              type="text"
              inputMode="numeric"
              value={draft.close}
              placeholder="18:00"
              onChange={(e) => edit('close', e.target.value)}
              {...aria('close', true)}
            />
          </FormField>
          <FormField
            id="settings-sameDayCutoff"
            label="Same-day bookings until"
            error={errors.sameDayCutoff}
            hint="HH:MM; empty: same-day pickups can be booked while collection is open"
          >
            <input
              id="settings-sameDayCutoff"
              type="text"
              inputMode="numeric"
              value={draft.sameDayCutoff}
              placeholder="16:00"
              onChange={(e) => edit('sameDayCutoff', e.target.value)}
              {...aria('sameDayCutoff', true)}
            />
          </FormField>
        </div>

        <h2 className="form-panel__title">Parcels we take</h2>
        <div className="form-grid">
          <FormField id="settings-largestSize" label="Largest size" error={errors.largestSize}>
            <select
              id="settings-largestSize"
              value={draft.largestSize}
              onChange={(e) => edit('largestSize', e.target.value as SettingsDraft['largestSize'])}
              {...aria('largestSize')}
            >
              {SIZES.map((size) => (
                <option key={size} value={size}>
                  {size.charAt(0) + size.slice(1).toLowerCase()}
                </option>
              ))}
            </select>
          </FormField>
          <FormField
            id="settings-maxWeightKg"
            label="Heaviest small, medium or large parcel (kg)"
            error={errors.maxWeightKg}
            hint="At most 70 kg"
          >
            <input
              id="settings-maxWeightKg"
              type="number"
              min="0"
              step="0.5"
              value={draft.maxWeightKg}
              onChange={(e) => edit('maxWeightKg', e.target.value)}
              {...aria('maxWeightKg', true)}
            />
          </FormField>
          <FormField
            id="settings-maxOversizedWeightKg"
            label="Heaviest oversized parcel (kg)"
            error={errors.maxOversizedWeightKg}
            hint="At most 1,000 kg"
          >
            <input
              id="settings-maxOversizedWeightKg"
              type="number"
              min="0"
              step="1"
              value={draft.maxOversizedWeightKg}
              onChange={(e) => edit('maxOversizedWeightKg', e.target.value)}
              {...aria('maxOversizedWeightKg', true)}
            />
          </FormField>
        </div>

        <h2 className="form-panel__title">Proof of delivery</h2>
        <fieldset className="settings-days" data-testid="settings-requiredProof" id="settings-requiredProof">
          <legend className="form-field__label">Every delivery needs</legend>
          <div className="settings-days__options">
            {PROOF_KINDS.map(({ kind, label }) => (
              <label key={kind} className="settings-day">
                <input
                  type="checkbox"
                  checked={draft.requiredProof.includes(kind)}
                  onChange={() => toggleProof(kind)}
                  data-testid={`settings-proof-${kind}`}
                />
                {label}
              </label>
            ))}
          </div>
          <span className="form-field__hint" data-testid="settings-requiredProof-hint">
            {draft.requiredProof.length === 0
              ? 'None ticked: the courier gives any one of them.'
              : 'Couriers cannot mark a parcel delivered without each one ticked.'}
          </span>
          {errors.requiredProof && <span className="form-field__error">{errors.requiredProof}</span>}
        </fieldset>

        {refusal && <ProblemNotice compact error={refusal.error} />}
        {saved && (
          <div className="notice notice--ok" role="status" data-testid="settings-saved">
            <div className="notice__text">
              Saved (version {saved.version}). Bookings and calls follow the new rules within a minute.
            </div>
          </div>
        )}
        <div className="form-panel__actions">
          <button type="submit" className="button button--primary" disabled={saving} data-testid="settings-save">
            {saving ? 'Saving…' : 'Save settings'}
          </button>
          <span className="muted settings-version">
            {settings.updatedAt
              ? `Version ${settings.version}, saved ${calendar.formatDateTime(settings.updatedAt)} by ${settings.updatedBy?.name ?? settings.updatedBy?.sub ?? 'an admin'}`
              : 'Default rules: every day, around the clock, wherever an address is found.'}
          </span>
        </div>
      </form>

      <h2 className="section-title settings-history-title">Changes</h2>
      <ChangeHistory changes={changes} />

      <RateCardSection />
    </section>
  );
}
