// The courier rate card (Req 12.4): what a courier earns per delivery, per kilometre and as size and weight
// surcharges, set by the company's admins. Its own versioned record (never part of the company rules): each
// version takes effect from a company day and stays in force until a later version does; a version without
// rates turns earnings off. Earnings are figured from the change feed's courier series, each day at the rates
// in force that day, so a new rate card never rewrites what a courier earned before it took effect.
import { z } from 'zod';
import { addDays, daysBetween, type BusinessCalendar } from './business-calendar';
import { ForbiddenError, ValidationError } from './errors';
import { checkInput, dayString, issuesToError } from './input-validation';
import { PACKAGE_SIZES, type PackageSize, type Principal } from './model';
import type { Clock } from './ports';
import type { SeriesCounters } from './analytics-series';

/** Rates in the currency's minor unit (cents), so that sums never drift. */
export type Rates = {
  /** ISO 4217 code, e.g. USD. */
  currency: string;
  perDeliveryCents: number;
  perKmCents: number;
  /** A surcharge per delivered parcel of a size; sizes not listed add nothing. */
  sizeSurcharges: { size: PackageSize; amountCents: number }[];
  /**
   * Weight tiers, lightest first: a parcel heavier than a tier's `overKg` earns that tier's amount (only the
   * heaviest tier it passes).
   */
  weightSurcharges: { overKg: number; amountCents: number }[];
};

export type RateCardVersion = {
  version: number;
  /** The first company day (YYYY-MM-DD) these rates apply to. */
  effectiveFrom: string;
  /** null: no rate card from that day (earnings off). */
  rates: Rates | null;
  setAt: string;
  setBy: { sub: string; name?: string };
};

export type RateCardRepository = {
  /** Every version, oldest first (a company changes its rates a few times a year). */
  versions(): Promise<RateCardVersion[]>;
  /** Stores `next` only if no version `next.version` exists yet (optimistic locking); ConflictError otherwise. */
  add(next: RateCardVersion): Promise<void>;
};

/** What admins and couriers read: the version counter, the rates in force today and any scheduled later. */
export type RateCardSetting = {
  version: number;
  inForce: RateCardVersion | null;
  upcoming: RateCardVersion[];
};

/** Limits that catch a slip of the keyboard (cents typed as dollars), not a company's real rates. */
export const MAX_PER_DELIVERY = 500;
export const MAX_PER_KM = 50;
export const MAX_SURCHARGE = 500;
export const MAX_SCHEDULE_DAYS = 366;

const money = (field: string, max: number) =>
  z
    .number({ invalid_type_error: `${field} must be an amount such as 4.50.` })
    .finite()
    .min(0, { message: `${field} cannot be negative.` })
    .max(max, { message: `${field} can be at most ${max}; amounts are in the currency's main unit, e.g. 4.50.` })
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, {
      message: `${field} can have at most two decimals (cents), e.g. 4.50.`,
    })
    .transform((v) => Math.round(v * 100));

const ratesSchema = z
  .object({
    currency: z
      .string()
      .trim()
      .transform((c) => c.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{3}$/, { message: 'currency must be a three-letter ISO 4217 code, e.g. USD.' })),
    perDelivery: money('perDelivery', MAX_PER_DELIVERY),
    perKm: money('perKm', MAX_PER_KM),
    sizeSurcharges: z
      .array(z.object({ size: z.enum(PACKAGE_SIZES), amount: money('sizeSurcharges.amount', MAX_SURCHARGE) }))
      .max(PACKAGE_SIZES.length)
      .nullish()
      .transform((list) => list ?? []),
    weightSurcharges: z
      .array(
        z.object({
          overKg: z
            .number()
            .int({ message: 'weightSurcharges.overKg must be a whole number of kilograms, e.g. 10.' })
            .min(1, { message: 'weightSurcharges.overKg must be at least 1 kg.' })
            .max(1000, { message: 'weightSurcharges.overKg can be at most 1000 kg.' }),
          amount: money('weightSurcharges.amount', MAX_SURCHARGE),
        }),
      )
      .max(10, { message: 'weightSurcharges can have at most 10 tiers.' })
      .nullish()
      .transform((list) => list ?? []),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.perDelivery === 0 && r.perKm === 0)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['perDelivery'],
        message: 'perDelivery and perKm are both 0: a rate card pays something per delivery or per km.',
      });
    const sizes = r.sizeSurcharges.map((s) => s.size);
    sizes.forEach((size, i) => {
      if (sizes.indexOf(size) !== i)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['sizeSurcharges', i, 'size'],
          message: `sizeSurcharges lists ${size} twice; give each size one amount.`,
        });
    });
    const tiers = r.weightSurcharges.map((w) => w.overKg);
    tiers.forEach((kg, i) => {
      if (tiers.indexOf(kg) !== i)
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['weightSurcharges', i, 'overKg'],
          message: `weightSurcharges has two tiers over ${kg} kg; give each weight one amount.`,
        });
    });
  })
  .transform((r): Rates => ({
    currency: r.currency,
    perDeliveryCents: r.perDelivery,
    perKmCents: r.perKm,
    sizeSurcharges: PACKAGE_SIZES.flatMap((size) => {
      const s = r.sizeSurcharges.find((x) => x.size === size);
      return s && s.amount > 0 ? [{ size, amountCents: s.amount }] : [];
    }),
    weightSurcharges: [...r.weightSurcharges]
      .sort((a, b) => a.overKg - b.overKg)
      .map((w) => ({ overKg: w.overKg, amountCents: w.amount })),
  }));

