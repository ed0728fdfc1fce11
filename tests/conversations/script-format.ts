// The format of a scripted phone conversation: who calls, what is already true, what the caller says turn by
// turn and what they must (and must never) hear, and how the call must end. Plain data, run by two runners.
import type { BookingStatus, ComplaintCategory, FeedbackType, Severity } from '../../src/core/model';
import type { TransferReason } from '../../src/voice/dialog-types';

/**
 * Something the caller must hear: a phrase (matched ignoring case) or a pattern. A phrase may name a given
 * booking as `{alias}`; it stands for that booking's reference as printed, e.g. "K7M-4XR-9".
 */
export type Heard = string | RegExp;

/** A booking that exists before the call, referred to by its alias in what the caller says. */
export type GivenBooking = {
  status: BookingStatus;
  /** Whether a courier is assigned (yes by default once collected). */
  courier?: boolean;
  /** Minutes from now the delivery is expected, for bookings not yet delivered. */
  etaInMinutes?: number;
};

export type Given = {
  /** Bookings by alias: `{ delivered: { status: 'DELIVERED' } }`, then "feedback on {delivered}". */
  bookings?: Record<string, GivenBooking>;
  /** The local time in Seattle when the call is made, e.g. '16:30' (08:00 on Tuesday 10 June 2025 otherwise). */
  seattleTime?: string;
  /**
   * Trouble behind the bot: `storage` makes every database call fail; `repeated-invocation` has every code
   * hook invocation delivered twice with the same event, as a Lambda retry after a lost response would.
   */
  trouble?: 'storage' | 'repeated-invocation';
};

/**
 * One turn. `caller` is what the caller says; an empty string is silence, which only a phone line carries (the
 * Lex text API takes 1–1024 characters; on a call Connect notices the silence), so a silent turn's `hears` are
 * checked on the simulated call, while over the bot API the turn is not sent. A given booking's reference is
 * written `{alias}` and said the way callers say it: `{alias}` character by character ("K 7 M 4 X R 9"),
 * `{alias:phonetic}` with the phonetic alphabet ("K as in kilo, seven, …"), `{alias:grouped}` in its groups
 * ("K7M 4XR 9"), `{alias:wrong-check}` with its last (check) character misheard.
 */
export type ScriptTurn = {
  caller: string;
  /** Everything here must be heard in the bot's answer to this turn. */
  hears?: Heard[];
  /** None of this may be heard in the answer to this turn. */
  neverHears?: Heard[];
};

export type FeedbackExpectation = {
  type?: FeedbackType;
  rating?: number;
  category?: ComplaintCategory;
  severity?: Severity;
  flagged?: boolean;
  /** The given booking the feedback is about. */
  about?: string;
};

export type BookingExpectation = {
  customerName?: string;
  customerPhone?: string;
  pickupPostcode?: string;
  deliveryPostcode?: string;
  size?: string;
  weightKg?: number;
  handling?: string[];
  /** Local pickup window, e.g. '13:00-17:00'. */
  seattleWindow?: string;
};

export type FinalExpectations = {
  /** Bookings made during the call (given bookings not counted). */
  bookingsMade: number;
  /** What the one booking made must hold; its reference must have been read to the caller. */
  booking?: BookingExpectation;
  /** Feedback items stored during the call. */
  feedbackStored: number;
  feedback?: FeedbackExpectation;
  /**
   * The bot's last word, as the contact flow reads it from the Lex session: TRANSFER or DONE when the bot
   * closed the conversation, OPEN when it is still listening.
   */
  botOutcome: 'TRANSFER' | 'DONE' | 'OPEN';
  transferReason?: TransferReason;
  /** Where the phone call ends up: in a queue for an agent, hung up by the flow, or still talking to the bot. */
  callState: 'QUEUED' | 'DISCONNECTED' | 'IN_BOT';
};

export type ConversationScript = {
  name: string;
  /** The acceptance criteria this conversation demonstrates, e.g. ['Req 3.1', 'Req 3.8']. */
  covers: string[];
  given?: Given;
  /** The caller's number (E.164). */
  callerNumber?: string;
  turns: ScriptTurn[];
  then: FinalExpectations;
};

/** The number scripts call from unless they say otherwise. */
export const DEFAULT_CALLER = '+12065550134';

/** Identity helper so a script file is checked against the format as it is written. */
export function conversations(scripts: ConversationScript[]): ConversationScript[] {
  return scripts;
}
