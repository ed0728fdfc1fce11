// Feedback by phone: only on completed deliveries (otherwise the caller hears where the parcel is), feedback
// with a rating or a complaint with category and severity, and a feedback reference read back with thanks.
import { getBooking } from '../core/bookings';
import { NotFoundError } from '../core/errors';
import { acceptsFeedback, FeedbackNotAcceptedError, submitFeedback } from '../core/feedback';
import { COMPLAINT_CATEGORIES, FEEDBACK_TYPES, SEVERITIES } from '../core/model';
import type { SlotName } from './bot-definition';
import { VOICEBOT } from './booking-dialog';
import type { FeedbackAnswers, FeedbackDialog, Outcome, Reply, Turn, VoiceDeps, VoiceSession } from './dialog-types';
import { referenceSsml, say } from './speech';
import { parseSpokenNumber, pickValue } from './spoken-input';
import { answerAgentOffer, readReference, trackReference, transfer } from './tracking-dialog';

/**
 * Statuses that take feedback, checked early so the caller is not asked five questions first; the core
 * checks again (FeedbackNotAcceptedError) when the feedback is stored.
 */
const RATINGS = ['1', '2', '3', '4', '5'] as const;

type DetailStep = Extract<FeedbackDialog, { answers: FeedbackAnswers }>;

export function startFeedback(): FeedbackDialog {
  return { flow: 'feedback', step: 'reference', failures: 0 };
}

function nextDetail(reference: string, answers: FeedbackAnswers): DetailStep {
  const at = (step: DetailStep['step']): DetailStep => ({ flow: 'feedback', step, reference, answers });
  if (!answers.type) return at('type');
  if (answers.type === 'FEEDBACK') return answers.rating === undefined ? at('rating') : at('comment');
  if (!answers.category) return at('category');
  if (!answers.severity) return at('severity');
  return at('comment');
}

const ASK: Record<DetailStep['step'], { slot: SlotName; key: Parameters<typeof say>[1] }> = {
  type: { slot: 'FeedbackType', key: 'askFeedbackType' },
  rating: { slot: 'Rating', key: 'askRating' },
  category: { slot: 'ComplaintCategory', key: 'askComplaintCategory' },
  severity: { slot: 'Severity', key: 'askSeverity' },
  comment: { slot: 'Comment', key: 'askFeedbackComment' },
};

/** Re-asks whatever the feedback dialog is waiting for. */
export function askFeedback(state: FeedbackDialog, deps: VoiceDeps): Reply {
  switch (state.step) {
    case 'reference':
      return {
        action: 'elicitSlot',
        intent: 'GiveFeedback',
        slot: 'BookingReference',
        say: [say(deps.prompts, 'askFeedbackReference')],
      };
    case 'offerAgent':
      return {
        action: 'elicitSlot',
        intent: 'GiveFeedback',
        slot: 'WantsAgent',
        say: [say(deps.prompts, 'offerAgentAfterFailures')],
      };
    case 'type':
    case 'rating':
    case 'category':
    case 'severity':
    case 'comment':
      return {
        action: 'elicitSlot',
        intent: 'GiveFeedback',
        slot: ASK[state.step].slot,
        say: [say(deps.prompts, ASK[state.step].key)],
      };
  }
}

/** Feedback or complaint, when this turn says which. */
function feedbackTypeOf(turn: Turn): FeedbackAnswers['type'] {
  return (
    pickValue(turn.slots.FeedbackType, FEEDBACK_TYPES) ??
    (/\bcomplain/i.test(turn.transcript) ? 'COMPLAINT' : undefined)
  );
}

/** Takes every answer this turn carries, in order, and says what is still missing. */
function fillAnswers(state: DetailStep, turn: Turn): DetailStep {
  const answers = { ...state.answers };
  answers.type ??= feedbackTypeOf(turn);
  if (answers.rating === undefined) {
    const rating = pickValue(turn.slots.Rating, RATINGS) ?? String(parseSpokenNumber(turn.slots.Rating) ?? '');
    if ((RATINGS as readonly string[]).includes(rating)) answers.rating = Number(rating);
  }
  answers.category ??= pickValue(turn.slots.ComplaintCategory, COMPLAINT_CATEGORIES);
  answers.severity ??= pickValue(turn.slots.Severity, SEVERITIES);
  return nextDetail(state.reference, answers);
}

