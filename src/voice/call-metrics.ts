// What one turn of a call tells the bot's performance figures (Req 2.4): understood or missed, a slot asked
// again, a booking made, a parcel tracked, feedback taken, a transfer. Read from the turn and the dialog's
// state before and after it, so the dialogs themselves know nothing of analytics.
import type { TurnFacts } from '../core/call-metrics';
import { askActive } from './dialog';
import type { Outcome, Turn, VoiceDeps, VoiceSession } from './dialog-types';

export function turnFacts(turn: Turn, before: VoiceSession, outcome: Outcome, deps: VoiceDeps, at: Date): TurnFacts {
  const { reply, session: after } = outcome;
  const missed = turn.intent === 'FallbackIntent';
  const facts: TurnFacts = {
    sessionId: turn.sessionId,
    turn: after.turn,
    at: at.toISOString(),
    intent: turn.intent,
    missed,
    ...(missed && turn.transcript.trim() ? { utterance: turn.transcript } : {}),
  };
  if (reply.action === 'elicitSlot' && before.dialog) {
    const asked = askActive(before.dialog, deps);
    if (asked.action === 'elicitSlot' && asked.slot === reply.slot && asked.intent === reply.intent)
      facts.reasked = reply.slot;
  }
  const wasBooked = before.dialog?.flow === 'book' && before.dialog.step === 'booked';
  if (after.dialog?.flow === 'book' && after.dialog.step === 'booked' && !wasBooked) facts.achieved = 'BOOKED';
  else if (after.lastReference !== before.lastReference && after.lastReference?.startsWith('F-'))
    facts.achieved = 'FEEDBACK';
  else if (reply.action !== 'close') {
    const offeredContact = after.dialog?.flow === 'track' && after.dialog.step === 'offerContact';
    const wasAsking = !before.dialog || (before.dialog.flow === 'track' && before.dialog.step === 'reference');
    const answered = reply.action === 'elicitIntent' && !after.dialog && turn.intent === 'TrackDelivery';
    if (wasAsking && (offeredContact || answered)) facts.achieved = 'TRACKED';
  }
  if (reply.action === 'close') {
    if (reply.transfer) facts.transferred = reply.transfer;
    else facts.ended = true;
  }
  return facts;
}
