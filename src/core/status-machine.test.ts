import { describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from './errors';
import { BOOKING_STATUSES, type Actor, type Booking, type BookingStatus } from './model';
import { allowedNext, describeProof, describeStatus, isTerminal, missingProof, transition } from './status-machine';

const actor: Actor = { type: 'COURIER', id: 'courier-07' };
const at = new Date('2025-06-10T17:00:00.000Z');

function bookingIn(status: BookingStatus): Booking {
  return {
    reference: 'K7M-4XR-9',
    customerName: 'Grace',
    customerPhone: '+12065550134',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101', country: 'US' },
    delivery: { line1: '3400 Stone Way N', city: 'Seattle', postcode: '98103', country: 'US' },
    package: { size: 'SMALL', weightKg: 1, handling: [] },
    pickupWindow: { start: '2025-06-10T16:00:00.000Z', end: '2025-06-10T18:00:00.000Z' },
    status,
    history: [{ status, at: '2025-06-10T15:00:00.000Z', actor: { type: 'ADMIN', id: 'a' } }],
    channel: 'WEB',
    createdAt: '2025-06-10T15:00:00.000Z',
    updatedAt: '2025-06-10T15:00:00.000Z',
    version: 1,
  };
}

const LEGAL: Record<BookingStatus, BookingStatus[]> = {
  BOOKED: ['COLLECTED', 'CANCELLED'],
  COLLECTED: ['IN_TRANSIT'],
  IN_TRANSIT: ['OUT_FOR_DELIVERY'],
  OUT_FOR_DELIVERY: ['DELIVERED', 'FAILED_DELIVERY'],
  FAILED_DELIVERY: ['OUT_FOR_DELIVERY', 'RETURNED'],
  DELIVERED: [],
  RETURNED: [],
  CANCELLED: [],
};

/** What each target status needs to be a complete change. */
function changeTo(to: BookingStatus) {
  return {
    to,
    actor,
    ...(to === 'DELIVERED' ? { proof: { recipientName: 'Ann' } } : {}),
    ...(to === 'FAILED_DELIVERY' ? { failureReason: 'RECIPIENT_ABSENT' as const } : {}),
  };
}

describe('transition', () => {
  it('allows exactly the documented transitions, for every pair of statuses', () => {
    for (const from of BOOKING_STATUSES) {
      for (const to of BOOKING_STATUSES) {
        // Prepare
        const booking = bookingIn(from);
        // Act
        const attempt = () => transition(booking, changeTo(to), at);
        // Assess
        if (LEGAL[from].includes(to)) {
          const next = attempt();
          expect(next.status).toBe(to);
        } else {
          expect(attempt).toThrow(ConflictError);
        }
      }
    }
  });

  it('names from, to and the allowed next statuses when refusing', () => {
    // Prepare
    const booking = bookingIn('BOOKED');
    // Act
    let error: unknown;
    try {
      transition(booking, changeTo('DELIVERED'), at);
    } catch (e) {
      error = e;
    }
    // Assess
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toContain('BOOKED');
    expect((error as ConflictError).message).toContain('DELIVERED');
    expect((error as ConflictError).resolution).toBe(
      'From BOOKED the booking can only move to COLLECTED or CANCELLED.',
    );
  });

  it('says a terminal status is final', () => {
    // Act / Assess
    expect(() => transition(bookingIn('DELIVERED'), changeTo('RETURNED'), at)).toThrow(
      expect.objectContaining({ resolution: expect.stringMatching(/final/) }),
    );
  });

  it('appends an audit event with time, actor, location and note, and leaves the input untouched', () => {
    // Prepare
    const booking = bookingIn('BOOKED');
    // Act
    const next = transition(
      booking,
      { to: 'COLLECTED', actor, location: { lat: 47.6, lng: -122.33 }, note: '  left with concierge  ' },
      at,
    );
    // Assess
    expect(next.history).toHaveLength(2);
    expect(next.history[1]).toEqual({
      status: 'COLLECTED',
      at: at.toISOString(),
      actor,
      location: { lat: 47.6, lng: -122.33 },
      note: 'left with concierge',
    });
    expect(next.updatedAt).toBe(at.toISOString());
    expect(booking.history).toHaveLength(1);
    expect(booking.status).toBe('BOOKED');
    expect(next.version).toBe(booking.version);
  });

  it('requires proof for DELIVERED and keeps only the non-empty parts', () => {
    // Prepare
    const booking = bookingIn('OUT_FOR_DELIVERY');
    // Act
    const missing = () => transition(booking, { to: 'DELIVERED', actor }, at);
    const blank = () =>
      transition(booking, { to: 'DELIVERED', actor, proof: { recipientName: '  ', photoKey: '' } }, at);
    const ok = transition(booking, { to: 'DELIVERED', actor, proof: { photoKey: 'p/1.jpg', recipientName: '' } }, at);
    const signed = transition(booking, { to: 'DELIVERED', actor, proof: { signatureKey: 's/1.png' } }, at);
    // Assess
    expect(missing).toThrow(expect.objectContaining({ name: 'ValidationError', field: 'proof' }));
    expect(blank).toThrow(ValidationError);
    expect(ok.history.at(-1)?.proof).toEqual({ photoKey: 'p/1.jpg' });
    expect(signed.history.at(-1)?.proof).toEqual({ signatureKey: 's/1.png' });
  });

  it('requires a failure reason for FAILED_DELIVERY, and a note when the reason is OTHER', () => {
    // Prepare
    const booking = bookingIn('OUT_FOR_DELIVERY');
    // Act
    const noReason = () => transition(booking, { to: 'FAILED_DELIVERY', actor }, at);
    const otherNoNote = () => transition(booking, { to: 'FAILED_DELIVERY', actor, failureReason: 'OTHER' }, at);
    const other = transition(booking, { to: 'FAILED_DELIVERY', actor, failureReason: 'OTHER', note: 'dog' }, at);
    // Assess
    expect(noReason).toThrow(expect.objectContaining({ field: 'failureReason' }));
    expect(otherNoNote).toThrow(expect.objectContaining({ field: 'note' }));
    expect(other.history.at(-1)).toMatchObject({ failureReason: 'OTHER', note: 'dog' });
  });

  it('lets a failed delivery be retried and then delivered', () => {
    // Prepare
    const failed = transition(bookingIn('OUT_FOR_DELIVERY'), changeTo('FAILED_DELIVERY'), at);
    // Act
    const retry = transition(failed, changeTo('OUT_FOR_DELIVERY'), at);
    const done = transition(retry, changeTo('DELIVERED'), at);
    // Assess
    expect(done.history.map((e) => e.status)).toEqual([
      'OUT_FOR_DELIVERY',
      'FAILED_DELIVERY',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
    ]);
  });
});

describe('allowedNext / isTerminal / describeStatus', () => {
  it('agree with the transition table', () => {
    for (const s of BOOKING_STATUSES) {
      // Act / Assess
      expect([...allowedNext(s)]).toEqual(LEGAL[s]);
      expect(isTerminal(s)).toBe(LEGAL[s].length === 0);
      expect(describeStatus(s)).toMatch(/^[a-z ]+$/);
    }
  });
});

describe('the proof a company requires of every delivery', () => {
  const delivered = (proof: Record<string, string>, requiredProof: ('SIGNATURE' | 'PHOTO' | 'RECIPIENT_NAME')[]) =>
    transition(bookingIn('OUT_FOR_DELIVERY'), { to: 'DELIVERED', actor, proof, requiredProof }, at);

  it('refuses a delivery that lacks a required kind, naming what is missing', () => {
    const error = (() => {
      try {
        delivered({ signatureKey: 'proof/X/sig.png' }, ['SIGNATURE', 'PHOTO', 'RECIPIENT_NAME']);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe(
      'This company requires a signature, a photo and the recipient’s name for every delivery; missing: a photo and the recipient’s name.',
    );
    expect((error as ValidationError).field).toBe('proof.photoKey');
  });

  it('accepts a delivery with every required kind, and any one kind when none is required', () => {
    const full = delivered({ photoKey: 'proof/X/door.jpg', recipientName: 'Ann' }, ['PHOTO', 'RECIPIENT_NAME']);
    const any = delivered({ recipientName: 'Ann' }, []);
    expect(full.history.at(-1)!.proof).toEqual({ photoKey: 'proof/X/door.jpg', recipientName: 'Ann' });
    expect(any.status).toBe('DELIVERED');
    expect(() => delivered({ recipientName: '   ' }, ['RECIPIENT_NAME'])).toThrow(/missing: the recipient’s name/);
  });

  it('lists what is missing in words', () => {
    expect(missingProof(['SIGNATURE', 'PHOTO'], { photoKey: 'k' })).toEqual(['SIGNATURE']);
    expect(describeProof(['PHOTO'])).toBe('a photo');
    expect(describeProof(['SIGNATURE', 'PHOTO'])).toBe('a signature and a photo');
  });
});