const setSchema = z.object({
  rates: z.unknown(),
  effectiveFrom: dayString.nullish(),
  expectedVersion: z
    .number({ required_error: 'expectedVersion is required: the version you edited (0 when none is set).' })
    .int()
    .min(0),
});

export type RateCardDeps = { rateCards: RateCardRepository; calendar: BusinessCalendar; clock: Clock };

/** Who may read the rates: administrators, and couriers (they are paid by them). */
function assertRateCardReader(principal: Principal): void {
  if (principal.role === 'ADMIN' || principal.role === 'COURIER') return;
  throw new ForbiddenError('Only administrators and couriers can read the rate card.');
}

/** The version in force on a company day: the newest version whose rates start on or before it. */
export function versionInForce(versions: readonly RateCardVersion[], day: string): RateCardVersion | undefined {
  let found: RateCardVersion | undefined;
  for (const v of versions) if (v.effectiveFrom <= day && (!found || v.version > found.version)) found = v;
  return found;
}

function settingOf(versions: RateCardVersion[], today: string): RateCardSetting {
  const inForce = versionInForce(versions, today);
  const latest = versions.reduce((max, v) => Math.max(max, v.version), 0);
  // Scheduled versions that a later decision has not overtaken.
  const upcoming = versions
    .filter(
      (v) =>
        v.effectiveFrom > today && !versions.some((w) => w.version > v.version && w.effectiveFrom <= v.effectiveFrom),
    )
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return { version: latest, inForce: inForce?.rates ? inForce : null, upcoming };
}

export async function getRateCard(principal: Principal, deps: RateCardDeps): Promise<RateCardSetting> {
  assertRateCardReader(principal);
  return settingOf(await deps.rateCards.versions(), deps.calendar.dayOf(deps.clock.now()));
}

/**
 * Sets the rates from a company day (today unless given, never an earlier one, so what couriers earned on past
 * days stays as it was) or, with `rates` null, turns earnings off from that day. Administrators only.
 */
export async function setRateCard(input: unknown, principal: Principal, deps: RateCardDeps): Promise<RateCardSetting> {
  if (principal.role !== 'ADMIN')
    throw new ForbiddenError('Only administrators can set the rate card.', {
      resolution: 'Sign in as an administrator.',
    });
  const envelope = checkInput(setSchema, input);
  if (!envelope.ok) throw issuesToError(envelope.issues, 'rate card');
  const { rates: rawRates, expectedVersion } = envelope.data;
  let rates: Rates | null = null;
  if (rawRates !== null && rawRates !== undefined) {
    const checked = checkInput(ratesSchema, rawRates);
    if (!checked.ok)
      throw issuesToError(
        checked.issues.map((i) => ({ ...i, field: i.field === 'input' ? 'rates' : `rates.${i.field}` })),
        'rate card',
      );
    rates = checked.data;
  }
  const now = deps.clock.now();
  const today = deps.calendar.dayOf(now);
  const effectiveFrom = envelope.data.effectiveFrom ?? today;
  if (effectiveFrom < today)
    throw new ValidationError(
      `effectiveFrom (${effectiveFrom}) is in the past; rates apply from today (${today}) on.`,
      {
        field: 'effectiveFrom',
        resolution: 'Leave it out for today, or give a later day.',
      },
    );
  if (daysBetween(today, effectiveFrom) > MAX_SCHEDULE_DAYS)
    throw new ValidationError(`effectiveFrom can be at most ${MAX_SCHEDULE_DAYS} days ahead.`, {
      field: 'effectiveFrom',
      resolution: `Give a day up to ${addDays(today, MAX_SCHEDULE_DAYS)}.`,
    });
  const versions = await deps.rateCards.versions();
  const latest = versions.reduce((max, v) => Math.max(max, v.version), 0);
  if (expectedVersion !== latest)
    throw new ValidationError(
      `Someone else changed the rate card (now version ${latest}, you edited version ${expectedVersion}).`,
      { field: 'expectedVersion', resolution: 'Reload the rate card, make your change again and save.' },
    );
  if (
    !rates &&
    !versionInForce(versions, effectiveFrom)?.rates &&
    !versions.some((v) => v.effectiveFrom > effectiveFrom)
  )
    throw new ValidationError('There is no rate card to turn off.', {
      field: 'rates',
      resolution: 'Give the rates to set one.',
    });
  const next: RateCardVersion = {
    version: latest + 1,
    effectiveFrom,
    rates,
    setAt: now.toISOString(),
    setBy: { sub: principal.sub, ...(principal.name ? { name: principal.name } : {}) },
  };
  await deps.rateCards.add(next);
  return settingOf([...versions, next], today);
}

