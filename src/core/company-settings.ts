// The company's own rules (Req 2.5): where it collects and delivers, on which days and hours it collects, the
// last time a same-day pickup can be booked, and the parcels it takes. One admin-owned record, validated and
// audited here; every channel's booking (GraphQL, partners, the voice bot) is checked against it, and the bot
// offers only windows it allows. The time zone is the deployment's (COMPANY_TIME_ZONE): shown, not edited here,
// because changing it re-files every stored day.
import { z } from 'zod';
import { addDays, type BusinessCalendar } from './business-calendar';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { checkInput, issuesToError, type Issue } from './input-validation';
import { PACKAGE_SIZES, PROOF_REQUIREMENTS, type PackageSize, type Principal, type ProofRequirement } from './model';
import type { Clock, Page } from './ports';
import { isRecord } from './is-record';

export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A wall-clock time of the company's day, "HH:MM"; "24:00" is the end of the day. */
export type ClockTime = string;

export type CompanyRules = {
  /** ZIP codes or ZIP prefixes (3 to 5 digits) served, for pickup and delivery; empty: everywhere we geocode. */
  serviceArea: string[];
  /** Days on which couriers collect. */
  collectionDays: Weekday[];
  /** Collection hours on those days: a pickup window lies within them. */
  collectionHours: { open: ClockTime; close: ClockTime };
  /** Same-day pickups can be booked until this time of the day; null: until the window itself. */
  sameDayCutoff: ClockTime | null;
  /** Heaviest parcel of a standard size (SMALL, MEDIUM, LARGE), and of an OVERSIZED one, in kilograms. */
  maxWeightKg: number;
  maxOversizedWeightKg: number;
  /** The largest size taken. */
  largestSize: PackageSize;
  /**
   * The proof every delivery needs, each kind listed (Req 11.7); empty: any one of a signature, a photo or the
   * recipient's name.
   */
  requiredProof: ProofRequirement[];
};

export type StoredSettings = CompanyRules & {
  version: number;
  updatedAt: string;
  updatedBy: { sub: string; name?: string };
};

/** What the API shows: the rules, the deployment's time zone, and who set them last (none: the defaults). */
export type CompanySettings = CompanyRules & {
  timeZone: string;
  version: number;
  updatedAt: string | null;
  updatedBy: { sub: string; name?: string } | null;
};

/** One audited change: who, when, and each field's value before and after. */
export type SettingsChange = {
  version: number;
  at: string;
  by: { sub: string; name?: string };
  changes: { field: keyof CompanyRules; from: unknown; to: unknown }[];
};

export type SettingsRepository = {
  get(): Promise<StoredSettings | undefined>;
  /**
   * Stores `next` (version `expectedVersion + 1`) and its change record together, only if the stored version is
   * still `expectedVersion` (0: nothing stored yet); ConflictError otherwise.
   */
  save(next: StoredSettings, expectedVersion: number, change: SettingsChange): Promise<void>;
  /** Changes, newest first. */
  history(page: { limit: number; nextToken?: string }): Promise<Page<SettingsChange>>;
};

/** Reads the current rules; callers may be served a copy up to a minute old. */
export type SettingsReader = { current(): Promise<CompanyRules> };

/**
 * The rules of a company that has set none: what the product did before it had settings — every day, around
 * the clock, no same-day cut-off, wherever addresses geocode, up to 70 kg (500 kg oversized).
 */
export const DEFAULT_RULES: CompanyRules = {
  serviceArea: [],
  collectionDays: [...WEEKDAYS],
  collectionHours: { open: '00:00', close: '24:00' },
  sameDayCutoff: null,
  maxWeightKg: 70,
  maxOversizedWeightKg: 500,
  largestSize: 'OVERSIZED',
  requiredProof: [],
};

/** Hard ceilings of the product, whatever a company sets. */
export const WEIGHT_CEILING_KG = 70;
export const OVERSIZED_WEIGHT_CEILING_KG = 1000;

// ---- validation ----

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutesOf = (time: ClockTime): number => {
  const [h, m] = time.split(':').map(Number);
  return h! * 60 + m!;
};

const clockTime = (field: string) =>
  z
    .string()
    .trim()
    .regex(CLOCK, {
      message: `${field} must be a time of day as HH:MM on the 24-hour clock, e.g. 08:00 or 18:30.`,
    });

