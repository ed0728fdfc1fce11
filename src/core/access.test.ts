import { describe, expect, it } from 'vitest';
import {
  actorFor,
  assertCanAssignCourier,
  assertCanBook,
  assertCanChangeBookingStatus,
  assertCanListCouriers,
  assertCanReadBooking,
  assertCanReadCourier,
  assertCanReadFeedback,
  assertCanSubmitFeedback,
  assertIsCourier,
  bookingNotFoundMessage,
  canReadBooking,
  canReadFeedback,
  principalKey,
} from './access';
import { ForbiddenError, NotFoundError } from './errors';
import type { Booking, Feedback, Principal } from './model';
import { acme, admin, anonymous, courier, courier7, courier9, globex, voicebot } from './testing/fixtures';

const booking = { reference: 'K7M-4XR-9', courierId: 'courier-07', partnerId: 'acme', status: 'BOOKED' } as Booking;
const feedback = { reference: 'F-K7M-4XR-9', courierId: 'courier-07', partnerId: 'acme' } as Feedback;

function caught(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('booking visibility', () => {
  it.each<[string, Principal, boolean]>([
    ['admin', admin, true],
    ['service', voicebot, true],
    ['assigned courier', courier7, true],
    ['other courier', courier9, false],
    ['owning partner', acme, true],
    ['other partner', globex, false],
    ['anonymous', anonymous, false],
  ])('%s → %s', (_label, principal, visible) => {
    // Act / Assess
    expect(canReadBooking(principal, booking)).toBe(visible);
  });

  it('reports an invisible booking exactly like a missing one', () => {
    // Act
    const hidden = caught(() => assertCanReadBooking(courier9, booking, booking.reference)) as NotFoundError;
    const missing = caught(() => assertCanReadBooking(courier9, undefined, booking.reference)) as NotFoundError;
    // Assess
    expect(hidden).toBeInstanceOf(NotFoundError);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(hidden.message).toBe(missing.message);
    expect(hidden.message).toBe(bookingNotFoundMessage(booking.reference));
    expect(hidden.resolution).toBe(missing.resolution);
  });
});

describe('status changes', () => {
  it('lets admins and the assigned courier change, hides others, refuses partners, lets the voicebot only cancel', () => {
    // Act / Assess
    expect(() => assertCanChangeBookingStatus(admin, booking, booking.reference, 'COLLECTED')).not.toThrow();
    expect(() => assertCanChangeBookingStatus(courier7, booking, booking.reference, 'COLLECTED')).not.toThrow();
    expect(
      caught(() => assertCanChangeBookingStatus(courier9, booking, booking.reference, 'COLLECTED')),
    ).toBeInstanceOf(NotFoundError);
    expect(caught(() => assertCanChangeBookingStatus(acme, booking, booking.reference, 'CANCELLED'))).toBeInstanceOf(
      ForbiddenError,
    );
    expect(() => assertCanChangeBookingStatus(voicebot, booking, booking.reference, 'CANCELLED')).not.toThrow();
    expect(
      caught(() => assertCanChangeBookingStatus(voicebot, booking, booking.reference, 'DELIVERED')),
    ).toBeInstanceOf(ForbiddenError);
  });
});

describe('role checks', () => {
  it('booking: admin, partner and service may book; couriers and the public may not', () => {
    for (const p of [admin, acme, voicebot]) expect(() => assertCanBook(p)).not.toThrow();
    for (const p of [courier7, anonymous]) expect(() => assertCanBook(p)).toThrow(ForbiddenError);
  });

  it('assigning couriers is for admins only', () => {
    expect(() => assertCanAssignCourier(admin)).not.toThrow();
    for (const p of [courier7, acme, voicebot, anonymous])
      expect(() => assertCanAssignCourier(p)).toThrow(ForbiddenError);
  });

  it('courier profiles: admins all, couriers themselves, partners and the public never', () => {
    // Prepare
    const c7 = courier('courier-07');
    // Act / Assess
    expect(() => assertCanReadCourier(admin, c7, 'courier-07')).not.toThrow();
    expect(() => assertCanReadCourier(courier7, c7, 'courier-07')).not.toThrow();
    expect(caught(() => assertCanReadCourier(courier9, c7, 'courier-07'))).toBeInstanceOf(NotFoundError);
    expect(caught(() => assertCanReadCourier(admin, undefined, 'courier-42'))).toBeInstanceOf(NotFoundError);
    expect(caught(() => assertCanReadCourier(acme, c7, 'courier-07'))).toBeInstanceOf(ForbiddenError);
    expect(() => assertCanListCouriers(admin)).not.toThrow();
    expect(() => assertCanListCouriers(courier7)).toThrow(ForbiddenError);
    expect(() => assertIsCourier(courier7)).not.toThrow();
    expect(() => assertIsCourier(admin)).toThrow(ForbiddenError);
  });

  it('feedback: readers follow the booking; submitters are staff, service and the owning partner', () => {
    // Act / Assess
    expect(canReadFeedback(courier7, feedback)).toBe(true);
    expect(canReadFeedback(courier9, feedback)).toBe(false);
    expect(canReadFeedback(globex, feedback)).toBe(false);
    expect(canReadFeedback(anonymous, feedback)).toBe(false);
    expect(caught(() => assertCanReadFeedback(globex, feedback, feedback.reference))).toBeInstanceOf(NotFoundError);
    expect(() => assertCanSubmitFeedback(acme, booking, booking.reference)).not.toThrow();
    expect(caught(() => assertCanSubmitFeedback(globex, booking, booking.reference))).toBeInstanceOf(NotFoundError);
    expect(caught(() => assertCanSubmitFeedback(courier7, booking, booking.reference))).toBeInstanceOf(ForbiddenError);
  });
});

describe('actorFor / principalKey', () => {
  it('records who acted and keys callers apart', () => {
    // Act / Assess
    expect(actorFor(admin)).toEqual({ type: 'ADMIN', id: 'sub-admin', name: 'Ada Admin' });
    expect(actorFor(courier9)).toEqual({ type: 'COURIER', id: 'courier-09' });
    expect(actorFor(acme)).toEqual({ type: 'PARTNER', id: 'acme' });
    expect(actorFor(voicebot)).toEqual({ type: 'VOICEBOT', id: 'voicebot' });
    expect(actorFor({ role: 'SERVICE', name: 'nightly-job' })).toEqual({ type: 'SYSTEM', id: 'nightly-job' });
    expect(actorFor(anonymous).type).toBe('CUSTOMER');
    const keys = [admin, courier7, acme, globex, voicebot, anonymous].map(principalKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
