// The settings form as typed: text for every field, checked here for what the browser can tell (a number, a
// time, at least one day) before it goes to the API, which checks every rule again and names what it refuses.
import type { PackageSize, ProofRequirement, Weekday } from '../../../../generated/graphql';
import type { CompanyRules, CompanySettingsFields } from '../api/settings-api';

export const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
export const SIZES: readonly PackageSize[] = ['SMALL', 'MEDIUM', 'LARGE', 'OVERSIZED'];
export const PROOF_KINDS: readonly { kind: ProofRequirement; label: string }[] = [
  { kind: 'SIGNATURE', label: 'Signature' },
  { kind: 'PHOTO', label: 'Photo' },
  { kind: 'RECIPIENT_NAME', label: 'Recipient’s name' },
];

export type SettingsDraft = {
  serviceArea: string;
  collectionDays: Weekday[];
  open: string;
  close: string;
  /** Empty: no same-day cut-off. */
  sameDayCutoff: string;
  maxWeightKg: string;
  maxOversizedWeightKg: string;
  largestSize: PackageSize;
  /** Proof every delivery needs; none ticked: any one of them. */
  requiredProof: ProofRequirement[];
};

export type SettingsField = keyof SettingsDraft;
export type SettingsDraftErrors = Partial<Record<SettingsField, string>>;

/** "24:00" (end of the day) is what the API stores; a time input shows it as 23:59 would be wrong, so keep it. */
export function draftOf(settings: CompanySettingsFields): SettingsDraft {
  return {
    serviceArea: settings.serviceArea.join(', '),
    collectionDays: [...settings.collectionDays],
    open: settings.collectionHours.open,
    close: settings.collectionHours.close,
    sameDayCutoff: settings.sameDayCutoff ?? '',
    maxWeightKg: String(settings.maxWeightKg),
    maxOversizedWeightKg: String(settings.maxOversizedWeightKg),
    largestSize: settings.largestSize,
    requiredProof: [...settings.requiredProof],
  };
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function checkSettingsDraft(
  draft: SettingsDraft,
): { ok: true; rules: CompanyRules } | { ok: false; errors: SettingsDraftErrors } {
  const errors: SettingsDraftErrors = {};
  const serviceArea = draft.serviceArea
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const badZip = serviceArea.find((zip) => !/^\d{3,5}$/.test(zip));
  if (badZip) errors.serviceArea = `'${badZip}' is not a ZIP code or prefix: use 3 to 5 digits, e.g. 981 or 98109.`;
  if (draft.collectionDays.length === 0) errors.collectionDays = 'Choose at least one day.';
  if (!CLOCK.test(draft.open)) errors.open = 'Give the opening time as HH:MM, e.g. 08:00.';
  if (!CLOCK.test(draft.close)) errors.close = 'Give the closing time as HH:MM, e.g. 18:00 (24:00 for midnight).';
  if (draft.sameDayCutoff !== '' && !CLOCK.test(draft.sameDayCutoff)) {
    errors.sameDayCutoff = 'Give the cut-off as HH:MM, e.g. 16:00, or leave it empty for none.';
  } else if (draft.sameDayCutoff !== '' && CLOCK.test(draft.close) && draft.sameDayCutoff > draft.close) {
    // HH:MM strings compare in clock order.
    errors.sameDayCutoff = `The cut-off (${draft.sameDayCutoff}) is after collection closes (${draft.close}): set it at or before ${draft.close}, or leave it empty.`;
  }
  const weight = Number(draft.maxWeightKg);
  if (draft.maxWeightKg.trim() === '' || !Number.isFinite(weight) || weight <= 0) {
    errors.maxWeightKg = 'Give a weight in kilograms, e.g. 30.';
  }
  const oversized = Number(draft.maxOversizedWeightKg);
  if (draft.maxOversizedWeightKg.trim() === '' || !Number.isFinite(oversized) || oversized <= 0) {
    errors.maxOversizedWeightKg = 'Give a weight in kilograms, e.g. 150.';
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    rules: {
      serviceArea,
      collectionDays: WEEKDAYS.filter((d) => draft.collectionDays.includes(d)),
      collectionHours: { open: draft.open, close: draft.close },
      sameDayCutoff: draft.sameDayCutoff === '' ? null : draft.sameDayCutoff,
      maxWeightKg: weight,
      maxOversizedWeightKg: oversized,
      largestSize: draft.largestSize,
      requiredProof: PROOF_KINDS.map((p) => p.kind).filter((k) => draft.requiredProof.includes(k)),
    },
  };
}

/** The API's field names (as its messages say them) for each form field, to mark what a refusal is about. */
const API_FIELDS: Record<SettingsField, RegExp> = {
  serviceArea: /serviceArea/,
  collectionDays: /collectionDays/,
  open: /collectionHours\.open/,
  close: /collectionHours\.close/,
  sameDayCutoff: /sameDayCutoff/,
  maxWeightKg: /maxWeightKg/,
  maxOversizedWeightKg: /maxOversizedWeightKg/,
  largestSize: /largestSize/,
  requiredProof: /requiredProof/,
};

export function fieldsRefusedIn(message: string): SettingsField[] {
  return (Object.keys(API_FIELDS) as SettingsField[]).filter((field) => API_FIELDS[field].test(message));
}

const LABELS: Record<string, string> = {
  serviceArea: 'Service area',
  collectionDays: 'Collection days',
  collectionHours: 'Collection hours',
  sameDayCutoff: 'Same-day cut-off',
  maxWeightKg: 'Heaviest standard parcel',
  maxOversizedWeightKg: 'Heaviest oversized parcel',
  largestSize: 'Largest size',
  requiredProof: 'Proof of delivery',
};

/** One changed field as the history shows it: "Collection hours: 08:00–18:00 → 10:00–14:00". */
export function describeChange(change: { field: string; from?: string | null; to?: string | null }): string {
  const show = (json: string | null | undefined): string => {
    const value: unknown = json ? JSON.parse(json) : null;
    if (value === null) return change.field === 'sameDayCutoff' ? 'none' : '—';
    if (Array.isArray(value) && change.field === 'requiredProof') {
      const kinds = value as string[];
      return kinds.length === 0
        ? 'any one'
        : kinds.map((k) => PROOF_KINDS.find((p) => p.kind === k)?.label ?? k).join(' + ');
    }
    if (Array.isArray(value)) return value.length === 0 ? 'everywhere' : value.join(', ');
    if (typeof value === 'object') {
      const hours = value as { open?: string; close?: string };
      return `${hours.open ?? '?'}–${hours.close ?? '?'}`;
    }
    return change.field.endsWith('WeightKg') ? `${String(value)} kg` : String(value);
  };
  return `${LABELS[change.field] ?? change.field}: ${show(change.from)} → ${show(change.to)}`;
}
