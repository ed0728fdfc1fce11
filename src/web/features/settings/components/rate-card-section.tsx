// The courier rate card on the settings page (Req 12.4): what couriers earn per delivery, per km and as size and
// weight surcharges, from a day on (today unless scheduled), or no rate card (earnings off on the courier's page).
// Its own record, versioned: the server checks every amount and names the field it refuses.
import { useEffect, useState, type FormEvent } from 'react';
import { Loading } from '../../../components/feedback-states';
import { FormField } from '../../../components/form-field';
import { ProblemNotice } from '../../../components/problem-notice';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { PackageSize } from '../../../../generated/graphql';
import { fetchRateCardSetting, saveRateCard, type RateCardSetting, type RatesInput } from '../api/rate-card-api';

const SIZES: PackageSize[] = ['SMALL', 'MEDIUM', 'LARGE', 'OVERSIZED'];

type Draft = {
  enabled: boolean;
  currency: string;
  perDelivery: string;
  perKm: string;
  sizes: Record<PackageSize, string>;
  /** "overKg:amount" pairs, one per line, e.g. "10: 1.00". */
  weights: string;
  effectiveFrom: string;
};

function draftOf(setting: RateCardSetting): Draft {
  const rates = setting.inForce?.rates;
  return {
    enabled: Boolean(rates),
    currency: rates?.currency ?? 'USD',
    perDelivery: rates ? String(rates.perDelivery) : '',
    perKm: rates ? String(rates.perKm) : '',
    sizes: Object.fromEntries(
      SIZES.map((s) => [s, String(rates?.sizeSurcharges?.find((x) => x.size === s)?.amount ?? '')]),
    ) as Record<PackageSize, string>,
    weights: (rates?.weightSurcharges ?? []).map((w) => `${w.overKg}: ${w.amount}`).join('\n'),
    effectiveFrom: '',
  };
}

/** The draft as the API takes it; what cannot be read as a number is sent as is, so the server names it. */
function ratesOf(d: Draft): RatesInput {
  const num = (s: string) => (s.trim() === '' ? 0 : Number(s));
  return {
    currency: d.currency,
    perDelivery: num(d.perDelivery),
    perKm: num(d.perKm),
    sizeSurcharges: SIZES.filter((s) => d.sizes[s].trim() !== '').map((size) => ({ size, amount: num(d.sizes[size]) })),
    weightSurcharges: d.weights
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [kg, amount] = line.split(':').map((x) => x.trim());
        return { overKg: Number(kg), amount: num(amount ?? '') };
      }),
  };
}

export function RateCardSection() {
  const calendar = useCompanyCalendar();
  const [setting, setSetting] = useState<RateCardSetting | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    fetchRateCardSetting().then(
      (s) => {
        if (!live) return;
        setSetting(s);
        setDraft(draftOf(s));
      },
      (e: unknown) => live && setLoadError(e),
    );
    return () => {
      live = false;
    };
  }, []);

  if (loadError) return <ProblemNotice error={loadError} />;
  if (!setting || !draft) return <Loading label="Loading the rate card…" />;
  const edit = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setRefusal(null);
    saveRateCard(draft.enabled ? ratesOf(draft) : null, draft.effectiveFrom || null, setting.version).then(
      (next) => {
        setSaving(false);
        setSetting(next);
        setDraft(draftOf(next));
        setSaved(true);
      },
      (e: unknown) => {
        setSaving(false);
        setRefusal(e);
      },
    );
  };
  const inForce = setting.inForce;
  return (
    <form className="form-panel" onSubmit={submit} noValidate data-testid="rate-card-form">
      <h2 className="form-panel__title">Courier rate card</h2>
      <p className="form-field__hint">
        What couriers earn for each delivery; they see their earnings on their performance page. A change applies from
        the day you choose (today if you leave it empty) and never to days before it.
      </p>
      <label className="rate-card__toggle">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(e) => edit({ enabled: e.target.checked })}
          data-testid="rate-card-enabled"
        />{' '}
        Pay couriers by this rate card
      </label>
      <div className="form-grid">
        {draft.enabled && (
          <>
            <FormField id="rate-currency" label="Currency" hint="ISO code, e.g. USD">
              <input id="rate-currency" value={draft.currency} onChange={(e) => edit({ currency: e.target.value })} />
            </FormField>
            <FormField id="rate-perDelivery" label="Per delivery">
              <input
                id="rate-perDelivery"
                inputMode="decimal"
                value={draft.perDelivery}
                onChange={(e) => edit({ perDelivery: e.target.value })}
                data-testid="rate-perDelivery"
              />
            </FormField>
            <FormField id="rate-perKm" label="Per km (pickup to delivery)">
              <input
                id="rate-perKm"
                inputMode="decimal"
                value={draft.perKm}
                onChange={(e) => edit({ perKm: e.target.value })}
              />
            </FormField>
            {SIZES.map((size) => (
              <FormField
                key={size}
                id={`rate-size-${size}`}
                label={`${size.charAt(0)}${size.slice(1).toLowerCase()} parcel surcharge`}
              >
                <input
                  id={`rate-size-${size}`}
                  inputMode="decimal"
                  value={draft.sizes[size]}
                  onChange={(e) => edit({ sizes: { ...draft.sizes, [size]: e.target.value } })}
                />
              </FormField>
            ))}
            <FormField
              id="rate-weights"
              label="Weight surcharges"
              hint='One tier a line, "over kg: amount", e.g. "10: 1.00"'
            >
              <textarea
                id="rate-weights"
                className="rate-card__weights"
                rows={3}
                value={draft.weights}
                onChange={(e) => edit({ weights: e.target.value })}
              />
            </FormField>
          </>
        )}
        <FormField id="rate-effectiveFrom" label="From" hint="Empty: today">
          <input
            id="rate-effectiveFrom"
            type="date"
            min={calendar.today()}
            value={draft.effectiveFrom}
            onChange={(e) => edit({ effectiveFrom: e.target.value })}
          />
        </FormField>
      </div>
      {refusal !== null && <ProblemNotice compact error={refusal} />}
      {saved && (
        <div className="notice notice--ok" role="status" data-testid="rate-card-saved">
          <div className="notice__text">Saved (version {setting.version}).</div>
        </div>
      )}
      <div className="form-panel__actions">
        <button type="submit" className="button button--primary" disabled={saving} data-testid="rate-card-save">
          {saving ? 'Saving…' : 'Save rate card'}
        </button>
        <span className="muted settings-version" data-testid="rate-card-version">
          {inForce
            ? `Version ${inForce.version}, in force since ${inForce.effectiveFrom}, set by ${inForce.setBy.name ?? inForce.setBy.sub}`
            : 'No rate card: couriers see no earnings.'}
          {setting.upcoming
            .map((u) => ` · version ${u.version} from ${u.effectiveFrom}${u.rates ? '' : ' (off)'}`)
            .join('')}
        </span>
      </div>
    </form>
  );
}
