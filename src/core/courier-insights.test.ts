import { describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from './errors';
import { acme, admin, courier7, courier9 } from './testing/fixtures';
import { courierOf, matchesSearch, suggestFor } from './courier-insights';
import type { Booking } from './model';

// The fleet: 200 attempts, 4 of them failed with the recipient absent (2 %), 30 min from pickup to delivery.
const FLEET = {
  'courier-07_delivered': 18,
  'courier-07_failed': 2,
  'courier-07_p2d_n': 18,
  'courier-07_p2d_ms': 18 * 50 * 60_000,
  'courier-09_delivered': 178,
  'courier-09_failed': 2,
  'courier-09_p2d_n': 178,
  'courier-09_p2d_ms': 178 * 28 * 60_000,
};
const VOLUMES = { delivered: 196, failed: 4, reason_RECIPIENT_ABSENT: 4 };

describe('suggestions against the fleet', () => {
  it("names a failure reason met 1.5× the fleet's rate or more, and slow deliveries, with the courier's figures", () => {
    // Prepare: courier-07 failed twice of 20 (10 %) with the recipient absent, and takes 50 minutes.
    const own = { delivered: 18, failed: 2, reason_RECIPIENT_ABSENT: 2, p2d_n: 18, p2d_ms: 18 * 50 * 60_000 };

    // Act
    const suggestions = suggestFor(own, FLEET, VOLUMES);

    // Assess
    expect(suggestions.map((s) => s.kind)).toEqual(['FAILURE_REASON', 'SLOW_DELIVERIES']);
    expect(suggestions[0]!.title).toBe('Recipient absent is 5× the fleet rate');
    expect(suggestions[0]!.detail).toContain('2 of your 20 delivery attempts');
    expect(suggestions[0]!.detail).toContain('call ahead on large parcels');
    expect(suggestions[1]!.figures).toEqual([
      { label: 'you', value: '50 min' },
      { label: 'fleet', value: '30 min' },
    ]);
  });

  it('says nothing from too few attempts, and what the courier does well when nothing is amiss', () => {
    // Prepare
    const few = { delivered: 2, failed: 2, reason_RECIPIENT_ABSENT: 2 };
    const good = { delivered: 178, failed: 2, reason_OTHER: 2, p2d_n: 178, p2d_ms: 178 * 28 * 60_000 };

    // Act
    const fromFew = suggestFor(few, FLEET, VOLUMES);
    const fromGood = suggestFor(good, FLEET, { ...VOLUMES, reason_OTHER: 200 });

    // Assess
    expect(fromFew).toEqual([]);
    expect(fromGood.map((s) => s.kind)).toEqual(['STRENGTH']);
  });
});

describe('whose figures', () => {
  it('is the signed-in courier unless named; only an administrator names anyone', () => {
    expect(courierOf(undefined, courier7)).toBe('courier-07');
    expect(courierOf('courier-09', admin)).toBe('courier-09');
    expect(() => courierOf('courier-09', courier7)).toThrow(ForbiddenError);
    expect(() => courierOf('courier-07', courier9)).toThrow(ForbiddenError);
    expect(() => courierOf(undefined, acme)).toThrow(ForbiddenError);
    expect(() => courierOf('courier-07', acme)).toThrow(ForbiddenError);
    expect(() => courierOf(undefined, admin)).toThrow(ValidationError);
  });
});

describe('the history search', () => {
  it('matches every word, in any case, across reference, addresses, notes and reasons', () => {
    // Prepare
    const b = {
      reference: 'K7M-4QX-9',
      customerName: 'Ana Lee',
      pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101', country: 'US' },
      delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109', country: 'US' },
      package: { size: 'SMALL', weightKg: 1, handling: [] },
      status: 'FAILED_DELIVERY',
      history: [
        {
          status: 'FAILED_DELIVERY',
          at: '',
          actor: { type: 'COURIER', id: 'c' },
          failureReason: 'RECIPIENT_ABSENT',
          note: 'Dog in yard',
        },
      ],
    } as unknown as Booking;

    // Act + Assess
    expect(matchesSearch(b, 'k7m')).toBe(true);
    expect(matchesSearch(b, 'broad 98109')).toBe(true);
    expect(matchesSearch(b, 'recipient absent dog')).toBe(true);
    expect(matchesSearch(b, 'broad 98101 pike')).toBe(false);
  });
});
