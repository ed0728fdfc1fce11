import { describe, it, expect } from 'vitest';
import { ConflictError } from '../core/errors';
import { handleTurn, MAX_MISSES, newSession } from './dialog';
import { converse, heard, makeVoiceWorld, turn } from './testing/voice-world';

describe('conversation routing', () => {
  it('re-asks the open question after a turn it did not understand', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { last } = await converse(deps, [turn('BookCourier'), turn('FallbackIntent')]);
    // Assess
    expect(last.reply).toMatchObject({ action: 'elicitSlot', intent: 'BookCourier', slot: 'PickupAddress' });
    expect(heard(last)).toMatch(/^Sorry, I didn't catch that\. Where should the courier collect/);
  });

  it(`transfers after ${MAX_MISSES} turns in a row it did not understand`, async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { outcomes } = await converse(deps, [turn('FallbackIntent'), turn('FallbackIntent'), turn('FallbackIntent')]);
    // Assess
    expect(outcomes[1]?.reply.action).toBe('elicitIntent');
    expect(outcomes[2]?.reply).toMatchObject({ action: 'close', transfer: 'NOT_UNDERSTOOD' });
  });

  it('starts counting misses again after a turn it understood', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { last } = await converse(deps, [
      turn('FallbackIntent'),
      turn('FallbackIntent'),
      turn('Help'),
      turn('FallbackIntent'),
    ]);
    // Assess
    expect(last.reply.action).toBe('elicitIntent');
    expect(last.session.misses).toBe(1);
  });

  it('explains what it needs when asked for help in the middle of a dialog', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { last } = await converse(deps, [turn('TrackDelivery'), turn('Help')]);
    // Assess
    expect(last.reply).toMatchObject({ action: 'elicitSlot', intent: 'TrackDelivery', slot: 'BookingReference' });
    expect(heard(last)).toMatch(/^I need this to continue\. Please tell me your booking reference.* Or say agent/);
  });

  it('says there is no reference to repeat before one was given', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { last } = await converse(deps, [turn('RepeatReference')]);
    // Assess
    expect(heard(last)).toContain("I haven't given you a reference on this call yet.");
  });

  it('repeats the last reference on request', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    // Act
    const { last } = await converse(deps, [turn('RepeatReference')], { ...newSession(), lastReference: 'K7M-4XR-9' });
    // Assess
    expect(last.reply.say.join('')).toContain('<say-as interpret-as="characters">K7M-4XR-9</say-as>');
    expect(heard(last)).toContain('K as in kilo, seven, M as in mike');
  });

  it("turns a caller's error that slipped through into a re-prompt of the same question", async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const conflicted = { ...deps, geocoder: { geocode: () => Promise.reject(new ConflictError('busy')) } };
    // Act
    const outcome = await handleTurn(
      turn('BookCourier', { PickupAddress: '1201 3rd Ave 98101' }),
      newSession(),
      conflicted,
    );
    // Assess
    expect(outcome.reply.action).toBe('elicitIntent');
    expect(heard(outcome)).toMatch(/^Sorry, that didn't work/);
  });

  it('turns a fault into an apology and a transfer, logging the detail', async () => {
    // Prepare
    const { deps, logged } = makeVoiceWorld();
    const broken = { ...deps, geocoder: { geocode: () => Promise.reject(new TypeError('boom')) } };
    // Act
    const outcome = await handleTurn(
      turn('BookCourier', { PickupAddress: '1201 3rd Ave 98101' }),
      newSession(),
      broken,
    );
    // Assess
    expect(outcome.reply).toMatchObject({ action: 'close', fulfilled: false, transfer: 'FAULT' });
    expect(heard(outcome)).toContain('something went wrong on our side');
    expect(heard(outcome)).not.toContain('boom');
    expect(logged.find((l) => l.level === 'error')?.detail).toBeInstanceOf(TypeError);
  });
});