// ---- earnings ----

/** Counters the courier series keeps per delivered parcel for earnings (see analytics-series). */
export const EARNING_COUNTERS = {
  delivered: 'delivered',
  /** Estimated road metres, pickup to delivery. */
  metres: 'pay_m',
  size: (size: PackageSize) => `pay_s_${size}`,
  /** Parcels by their weight rounded up to a whole kilogram: `pay_kg_<kg>`. */
  kgPrefix: 'pay_kg_',
} as const;

export type EarningsFigures = {
  deliveries: number;
  km: number;
  perDeliveryCents: number;
  distanceCents: number;
  sizeCents: number;
  weightCents: number;
  totalCents: number;
};

export const noEarnings = (): EarningsFigures => ({
  deliveries: 0,
  km: 0,
  perDeliveryCents: 0,
  distanceCents: 0,
  sizeCents: 0,
  weightCents: 0,
  totalCents: 0,
});

/** What a courier's delivered parcels of one stretch of days earned at one set of rates. */
export function earningsOf(c: SeriesCounters, rates: Rates): EarningsFigures {
  const n = (name: string) => Math.max(0, c[name] ?? 0);
  const deliveries = n(EARNING_COUNTERS.delivered);
  const km = n(EARNING_COUNTERS.metres) / 1000;
  const sizeCents = rates.sizeSurcharges.reduce((s, x) => s + x.amountCents * n(EARNING_COUNTERS.size(x.size)), 0);
  // A parcel of `kg` (rounded up) is heavier than a whole `overKg` exactly when kg > overKg.
  const byKg: [number, number][] = [];
  for (const [name, value] of Object.entries(c))
    if (name.startsWith(EARNING_COUNTERS.kgPrefix) && value > 0)
      byKg.push([Number(name.slice(EARNING_COUNTERS.kgPrefix.length)), value]);
  let weightCents = 0;
  for (const [kg, count] of byKg) {
    const tier = rates.weightSurcharges.findLast((t) => kg > t.overKg);
    if (tier) weightCents += tier.amountCents * count;
  }
  const perDeliveryCents = rates.perDeliveryCents * deliveries;
  const distanceCents = Math.round(rates.perKmCents * km);
  return {
    deliveries,
    km,
    perDeliveryCents,
    distanceCents,
    sizeCents,
    weightCents,
    totalCents: perDeliveryCents + distanceCents + sizeCents + weightCents,
  };
}

export function addEarnings(a: EarningsFigures, b: EarningsFigures): EarningsFigures {
  return {
    deliveries: a.deliveries + b.deliveries,
    km: a.km + b.km,
    perDeliveryCents: a.perDeliveryCents + b.perDeliveryCents,
    distanceCents: a.distanceCents + b.distanceCents,
    sizeCents: a.sizeCents + b.sizeCents,
    weightCents: a.weightCents + b.weightCents,
    totalCents: a.totalCents + b.totalCents,
  };
}

/** Stretches of a range's days that one version governs, in order (days with no version left out). */
export function rateStretches(
  versions: readonly RateCardVersion[],
  range: { from: string; to: string },
): { from: string; to: string; version: RateCardVersion }[] {
  const starts = new Set([
    range.from,
    ...versions.map((v) => v.effectiveFrom).filter((d) => d > range.from && d <= range.to),
  ]);
  const ordered = [...starts].sort();
  const out: { from: string; to: string; version: RateCardVersion }[] = [];
  ordered.forEach((from, i) => {
    const to = i + 1 < ordered.length ? addDays(ordered[i + 1]!, -1) : range.to;
    const version = versionInForce(versions, from);
    if (!version) return;
    const prev = out[out.length - 1];
    if (prev && prev.version.version === version.version && addDays(prev.to, 1) === from) prev.to = to;
    else out.push({ from, to, version });
  });
  return out;
}
