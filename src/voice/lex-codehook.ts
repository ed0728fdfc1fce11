// Lex V2 code hook adapter: the only place that reads a Lex V2 event and writes a Lex V2 response. Event →
// turn → dialog → response; faults anywhere end in an apology and a transfer the contact flow can branch on.
import type { LexV2Event, LexV2Result, LexV2Slots } from 'aws-lambda';
import { normalizePhone } from '../core/phone-number';
import {
  BOT_DEFINITION,
  INTENT_NAMES,
  type BotDefinition,
  type IntentName,
  type Locale,
  type SlotName,
} from './bot-definition';
import { handleTurn, newSession } from './dialog';
import type { Outcome, Turn, VoiceDeps, VoiceSession } from './dialog-types';
import { say } from './speech';
import type { CallRecorder } from '../core/call-metrics';
import { turnFacts } from './call-metrics';

/** Session attribute holding the bot's compact state (JSON). */
export const STATE_ATTRIBUTE = 'courierBot';
/** Session attribute the contact flow branches on after the bot: TRANSFER or DONE. */
export const OUTCOME_ATTRIBUTE = 'botOutcome';
/** Why the call is transferred (AGENT_REQUESTED, NOT_FOUND, REFERENCE_FAILURES, NOT_UNDERSTOOD, FAULT). */
export const TRANSFER_REASON_ATTRIBUTE = 'transferReason';
/** Session attribute the contact flow sets to the caller's number. */
export const CALLER_ATTRIBUTE = 'callerNumber';

const INTENTS: ReadonlySet<string> = new Set(INTENT_NAMES);

/**
 * The most of a caller's words the code hook reads. Lex V2 itself takes at most 1,024 characters of text in a
 * turn (RecognizeText), so an utterance longer than that cannot have come from a caller; a free-text comment
 * slot may be as long as the utterance.
 */
export const MAX_TRANSCRIPT_CHARS = 1024;
/** A spoken slot value (an address, a name, a size, a day) is short: longer is not something a caller said. */
export const MAX_SLOT_VALUE_CHARS = 200;
const LONG_SLOTS: ReadonlySet<string> = new Set<SlotName>(['Comment']);
/** The bot's own state is small (Lex allows 12 KB of session attributes in all); anything longer is not ours. */
const MAX_STATE_CHARS = 12 * 1024;
/** A phone number in any format fits in this; the contact flow sets it, but it is read as untrusted. */
const MAX_CALLER_CHARS = 40;

const SLOT_NAMES: ReadonlySet<string> = new Set(BOT_DEFINITION.intents.flatMap((i) => i.slots.map((s) => s.name)));

const slotLimit = (name: string) => (LONG_SLOTS.has(name) ? MAX_TRANSCRIPT_CHARS : MAX_SLOT_VALUE_CHARS);

function isSession(value: unknown): value is VoiceSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.turn === 'number' && typeof v.misses === 'number';
}

/** The bot's state from its session attribute; anything unreadable starts afresh rather than failing the call. */
export function decodeSession(raw: string | undefined): VoiceSession {
  if (!raw || raw.length > MAX_STATE_CHARS) return newSession();
  try {
    const parsed: unknown = JSON.parse(raw);
    return isSession(parsed) ? parsed : newSession();
  } catch {
    return newSession();
  }
}

export function encodeSession(session: VoiceSession): string {
  return JSON.stringify(session);
}

/**
 * The slots of the bot's own slot names that have a value, or which one is longer than a caller could have
 * said (the values are not read further).
 */
function slotValues(slots: LexV2Slots | undefined): Partial<Record<SlotName, string>> | OverLong {
  const values: Partial<Record<SlotName, string>> = {};
  for (const [name, slot] of Object.entries(slots ?? {})) {
    if (!SLOT_NAMES.has(name)) continue;
    const value: unknown = slot?.value?.interpretedValue ?? slot?.value?.originalValue;
    if (typeof value !== 'string') continue;
    if (value.length > slotLimit(name)) return { input: name, chars: value.length };
    if (value.trim() !== '') values[name as SlotName] = value;
  }
  return values;
}

/** Which input of a turn was longer than Lex sends, and its length (never its content). */
export type OverLong = { input: string; chars: number };

/** What the bot makes of a turn it cannot take as said: nothing understood, nothing kept from it. */
function notUnderstood(sessionId: string): Turn {
  return { sessionId, intent: 'FallbackIntent', slots: {}, confirmation: 'None', transcript: '' };
}

