import { describe, expect, it } from 'vitest';
import { makeBooking } from '../../../testing/booking-factory';
import { latestProof } from './proof-of-delivery';

describe('latestProof', () => {
  it('takes the proof of the latest delivery, and finds none before delivery', () => {
    // Prepare
    const booked = makeBooking();
    const base = booked.history[0]!;
    const proof = (recipientName: string) => ({ recipientName, signatureKey: null, photoKey: null });
    const history = [
      base,
      { ...base, status: 'DELIVERED' as const, at: '2025-03-03T12:00:00.000Z', proof: proof('First') },
      { ...base, status: 'OUT_FOR_DELIVERY' as const, at: '2025-03-03T13:00:00.000Z' },
      { ...base, status: 'DELIVERED' as const, at: '2025-03-03T14:00:00.000Z', proof: proof('Second') },
    ];

    // Act
    const none = latestProof(booked.history);
    const latest = latestProof(history);

    // Assess
    expect(none).toBeUndefined();
    expect(latest?.proof?.recipientName).toBe('Second');
  });
});
