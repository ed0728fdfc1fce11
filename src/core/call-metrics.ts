// The voicebot's performance (Req 2.4), Lex V2 Analytics' figures for our own bot: each call's conversation
// summed turn by turn (recognized and missed utterances, re-asked slots, what it achieved), and what one
// conversation contributes to the `bot` series. Pure: the code hook records turns, the aggregator counts them.
import type { BusinessCalendar } from './business-calendar';
import { seriesDelta, type SeriesChange, type SeriesContribution } from './analytics-series';

/** One caller turn as the code hook saw it: what the bot understood, asked and achieved. */
export type TurnFacts = {
  sessionId: string;
  /** The turn's number in the call (1 for the first code-hook invocation): orders the turns, guards retries. */
  turn: number;
  at: string;
  intent: string;
  /** The caller said something no intent matched. */
  missed: boolean;
  /** What they said, when missed. */
  utterance?: string;
  /** The slot asked again because the answer was not understood. */
  reasked?: string;
  achieved?: 'BOOKED' | 'TRACKED' | 'FEEDBACK';
  /** The call was handed to an agent, and why. */
  transferred?: string;
  /** The bot said goodbye. */
  ended?: boolean;
};

/** A call's conversation as stored (Conversations table), the sum of its turns. */
export type Conversation = {
  sessionId: string;
  day: string;
  startedAt: string;
  updatedAt: string;
  /** The last turn counted. */
  version: number;
  turns: number;
  recognized: number;
  missed: number;
  booked: number;
  tracked: number;
  feedback: number;
  transferred?: string;
  ended?: boolean;
  intents: string[];
  missedUtterances: string[];
  reaskedSlots: string[];
};

export const CALL_OUTCOMES = ['BOOKED', 'FEEDBACK', 'TRACKED', 'TRANSFERRED', 'ABANDONED'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/**
 * A conversation's one outcome: handed to an agent, or else the most a call can achieve (a booking, then
 * feedback, then tracking), or else abandoned (hung up, or said goodbye with nothing done).
 */
export function callOutcome(c: Pick<Conversation, 'transferred' | 'booked' | 'feedback' | 'tracked'>): CallOutcome {
  if (c.transferred) return 'TRANSFERRED';
  if (c.booked > 0) return 'BOOKED';
  if (c.feedback > 0) return 'FEEDBACK';
  if (c.tracked > 0) return 'TRACKED';
  return 'ABANDONED';
}

/** Missed utterances are counted by their text: lower case, spaces collapsed, at most 80 characters. */
export function normalizeUtterance(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 80);
}

/** Utterance text as a counter name (letters, digits, `-` and `_` only) and back. */
export const utteranceKey = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
export const utteranceOf = (key: string) => Buffer.from(key, 'base64url').toString('utf8');

export const BOT_SERIES = 'bot';

/** What a conversation counts on the day its call started. */
export function conversationContributions(c: Conversation): SeriesContribution[] {
  const out: SeriesContribution[] = [];
  const add = (counter: string, value = 1) =>
    value !== 0 && out.push({ series: BOT_SERIES, day: c.day, counter, value });
  add('calls');
  add('turns', c.turns);
  add('recognized', c.recognized);
  add('missed', c.missed);
  add(`outcome_${callOutcome(c)}`);
  if (c.transferred) add(`transfer_${c.transferred}`);
  for (const intent of c.intents) add(`intent_${intent}`);
  for (const text of c.missedUtterances) {
    const normalized = normalizeUtterance(text);
    if (normalized) add(`miss_${utteranceKey(normalized)}`);
  }
  for (const slot of c.reaskedSlots) add(`reask_${slot}`);
  return out;
}

/** The bot series changes of one Conversations stream record, versioned by the conversation's turn. */
export function conversationChanges(before: Conversation | undefined, after: Conversation | undefined): SeriesChange[] {
  const current = after ?? before;
  if (!current) return [];
  const version = after ? after.version : before!.version + 1;
  return seriesDelta(
    before ? conversationContributions(before) : [],
    after ? conversationContributions(after) : [],
  ).map((d) => ({ ...d, source: `c:${current.sessionId}`, version, ...(after ? {} : { final: true as const }) }));
}

/** Records a call's turns as they happen (the Conversations table; each turn counted once). */
export type CallRecorder = { recordTurn(facts: TurnFacts, calendar: BusinessCalendar): Promise<void> };