/**
 * The caller's turn and the bot's state, read from a Lex V2 event. An utterance or slot value longer than Lex
 * could have sent (`overLong`) is not read further: the turn is one the bot did not understand, so it asks
 * again (and after MAX_MISSES such turns hands the caller to a person), and none of it is kept.
 */
export function readLexEvent(event: LexV2Event): { turn: Turn; session: VoiceSession; overLong?: OverLong } {
  const attributes = event.sessionState.sessionAttributes ?? {};
  const intent = event.sessionState.intent;
  const session = decodeSession(attributes[STATE_ATTRIBUTE]);
  const callerRaw = attributes[CALLER_ATTRIBUTE];
  if (!session.caller && typeof callerRaw === 'string' && callerRaw.length <= MAX_CALLER_CHARS) {
    const phone = normalizePhone(callerRaw);
    if (phone.ok) session.caller = phone.e164;
  }
  const sessionId = typeof event.sessionId === 'string' ? event.sessionId : '';
  const transcript: unknown = event.inputTranscript;
  const slots = slotValues(intent?.slots);
  if (typeof transcript === 'string' && transcript.length > MAX_TRANSCRIPT_CHARS) {
    return {
      turn: notUnderstood(sessionId),
      session,
      overLong: { input: 'inputTranscript', chars: transcript.length },
    };
  }
  if ('input' in slots) return { turn: notUnderstood(sessionId), session, overLong: slots };
  return {
    turn: {
      sessionId,
      intent:
        typeof intent?.name === 'string' && INTENTS.has(intent.name) ? (intent.name as IntentName) : 'FallbackIntent',
      slots,
      confirmation: intent?.confirmationState ?? 'None',
      transcript: typeof transcript === 'string' ? transcript : '',
    },
    session,
  };
}

/** The spelling style the bot definition gives the slot, for the ElicitSlot dialog action. */
function elicitationStyle(definition: BotDefinition, intent: IntentName, slot: SlotName) {
  const style = definition.intents.find((i) => i.name === intent)?.slots.find((s) => s.name === slot)?.elicitationStyle;
  return style ? { slotElicitationStyle: style } : {};
}

function clearedSlots(definition: BotDefinition, intent: IntentName): LexV2Slots {
  const found = definition.intents.find((i) => i.name === intent);
  return Object.fromEntries((found?.slots ?? []).map((s) => [s.name, null]));
}

/**
 * The Lex V2 response. The dialog's state is the source of truth, so slots go back empty: Lex then fills only
 * what the caller says next.
 */
export function buildLexResult(outcome: Outcome, event: LexV2Event, definition: BotDefinition): LexV2Result {
  const { reply, session } = outcome;
  const sessionAttributes: Record<string, string> = {
    ...(event.sessionState.sessionAttributes ?? {}),
    [STATE_ATTRIBUTE]: encodeSession(session),
  };
  delete sessionAttributes[OUTCOME_ATTRIBUTE];
  delete sessionAttributes[TRANSFER_REASON_ATTRIBUTE];
  const messages: LexV2Result['messages'] = [{ contentType: 'SSML', content: `<speak>${reply.say.join(' ')}</speak>` }];
  switch (reply.action) {
    case 'elicitSlot':
      return {
        sessionState: {
          sessionAttributes,
          dialogAction: {
            type: 'ElicitSlot',
            slotToElicit: reply.slot,
            ...elicitationStyle(definition, reply.intent, reply.slot),
          },
          intent: { name: reply.intent, state: 'InProgress', slots: clearedSlots(definition, reply.intent) },
        },
        messages,
      };
    case 'confirmIntent':
      return {
        sessionState: {
          sessionAttributes,
          dialogAction: { type: 'ConfirmIntent' },
          intent: { name: reply.intent, state: 'InProgress', slots: clearedSlots(definition, reply.intent) },
        },
        messages,
      };
    case 'elicitIntent':
      return { sessionState: { sessionAttributes, dialogAction: { type: 'ElicitIntent' } }, messages };
    case 'close':
      sessionAttributes[OUTCOME_ATTRIBUTE] = reply.transfer ? 'TRANSFER' : 'DONE';
      if (reply.transfer) sessionAttributes[TRANSFER_REASON_ATTRIBUTE] = reply.transfer;
      return {
        sessionState: {
          sessionAttributes,
          dialogAction: { type: 'Close' },
          intent: { name: reply.intent, state: reply.fulfilled ? 'Fulfilled' : 'Failed' },
        },
        messages,
      };
  }
}

