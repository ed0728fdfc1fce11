// Booking use cases: book a courier, read and list bookings, assign couriers, move deliveries along.
import { z } from 'zod';
import type { BusinessCalendar } from './business-calendar';
import {
  actorFor,
  assertCanAssignCourier,
  assertCanBook,
  assertCanChangeBookingStatus,
  assertCanListBookings,
  assertCanReadBooking,
  canReadBooking,
  courierNotFoundMessage,
  principalKey,
} from './access';
import { notifyCustomer, type NotifyErrorHandler } from './customer-notifications';
import { ConflictError, FaultError, ForbiddenError, NotFoundError, ValidationError } from './errors';
import { estimateEta } from './eta';
import {
  collectionIssues,
  parcelIssues,
  serviceAreaLabel,
  servesPostcode,
  type SettingsReader,
} from './company-settings';
import {
  checkInput,
  dayString,
  dedupe,
  issuesToError,
  optionalEnum,
  optionalText,
  pageSchema,
  parseInput,
  text,
  type Issue,
  type PageInput,
} from './input-validation';
import {
  BOOKING_STATUSES,
  FAILURE_REASONS,
  LOCATION_UNAVAILABLE_REASONS,
  PACKAGE_SIZES,
  SPECIAL_HANDLING,
  type Address,
  type Booking,
  type BookingStatus,
  type Principal,
  type ProofRequirement,
} from './model';
import { normalizePhone } from './phone-number';
import type {
  BookingQuery,
  BookingRepository,
  Clock,
  CourierRepository,
  GeocodeResult,
  Geocoder,
  IdempotencyStore,
  Notifier,
  Page,
  ProofStore,
  Random,
} from './ports';
import { checkProofKeys } from './proof';
import type { TrackingLinks } from './tracking-links';
import { generateReference, requireReference } from './reference';
import { isTerminal, transition } from './status-machine';

export { estimateEta } from './eta';

/** How many fresh references to try when the repository reports a collision. */
export const MAX_REFERENCE_ATTEMPTS = 5;
/** How long a booking's idempotency key is remembered. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const MAX_PAST_START_MS = 15 * 60_000;
const MIN_WINDOW_MS = 30 * 60_000;
const MAX_WINDOW_MS = 12 * 60 * 60_000;
const MAX_AHEAD_MS = 30 * 24 * 60 * 60_000;

const CHANNELS = ['VOICE', 'WEB', 'PARTNER', 'API'] as const;
type Channel = (typeof CHANNELS)[number];

// ---- input ----

function addressSchema(side: 'pickup' | 'delivery') {
  const what = side === 'pickup' ? 'pickup' : 'delivery';
  return z.object({
    line1: text(`${side}.line1 (the ${what} street address)`, 1, 200),
    line2: optionalText(`${side}.line2`, 100),
    city: text(`${side}.city`, 1, 100),
    region: optionalText(`${side}.region`, 50),
    postcode: z
      .string()
      .transform((s) => s.trim())
      .pipe(
        z.string().regex(/^\d{5}(-\d{4})?$/, {
          message: `${side}.postcode is not a US ZIP code; give 5 digits, e.g. 98101.`,
        }),
      ),
    country: z
      .string()
      .nullish()
      .transform((c) => (c == null || c.trim() === '' ? 'US' : c.trim().toUpperCase()))
      .pipe(z.string().regex(/^[A-Z]{2}$/, { message: `${side}.country must be a 2-letter code such as US.` })),
  });
}

/** A client's key that makes a retried request safe: the same key is never applied twice. */
const idempotencyKeyField = optionalText('idempotencyKey', 128).pipe(
  z
    .string()
    .regex(/^[A-Za-z0-9_.:-]+$/, {
      message: 'idempotencyKey may only use letters, digits and . _ : -; a UUID works well.',
    })
    .optional(),
);

export const isoInstant = (field: string) =>
  z
    .string()
    .trim()
    .refine(
      (s) =>
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
      {
        message: `${field} must be a date and time with a time zone, e.g. 2025-06-01T09:00:00-07:00.`,
      },
    );

