// Test world for the voice dialogs: the core's in-memory ports plus prompts and a recording log, and a
// driver that carries the session from turn to turn the way Lex carries session attributes.
import { makeWorld, validBookingInput, admin } from '../../core/testing/fixtures';
import { bookCourier } from '../../core/bookings';
import type { Booking } from '../../core/model';
import { BOT_DEFINITION, type IntentName, type SlotName } from '../bot-definition';
import { handleTurn, newSession } from '../dialog';
import type { Outcome, Turn, VoiceDeps, VoiceSession } from '../dialog-types';

export function makeVoiceWorld(seed = 42) {
  const world = makeWorld(seed);
  const logged: { level: string; message: string; detail?: unknown }[] = [];
  const deps: VoiceDeps = {
    ...world,
    prompts: BOT_DEFINITION.prompts.en_US,
    log: {
      info: (message, detail) => logged.push({ level: 'info', message, detail }),
      warn: (message, detail) => logged.push({ level: 'warn', message, detail }),
      error: (message, detail) => logged.push({ level: 'error', message, detail }),
    },
  };
  return { world, deps, logged };
}

export function turn(
  intent: IntentName,
  slots: Partial<Record<SlotName, string>> = {},
  extra: Partial<Omit<Turn, 'intent' | 'slots'>> = {},
): Turn {
  return { sessionId: 'call-1', intent, slots, confirmation: 'None', transcript: '', ...extra };
}

/** Plays turns in order, carrying the session; returns every outcome. */
export async function converse(deps: VoiceDeps, turns: Turn[], start: VoiceSession = newSession()) {
  const outcomes: Outcome[] = [];
  let session = start;
  for (const t of turns) {
    const outcome = await handleTurn(t, session, deps);
    outcomes.push(outcome);
    session = outcome.session;
  }
  return { outcomes, last: outcomes.at(-1)!, session };
}

/** Text of a reply without SSML tags, for assertions on what the caller hears. */
export function heard(outcome: Outcome): string {
  return outcome.reply.say
    .join(' ')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** A booking in the given state, written straight to the repository. */
export async function seedBooking(
  deps: VoiceDeps,
  changes: Partial<Booking> = {},
  input: Record<string, unknown> = {},
): Promise<Booking> {
  const booked = await bookCourier(validBookingInput(input), admin, deps);
  if (Object.keys(changes).length === 0) return booked;
  return deps.bookings.update({ ...booked, ...changes }, booked.version);
}