const rulesSchema = z
  .object({
    serviceArea: z
      .array(
        z
          .string()
          .trim()
          .regex(/^\d{3,5}$/, {
            message: 'serviceArea entries must be ZIP codes or ZIP prefixes of 3 to 5 digits, e.g. 981 or 98109.',
          }),
      )
      .max(500, { message: 'serviceArea has more than 500 entries; use ZIP prefixes (e.g. 981) to cover more.' })
      .transform((area) => [...new Set(area)].sort()),
    collectionDays: z
      .array(z.enum(WEEKDAYS))
      .min(1, { message: 'collectionDays needs at least one day, e.g. ["MON","TUE","WED","THU","FRI"].' })
      .transform((days) => WEEKDAYS.filter((d) => days.includes(d))),
    collectionHours: z.object({
      open: clockTime('collectionHours.open'),
      close: clockTime('collectionHours.close'),
    }),
    sameDayCutoff: clockTime('sameDayCutoff')
      .nullish()
      .transform((cutoff) => cutoff ?? null),
    maxWeightKg: z
      .number()
      .finite()
      .positive({ message: 'maxWeightKg must be more than 0 kg.' })
      .max(WEIGHT_CEILING_KG, {
        message: `maxWeightKg can be at most ${WEIGHT_CEILING_KG} kg; heavier parcels are booked as OVERSIZED.`,
      }),
    maxOversizedWeightKg: z
      .number()
      .finite()
      .positive({ message: 'maxOversizedWeightKg must be more than 0 kg.' })
      .max(OVERSIZED_WEIGHT_CEILING_KG, {
        message: `maxOversizedWeightKg can be at most ${OVERSIZED_WEIGHT_CEILING_KG} kg.`,
      }),
    largestSize: z.enum(PACKAGE_SIZES),
    requiredProof: z
      .array(
        z.enum(PROOF_REQUIREMENTS, {
          message: `requiredProof entries must be among ${PROOF_REQUIREMENTS.join(', ')}.`,
        }),
      )
      .transform((kinds) => PROOF_REQUIREMENTS.filter((k) => kinds.includes(k))),
  })
  .strict()
  .superRefine((rules, ctx) => {
    const { open, close } = rules.collectionHours;
    if (CLOCK.test(open) && CLOCK.test(close) && minutesOf(close) - minutesOf(open) < 60) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['collectionHours', 'close'],
        message: `collectionHours.close (${close}) must be at least an hour after collectionHours.open (${open}).`,
      });
    }
    const cutoff = rules.sameDayCutoff;
    if (cutoff && CLOCK.test(cutoff) && CLOCK.test(close) && minutesOf(cutoff) > minutesOf(close)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['sameDayCutoff'],
        message: `sameDayCutoff (${cutoff}) is after collectionHours.close (${close}); set it at or before ${close}, or to null for no cut-off.`,
      });
    }
    if (rules.largestSize === 'OVERSIZED' && rules.maxOversizedWeightKg < rules.maxWeightKg) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['maxOversizedWeightKg'],
        message: `maxOversizedWeightKg (${rules.maxOversizedWeightKg} kg) must not be below maxWeightKg (${rules.maxWeightKg} kg).`,
      });
    }
  });

const updateSchema = z.object({ rules: z.unknown(), expectedVersion: z.number().int().min(0) });

// ---- use cases ----

export type SettingsDeps = {
  settings: SettingsRepository;
  calendar: BusinessCalendar;
  clock: Clock;
  /** Drops cached copies in this process, so its next booking or call follows the change at once. */
  onSettingsChanged?: () => void;
};

function requireAdmin(principal: Principal, what: string): asserts principal is Extract<Principal, { role: 'ADMIN' }> {
  if (principal.role !== 'ADMIN') {
    throw new ForbiddenError(`Only administrators can ${what}.`, { resolution: 'Sign in as an administrator.' });
  }
}

function present(stored: StoredSettings | undefined, calendar: BusinessCalendar): CompanySettings {
  if (!stored) return { ...DEFAULT_RULES, timeZone: calendar.timeZone, version: 0, updatedAt: null, updatedBy: null };
  const { version, updatedAt, updatedBy, ...rules } = stored;
  return { ...rulesOf(rules), timeZone: calendar.timeZone, version, updatedAt, updatedBy };
}