const bookCourierSchema = z.object({
  customerName: text('customerName', 2, 100),
  customerPhone: z.string().transform((raw, ctx) => {
    const phone = normalizePhone(raw);
    if (phone.ok) return phone.e164;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: phone.message });
    return z.NEVER;
  }),
  pickup: addressSchema('pickup'),
  delivery: addressSchema('delivery'),
  package: z.object({
    size: z.enum(PACKAGE_SIZES),
    weightKg: z
      .number()
      .finite({ message: 'package.weightKg must be a number of kilograms, e.g. 2.5.' })
      .positive({ message: 'package.weightKg must be more than 0; give the weight in kilograms, e.g. 2.5.' }),
    handling: z
      .array(z.enum(SPECIAL_HANDLING))
      .nullish()
      .transform((h) => [...new Set(h ?? [])]),
    description: optionalText('package.description', 200),
  }),
  pickupWindowStart: isoInstant('pickupWindowStart'),
  pickupWindowEnd: isoInstant('pickupWindowEnd'),
  partnerId: optionalText('partnerId', 64).pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]+$/, { message: 'partnerId may only use letters, digits, - and _.' })
      .optional(),
  ),
  channel: optionalEnum([...CHANNELS]),
  idempotencyKey: idempotencyKeyField,
});

export type BookCourierInput = z.input<typeof bookCourierSchema>;
type ParsedBooking = z.output<typeof bookCourierSchema>;

/**
 * The pickup window rules, checked on the raw input so that they are reported together with any other
 * problem in the request.
 */
export function windowIssues(input: unknown, now: Date): Issue[] {
  const raw = (input ?? {}) as { pickupWindowStart?: unknown; pickupWindowEnd?: unknown };
  const start = typeof raw.pickupWindowStart === 'string' ? Date.parse(raw.pickupWindowStart) : NaN;
  const end = typeof raw.pickupWindowEnd === 'string' ? Date.parse(raw.pickupWindowEnd) : NaN;
  const issues: Issue[] = [];
  const t = now.getTime();
  if (!Number.isNaN(start)) {
    if (start < t - MAX_PAST_START_MS) {
      issues.push({
        field: 'pickupWindowStart',
        message: 'pickupWindowStart is in the past; choose a pickup time from now on.',
      });
    }
    if (start > t + MAX_AHEAD_MS) {
      issues.push({
        field: 'pickupWindowStart',
        message: 'pickupWindowStart is more than 30 days ahead; we take bookings up to 30 days in advance.',
      });
    }
  }
  if (Number.isNaN(start) || Number.isNaN(end)) return issues;
  if (end <= start) {
    issues.push({ field: 'pickupWindowEnd', message: 'pickupWindowEnd must be after pickupWindowStart.' });
  } else if (end - start < MIN_WINDOW_MS) {
    issues.push({
      field: 'pickupWindowEnd',
      message: 'The pickup window is shorter than 30 minutes; give the courier at least 30 minutes.',
    });
  } else if (end - start > MAX_WINDOW_MS) {
    issues.push({
      field: 'pickupWindowEnd',
      message: 'The pickup window is longer than 12 hours; choose a window of 12 hours or less.',
    });
  }
  return issues;
}

function geocodeIssue(
  side: 'pickup' | 'delivery',
  address: ParsedBooking['pickup'],
  result: GeocodeResult,
): Issue | undefined {
  switch (result.status) {
    case 'FOUND':
      return undefined;
    case 'AMBIGUOUS': {
      const options = result.candidates
        .slice(0, 3)
        .map((c) => c.label)
        .join('; ');
      return {
        field: `${side}.line1`,
        message: `'${address.line1}' matches several places: ${options}. Add the postcode or the direction (N, NE, S, SW…) to say which.`,
      };
    }
    case 'NOT_FOUND':
      switch (result.reason) {
        case 'UNKNOWN_STREET':
        case 'EMPTY':
          return {
            field: `${side}.line1`,
            message: `We couldn't find '${address.line1}' in ${address.city} ${address.postcode}; check the street name and postcode.`,
          };
        case 'UNKNOWN_POSTCODE':
          return {
            field: `${side}.postcode`,
            message: `${address.postcode} is not a postcode we serve; check the ZIP code (ours start with 981).`,
          };
        case 'UNKNOWN_CITY':
          return {
            field: `${side}.city`,
            message: `We only collect and deliver in Seattle, WA; '${address.city}, ${address.country}' is outside our area.`,
          };
      }
  }
}

