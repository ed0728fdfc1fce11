// Feedback and complaints about completed deliveries: validated, scored for sentiment, flagged when urgent.
import { z } from 'zod';
import type { BusinessCalendar } from './business-calendar';
import { assertCanListFeedback, assertCanSubmitFeedback, canReadFeedback } from './access';
import { ConflictError, FaultError, ForbiddenError, type DomainErrorOptions } from './errors';
import {
  checkInput,
  dayString,
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
  COMPLAINT_CATEGORIES,
  FEEDBACK_TYPES,
  SEVERITIES,
  type BookingStatus,
  type Feedback,
  type Principal,
} from './model';
import type {
  BookingRepository,
  Clock,
  FeedbackQuery,
  FeedbackRepository,
  Page,
  Random,
  SentimentAnalyzer,
} from './ports';
import { generateFeedbackReference, requireReference } from './reference';
import { describeStatus } from './status-machine';

export const MAX_FEEDBACK_REFERENCE_ATTEMPTS = 5;
const ACCEPTS_FEEDBACK: ReadonlySet<BookingStatus> = new Set(['DELIVERED', 'RETURNED']);

/** Only completed deliveries take feedback (Req 5.8): the others are tracked instead. */
export function acceptsFeedback(status: BookingStatus): boolean {
  return ACCEPTS_FEEDBACK.has(status);
}

/**
 * Feedback was given on a parcel that is still under way. A ConflictError, carrying the booking's status so
 * the voice dialog can offer tracking instead.
 */
export class FeedbackNotAcceptedError extends ConflictError {
  readonly status: BookingStatus;
  constructor(message: string, status: BookingStatus, options: DomainErrorOptions = {}) {
    super(message, options);
    this.status = status;
  }
}

const CHANNELS = ['VOICE', 'WEB', 'PARTNER', 'API'] as const;

const feedbackSchema = z.object({
  bookingReference: z.string({
    required_error: 'bookingReference is required: give the booking reference, e.g. K7M-4XR-9.',
  }),
  type: z.enum(FEEDBACK_TYPES),
  rating: z
    .number()
    .int({ message: 'rating must be a whole number from 1 to 5.' })
    .min(1, { message: 'rating must be from 1 (poor) to 5 (excellent).' })
    .max(5, { message: 'rating must be from 1 (poor) to 5 (excellent).' })
    .nullish()
    .transform((v) => v ?? undefined),
  text: text('text', 3, 2000),
  complaintCategory: optionalEnum([...COMPLAINT_CATEGORIES]),
  severity: optionalEnum([...SEVERITIES]),
  channel: optionalEnum([...CHANNELS]),
});

export type SubmitFeedbackInput = z.input<typeof feedbackSchema>;

function complaintIssues(f: z.output<typeof feedbackSchema>): Issue[] {
  const issues: Issue[] = [];
  if (f.type === 'COMPLAINT') {
    if (!f.complaintCategory) {
      issues.push({
        field: 'complaintCategory',
        message: `A complaint needs a category; use one of ${COMPLAINT_CATEGORIES.join(', ')}.`,
      });
    }
    if (!f.severity) {
      issues.push({ field: 'severity', message: `A complaint needs a severity; use one of ${SEVERITIES.join(', ')}.` });
    }
  } else {
    if (f.complaintCategory) {
      issues.push({
        field: 'complaintCategory',
        message: 'complaintCategory is only for complaints; set type to COMPLAINT or leave it out.',
      });
    }
    if (f.severity) {
      issues.push({
        field: 'severity',
        message: 'severity is only for complaints; set type to COMPLAINT or leave it out.',
      });
    }
  }
  return issues;
}

function defaultChannel(principal: Principal): Feedback['channel'] {
  if (principal.role === 'PARTNER') return 'PARTNER';
  if (principal.role === 'SERVICE') return /voice|lex|bot/i.test(principal.name) ? 'VOICE' : 'API';
  return 'WEB';
}

export type SubmitFeedbackDeps = {
  bookings: BookingRepository;
  feedback: FeedbackRepository;
  sentiment: SentimentAnalyzer;
  clock: Clock;
  random: Random;
};

/**
 * Records feedback or a complaint on a delivered or returned booking. High-severity complaints are flagged
 * for immediate attention; the booking's courier and partner are copied so each can see what concerns them.
 */