/** The rules of a stored record, filling any rule added after it was stored with its default. */
export function rulesOf(stored: Partial<CompanyRules> | undefined): CompanyRules {
  return {
    serviceArea: stored?.serviceArea ?? DEFAULT_RULES.serviceArea,
    collectionDays: stored?.collectionDays ?? DEFAULT_RULES.collectionDays,
    collectionHours: stored?.collectionHours ?? DEFAULT_RULES.collectionHours,
    sameDayCutoff: stored?.sameDayCutoff ?? DEFAULT_RULES.sameDayCutoff,
    maxWeightKg: stored?.maxWeightKg ?? DEFAULT_RULES.maxWeightKg,
    maxOversizedWeightKg: stored?.maxOversizedWeightKg ?? DEFAULT_RULES.maxOversizedWeightKg,
    largestSize: stored?.largestSize ?? DEFAULT_RULES.largestSize,
    requiredProof: stored?.requiredProof ?? DEFAULT_RULES.requiredProof,
  };
}

/**
 * The proof every delivery needs, for the couriers who collect it and the admins who set it: each listed kind is
 * required; empty means any one of a signature, a photo or the recipient's name.
 */
export async function requiredProofFor(
  principal: Principal,
  deps: { rules: SettingsReader },
): Promise<ProofRequirement[]> {
  if (principal.role !== 'ADMIN' && principal.role !== 'COURIER') {
    throw new ForbiddenError('Only administrators and couriers can read the delivery proof rules.', {
      resolution: 'Sign in as a courier or an administrator.',
    });
  }
  return (await deps.rules.current()).requiredProof;
}

export async function getCompanySettings(principal: Principal, deps: SettingsDeps): Promise<CompanySettings> {
  requireAdmin(principal, 'read the company settings');
  return present(await deps.settings.get(), deps.calendar);
}

/** Validates every rule (each problem named by its field), then stores them with who changed what. */
export async function updateCompanySettings(
  input: unknown,
  principal: Principal,
  deps: SettingsDeps,
): Promise<CompanySettings> {
  requireAdmin(principal, 'change the company settings');
  const envelope = checkInput(updateSchema, input);
  if (!envelope.ok) throw issuesToError(envelope.issues, 'settings');
  const rawRules = envelope.data.rules;
  if (typeof rawRules === 'object' && rawRules !== null && 'timeZone' in rawRules) {
    throw new ValidationError('timeZone is set for the deployment, not on this page.', {
      field: 'rules.timeZone',
      resolution:
        'Set COMPANY_TIME_ZONE (an IANA zone such as America/Chicago) and restart; stored days are re-filed on start.',
    });
  }
  const stored = await deps.settings.get();
  // A client that predates a rule (requiredProof) leaves it as it is rather than resetting it.
  const withKept = isRecord(rawRules) ? { requiredProof: rulesOf(stored).requiredProof, ...rawRules } : rawRules;
  const checked = checkInput(rulesSchema, withKept);
  if (!checked.ok) {
    throw issuesToError(
      checked.issues.map((i) => ({ ...i, field: i.field === 'input' ? 'rules' : `rules.${i.field}` })),
      'settings',
    );
  }
  const rules = checked.data;
  const expectedVersion = envelope.data.expectedVersion;
  const storedVersion = stored?.version ?? 0;
  if (expectedVersion !== storedVersion) {
    throw new ValidationError(
      `Someone else changed the settings (now version ${storedVersion}, you edited version ${expectedVersion}).`,
      { field: 'expectedVersion', resolution: 'Reload the settings, make your change again and save.' },
    );
  }
  const before = rulesOf(stored);
  const changes = (Object.keys(rules) as (keyof CompanyRules)[])
    .filter((field) => JSON.stringify(before[field]) !== JSON.stringify(rules[field]))
    .map((field) => ({ field, from: before[field], to: rules[field] }));
  if (changes.length === 0) return present(stored, deps.calendar);

  const at = deps.clock.now().toISOString();
  const by = { sub: principal.sub, ...(principal.name ? { name: principal.name } : {}) };
  const next: StoredSettings = { ...rules, version: storedVersion + 1, updatedAt: at, updatedBy: by };
  await deps.settings.save(next, storedVersion, { version: next.version, at, by, changes });
  deps.onSettingsChanged?.();
  return present(next, deps.calendar);
}

export async function listSettingsChanges(
  principal: Principal,
  page: { limit?: number; nextToken?: string },
  deps: Pick<SettingsDeps, 'settings'>,
): Promise<Page<SettingsChange>> {
  requireAdmin(principal, 'read the settings history');
  const limit = page.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw new ValidationError('limit must be a whole number from 1 to 100.', { field: 'limit' });
  }
  try {
    return await deps.settings.history({ limit, ...(page.nextToken ? { nextToken: page.nextToken } : {}) });
  } catch (e) {
    if (e instanceof NotFoundError) return { items: [] };
    throw e;
  }
}

