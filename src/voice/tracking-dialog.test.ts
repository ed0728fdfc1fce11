import { describe, it, expect } from 'vitest';
import { generateReference } from '../core/reference';
import { seededRandom } from '../core/seeded-random';
import { parseReference } from '../core/reference';
import { converse, heard, makeVoiceWorld, seedBooking, turn } from './testing/voice-world';

/** A reference whose check character is wrong: one symbol of a valid one changed. */
function corrupt(reference: string): string {
  const last = reference.at(-1) === '3' ? '4' : '3';
  return reference.slice(0, -1) + last;
}

/** Well-formed, but no booking has it. */
const UNKNOWN = generateReference(seededRandom(999));

describe('tracking dialog', () => {
  it('asks for the reference when none was given', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { last } = await converse(deps, [turn('TrackDelivery')]);
    // Assess
    expect(last.reply).toMatchObject({ action: 'elicitSlot', intent: 'TrackDelivery', slot: 'BookingReference' });
  });

  it('refuses a reference with a wrong check character before any lookup, and asks again', async () => {
    // Prepare
    const { deps, world } = makeVoiceWorld();
    const booking = await seedBooking(deps);
    const reads = world.bookings.writes;
    // Act
    const { last } = await converse(deps, [turn('TrackDelivery', { BookingReference: corrupt(booking.reference) })]);
    // Assess
    expect(parseReference(corrupt(booking.reference)).ok).toBe(false);
    expect(heard(last)).toMatch(/^That reference doesn't look right\. .* Please say it again\.$/);
    expect(last.session.dialog).toEqual({ flow: 'track', step: 'reference', failures: 1 });
    expect(world.bookings.writes).toBe(reads);
  });

  it('offers an agent after three unreadable references and transfers on yes', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const bad = turn('TrackDelivery', { BookingReference: 'hello there' });
    // Act
    const { outcomes } = await converse(deps, [bad, bad, bad, turn('TrackDelivery', { WantsAgent: 'YES' })]);
    // Assess
    expect(outcomes[2]?.reply).toMatchObject({ action: 'elicitSlot', slot: 'WantsAgent' });
    expect(outcomes[3]?.reply).toMatchObject({ action: 'close', transfer: 'REFERENCE_FAILURES', fulfilled: false });
  });

  it('lets the caller try again when they decline the agent', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const bad = turn('TrackDelivery', { BookingReference: 'hello there' });
    // Act
    const { last } = await converse(deps, [bad, bad, bad, turn('TrackDelivery', { WantsAgent: 'NO' })]);
    // Assess
    expect(last.reply).toMatchObject({ action: 'elicitSlot', slot: 'BookingReference' });
    expect(last.session.dialog).toEqual({ flow: 'track', step: 'reference', failures: 0 });
  });

  it('suggests customer service and transfers when a valid reference is not found', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { last } = await converse(deps, [turn('TrackDelivery', { BookingReference: UNKNOWN })]);
    // Assess
    expect(parseReference(UNKNOWN).ok).toBe(true);
    expect(last.reply).toMatchObject({ action: 'close', transfer: 'NOT_FOUND' });
    expect(heard(last)).toContain("I couldn't find a booking with reference");
    expect(heard(last)).toContain('customer service');
  });

  it('speaks status, place and ETA, offers the courier, and gives the number on yes', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const booking = await seedBooking(deps, {
      status: 'OUT_FOR_DELIVERY',
      courierId: 'courier-07',
      eta: '2025-06-10T17:30:00.000Z',
    });
    await deps.couriers.updateLocation('courier-07', { lat: 47.6493, lng: -122.3421, at: '2025-06-10T14:55:00Z' });
    const spoken = booking.reference.replace(/-/g, ' ').toLowerCase();
    // Act
    const { outcomes } = await converse(deps, [
      turn('TrackDelivery', { BookingReference: spoken }),
      turn('TrackDelivery', { WantsCourierContact: 'YES' }),
    ]);
    // Assess
    expect(heard(outcomes[0]!)).toMatch(
      /is out for delivery\. It was last seen near \w.*\. It's expected today at 10:30 AM\./,
    );
    expect(outcomes[0]?.reply).toMatchObject({ action: 'elicitSlot', slot: 'WantsCourierContact' });
    expect(heard(outcomes[1]!)).toContain('Your courier is Courier courier-07, on +12065550100.');
    expect(outcomes[1]?.reply.action).toBe('elicitIntent');
  });

  it('gives the courier contact at once when the caller asked for it', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const booking = await seedBooking(deps, { status: 'IN_TRANSIT', courierId: 'courier-07' });
    // Act
    const { last } = await converse(deps, [
      turn('TrackDelivery', { BookingReference: booking.reference }, { transcript: 'can I talk to my courier' }),
    ]);
    // Assess
    expect(heard(last)).toContain('Your courier is Courier courier-07');
    expect(heard(last)).toMatch(/anything else/);
  });

  it('says when a delivered parcel arrived and asks if there is anything else', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const booked = await seedBooking(deps);
    const delivered = await deps.bookings.update(
      {
        ...booked,
        status: 'DELIVERED',
        history: [
          ...booked.history,
          { status: 'DELIVERED', at: '2025-06-09T20:00:00.000Z', actor: { type: 'SYSTEM', id: 'test' } },
        ],
      },
      booked.version,
    );
    // Act
    const { last } = await converse(deps, [turn('TrackDelivery', { BookingReference: delivered.reference })]);
    // Assess
    expect(heard(last)).toMatch(/is delivered\. It was delivered on Monday, June 9 at 1 PM\. Is there anything else/);
    expect(last.reply.action).toBe('elicitIntent');
    expect(last.session.dialog).toBeUndefined();
  });
});