export async function submitFeedback(
  input: unknown,
  principal: Principal,
  deps: SubmitFeedbackDeps,
): Promise<Feedback> {
  if (principal.role === 'COURIER' || principal.role === 'PUBLIC') {
    throw new ForbiddenError('You are not allowed to submit feedback.', {
      resolution: 'Feedback comes from customers, partners or staff.',
    });
  }
  const checked = checkInput(feedbackSchema, input);
  if (!checked.ok) throw issuesToError(checked.issues, 'feedback');
  const f = checked.data;
  const issues = complaintIssues(f);
  if (issues.length > 0) throw issuesToError(issues, 'feedback');

  const ref = requireReference(f.bookingReference, 'bookingReference');
  const booking = await deps.bookings.get(ref);
  assertCanSubmitFeedback(principal, booking, ref);
  if (!acceptsFeedback(booking.status)) {
    throw new FeedbackNotAcceptedError(
      `Booking ${ref} is ${describeStatus(booking.status)}; feedback opens once it is delivered or returned.`,
      booking.status,
      { resolution: `Track the parcel with reference ${ref} instead; you can leave feedback after delivery.` },
    );
  }

  const sentiment = await deps.sentiment.analyze(f.text);
  const draft: Omit<Feedback, 'reference'> = {
    bookingReference: ref,
    type: f.type,
    text: f.text,
    sentiment,
    flagged: f.type === 'COMPLAINT' && f.severity === 'HIGH',
    channel: f.channel ?? defaultChannel(principal),
    createdAt: deps.clock.now().toISOString(),
  };
  if (f.rating !== undefined) draft.rating = f.rating;
  if (f.complaintCategory) draft.complaintCategory = f.complaintCategory;
  if (f.severity) draft.severity = f.severity;
  if (booking.courierId) draft.courierId = booking.courierId;
  if (booking.partnerId) draft.partnerId = booking.partnerId;

  for (let attempt = 1; attempt <= MAX_FEEDBACK_REFERENCE_ATTEMPTS; attempt++) {
    const feedback: Feedback = { reference: generateFeedbackReference(deps.random), ...draft };
    try {
      await deps.feedback.create(feedback);
      return feedback;
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  throw new FaultError(`No free feedback reference after ${MAX_FEEDBACK_REFERENCE_ATTEMPTS} attempts`);
}

const feedbackFilterSchema = z
  .object({
    bookingReference: z
      .string()
      .nullish()
      .transform((r) => (r == null || r.trim() === '' ? undefined : r)),
    day: dayString.nullish().transform((d) => d ?? undefined),
    courierId: optionalText('courierId', 64),
    partnerId: optionalText('partnerId', 64),
    flaggedOnly: z
      .boolean()
      .nullish()
      .transform((b) => b ?? false),
  })
  .nullish()
  .transform((f) => f ?? { flaggedOnly: false });

export type FeedbackFilter = {
  bookingReference?: string | null;
  day?: string | null;
  courierId?: string | null;
  partnerId?: string | null;
  flaggedOnly?: boolean | null;
};

/**
 * Lists feedback through the index that fits the filter. Couriers see feedback about their deliveries,
 * partners about their bookings; admins without a filter get today's, and flagged complaints are listed
 * per day (today's without one).
 */
export async function listFeedback(
  filter: FeedbackFilter | null | undefined,
  page: PageInput | null | undefined,
  principal: Principal,
  deps: { feedback: FeedbackRepository; clock: Clock; calendar: BusinessCalendar },
): Promise<Page<Feedback>> {
  assertCanListFeedback(principal);
  const f = parseInput(feedbackFilterSchema, filter, 'filter');
  const p = parseInput(pageSchema, page, 'page');
  const bookingReference =
    f.bookingReference !== undefined ? requireReference(f.bookingReference, 'bookingReference') : undefined;

  let query: FeedbackQuery;
  if (principal.role === 'COURIER') {
    if (f.courierId !== undefined && f.courierId !== principal.courierId) {
      throw new ForbiddenError('Couriers can only read feedback about their own deliveries.');
    }
    query = { by: 'courier', courierId: principal.courierId };
  } else if (principal.role === 'PARTNER') {
    if (f.partnerId !== undefined && f.partnerId !== principal.partnerId) {
      throw new ForbiddenError('Partners can only read feedback on their own bookings.');
    }
    query = { by: 'partner', partnerId: principal.partnerId };
  } else if (bookingReference !== undefined) {
    query = { by: 'booking', bookingReference };
  } else if (f.flaggedOnly) {
    // The flagged index is partitioned by day: one day's flagged complaints (today's unless a day is given,
    // as the dashboard's alerts are), never a read of every day's.
    query = { by: 'flagged', day: f.day ?? deps.calendar.dayOf(deps.clock.now()) };
  } else if (f.courierId !== undefined) {
    query = { by: 'courier', courierId: f.courierId };
  } else if (f.partnerId !== undefined) {
    query = { by: 'partner', partnerId: f.partnerId };
  } else {
    query = { by: 'day', day: f.day ?? deps.calendar.dayOf(deps.clock.now()) };
  }

  const result = await deps.feedback.query(query, p);
  const items = result.items.filter(
    (x) =>
      canReadFeedback(principal, x) &&
      (bookingReference === undefined || x.bookingReference === bookingReference) &&
      (!f.flaggedOnly || x.flagged) &&
      (f.courierId === undefined || x.courierId === f.courierId) &&
      (f.partnerId === undefined || x.partnerId === f.partnerId) &&
      (f.day === undefined || deps.calendar.dayOf(x.createdAt) === f.day),
  );
  return result.nextToken !== undefined ? { items, nextToken: result.nextToken } : { items };
}
