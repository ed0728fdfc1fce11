// The channel-neutral shapes of one conversation turn: what the caller gave, what the bot answers, and the
// compact state carried between turns in one Lex session attribute.
import type { NotifyErrorHandler } from '../core/customer-notifications';
import type { TrackingLinks } from '../core/tracking-links';
import type { Log } from '../observability/telemetry';
import type { BusinessCalendar } from '../core/business-calendar';
import type { SettingsReader } from '../core/company-settings';
import type { PackageSize, SpecialHandling } from '../core/model';
import type {
  BookingRepository,
  Clock,
  CourierRepository,
  FeedbackRepository,
  Geocoder,
  IdempotencyStore,
  Notifier,
  Random,
  SentimentAnalyzer,
} from '../core/ports';
import type { IntentName, Prompts, SlotName } from './bot-definition';

/** One caller turn, as the code hook received it. */
export type Turn = {
  sessionId: string;
  intent: IntentName;
  /** Slot values Lex filled on this turn (interpreted values). */
  slots: Partial<Record<SlotName, string>>;
  confirmation: 'Confirmed' | 'Denied' | 'None';
  transcript: string;
};

/** Why the contact flow should transfer the call; the flow branches on it. */
export type TransferReason = 'AGENT_REQUESTED' | 'NOT_FOUND' | 'REFERENCE_FAILURES' | 'NOT_UNDERSTOOD' | 'FAULT';

/** The bot's answer; `say` holds SSML fragments, spoken in order. */
export type Reply =
  | { action: 'elicitSlot'; intent: IntentName; slot: SlotName; say: string[] }
  | { action: 'confirmIntent'; intent: IntentName; say: string[] }
  | { action: 'elicitIntent'; say: string[] }
  | { action: 'close'; intent: IntentName; fulfilled: boolean; say: string[]; transfer?: TransferReason };

export type Place = { line1: string; postcode: string };
export type Choice = { label: string; line1: string; postcode: string };
export type Parcel = { size: PackageSize; weightKg: number; handling: SpecialHandling[] };
export type Window = { start: string; end: string };
export type BookingDraft = {
  pickup: Place;
  delivery: Place;
  parcel: Parcel;
  window: Window;
  name: string;
  phone: string;
};

/**
 * Details the caller gave before they were asked for ("deliver a small box to …" while the pickup is still
 * missing), kept as Lex resolved them until the dialog reaches their step.
 */
export type PendingDetails = { pending?: Partial<Record<SlotName, string>> };

export type BookingDialog =
  | ({ flow: 'book'; step: 'pickup'; draft: Partial<BookingDraft>; choices?: Choice[] } & PendingDetails)
  | ({ flow: 'book'; step: 'delivery'; draft: Partial<BookingDraft>; choices?: Choice[] } & PendingDetails)
  | ({
      flow: 'book';
      step: 'package';
      draft: Partial<BookingDraft>;
      size?: PackageSize;
      weightKg?: number;
      handling?: SpecialHandling[];
    } & PendingDetails)
  | ({ flow: 'book'; step: 'window'; draft: Partial<BookingDraft>; day?: string; time?: string } & PendingDetails)
  | ({ flow: 'book'; step: 'contact'; draft: Partial<BookingDraft> } & PendingDetails)
  | { flow: 'book'; step: 'confirm'; draft: BookingDraft }
  | { flow: 'book'; step: 'change'; draft: BookingDraft }
  | { flow: 'book'; step: 'booked'; reference: string };

export type TrackingDialog =
  | { flow: 'track'; step: 'reference'; failures: number }
  | { flow: 'track'; step: 'offerAgent' }
  | { flow: 'track'; step: 'offerContact'; courierId: string };

export type FeedbackAnswers = {
  type?: 'FEEDBACK' | 'COMPLAINT';
  rating?: number;
  category?: string;
  severity?: string;
};

export type FeedbackDialog =
  /** `type`: "I want to make a complaint" said before the reference, kept so it is not asked again. */
  | { flow: 'feedback'; step: 'reference'; failures: number; type?: 'FEEDBACK' | 'COMPLAINT' }
  | { flow: 'feedback'; step: 'offerAgent' }
  | {
      flow: 'feedback';
      step: 'type' | 'rating' | 'category' | 'severity' | 'comment';
      reference: string;
      answers: FeedbackAnswers;
    };

export type ActiveDialog = BookingDialog | TrackingDialog | FeedbackDialog;

/** Everything the bot remembers between turns. Kept small: Lex allows 12 KB of session attributes in all. */
export type VoiceSession = {
  /** Code hook invocations so far: part of the booking's idempotency key. */
  turn: number;
  dialog?: ActiveDialog;
  /** The last reference given on this call, for "say it again". */
  lastReference?: string;
  /** Consecutive turns the bot did not understand. */
  misses: number;
  /** The caller's number from the contact flow (E.164), used as the booking's phone. */
  caller?: string;
};

export type Outcome = { reply: Reply; session: VoiceSession };

export type VoiceDeps = {
  bookings: BookingRepository;
  feedback: FeedbackRepository;
  couriers: CourierRepository;
  geocoder: Geocoder;
  sentiment: SentimentAnalyzer;
  idempotency: IdempotencyStore;
  notifier?: Notifier;
  /** The public tracking page a booking's confirmation SMS links to. */
  trackingLinks?: TrackingLinks;
  onNotifyError?: NotifyErrorHandler;
  clock: Clock;
  /** The company's calendar: "today", "tomorrow" and the times the caller hears. */
  calendar: BusinessCalendar;
  /** The company's rules: the bot offers only pickup windows they allow, and says when it collects. */
  rules: SettingsReader;
  random: Random;
  prompts: Prompts;
  log: Log;
};