// ---- the rules applied ----

/** The weekday of a company day (YYYY-MM-DD). */
export function weekdayOf(day: string): Weekday {
  const index = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
  return WEEKDAYS[index]!;
}

const atClock = (calendar: BusinessCalendar, day: string, time: ClockTime): Date => {
  const minutes = minutesOf(time);
  return minutes >= 24 * 60
    ? calendar.startOf(addDays(day, 1))
    : calendar.at(day, Math.floor(minutes / 60), minutes % 60);
};

/** The collection hours of a company day as instants, or undefined when couriers do not collect that day. */
export function collectionHoursOn(
  rules: CompanyRules,
  calendar: BusinessCalendar,
  day: string,
): { open: Date; close: Date } | undefined {
  if (!rules.collectionDays.includes(weekdayOf(day))) return undefined;
  return {
    open: atClock(calendar, day, rules.collectionHours.open),
    close: atClock(calendar, day, rules.collectionHours.close),
  };
}

/** The last moment a pickup on `day` can be booked (the cut-off on that day), or undefined without a cut-off. */
export function sameDayCutoffOn(rules: CompanyRules, calendar: BusinessCalendar, day: string): Date | undefined {
  return rules.sameDayCutoff ? atClock(calendar, day, rules.sameDayCutoff) : undefined;
}

/** "8:00 AM" — a clock time as callers and admins read it. */
export function clockLabel(time: ClockTime): string {
  const minutes = minutesOf(time) % (24 * 60);
  if (minutesOf(time) === 24 * 60) return 'midnight';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const suffix = h < 12 ? 'AM' : 'PM';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${String(m).padStart(2, '0')} ${suffix}`;
}

const DAY_NAMES: Record<Weekday, string> = {
  MON: 'Monday',
  TUE: 'Tuesday',
  WED: 'Wednesday',
  THU: 'Thursday',
  FRI: 'Friday',
  SAT: 'Saturday',
  SUN: 'Sunday',
};

/** "Monday to Saturday", "every day", "Monday, Wednesday and Friday". */
export function daysLabel(days: readonly Weekday[]): string {
  if (days.length === 7) return 'every day';
  const indexes = days.map((d) => WEEKDAYS.indexOf(d));
  const contiguous = indexes.every((v, i) => i === 0 || v === indexes[i - 1]! + 1);
  if (contiguous && days.length >= 3) return `${DAY_NAMES[days[0]!]} to ${DAY_NAMES[days[days.length - 1]!]}`;
  const names = days.map((d) => DAY_NAMES[d]);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export const isAroundTheClock = (rules: CompanyRules): boolean =>
  rules.collectionHours.open === '00:00' && rules.collectionHours.close === '24:00';

/** "Monday to Saturday, 8:00 AM to 6:00 PM PST" — the collection hours as a booking error names them. */
export function collectionHoursLabel(rules: CompanyRules, calendar: BusinessCalendar, at: Date): string {
  const hours = isAroundTheClock(rules)
    ? 'around the clock'
    : `${clockLabel(rules.collectionHours.open)} to ${clockLabel(rules.collectionHours.close)} ${calendar.zoneName(at)}`;
  return `${daysLabel(rules.collectionDays)}, ${hours}`;
}

/**
 * What is wrong with a pickup window under the company's rules: a day without collection, a window outside the
 * collection hours, or a same-day pickup booked after the cut-off.
 */
export function collectionIssues(
  rules: CompanyRules,
  calendar: BusinessCalendar,
  window: { start: Date; end: Date },
  now: Date,
): Issue[] {
  const day = calendar.dayOf(window.start);
  const hours = collectionHoursOn(rules, calendar, day);
  const label = collectionHoursLabel(rules, calendar, window.start);
  if (!hours) {
    return [
      {
        field: 'pickupWindowStart',
        message: `We don't collect on ${DAY_NAMES[weekdayOf(day)]}s; we collect ${label}. Choose another day.`,
      },
    ];
  }
  const issues: Issue[] = [];
  if (window.start < hours.open || window.start >= hours.close) {
    issues.push({
      field: 'pickupWindowStart',
      message: `The pickup window starts outside our collection hours (${label}); choose a start within them.`,
    });
  } else if (window.end > hours.close) {
    issues.push({
      field: 'pickupWindowEnd',
      message: `The pickup window ends after we stop collecting at ${clockLabel(rules.collectionHours.close)}; end it by then.`,
    });
  }
  const cutoff = sameDayCutoffOn(rules, calendar, day);
  if (cutoff && day === calendar.dayOf(now) && now > cutoff) {
    issues.push({
      field: 'pickupWindowStart',
      message: `Same-day pickups can be booked until ${clockLabel(rules.sameDayCutoff!)}; choose a pickup from tomorrow on.`,
    });
  }
  return issues;
}