async function submit(
  state: DetailStep,
  text: string,
  turn: Turn,
  session: VoiceSession,
  deps: VoiceDeps,
): Promise<Outcome> {
  const { answers } = state;
  try {
    const feedback = await submitFeedback(
      {
        bookingReference: state.reference,
        type: answers.type,
        rating: answers.type === 'FEEDBACK' ? answers.rating : undefined,
        text,
        complaintCategory: answers.type === 'COMPLAINT' ? answers.category : undefined,
        severity: answers.type === 'COMPLAINT' ? answers.severity : undefined,
        channel: 'VOICE',
      },
      VOICEBOT,
      deps,
    );
    const sayings = [say(deps.prompts, 'feedbackThanks', { reference: referenceSsml(feedback.reference) })];
    if (feedback.flagged) sayings.push(say(deps.prompts, 'complaintFlagged'));
    sayings.push(say(deps.prompts, 'anythingElse'));
    const { dialog: _done, ...rest } = session;
    return { reply: { action: 'elicitIntent', say: sayings }, session: { ...rest, lastReference: feedback.reference } };
  } catch (e) {
    if (e instanceof FeedbackNotAcceptedError) {
      return trackReference(state.reference, turn, session, deps, [say(deps.prompts, 'feedbackNotYet')]);
    }
    throw e;
  }
}

/** Advances the feedback dialog by one caller turn. */
export async function continueFeedback(
  state: FeedbackDialog,
  turn: Turn,
  session: VoiceSession,
  deps: VoiceDeps,
): Promise<Outcome> {
  let current: DetailStep;
  switch (state.step) {
    case 'offerAgent':
      return answerAgentOffer(
        'GiveFeedback',
        turn.slots.WantsAgent ?? turn.transcript,
        {
          dialog: { flow: 'feedback', step: 'reference', failures: 0 },
          slot: 'BookingReference',
          askKey: 'askFeedbackReference',
        },
        session,
        deps,
      );
    case 'reference': {
      const type = state.type ?? feedbackTypeOf(turn);
      const read = readReference(turn.slots.BookingReference, state.failures, 'askFeedbackReference', deps);
      if (read.kind === 'ask') {
        return {
          reply: { action: 'elicitSlot', intent: 'GiveFeedback', slot: 'BookingReference', say: read.say },
          session: {
            ...session,
            dialog: { flow: 'feedback', step: 'reference', failures: read.failures, ...(type ? { type } : {}) },
          },
        };
      }
      if (read.kind === 'offerAgent') {
        return {
          reply: { action: 'elicitSlot', intent: 'GiveFeedback', slot: 'WantsAgent', say: read.say },
          session: { ...session, dialog: { flow: 'feedback', step: 'offerAgent' } },
        };
      }
      try {
        const booking = await getBooking(read.reference, VOICEBOT, deps);
        if (!acceptsFeedback(booking.status)) {
          return trackReference(booking.reference, turn, session, deps, [say(deps.prompts, 'feedbackNotYet')]);
        }
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
        return transfer(
          'GiveFeedback',
          'NOT_FOUND',
          [say(deps.prompts, 'referenceNotFound', { reference: referenceSsml(read.reference) })],
          session,
        );
      }
      current = fillAnswers(nextDetail(read.reference, type ? { type } : {}), turn);
      break;
    }
    case 'type':
    case 'rating':
    case 'category':
    case 'severity':
      current = fillAnswers(state, turn);
      break;
    case 'comment': {
      const text = (turn.slots.Comment ?? turn.transcript).trim();
      if (text.length >= 3) return submit(state, text, turn, session, deps);
      current = state;
      break;
    }
  }
  return { reply: askFeedback(current, deps), session: { ...session, dialog: current } };
}