function toAddress(input: ParsedBooking['pickup'], result: Extract<GeocodeResult, { status: 'FOUND' }>): Address {
  const address: Address = {
    line1: result.normalized.line1 || input.line1,
    city: result.normalized.city,
    postcode: result.normalized.postcode,
    country: result.normalized.country,
    point: result.point,
    precision: result.precision,
  };
  if (input.line2) address.line2 = input.line2;
  const region = result.normalized.region ?? input.region;
  if (region) address.region = region;
  return address;
}

function defaultChannel(principal: Principal): Channel {
  switch (principal.role) {
    case 'PARTNER':
      return 'PARTNER';
    case 'SERVICE':
      return /voice|lex|bot/i.test(principal.name) ? 'VOICE' : 'API';
    case 'ADMIN':
    case 'COURIER':
      return 'WEB';
    case 'PUBLIC':
      return 'API';
  }
}

/** What an idempotency key remembers: the booking, and a fingerprint of the request that made it. */
type IdempotentResult = { reference: string; fingerprint: string };

function fingerprintOf(input: ParsedBooking, partnerId: string | undefined): string {
  const { idempotencyKey: _ignored, ...rest } = input;
  return JSON.stringify({ ...rest, partnerId });
}

export type BookCourierDeps = {
  bookings: BookingRepository;
  /** The company's rules (service area, collection hours, cut-off, parcel limits) and its calendar. */
  rules: SettingsReader;
  calendar: BusinessCalendar;
  geocoder: Geocoder;
  clock: Clock;
  random: Random;
  notifier?: Notifier;
  /** The public tracking page every customer message links to. */
  trackingLinks?: TrackingLinks;
  idempotency?: IdempotencyStore;
  onNotifyError?: NotifyErrorHandler;
  /**
   * The booking was stored but its idempotency record could not be completed: the booking is the answer, and the
   * key stays claimed, so a retry is refused as still in progress instead of booking twice. Logged by the runtime.
   */
  onIdempotencyError?: (error: unknown, about: { idempotencyKey: string; bookingReference: string }) => void;
  /** How a duplicate pauses while the first request with its idempotency key is in flight (tests pass a fake). */
  wait?: (ms: number) => Promise<void>;
};

/**
 * Books a courier. Validates everything (and geocodes both addresses) before storing anything; a repeat
 * with the same idempotency key returns the first booking instead of creating a second.
 */
