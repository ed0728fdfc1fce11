// Plays one conversation script over a channel (the Lex V2 runtime API, or a simulated phone call) and checks
// what the caller heard turn by turn and how the call ended, against the script's world.
import { expect } from 'vitest';
import type { Booking } from '../../src/core/model';
import type { ScriptWorld } from './conversation-world';
import { DEFAULT_CALLER, type ConversationScript, type Heard } from './script-format';

/** How a channel saw the call end. */
export type ChannelEnd = {
  /** The Lex session's attributes after the last turn the bot took part in. */
  sessionAttributes: Record<string, string>;
  /** Whether the bot closed the conversation (dialog action Close). */
  botClosed: boolean;
  /** The phone call's state and contact attributes, on channels with a phone call. */
  call?: { state: string; attributes: Record<string, string> };
};

export type Channel = {
  /** Connects the caller; resolves to what they hear before saying anything. */
  open(callerNumber: string): Promise<string>;
  /** Resolves to what the caller hears after saying `text`, or undefined when the channel cannot carry it. */
  say(text: string): Promise<string | undefined>;
  end(): Promise<ChannelEnd>;
};

const SEATTLE = 'America/Los_Angeles';

function pattern(heard: Heard, world: ScriptWorld): RegExp {
  if (heard instanceof RegExp) return heard;
  return new RegExp(world.printed(heard).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}

function seattleClock(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: SEATTLE, hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** Plays the script; every mismatch fails the test with the turn and what was actually heard. */
export async function runScript(script: ConversationScript, world: ScriptWorld, channel: Channel): Promise<void> {
  const transcript: string[] = [];
  transcript.push(await channel.open(script.callerNumber ?? DEFAULT_CALLER));

  for (const [index, turn] of script.turns.entries()) {
    const said = world.spoken(turn.caller);
    const heard = await channel.say(said);
    if (heard === undefined) continue;
    transcript.push(heard);
    const where = `turn ${index + 1}, caller said ${JSON.stringify(said || '(silence)')}; bot said ${JSON.stringify(heard)}`;
    for (const expected of turn.hears ?? []) expect(heard, where).toMatch(pattern(expected, world));
    for (const unwanted of turn.neverHears ?? []) expect(heard, where).not.toMatch(pattern(unwanted, world));
  }

  const { then } = script;
  const givenReferences = new Set(Object.values(world.given).map((b) => b.reference));
  const made = world.voice.world.bookings.all().filter((b) => !givenReferences.has(b.reference));
  expect(made.length, 'bookings made during the call').toBe(then.bookingsMade);
  if (then.booking) {
    const booking = made[0] as Booking;
    const expected = then.booking;
    const window = `${seattleClock(booking.pickupWindow.start)}-${seattleClock(booking.pickupWindow.end)}`;
    expect({
      ...(expected.customerName !== undefined ? { customerName: booking.customerName } : {}),
      ...(expected.customerPhone !== undefined ? { customerPhone: booking.customerPhone } : {}),
      ...(expected.pickupPostcode !== undefined ? { pickupPostcode: booking.pickup.postcode } : {}),
      ...(expected.deliveryPostcode !== undefined ? { deliveryPostcode: booking.delivery.postcode } : {}),
      ...(expected.size !== undefined ? { size: booking.package.size } : {}),
      ...(expected.weightKg !== undefined ? { weightKg: booking.package.weightKg } : {}),
      ...(expected.handling !== undefined ? { handling: booking.package.handling } : {}),
      ...(expected.seattleWindow !== undefined ? { seattleWindow: window } : {}),
    }).toEqual(expected);
    expect(booking.channel).toBe('VOICE');
    expect(Date.parse(booking.createdAt), 'the booking carries its timestamp').not.toBeNaN();
    expect(transcript.join(' '), 'the reference was read to the caller').toContain(booking.reference);
  }

  const feedback = world.voice.world.feedback.all();
  expect(feedback.length, 'feedback stored during the call').toBe(then.feedbackStored);
  if (then.feedback) {
    const { about, category, ...fields } = then.feedback;
    const item = feedback[0];
    expect(item).toMatchObject({ ...fields, ...(category ? { complaintCategory: category } : {}) });
    if (about) expect(item?.bookingReference, 'the booking the feedback is about').toBe(world.given[about]?.reference);
    expect(Date.parse(item?.createdAt ?? ''), 'the feedback carries its timestamp').not.toBeNaN();
    expect(transcript.join(' '), 'the feedback reference was read to the caller').toContain(item?.reference ?? '');
  }

  const end = await channel.end();
  const outcome = end.botClosed ? (end.sessionAttributes.botOutcome ?? '(none)') : 'OPEN';
  expect(outcome, 'the bot outcome the contact flow branches on').toBe(then.botOutcome);
  expect(end.sessionAttributes.transferReason, 'transfer reason').toBe(then.transferReason);
  if (end.call) {
    expect(end.call.state, 'the state of the phone call').toBe(then.callState);
    if (then.callState === 'QUEUED' && then.transferReason) {
      expect(end.call.attributes.transferReason, 'transfer reason on the contact').toBe(then.transferReason);
    }
  }
}
