import { describe, it, expect } from 'vitest';
import { generateReference } from '../core/reference';
import { seededRandom } from '../core/seeded-random';
import type { Booking } from '../core/model';
import type { VoiceDeps } from './dialog-types';
import { converse, heard, makeVoiceWorld, seedBooking, turn } from './testing/voice-world';

async function delivered(deps: VoiceDeps, courierId = 'courier-07'): Promise<Booking> {
  const booked = await seedBooking(deps);
  return deps.bookings.update(
    {
      ...booked,
      status: 'DELIVERED',
      courierId,
      history: [
        ...booked.history,
        { status: 'DELIVERED', at: '2025-06-10T14:00:00.000Z', actor: { type: 'SYSTEM', id: 't' } },
      ],
    },
    booked.version,
  );
}

/** Well-formed, but no booking has it. */
const UNKNOWN = generateReference(seededRandom(999));

describe('feedback dialog', () => {
  it('switches to tracking when the delivery is not complete yet', async () => {
    // Prepare
    const { deps, world } = makeVoiceWorld();
    const booking = await seedBooking(deps);
    // Act
    const { last } = await converse(deps, [turn('GiveFeedback', { BookingReference: booking.reference })]);
    // Assess
    expect(heard(last)).toMatch(/^Feedback opens once a parcel is delivered\. Your parcel .* is booked\./);
    expect(last.reply.action).toBe('elicitIntent');
    expect(world.feedback.all()).toHaveLength(0);
  });

  it('takes a rating and a comment and reads the feedback reference back with thanks', async () => {
    // Prepare
    const { deps, world } = makeVoiceWorld();
    const booking = await delivered(deps);
    // Act
    const { outcomes, last } = await converse(deps, [
      turn('GiveFeedback', { BookingReference: booking.reference }),
      turn('GiveFeedback', { FeedbackType: 'FEEDBACK' }),
      turn('GiveFeedback', { Rating: '5' }),
      turn('GiveFeedback', { Comment: 'the courier was very friendly' }),
    ]);
    // Assess
    expect(outcomes.slice(0, 3).map((o) => (o.reply.action === 'elicitSlot' ? o.reply.slot : ''))).toEqual([
      'FeedbackType',
      'Rating',
      'Comment',
    ]);
    const [feedback] = world.feedback.all();
    expect(feedback).toMatchObject({
      type: 'FEEDBACK',
      rating: 5,
      channel: 'VOICE',
      flagged: false,
      courierId: 'courier-07',
    });
    expect(heard(last)).toMatch(/^Thank you for your feedback\. Your feedback reference is F-.*anything else/);
    expect(last.session.lastReference).toBe(feedback?.reference);
  });

  it('takes a complaint with category and severity and flags a high-severity one', async () => {
    // Prepare
    const { deps, world } = makeVoiceWorld();
    const booking = await delivered(deps);
    // Act
    const { last } = await converse(deps, [
      turn('GiveFeedback', { BookingReference: booking.reference }, { transcript: 'I want to make a complaint' }),
      turn('GiveFeedback', { ComplaintCategory: 'DAMAGED_PACKAGE' }),
      turn('GiveFeedback', { Severity: 'HIGH' }),
      turn('GiveFeedback', {}, { transcript: 'the box was crushed and the vase inside is broken' }),
    ]);
    // Assess
    expect(world.feedback.all()[0]).toMatchObject({
      type: 'COMPLAINT',
      complaintCategory: 'DAMAGED_PACKAGE',
      severity: 'HIGH',
      flagged: true,
    });
    expect(heard(last)).toContain("I've flagged this for immediate attention by our team.");
  });

  it('remembers "I want to make a complaint" said before the reference and does not ask the type again', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const booking = await delivered(deps);
    // Act
    const { outcomes } = await converse(deps, [
      turn('GiveFeedback', {}, { transcript: 'I want to make a complaint' }),
      turn('GiveFeedback', { BookingReference: booking.reference }, { transcript: booking.reference }),
    ]);
    // Assess
    expect(outcomes.map((o) => (o.reply.action === 'elicitSlot' ? o.reply.slot : o.reply.action))).toEqual([
      'BookingReference',
      'ComplaintCategory',
    ]);
  });

  it('transfers to customer service when the reference is valid but unknown', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { last } = await converse(deps, [turn('GiveFeedback', { BookingReference: UNKNOWN })]);
    // Assess
    expect(last.reply).toMatchObject({ action: 'close', transfer: 'NOT_FOUND', intent: 'GiveFeedback' });
  });

  it('re-asks for the comment when it is too short to be useful', async () => {
    // Prepare
    const { deps, world } = makeVoiceWorld();
    const booking = await delivered(deps);
    // Act
    const { last } = await converse(deps, [
      turn('GiveFeedback', { BookingReference: booking.reference, FeedbackType: 'FEEDBACK', Rating: '4' }),
      turn('GiveFeedback', {}, { transcript: 'ok' }),
    ]);
    // Assess
    expect(last.reply).toMatchObject({ action: 'elicitSlot', slot: 'Comment' });
    expect(world.feedback.all()).toHaveLength(0);
  });
});
