import { describe, expect, it } from 'vitest';
import { makeBooking } from '../testing/booking-factory';
import { addressLine, describeActor, describePackage, humanize, streetLine } from './booking-text';

describe('booking text', () => {
  it('turns enum values into words', () => {
    // Prepare
    const values = ['SIGNATURE_REQUIRED', 'OUT_FOR_DELIVERY', 'VAN'];

    // Act
    const words = values.map(humanize);

    // Assess
    expect(words).toEqual(['Signature required', 'Out for delivery', 'Van']);
  });

  it('summarises a package by size and weight', () => {
    // Prepare
    const light = makeBooking().package;
    const heavy = { ...light, size: 'OVERSIZED' as const, weightKg: 30 };

    // Act
    const summaries = [describePackage(light), describePackage(heavy)];

    // Assess
    expect(summaries).toEqual(['Medium · 2.5\u00a0kg', 'Oversized · 30\u00a0kg']);
  });

  it('writes addresses without empty parts', () => {
    // Prepare
    const { pickup, delivery } = makeBooking();

    // Act
    const lines = [streetLine(delivery), addressLine(pickup), addressLine(delivery)];

    // Assess
    expect(lines).toEqual([
      '400 Broad St, Suite 5',
      '1201 3rd Ave, 98101 Seattle, WA, US',
      '400 Broad St, Suite 5, 98109 Seattle, WA, US',
    ]);
  });

  it('names the actor with their role, or the system actor alone', () => {
    // Prepare
    const actors = [
      { type: 'COURIER' as const, id: 'courier-07', name: 'Dana Kim' },
      { type: 'VOICEBOT' as const, id: 'voicebot', name: null },
      { type: 'PARTNER' as const, id: 'acme', name: null },
    ];

    // Act
    const labels = actors.map(describeActor);

    // Assess
    expect(labels).toEqual(['Dana Kim (courier)', 'Voicebot', 'Partner acme']);
  });
});
