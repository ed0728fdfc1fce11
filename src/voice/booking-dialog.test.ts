import { describe, it, expect } from 'vitest';
import type { Turn, VoiceSession } from './dialog-types';
import { bookingIdempotencyKey, parseCorrection } from './booking-dialog';
import { handleTurn, newSession } from './dialog';
import { converse, heard, makeVoiceWorld, turn } from './testing/voice-world';
import { updateCompanySettings } from '../core/company-settings';
import { admin } from '../core/testing/fixtures';

const caller: VoiceSession = { ...newSession(), caller: '+12065550134' };

/** Turns that fill every detail of a booking, ending at the read-back. */
const toReadBack: Turn[] = [
  turn('BookCourier', { PickupAddress: '1201 3rd Ave 98101', DeliveryAddress: '3400 Stone Way N 98103' }),
  turn('BookCourier', { PackageSize: 'SMALL', PackageWeight: '2.5', SpecialHandling: 'FRAGILE' }),
  turn('BookCourier', { PickupDay: '2025-06-10', PickupTime: 'AFTERNOON' }),
  turn('BookCourier', { CustomerName: 'Grace Hopper' }),
];

describe('booking dialog', () => {
  it('asks for the pickup address first when nothing was given', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { last } = await converse(deps, [turn('BookCourier')], caller);
    // Assess
    expect(last.reply).toMatchObject({ action: 'elicitSlot', intent: 'BookCourier', slot: 'PickupAddress' });
    expect(heard(last)).toContain('Where should the courier collect the parcel?');
    expect(last.session.dialog).toMatchObject({ flow: 'book', step: 'pickup' });
  });

  it('names an address it cannot find and asks for the street and postcode again', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { last } = await converse(deps, [turn('BookCourier', { PickupAddress: '1234 Nowhere Rd 98101' })], caller);
    // Assess
    expect(last.reply).toMatchObject({ action: 'elicitSlot', slot: 'PickupAddress' });
    expect(heard(last)).toContain("I couldn't find 1234 Nowhere Rd 98101. Please say the street and postcode again.");
  });

  it('says when a postcode is not one we serve', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { last } = await converse(deps, [turn('BookCourier', { PickupAddress: '1201 3rd Ave 10001' })], caller);
    // Assess
    expect(heard(last)).toContain("10001 isn't a postcode we serve");
    expect(last.reply).toMatchObject({ action: 'elicitSlot', slot: 'PickupAddress' });
  });

  it('offers the candidates of an ambiguous address and takes "the second one"', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const start = turn('BookCourier', { PickupAddress: '1201 3rd Ave 98101', DeliveryAddress: '45th St' });
    // Act
    const first = await converse(deps, [start], caller);
    const second = await converse(deps, [turn('BookCourier', { DeliveryAddress: 'the second one' })], first.session);
    // Assess
    expect(first.last.reply).toMatchObject({ action: 'elicitSlot', slot: 'DeliveryAddress' });
    expect(heard(first.last)).toMatch(/^Did you mean NE 45th St in 98103, NE 45th St in 98105 or N 45th St in 98107\?/);
    expect(second.last.reply).toMatchObject({ action: 'elicitSlot', slot: 'PackageSize' });
    expect(second.session.dialog).toMatchObject({
      step: 'package',
      draft: { delivery: { line1: 'NE 45th St', postcode: '98105' } },
    });
  });

  it('takes pickup, delivery and parcel details in order, asking only for what is missing', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { outcomes } = await converse(
      deps,
      [
        turn('BookCourier', { PickupAddress: '1201 3rd Ave 98101', DeliveryAddress: '3400 Stone Way N 98103' }),
        turn('BookCourier', { PackageSize: 'LARGE' }),
        turn('BookCourier', { PackageWeight: '12' }),
        turn('BookCourier', { SpecialHandling: 'NONE' }),
        turn('BookCourier', { PickupTime: 'ASAP' }),
      ],
      caller,
    );
    // Assess
    expect(outcomes.map((o) => (o.reply.action === 'elicitSlot' ? o.reply.slot : o.reply.action))).toEqual([
      'PackageSize',
      'PackageWeight',
      'SpecialHandling',
      'PickupDay',
      'CustomerName',
    ]);
    expect(outcomes.at(-1)?.session.dialog).toMatchObject({
      step: 'contact',
      draft: { parcel: { size: 'LARGE', weightKg: 12, handling: [] }, window: { start: '2025-06-10T15:15:00.000Z' } },
    });
  });

  it('keeps details given before they were asked for and uses them when their step comes', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { outcomes, session } = await converse(
      deps,
      [
        turn('BookCourier', { PackageSize: 'SMALL', DeliveryAddress: '3400 Stone Way N 98103' }),
        turn('BookCourier', { PickupAddress: '1201 3rd Ave 98101' }),
      ],
      caller,
    );
    // Assess
    expect(outcomes.map((o) => (o.reply.action === 'elicitSlot' ? o.reply.slot : o.reply.action))).toEqual([
      'PickupAddress',
      'PackageWeight',
    ]);
    expect(session.dialog).toMatchObject({
      step: 'package',
      size: 'SMALL',
      draft: { pickup: { postcode: '98101' }, delivery: { postcode: '98103' } },
    });
    expect(session.dialog).not.toHaveProperty('pending');
  });

  it('picks an ambiguous address by the postcode the caller names, not by the word "one"', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const start = turn('BookCourier', { PickupAddress: '1705 45th St' });
    // Act
    const first = await converse(deps, [start], caller);
    const second = await converse(deps, [turn('BookCourier', { PickupAddress: 'the one in 98103' })], first.session);
    // Assess
    expect(heard(first.last)).toMatch(/1705 NE 45th St in 98105 or 1705 N 45th St in 98103/);
    expect(second.session.dialog).toMatchObject({ draft: { pickup: { line1: '1705 N 45th St', postcode: '98103' } } });
  });

  it('says a parcel is too heavy for its size and asks only for the size again', async () => {
    // Prepare
    const { deps, world } = makeVoiceWorld();
    const heavy: Turn[] = [
      turn('BookCourier', { PickupAddress: '1201 3rd Ave 98101', DeliveryAddress: '3400 Stone Way N 98103' }),
      turn('BookCourier', { PackageSize: 'LARGE', PackageWeight: '90', SpecialHandling: 'FRAGILE' }),
      turn('BookCourier', { PickupDay: '2025-06-10', PickupTime: 'AFTERNOON' }),
      turn('BookCourier', { CustomerName: 'Grace Hopper' }),
    ];
    // Act
    const { session } = await converse(deps, heavy, caller);
    const refused = await handleTurn(turn('BookCourier', {}, { confirmation: 'Confirmed' }), session, deps);
    const resized = await handleTurn(turn('BookCourier', { PackageSize: 'OVERSIZED' }), refused.session, deps);
    // Assess
    expect(heard(refused)).toBe(
      "90 kilograms is too heavy for a large parcel. Let's try again. How big is the parcel?",
    );
    expect(refused.reply).toMatchObject({ action: 'elicitSlot', slot: 'PackageSize' });
    expect(world.bookings.all()).toHaveLength(0);
    expect(resized.reply.action).toBe('confirmIntent');
    expect(heard(resized)).toContain('an oversized parcel of 90 kilograms, marked fragile');
  });

  it('turns a part of the day into a local pickup window and refuses one that has passed', async () => {
    // Prepare
    const { deps, world } = makeVoiceWorld();
    const addresses = turn('BookCourier', {
      PickupAddress: '1201 3rd Ave 98101',
      DeliveryAddress: '3400 Stone Way N 98103',
      PackageSize: 'SMALL',
      PackageWeight: '1',
      SpecialHandling: 'NONE',
    });
    // Act
    const morning = await converse(
      deps,
      [addresses, turn('BookCourier', { PickupDay: '2025-06-10', PickupTime: 'MORNING' })],
      caller,
    );
    world.clock.set('2025-06-10T23:00:00Z'); // 4 PM in Seattle
    const late = await converse(
      deps,
      [addresses, turn('BookCourier', { PickupDay: '2025-06-10', PickupTime: 'MORNING' })],
      caller,
    );
    // Assess
    expect(morning.session.dialog).toMatchObject({
      draft: { window: { start: '2025-06-10T16:00:00.000Z', end: '2025-06-10T19:00:00.000Z' } },
    });
    expect(late.last.reply).toMatchObject({ action: 'elicitSlot', slot: 'PickupTime' });
    expect(heard(late.last)).toContain('That time has already passed today.');
  });

  it('asks for a call-back number when the contact flow gave none, and checks it', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { outcomes } = await converse(deps, [
      ...toReadBack,
      turn('BookCourier', { CallbackNumber: '123' }),
      turn('BookCourier', { CallbackNumber: '206 555 0199' }),
    ]);
    // Assess
    expect(outcomes[3]?.reply).toMatchObject({ action: 'elicitSlot', slot: 'CallbackNumber' });
    expect(heard(outcomes[4]!)).toContain("That number doesn't look right.");
    expect(outcomes[5]?.reply.action).toBe('confirmIntent');
    expect(outcomes[5]?.session.dialog).toMatchObject({ draft: { phone: '+12065550199' } });
  });

  it('reads every detail back for confirmation', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { last } = await converse(deps, toReadBack, caller);
    // Assess
    expect(last.reply).toMatchObject({ action: 'confirmIntent', intent: 'BookCourier' });
    expect(heard(last)).toBe(
      'Let me check: collect from 1201 3rd Ave, 98101, deliver to 3400 Stone Way N, 98103, a small parcel of 2.5 kilograms, marked fragile, picked up today between 1 PM and 5 PM, for Grace Hopper. Shall I book it?',
    );
    expect(last.reply.say.join('')).toContain('<say-as interpret-as="digits">98101</say-as>');
  });

  it('takes a correction at the read-back and reads back again', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const correction = turn(
      'BookCourier',
      {},
      { confirmation: 'Denied', transcript: 'no, the delivery address is 500 Pine St 98101' },
    );
    // Act
    const { last } = await converse(deps, [...toReadBack, correction], caller);
    // Assess
    expect(last.reply.action).toBe('confirmIntent');
    expect(heard(last)).toContain('deliver to 500 Pine St, 98101');
  });

  it('asks what to change when the caller only says no, then goes back to that detail', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { outcomes } = await converse(
      deps,
      [
        ...toReadBack,
        turn('BookCourier', {}, { confirmation: 'Denied', transcript: 'no' }),
        turn('BookCourier', { FieldToChange: 'PACKAGE' }),
      ],
      caller,
    );
    // Assess
    expect(outcomes[4]?.reply).toMatchObject({ action: 'elicitSlot', slot: 'FieldToChange' });
    expect(outcomes[5]?.reply).toMatchObject({ action: 'elicitSlot', slot: 'PackageSize' });
  });

  it('books on confirmation as the voicebot over the VOICE channel and reads the reference back spelled', async () => {
    // Prepare
    const { deps, world } = makeVoiceWorld();
    // Act
    const { last } = await converse(
      deps,
      [...toReadBack, turn('BookCourier', {}, { confirmation: 'Confirmed' })],
      caller,
    );
    // Assess
    const [booking] = world.bookings.all();
    expect(world.bookings.all()).toHaveLength(1);
    expect(booking).toMatchObject({ channel: 'VOICE', customerPhone: '+12065550134', customerName: 'Grace Hopper' });
    expect(booking?.history[0]?.actor).toMatchObject({ type: 'VOICEBOT' });
    expect(last.reply).toMatchObject({ action: 'elicitSlot', slot: 'WantsRepeat' });
    expect(last.session.lastReference).toBe(booking?.reference);
    expect(last.reply.say.join('')).toContain('<say-as interpret-as="characters">');
    expect(heard(last)).toMatch(/reference is .*as in .*Would you like me to repeat it\?/);
  });

  it('never books twice when Lex repeats the same fulfilment', async () => {
    // Prepare
    const { deps, world } = makeVoiceWorld();
    const { session } = await converse(deps, toReadBack, caller);
    const confirm = turn('BookCourier', {}, { confirmation: 'Confirmed' });
    // Act
    const first = await handleTurn(confirm, session, deps);
    const repeated = await handleTurn(confirm, session, deps);
    // Assess
    expect(world.bookings.all()).toHaveLength(1);
    expect(repeated.session.lastReference).toBe(first.session.lastReference);
    expect(world.idempotency.keys()).toHaveLength(1);
  });

  it('repeats the reference when asked after booking, then asks if there is anything else', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { last } = await converse(
      deps,
      [
        ...toReadBack,
        turn('BookCourier', {}, { confirmation: 'Confirmed' }),
        turn('BookCourier', { WantsRepeat: 'YES' }),
      ],
      caller,
    );
    // Assess
    expect(last.reply.action).toBe('elicitIntent');
    expect(heard(last)).toMatch(/^Your reference is .* Is there anything else I can help you with\?$/);
    expect(last.session.dialog).toBeUndefined();
  });

  it('keeps the session state far below the 12 KB Lex allows', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { outcomes } = await converse(
      deps,
      [...toReadBack, turn('BookCourier', {}, { confirmation: 'Confirmed' })],
      caller,
    );
    // Assess
    const largest = Math.max(...outcomes.map((o) => Buffer.byteLength(JSON.stringify(o.session))));
    expect(largest).toBeLessThan(1024);
  });
});