/** Whether a ZIP code is in the service area. */
export function servesPostcode(rules: CompanyRules, postcode: string): boolean {
  const zip = postcode.trim().slice(0, 5);
  return rules.serviceArea.length === 0 || rules.serviceArea.some((prefix) => zip.startsWith(prefix));
}

export function serviceAreaLabel(rules: CompanyRules): string {
  const shown = rules.serviceArea.slice(0, 6).map((p) => (p.length < 5 ? `${p}xx` : p));
  return `ZIP codes ${shown.join(', ')}${rules.serviceArea.length > 6 ? ' and others' : ''}`;
}

/** The parcel rules: the largest size taken and the weight limits. */
export function parcelIssues(rules: CompanyRules, parcel: { size: PackageSize; weightKg: number }): Issue[] {
  if (PACKAGE_SIZES.indexOf(parcel.size) > PACKAGE_SIZES.indexOf(rules.largestSize)) {
    return [
      {
        field: 'package.size',
        message: `We take parcels up to ${rules.largestSize}; a ${parcel.size} parcel can't be booked.`,
      },
    ];
  }
  const oversized = parcel.size === 'OVERSIZED';
  const limit = oversized ? rules.maxOversizedWeightKg : rules.maxWeightKg;
  if (parcel.weightKg <= limit) return [];
  const canGoOversized = rules.largestSize === 'OVERSIZED' && parcel.weightKg <= rules.maxOversizedWeightKg;
  return [
    {
      field: 'package.weightKg',
      message: oversized
        ? `package.weightKg ${parcel.weightKg} kg is over our ${limit} kg limit; split the load into several bookings.`
        : canGoOversized
          ? `package.weightKg ${parcel.weightKg} kg is over ${limit} kg for a ${parcel.size} parcel; book it as OVERSIZED (up to ${rules.maxOversizedWeightKg} kg).`
          : `package.weightKg ${parcel.weightKg} kg is over our ${limit} kg limit; split the load into several bookings.`,
    },
  ];
}

/**
 * The earliest pickup window of `lengthMs` (shortened to fit before closing, never below `minMs`) that the rules
 * allow, starting no sooner than `earliest`; looks up to `maxDays` company days ahead.
 */
export function nextCollectionWindow(
  rules: CompanyRules,
  calendar: BusinessCalendar,
  now: Date,
  options: { earliest?: Date; lengthMs: number; minMs: number; maxDays?: number },
): { start: Date; end: Date } | undefined {
  const earliest = options.earliest ?? now;
  const today = calendar.dayOf(now);
  for (let i = 0; i <= (options.maxDays ?? 14); i++) {
    const day = addDays(calendar.dayOf(earliest), i);
    const hours = collectionHoursOn(rules, calendar, day);
    if (!hours) continue;
    const cutoff = sameDayCutoffOn(rules, calendar, day);
    if (day === today && cutoff && now > cutoff) continue;
    const start = new Date(Math.max(hours.open.getTime(), earliest.getTime()));
    const end = new Date(Math.min(start.getTime() + options.lengthMs, hours.close.getTime()));
    if (end.getTime() - start.getTime() >= options.minMs) return { start, end };
  }
  return undefined;
}

/** The rules, re-read at most every `ttlMs` (a minute by default); `invalidate` drops the copy at once. */
export function createSettingsCache(
  read: () => Promise<StoredSettings | undefined>,
  options: { ttlMs?: number; now?: () => number; onError?: (error: unknown) => void } = {},
): SettingsReader & { invalidate(): void } {
  const ttl = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; rules: CompanyRules } | undefined;
  let pending: Promise<CompanyRules> | undefined;
  return {
    async current() {
      if (cached && now() - cached.at < ttl) return cached.rules;
      pending ??= read()
        .then((stored) => {
          cached = { at: now(), rules: rulesOf(stored) };
          return cached.rules;
        })
        .catch((error: unknown) => {
          // With no copy yet, a booking must not go ahead on guessed rules: the caller gets the fault.
          if (!cached) throw error;
          options.onError?.(error);
          cached = { at: now(), rules: cached.rules };
          return cached.rules;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