function faultResult(event: LexV2Event | undefined, prompts: VoiceDeps['prompts']): LexV2Result {
  return {
    sessionState: {
      sessionAttributes: {
        ...(event?.sessionState?.sessionAttributes ?? {}),
        [OUTCOME_ATTRIBUTE]: 'TRANSFER',
        [TRANSFER_REASON_ATTRIBUTE]: 'FAULT',
      },
      dialogAction: { type: 'Close' },
      intent: { name: event?.sessionState?.intent?.name ?? 'FallbackIntent', state: 'Failed' },
    },
    messages: [{ contentType: 'SSML', content: `<speak>${say(prompts, 'fault')}</speak>` }],
  };
}

/**
 * How long a turn may take before the caller hears the apology and is transferred: a caller is answered within
 * 3 s whatever a dependency does (issue 13), with room left for Lex and Connect to speak the answer.
 */
export const TURN_BUDGET_MS = 2_500;

/**
 * The code hook for a bot definition with the admin's prompt edits applied: a fixed one, or a source read
 * per turn (the live deployment's edits, cached by the source). A turn that outlasts `turnBudgetMs` (a slow or
 * throttled table) ends in the same apology and transfer as a fault; its work finishes in the background (on
 * Lambda, when the environment next thaws) and whatever it wrote stands under the call's idempotency keys, for
 * the agent to find.
 */
export function createLexCodeHook(
  deps: Omit<VoiceDeps, 'prompts'> & { calls?: CallRecorder },
  source: BotDefinition | (() => Promise<BotDefinition>) = BOT_DEFINITION,
  options: { turnBudgetMs?: number } = {},
): (event: LexV2Event) => Promise<LexV2Result> {
  const budget = options.turnBudgetMs ?? TURN_BUDGET_MS;
  return async (event) => {
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const overtime = new Promise<'overtime'>((resolve) => {
      timer = setTimeout(() => resolve('overtime'), budget);
    });
    let prompts = BOT_DEFINITION.prompts.en_US;
    const turn = (async () => {
      const definition = typeof source === 'function' ? await source().catch(() => BOT_DEFINITION) : source;
      const locale: Locale = event?.bot?.localeId in definition.prompts ? (event.bot.localeId as Locale) : 'en_US';
      prompts = definition.prompts[locale];
      try {
        const { turn, session, overLong } = readLexEvent(event);
        if (overLong) {
          // Which input and its size only: the words themselves are not logged.
          deps.log.warn('voice turn input longer than Lex sends: taken as not understood', overLong);
        }
        const outcome = await handleTurn(turn, session, { ...deps, prompts });
        // The bot's performance figures (Req 2.4): a failure to record never fails the call.
        await deps.calls
          ?.recordTurn(turnFacts(turn, session, outcome, { ...deps, prompts }, deps.clock.now()), deps.calendar)
          .catch((e: unknown) => deps.log.warn('call metrics not recorded', e));
        return buildLexResult(outcome, event, definition);
      } catch (e) {
        deps.log.error('lex code hook failed', e);
        return faultResult(event, prompts);
      }
    })();
    try {
      const answer = await Promise.race([turn, overtime]);
      if (answer !== 'overtime') return answer;
      deps.log.error('lex code hook turn over its budget: the caller is transferred', {
        budgetMs: budget,
        intent: event?.sessionState?.intent?.name,
      });
      void turn.then(() =>
        deps.log.warn('lex code hook turn finished after the caller was transferred', {
          tookMs: Date.now() - started,
        }),
      );
      return faultResult(event, prompts);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The code hook's dependencies from the API's: same repositories, geocoder, clock and log. */
export function voiceDepsFromApi(
  api: Omit<VoiceDeps, 'prompts'> & { calls?: CallRecorder },
): Omit<VoiceDeps, 'prompts'> & { calls?: CallRecorder } {
  return {
    ...(api.calls ? { calls: api.calls } : {}),
    bookings: api.bookings,
    feedback: api.feedback,
    couriers: api.couriers,
    geocoder: api.geocoder,
    sentiment: api.sentiment,
    idempotency: api.idempotency,
    notifier: api.notifier,
    trackingLinks: api.trackingLinks,
    onNotifyError: api.onNotifyError,
    clock: api.clock,
    calendar: api.calendar,
    rules: api.rules,
    random: api.random,
    log: api.log,
  };
}