describe('bookingIdempotencyKey', () => {
  it('is stable for one session and turn and differs across turns and sessions', () => {
    // Prepare
    const session = 'us-east-1:a/b c+d';
    // Act
    const key = bookingIdempotencyKey(session, 7);
    // Assess
    expect(key).toBe(bookingIdempotencyKey(session, 7));
    expect(key).not.toBe(bookingIdempotencyKey(session, 8));
    expect(key).not.toBe(bookingIdempotencyKey('other', 7));
    expect(key).toMatch(/^[A-Za-z0-9_.:-]{1,128}$/);
  });
});

describe('parseCorrection', () => {
  it('names the field and carries a new address when one was said', () => {
    // Act / Assess
    expect(parseCorrection('no, the delivery address is 500 Pine St 98101')).toEqual({
      field: 'DELIVERY',
      value: '500 Pine St 98101',
    });
    expect(parseCorrection('the pickup should be 1201 3rd Ave')).toEqual({ field: 'PICKUP', value: '1201 3rd Ave' });
    expect(parseCorrection('the time is wrong')).toEqual({ field: 'WINDOW' });
    expect(parseCorrection('wrong size')).toEqual({ field: 'PACKAGE' });
    expect(parseCorrection('hmm')).toBeUndefined();
  });
});

describe('booking dialog under the company rules', () => {
  // The world's clock: Tuesday 10 June 2025, 8 AM Pacific.
  const rules = {
    serviceArea: ['981'],
    collectionDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
    collectionHours: { open: '10:00', close: '14:00' },
    sameDayCutoff: '12:00',
    maxWeightKg: 30,
    maxOversizedWeightKg: 150,
    largestSize: 'OVERSIZED',
  };
  const upToWindow: Turn[] = [
    turn('BookCourier', { PickupAddress: '1201 3rd Ave 98101', DeliveryAddress: '3400 Stone Way N 98103' }),
    turn('BookCourier', { PackageSize: 'SMALL', PackageWeight: '2.5', SpecialHandling: 'FRAGILE' }),
  ];

  it('says when it collects before asking the time, and offers only windows within the hours', async () => {
    // Prepare
    const { deps, world } = makeVoiceWorld();
    await updateCompanySettings({ rules, expectedVersion: 0 }, admin, world);

    // Act
    const asked = await converse(deps, [...upToWindow, turn('BookCourier', { PickupDay: '2025-06-11' })], caller);
    const evening = await converse(deps, [turn('BookCourier', { PickupTime: 'EVENING' })], asked.session);
    const morning = await converse(
      deps,
      [turn('BookCourier', { PickupTime: 'MORNING' }), turn('BookCourier', { CustomerName: 'Grace Hopper' })],
      evening.session,
    );

    // Assess
    expect(heard(asked.last)).toContain('We collect Monday to Friday, from 10 AM until 2 PM.');
    expect(asked.last.reply).toMatchObject({ slot: 'PickupTime' });
    expect(heard(evening.last)).toContain('We collect from 10 AM until 2 PM, so that time is outside our hours.');
    expect(evening.last.reply).toMatchObject({ slot: 'PickupTime' });
    expect(heard(morning.last)).toContain('picked up tomorrow between 10 AM and 12 PM');
  });

  it('does not offer a day without collection, nor today after the same-day cut-off', async () => {
    // Prepare
    const { deps, world } = makeVoiceWorld();
    await updateCompanySettings({ rules, expectedVersion: 0 }, admin, world);

    // Act
    const saturday = await converse(deps, [...upToWindow, turn('BookCourier', { PickupDay: '2025-06-14' })], caller);
    world.clock.set('2025-06-10T19:30:00.000Z'); // 12:30 PM Pacific, after the cut-off
    const today = await converse(deps, [...upToWindow, turn('BookCourier', { PickupDay: '2025-06-10' })], caller);
    const asap = await converse(deps, [...upToWindow, turn('BookCourier', { PickupTime: 'ASAP' })], caller);

    // Assess
    expect(heard(saturday.last)).toBe(
      "We don't collect on Saturday, June 14. We collect Monday to Friday, from 10 AM until 2 PM. Which day should we collect it?",
    );
    expect(saturday.last.reply).toMatchObject({ slot: 'PickupDay' });
    expect(heard(today.last)).toContain('Same-day pickups can be booked until noon.');
    expect(today.last.reply).toMatchObject({ slot: 'PickupDay' });
    expect(asap.session.dialog).toMatchObject({ step: 'contact' });
    const window = (asap.session.dialog as { draft: { window: { start: string; end: string } } }).draft.window;
    expect(window).toEqual({ start: '2025-06-11T17:00:00.000Z', end: '2025-06-11T19:00:00.000Z' });
  });
});
