// The conversation as a whole: routes each caller turn to the active dialog or a global intent (help, agent,
// goodbye, repeat, fallback), and turns every error into a re-prompt (caller's mistake) or a handover (ours).
import { toDomainError } from '../core/errors';
import { askBooking, continueBooking, startBooking } from './booking-dialog';
import type { ActiveDialog, Outcome, Reply, Turn, VoiceDeps, VoiceSession } from './dialog-types';
import { askFeedback, continueFeedback, startFeedback } from './feedback-dialog';
import { referenceSsml, say } from './speech';
import { askTracking, continueTracking, startTracking, transfer } from './tracking-dialog';

/** After this many turns in a row the bot did not understand, the caller goes to a person. */
export const MAX_MISSES = 3;

export function newSession(): VoiceSession {
  return { turn: 0, misses: 0 };
}

/** What the active dialog is waiting for, asked again. */
export function askActive(dialog: ActiveDialog, deps: VoiceDeps): Reply {
  switch (dialog.flow) {
    case 'book':
      return askBooking(dialog, deps);
    case 'track':
      return askTracking(dialog, deps);
    case 'feedback':
      return askFeedback(dialog, deps);
  }
}

function withPreface(reply: Reply, preface: string[]): Reply {
  return { ...reply, say: [...preface, ...reply.say] };
}

function anythingElse(preface: string[], session: VoiceSession, deps: VoiceDeps): Outcome {
  return { reply: { action: 'elicitIntent', say: [...preface, say(deps.prompts, 'anythingElse')] }, session };
}

async function route(turn: Turn, session: VoiceSession, deps: VoiceDeps): Promise<Outcome> {
  const dialog = session.dialog;
  switch (turn.intent) {
    case 'FallbackIntent': {
      const missed = { ...session, misses: session.misses + 1 };
      if (missed.misses >= MAX_MISSES) {
        return transfer(turn.intent, 'NOT_UNDERSTOOD', [say(deps.prompts, 'fallbackTransfer')], missed);
      }
      if (dialog) {
        return { reply: withPreface(askActive(dialog, deps), [say(deps.prompts, 'didNotCatch')]), session: missed };
      }
      return { reply: { action: 'elicitIntent', say: [say(deps.prompts, 'fallback')] }, session: missed };
    }
    case 'Help':
      if (dialog) {
        const ask = askActive(dialog, deps);
        return {
          reply: { ...ask, say: [say(deps.prompts, 'helpDuringStep', { question: { ssml: ask.say.join(' ') } })] },
          session,
        };
      }
      return { reply: { action: 'elicitIntent', say: [say(deps.prompts, 'help')] }, session };
    case 'SpeakToAgent':
      return transfer(turn.intent, 'AGENT_REQUESTED', [say(deps.prompts, 'transferToAgent')], session);
    case 'Goodbye': {
      const { dialog: _ended, ...rest } = session;
      return {
        reply: { action: 'close', intent: turn.intent, fulfilled: true, say: [say(deps.prompts, 'goodbye')] },
        session: rest,
      };
    }
    case 'RepeatReference': {
      if (!session.lastReference) return anythingElse([say(deps.prompts, 'noReferenceToRepeat')], session, deps);
      const repeat = say(deps.prompts, 'repeatReference', { reference: referenceSsml(session.lastReference) });
      if (dialog && !(dialog.flow === 'book' && dialog.step === 'booked')) {
        return { reply: withPreface(askActive(dialog, deps), [repeat]), session };
      }
      const { dialog: _done, ...rest } = session;
      return anythingElse([repeat], rest, deps);
    }
    case 'BookCourier':
      return continueBooking(dialog?.flow === 'book' ? dialog : startBooking(), turn, session, deps);
    case 'TrackDelivery':
      return continueTracking(dialog?.flow === 'track' ? dialog : startTracking(), turn, session, deps);
    case 'GiveFeedback':
      return continueFeedback(dialog?.flow === 'feedback' ? dialog : startFeedback(), turn, session, deps);
  }
}

/**
 * One caller turn. Never throws: a caller's mistake that slipped through becomes a re-prompt of the same
 * question, anything else an apology and a transfer; the detail goes to the log only.
 */
export async function handleTurn(turn: Turn, session: VoiceSession, deps: VoiceDeps): Promise<Outcome> {
  const counted: VoiceSession = {
    ...session,
    turn: session.turn + 1,
    misses: turn.intent === 'FallbackIntent' ? session.misses : 0,
  };
  try {
    return await route(turn, counted, deps);
  } catch (e) {
    const error = toDomainError(e);
    if (error.kind === 'user') {
      deps.log.warn('voice turn rejected', { intent: turn.intent, error: error.name, message: error.message });
      const retry = say(deps.prompts, 'userErrorRetry');
      if (counted.dialog) return { reply: withPreface(askActive(counted.dialog, deps), [retry]), session: counted };
      return anythingElse([retry], counted, deps);
    }
    deps.log.error('voice turn failed', e);
    return transfer(turn.intent, 'FAULT', [say(deps.prompts, 'fault')], counted);
  }
}