export async function bookCourier(input: unknown, principal: Principal, deps: BookCourierDeps): Promise<Booking> {
  assertCanBook(principal);
  const now = deps.clock.now();
  const checked = checkInput(bookCourierSchema, input);
  const issues = windowIssues(input, now);
  if (!checked.ok) throw issuesToError(dedupe([...checked.issues, ...issues]), 'booking');
  const parsed = checked.data;

  let partnerId = parsed.partnerId;
  if (principal.role === 'PARTNER') {
    if (partnerId !== undefined && partnerId !== principal.partnerId) {
      throw new ForbiddenError(`You can only book for your own partner account (${principal.partnerId}).`, {
        resolution: 'Leave partnerId out, or set it to your own partner id.',
      });
    }
    partnerId = principal.partnerId;
  }

  const rules = await deps.rules.current();
  const windowValid = issues.length === 0;
  issues.push(...parcelIssues(rules, parsed.package));
  if (windowValid) {
    const window = { start: new Date(parsed.pickupWindowStart), end: new Date(parsed.pickupWindowEnd) };
    issues.push(...collectionIssues(rules, deps.calendar, window, now));
  }
  for (const side of ['pickup', 'delivery'] as const) {
    const postcode = parsed[side].postcode;
    if (!servesPostcode(rules, postcode)) {
      issues.push({
        field: `${side}.postcode`,
        message: `${postcode} is outside our service area (${serviceAreaLabel(rules)}); we collect and deliver only there.`,
      });
    }
  }
  const outside = new Set(issues.map((i) => i.field));
  const [pickupResult, deliveryResult] = await Promise.all([
    deps.geocoder.geocode(parsed.pickup),
    deps.geocoder.geocode(parsed.delivery),
  ]);
  for (const issue of [
    outside.has('pickup.postcode') ? undefined : geocodeIssue('pickup', parsed.pickup, pickupResult),
    outside.has('delivery.postcode') ? undefined : geocodeIssue('delivery', parsed.delivery, deliveryResult),
  ]) {
    if (issue) issues.push(issue);
  }
  if (issues.length > 0 || pickupResult.status !== 'FOUND' || deliveryResult.status !== 'FOUND') {
    throw issuesToError(issues, 'booking');
  }

  const idempotencyKey =
    parsed.idempotencyKey && deps.idempotency ? `${principalKey(principal)}:${parsed.idempotencyKey}` : undefined;
  const fingerprint = fingerprintOf(parsed, partnerId);
  if (idempotencyKey && deps.idempotency) {
    const earlier = await claimOrReplay(deps.idempotency, idempotencyKey, fingerprint, deps.bookings, deps.wait);
    if (earlier) return earlier;
  }

  let stored: Booking | undefined;
  try {
    const startIso = new Date(parsed.pickupWindowStart).toISOString();
    const endIso = new Date(parsed.pickupWindowEnd).toISOString();
    const at = now.toISOString();
    const draft: Omit<Booking, 'reference'> = {
      customerName: parsed.customerName,
      customerPhone: parsed.customerPhone,
      pickup: toAddress(parsed.pickup, pickupResult),
      delivery: toAddress(parsed.delivery, deliveryResult),
      package: {
        size: parsed.package.size,
        weightKg: parsed.package.weightKg,
        handling: parsed.package.handling,
        ...(parsed.package.description ? { description: parsed.package.description } : {}),
      },
      pickupWindow: { start: startIso, end: endIso },
      status: 'BOOKED',
      history: [{ status: 'BOOKED', at, actor: actorFor(principal) }],
      channel: parsed.channel ?? defaultChannel(principal),
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    if (partnerId !== undefined) draft.partnerId = partnerId;
    const eta = estimateEta(draft, now);
    if (eta) draft.eta = eta;

    const booking = await createWithFreshReference(deps, draft);
    stored = booking;
    if (idempotencyKey && deps.idempotency) {
      const result: IdempotentResult = { reference: booking.reference, fingerprint };
      const store = deps.idempotency;
      try {
        await persistently(() => store.complete(idempotencyKey, JSON.stringify(result)), deps.wait);
      } catch (e) {
        // The booking exists: answering "busy" would send the client back with the same key to a released key and
        // a second booking (seen with the idempotency table's UpdateItem throttled). It is the answer; the key stays
        // claimed.
        deps.onIdempotencyError?.(e, { idempotencyKey, bookingReference: booking.reference });
      }
    }
    await notifyCustomer(booking, deps);
    return booking;
  } catch (e) {
    // Only while nothing is stored is the key given back, so that a retry books; a key that cannot be given back
    // would refuse every retry as "still in progress" for a day, so that is retried too.
    const store = deps.idempotency;
    if (idempotencyKey && store && !stored) await persistently(() => store.release(idempotencyKey), deps.wait);
    throw e;
  }
}

/**
 * The pauses between tries of an idempotency record's write after the SDK's own retries gave up (throttling):
 * the record is what makes a client's retry safe, so it is worth 1.4 s more than an ordinary write.
 */
const RECORD_RETRY_PAUSES_MS = [200, 400, 800];

async function persistently(write: () => Promise<void>, wait: (ms: number) => Promise<void> = pause): Promise<void> {
  for (const ms of RECORD_RETRY_PAUSES_MS) {
    try {
      return await write();
    } catch {
      await wait(ms);
    }
  }
  return write();
}

/**
 * How long a duplicate waits for the first request with its idempotency key to finish, in pauses that grow
 * from 20 ms to 320 ms: about 6 s in all, well inside an API call's timeout, and far longer than a booking takes.
 */
const IN_PROGRESS_PAUSES_MS = [
  20, 40, 80, 160, 320, 320, 320, 320, 320, 320, 320, 320, 320, 320, 320, 320, 320, 320, 320, 320,
];

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The pauses a duplicate makes while the first request with its idempotency key is in flight. */
export const IN_PROGRESS_WAIT_MS = IN_PROGRESS_PAUSES_MS.reduce((a, b) => a + b, 0);

/**
 * Claims the idempotency key, or answers with the booking an earlier request with the key made. A duplicate sent
 * while the first is still being booked waits for it and gets the same booking; if the first failed (and released
 * the key), the duplicate claims the key and books itself.
 */
async function claimOrReplay(
  store: IdempotencyStore,
  key: string,
  fingerprint: string,
  bookings: BookingRepository,
  wait: (ms: number) => Promise<void> = pause,
): Promise<Booking | undefined> {
  let claimed = await store.claim(key, IDEMPOTENCY_TTL_SECONDS);
  for (const ms of IN_PROGRESS_PAUSES_MS) {
    if (claimed === undefined || claimed.result !== undefined) break;
    await wait(ms);
    claimed = await store.claim(key, IDEMPOTENCY_TTL_SECONDS);
  }
  if (claimed === undefined) return undefined;
  if (claimed.result === undefined) {
    throw new ConflictError('A booking with this idempotency key is still being processed.', {
      resolution: 'Wait a few seconds and send the same request again.',
    });
  }
  let earlier: IdempotentResult;
  try {
    earlier = JSON.parse(claimed.result) as IdempotentResult;
  } catch (e) {
    throw new FaultError(`Unreadable idempotency record for ${key}`, { cause: e });
  }
  if (earlier.fingerprint !== fingerprint) {
    throw new ConflictError('This idempotency key was already used for a different booking.', {
      resolution: 'Use a new idempotency key for a new booking.',
    });
  }
  const booking = await bookings.get(earlier.reference);
  if (!booking) throw new FaultError(`Idempotency record for ${key} points at missing booking ${earlier.reference}`);
  return booking;
}

async function createWithFreshReference(
  deps: Pick<BookCourierDeps, 'bookings' | 'random'>,
  draft: Omit<Booking, 'reference'>,
): Promise<Booking> {
  for (let attempt = 1; attempt <= MAX_REFERENCE_ATTEMPTS; attempt++) {
    const booking: Booking = { reference: generateReference(deps.random), ...draft };
    try {
      await deps.bookings.create(booking);
      return booking;
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  throw new FaultError(`No free booking reference after ${MAX_REFERENCE_ATTEMPTS} attempts`);
}

// ---- reading ----

export async function getBooking(
  reference: unknown,
  principal: Principal,
  deps: { bookings: BookingRepository },
): Promise<Booking> {
  const ref = requireReference(reference);
  const booking = await deps.bookings.get(ref);
  assertCanReadBooking(principal, booking, ref);
  return booking;
}

const bookingFilterSchema = z
  .object({
    day: dayString.nullish().transform((d) => d ?? undefined),
    status: optionalEnum([...BOOKING_STATUSES]),
    courierId: optionalText('courierId', 64),
    partnerId: optionalText('partnerId', 64),
  })
  .nullish()
  .transform((f) => f ?? {});

export type BookingFilter = {
  day?: string | null;
  status?: BookingStatus | null;
  courierId?: string | null;
  partnerId?: string | null;
};

/**
 * Lists bookings through the one index that fits the caller and filter. Couriers only ever see their own
 * deliveries and partners their own bookings; admins without a filter get today's pickups.
 */
export async function listBookings(
  filter: BookingFilter | null | undefined,
  page: PageInput | null | undefined,
  principal: Principal,
  deps: { bookings: BookingRepository; clock: Clock; calendar: BusinessCalendar },
): Promise<Page<Booking>> {
  assertCanListBookings(principal);
  const f = parseInput(bookingFilterSchema, filter, 'filter');
  const p = parseInput(pageSchema, page, 'page');
  let query: BookingQuery;
  switch (principal.role) {
    case 'COURIER':
      if (f.courierId !== undefined && f.courierId !== principal.courierId) {
        throw new ForbiddenError('Couriers can only list their own deliveries.', {
          resolution: 'Leave courierId out to see your own deliveries.',
        });
      }
      query = { by: 'courier', courierId: principal.courierId, ...(f.day ? { day: f.day } : {}) };
      break;
    case 'PARTNER':
      if (f.partnerId !== undefined && f.partnerId !== principal.partnerId) {
        throw new ForbiddenError('Partners can only list their own bookings.', {
          resolution: 'Leave partnerId out to see your own bookings.',
        });
      }
      query = {
        by: 'partner',
        partnerId: principal.partnerId,
        ...(f.day ? { day: f.day } : {}),
        ...(f.status ? { status: f.status } : {}),
      };
      break;
    case 'PUBLIC':
      throw new ForbiddenError('Sign in to list bookings.');
    case 'ADMIN':
    case 'SERVICE':
      if (f.courierId !== undefined) {
        query = { by: 'courier', courierId: f.courierId, ...(f.day ? { day: f.day } : {}) };
      } else if (f.partnerId !== undefined) {
        query = {
          by: 'partner',
          partnerId: f.partnerId,
          ...(f.day ? { day: f.day } : {}),
          ...(f.status ? { status: f.status } : {}),
        };
      } else {
        query = {
          by: 'day',
          day: f.day ?? deps.calendar.dayOf(deps.clock.now()),
          ...(f.status ? { status: f.status } : {}),
        };
      }
  }
  const result = await deps.bookings.query(query, p);
  // Filters the chosen index cannot apply, and a last check that nothing foreign slips through.
  const items = result.items.filter(
    (b) =>
      canReadBooking(principal, b) &&
      (f.status === undefined || b.status === f.status) &&
      (f.courierId === undefined || b.courierId === f.courierId) &&
      (f.partnerId === undefined || b.partnerId === f.partnerId) &&
      (f.day === undefined || deps.calendar.dayOf(b.pickupWindow.start) === f.day),
  );
  return result.nextToken !== undefined ? { items, nextToken: result.nextToken } : { items };
}

// ---- changing ----

export async function assignCourier(
  reference: unknown,
  courierId: unknown,
  principal: Principal,
  deps: { bookings: BookingRepository; couriers: CourierRepository; clock: Clock },
): Promise<Booking> {
  assertCanAssignCourier(principal);
  const ref = requireReference(reference);
  if (typeof courierId !== 'string' || courierId.trim() === '') {
    throw new ValidationError('courierId is required: choose the courier to assign.', { field: 'courierId' });
  }
  const id = courierId.trim();
  const booking = await deps.bookings.get(ref);
  assertCanReadBooking(principal, booking, ref);
  const courier = await deps.couriers.get(id);
  if (!courier) {
    throw new NotFoundError(courierNotFoundMessage(id), { resolution: 'Pick a courier from the courier list.' });
  }
  if (!courier.active) {
    throw new ConflictError(`Courier ${courier.name} (${id}) is not active.`, {
      resolution: 'Choose an active courier, or reactivate this one first.',
    });
  }
  if (isTerminal(booking.status)) {
    throw new ConflictError(`Booking ${ref} is ${booking.status} and can no longer be assigned.`, {
      resolution: 'Only bookings that are still under way can be assigned.',
    });
  }
  if (booking.courierId === id) return booking;
  const next: Booking = { ...booking, courierId: id, updatedAt: deps.clock.now().toISOString() };
  return deps.bookings.update(next, booking.version);
}

const statusUpdateSchema = z.object({
  reference: z.string(),
  status: z.enum(BOOKING_STATUSES),
  location: z
    .object({
      lat: z.number().min(-90, { message: 'location.lat must be between -90 and 90.' }).max(90, {
        message: 'location.lat must be between -90 and 90.',
      }),
      lng: z.number().min(-180, { message: 'location.lng must be between -180 and 180.' }).max(180, {
        message: 'location.lng must be between -180 and 180.',
      }),
    })
    .nullish()
    .transform((l) => l ?? undefined),
  note: optionalText('note', 500),
  proof: z
    .object({
      signatureKey: optionalText('proof.signatureKey', 300),
      photoKey: optionalText('proof.photoKey', 300),
      recipientName: optionalText('proof.recipientName', 100),
    })
    .nullish()
    .transform((p) => p ?? undefined),
  locationAccuracyM: z
    .number()
    .min(0, { message: 'locationAccuracyM is a radius in metres: 0 or more.' })
    .max(100_000, {
      message: 'locationAccuracyM above 100 km is not a location fix; send locationUnavailable instead.',
    })
    .nullish()
    .transform((v) => v ?? undefined),
  locationUnavailable: optionalEnum([...LOCATION_UNAVAILABLE_REASONS]),
  failureReason: optionalEnum([...FAILURE_REASONS]),
  at: isoInstant('at')
    .nullish()
    .transform((v) => v ?? undefined),
  idempotencyKey: idempotencyKeyField,
  expectedVersion: z
    .number()
    .int({ message: 'expectedVersion must be a whole number: the version you last read.' })
    .min(1, { message: 'expectedVersion starts at 1: send the version you last read.' })
    .nullish()
    .transform((v) => v ?? undefined),
});

export type UpdateDeliveryStatusInput = z.input<typeof statusUpdateSchema>;

export type UpdateDeliveryStatusDeps = {
  bookings: BookingRepository;
  clock: Clock;
  /** Where proof images are stored: with it, a signature or photo key must name an uploaded image. */
  proofs?: ProofStore;
  /** Customer messages give times in the company's calendar. */
  calendar: BusinessCalendar;
  notifier?: Notifier;
  trackingLinks?: TrackingLinks;
  onNotifyError?: NotifyErrorHandler;
  /** The company's rules: the proof every delivery needs. */
  rules: SettingsReader;
};

/** How far ahead of the server's clock a phone's time may be and still be believed. */
const CLOCK_SKEW_MS = 2 * 60_000;
/** How long a phone may keep an update offline before it can no longer be recorded as it happened. */
export const MAX_OFFLINE_AGE_MS = 7 * 86_400_000;
/** Below this gap the receiving time is not worth recording beside the acting time. */
const RECEIVED_LATE_MS = 60_000;

/**
 * When an update happened: the courier's own time when given (an update kept on the phone while offline
 * happened when the courier acted, not when the phone synced), never after now and never before the
 * booking's previous event, so the trail stays in order whatever the phone's clock says.
 */
function actedAt(at: string | undefined, booking: Booking, now: Date): Date {
  const previous = booking.history.at(-1)?.at;
  const floor = previous ? Date.parse(previous) : 0;
  // A previous event dated after this server's now (another writer's clock ahead of ours, within the skew
  // allowed) keeps its place: the new one is dated at it, the trail stays in order.
  if (at === undefined) return new Date(Math.max(floor, now.getTime()));
  const t = new Date(at);
  if (t.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new ValidationError(`at (${at}) is in the future.`, {
      field: 'at',
      resolution: 'Send the time the courier acted, or leave it out for now; check the phone’s clock.',
    });
  }
  if (t.getTime() < now.getTime() - MAX_OFFLINE_AGE_MS) {
    throw new ValidationError(`at (${at}) is more than 7 days ago; an update that old cannot be recorded.`, {
      field: 'at',
      resolution: 'Ask the dispatcher to record what happened to this delivery.',
    });
  }
  return new Date(Math.max(floor, Math.min(now.getTime(), t.getTime())));
}

/**
 * An update carrying an idempotency key that is already in the booking's trail was applied before (the
 * phone retried after losing the answer): the booking as it stands is the answer, nothing is applied twice.
 * The key lives in the trail itself, so it is written in the same conditional write as the change.
 */
function replayOf(booking: Booking, updateId: string, status: BookingStatus): Booking | undefined {
  const earlier = booking.history.find((e) => e.updateId === updateId);
  if (!earlier) return undefined;
  if (earlier.status !== status) {
    throw new ConflictError(
      `Idempotency key ${updateId} was already used on ${booking.reference} for ${earlier.status}, not ${status}.`,
      { resolution: 'Use a new idempotency key for each update.' },
    );
  }
  return booking;
}

/**
 * Moves a delivery to its next status, recording who, when, where and any proof. With expectedVersion the
 * change only applies to the version the caller saw; otherwise to the version just read. A signature or
 * photo key must name an image uploaded for this booking (see requestProofUpload in proof.ts). A courier
 * confirms where it happened: a location, or why there is none (Req 11.5). `at` is when the courier acted
 * (an update made offline); an idempotency key makes a retry safe.
 */
export async function updateDeliveryStatus(
  input: unknown,
  principal: Principal,
  deps: UpdateDeliveryStatusDeps,
): Promise<Booking> {
  const parsed = parseInput(statusUpdateSchema, input, 'status update');
  const ref = requireReference(parsed.reference);
  let requiredProof: readonly ProofRequirement[] | undefined;
  for (let attempt = 1; ; attempt++) {
    const booking = await deps.bookings.get(ref);
    if (parsed.idempotencyKey && booking && canReadBooking(principal, booking)) {
      const replay = replayOf(booking, parsed.idempotencyKey, parsed.status);
      if (replay) return replay;
    }
    assertCanChangeBookingStatus(principal, booking, ref, parsed.status);
    if (principal.role === 'COURIER' && !parsed.location && !parsed.locationUnavailable) {
      throw new ValidationError('Confirm where this happened: send the location, or why there is none.', {
        field: 'location',
        resolution: 'Send lat and lng from the phone’s location, or locationUnavailable (e.g. PERMISSION_DENIED).',
      });
    }
    // The change is worked out from the version read here and written only over that version: a caller's
    // expectedVersion must be that very version, or the change would be applied to a state the caller never saw.
    if (parsed.expectedVersion !== undefined && parsed.expectedVersion !== booking.version) {
      throw versionConflict(ref, parsed.expectedVersion, booking.version);
    }
    const now = deps.clock.now();
    const at = actedAt(parsed.at, booking, now);
    requiredProof ??= parsed.status === 'DELIVERED' ? (await deps.rules.current()).requiredProof : [];
    const moved = transition(
      booking,
      {
        to: parsed.status,
        actor: actorFor(principal),
        ...(parsed.location ? { location: parsed.location } : {}),
        ...(parsed.location && parsed.locationAccuracyM !== undefined
          ? { locationAccuracyM: Math.round(parsed.locationAccuracyM) }
          : {}),
        ...(!parsed.location && parsed.locationUnavailable ? { locationUnavailable: parsed.locationUnavailable } : {}),
        ...(parsed.note ? { note: parsed.note } : {}),
        ...(parsed.proof ? { proof: parsed.proof } : {}),
        requiredProof,
        ...(parsed.failureReason ? { failureReason: parsed.failureReason } : {}),
        ...(now.getTime() - at.getTime() > RECEIVED_LATE_MS ? { receivedAt: now } : {}),
        ...(parsed.idempotencyKey ? { updateId: parsed.idempotencyKey } : {}),
      },
      at,
    );
    const proof = moved.history.at(-1)?.proof;
    if (parsed.status === 'DELIVERED' && proof) await checkProofKeys(ref, proof, deps.proofs);
    const eta = estimateEta(moved, now);
    const next: Booking = { ...moved };
    if (eta) next.eta = eta;
    else delete next.eta;
    let stored: Booking;
    try {
      stored = await deps.bookings.update(next, booking.version);
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
      // Someone else wrote between our read and our write. With expectedVersion the caller asked for exactly the
      // version it saw: refuse, naming both. Otherwise read again and apply the change to what is there now —
      // the transition is checked again, so a change that no longer fits is refused as an invalid transition;
      // the same update sent twice finds its first send in the trail and answers with it.
      const latest = await deps.bookings.get(ref);
      if (parsed.expectedVersion !== undefined) {
        throw versionConflict(ref, parsed.expectedVersion, latest?.version ?? booking.version + 1, e);
      }
      if (attempt >= MAX_STATUS_UPDATE_ATTEMPTS) {
        throw new ConflictError(
          `Booking ${ref} changed ${attempt} times while this update was being applied (now version ${latest?.version ?? '?'}).`,
          { resolution: 'Send the update again; it will be applied to the booking as it is then.', cause: e },
        );
      }
      continue;
    }
    await notifyCustomer(stored, deps);
    return stored;
  }
}

/** How many times a status update without expectedVersion is re-applied when others write first. */
export const MAX_STATUS_UPDATE_ATTEMPTS = 10;

function versionConflict(ref: string, expectedVersion: number, current: number, cause?: unknown): ConflictError {
  const what =
    expectedVersion > current
      ? `is at version ${current}; expectedVersion ${expectedVersion} is ahead of it`
      : `is at version ${current}, not expectedVersion ${expectedVersion}: it changed after you read it`;
  return new ConflictError(`Booking ${ref} ${what}.`, {
    resolution: `Reload the booking (version ${current}) and send the update again with that expectedVersion if it still applies.`,
    cause,
  });
}
