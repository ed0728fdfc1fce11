// Object-level authorization: which principal may see or change which booking, feedback and courier.
// Role-level refusals are ForbiddenError; an object a principal may not see is reported exactly like a
// missing one (NotFoundError, same message), so references cannot be probed.
import { ForbiddenError, NotFoundError } from './errors';
import type { Actor, Booking, BookingStatus, Courier, Feedback, PartnerScope, Principal } from './model';

/** The one message for "no such booking", whether it is missing or merely not yours. */
export function bookingNotFoundMessage(reference: string): string {
  return `No booking with reference ${reference} was found.`;
}

export function courierNotFoundMessage(id: string): string {
  return `No courier with id ${id} was found.`;
}

export function feedbackNotFoundMessage(reference: string): string {
  return `No feedback with reference ${reference} was found.`;
}

const NOT_FOUND_RESOLUTION = 'Check the reference and try again.';

/** Who appears in the audit trail for an action by this principal. */
export function actorFor(principal: Principal): Actor {
  switch (principal.role) {
    case 'ADMIN':
      return withName({ type: 'ADMIN', id: principal.sub }, principal.name);
    case 'COURIER':
      return withName({ type: 'COURIER', id: principal.courierId }, principal.name);
    case 'PARTNER':
      return withName({ type: 'PARTNER', id: principal.partnerId }, principal.name);
    case 'SERVICE':
      return { type: /voice|lex|bot/i.test(principal.name) ? 'VOICEBOT' : 'SYSTEM', id: principal.name };
    case 'PUBLIC':
      return { type: 'CUSTOMER', id: 'anonymous' };
  }
}

function withName(actor: Actor, name: string | undefined): Actor {
  return name ? { ...actor, name } : actor;
}

/** A stable key per caller, so two callers' idempotency keys never collide. */
export function principalKey(principal: Principal): string {
  switch (principal.role) {
    case 'ADMIN':
      return `admin:${principal.sub}`;
    case 'COURIER':
      return `courier:${principal.courierId}`;
    case 'PARTNER':
      return `partner:${principal.partnerId}`;
    case 'SERVICE':
      return `service:${principal.name}`;
    case 'PUBLIC':
      return 'public';
  }
}

// ---- partner scopes ----

/** Whether a principal holds a scope: only partner API tokens are narrowed; everyone else is judged by role. */
export function hasScope(principal: Principal, scope: PartnerScope): boolean {
  return principal.role !== 'PARTNER' || principal.scopes === undefined || principal.scopes.includes(scope);
}

export function assertScope(principal: Principal, scope: PartnerScope): void {
  if (!hasScope(principal, scope)) {
    throw new ForbiddenError(`This partner token lacks the ${scope} scope.`, {
      resolution: `Ask the courier company for a token with the ${scope} scope.`,
    });
  }
}

// ---- bookings ----

export function canReadBooking(principal: Principal, booking: Booking): boolean {
  switch (principal.role) {
    case 'ADMIN':
    case 'SERVICE':
      return true;
    case 'COURIER':
      return booking.courierId === principal.courierId;
    case 'PARTNER':
      return booking.partnerId === principal.partnerId;
    case 'PUBLIC':
      return false;
  }
}

/** Narrows a lookup to a booking the principal may see; anything else is "not found". */
export function assertCanReadBooking(
  principal: Principal,
  booking: Booking | undefined,
  reference: string,
): asserts booking is Booking {
  if (!booking || !canReadBooking(principal, booking)) {
    throw new NotFoundError(bookingNotFoundMessage(reference), { resolution: NOT_FOUND_RESOLUTION });
  }
}

/** Creating bookings: staff, partners (for themselves) and the voicebot. */
export function canBook(principal: Principal): boolean {
  return principal.role === 'ADMIN' || principal.role === 'PARTNER' || principal.role === 'SERVICE';
}

export function assertCanBook(principal: Principal): void {
  if (!canBook(principal)) {
    throw new ForbiddenError('You are not allowed to book couriers.', {
      resolution: 'Sign in as an administrator or a partner.',
    });
  }
}

/**
 * Status changes: admins on any booking, couriers on their own, the voicebot only to cancel on the
 * caller's behalf. Partners may watch but not move parcels.
 */
export function canChangeBookingStatus(principal: Principal, booking: Booking, to: BookingStatus): boolean {
  switch (principal.role) {
    case 'ADMIN':
      return true;
    case 'COURIER':
      return booking.courierId === principal.courierId;
    case 'SERVICE':
      return to === 'CANCELLED';
    case 'PARTNER':
    case 'PUBLIC':
      return false;
  }
}

/** Reads first (so an invisible booking stays "not found"), then the right to change it. */
export function assertCanChangeBookingStatus(
  principal: Principal,
  booking: Booking | undefined,
  reference: string,
  to: BookingStatus,
): asserts booking is Booking {
  assertCanReadBooking(principal, booking, reference);
  if (!canChangeBookingStatus(principal, booking, to)) {
    throw new ForbiddenError(`You are not allowed to mark booking ${reference} as ${to}.`, {
      resolution:
        principal.role === 'SERVICE'
          ? 'The voice service can only cancel bookings.'
          : 'Only the assigned courier or an administrator can change a delivery status.',
    });
  }
}

/** Cancelling: staff, the voicebot for a caller, and the partner who booked it. */
export function canCancelBooking(principal: Principal, booking: Booking): boolean {
  switch (principal.role) {
    case 'ADMIN':
    case 'SERVICE':
      return true;
    case 'PARTNER':
      return booking.partnerId === principal.partnerId;
    case 'COURIER':
    case 'PUBLIC':
      return false;
  }
}

export function assertCanCancelBooking(
  principal: Principal,
  booking: Booking | undefined,
  reference: string,
): asserts booking is Booking {
  assertCanReadBooking(principal, booking, reference);
  if (!canCancelBooking(principal, booking)) {
    throw new ForbiddenError(`You are not allowed to cancel booking ${reference}.`, {
      resolution: 'Ask an administrator or the partner who booked it to cancel it.',
    });
  }
}

/** Moving the pickup window: staff and the partner who booked it. */
export function assertCanReschedulePickup(
  principal: Principal,
  booking: Booking | undefined,
  reference: string,
): asserts booking is Booking {
  assertCanReadBooking(principal, booking, reference);
  const allowed =
    principal.role === 'ADMIN' || (principal.role === 'PARTNER' && booking.partnerId === principal.partnerId);
  if (!allowed) {
    throw new ForbiddenError(`You are not allowed to change the pickup window of booking ${reference}.`, {
      resolution: 'Ask an administrator or the partner who booked it.',
    });
  }
}

export function canAssignCourier(principal: Principal): boolean {
  return principal.role === 'ADMIN';
}

export function assertCanAssignCourier(principal: Principal): void {
  if (!canAssignCourier(principal)) {
    throw new ForbiddenError('Only administrators can assign couriers.', {
      resolution: 'Ask an administrator to assign the booking.',
    });
  }
}

export function assertCanListBookings(principal: Principal): void {
  if (principal.role === 'PUBLIC') {
    throw new ForbiddenError('Sign in to list bookings.', {
      resolution: 'Use trackBooking with a reference to follow one parcel.',
    });
  }
}

// ---- feedback ----

export function canReadFeedback(principal: Principal, feedback: Feedback): boolean {
  switch (principal.role) {
    case 'ADMIN':
    case 'SERVICE':
      return true;
    case 'COURIER':
      return feedback.courierId === principal.courierId;
    case 'PARTNER':
      return feedback.partnerId === principal.partnerId;
    case 'PUBLIC':
      return false;
  }
}

export function assertCanReadFeedback(
  principal: Principal,
  feedback: Feedback | undefined,
  reference: string,
): asserts feedback is Feedback {
  if (!feedback || !canReadFeedback(principal, feedback)) {
    throw new NotFoundError(feedbackNotFoundMessage(reference), { resolution: NOT_FOUND_RESOLUTION });
  }
}

/** Feedback is given about a booking: by staff, the voicebot for a caller, or the partner who booked it. */
export function canSubmitFeedback(principal: Principal, booking: Booking): boolean {
  switch (principal.role) {
    case 'ADMIN':
    case 'SERVICE':
      return true;
    case 'PARTNER':
      return booking.partnerId === principal.partnerId;
    case 'COURIER':
    case 'PUBLIC':
      return false;
  }
}

export function assertCanSubmitFeedback(
  principal: Principal,
  booking: Booking | undefined,
  reference: string,
): asserts booking is Booking {
  if (principal.role === 'COURIER' || principal.role === 'PUBLIC') {
    throw new ForbiddenError('You are not allowed to submit feedback.', {
      resolution: 'Feedback comes from customers, partners or staff.',
    });
  }
  assertCanReadBooking(principal, booking, reference);
  if (!canSubmitFeedback(principal, booking)) {
    throw new NotFoundError(bookingNotFoundMessage(reference), { resolution: NOT_FOUND_RESOLUTION });
  }
}

export function assertCanListFeedback(principal: Principal): void {
  if (principal.role === 'PUBLIC') {
    throw new ForbiddenError('Sign in to read feedback.');
  }
}

// ---- couriers ----

export function canReadCourier(principal: Principal, courier: Courier): boolean {
  switch (principal.role) {
    case 'ADMIN':
    case 'SERVICE':
      return true;
    case 'COURIER':
      return courier.id === principal.courierId;
    case 'PARTNER':
    case 'PUBLIC':
      return false;
  }
}

export function assertCanReadCourier(
  principal: Principal,
  courier: Courier | undefined,
  id: string,
): asserts courier is Courier {
  if (principal.role === 'PARTNER' || principal.role === 'PUBLIC') {
    throw new ForbiddenError('You are not allowed to look up couriers.');
  }
  if (!courier || !canReadCourier(principal, courier)) {
    throw new NotFoundError(courierNotFoundMessage(id), { resolution: 'Check the courier id.' });
  }
}

export function assertCanListCouriers(principal: Principal): void {
  if (principal.role !== 'ADMIN' && principal.role !== 'SERVICE') {
    throw new ForbiddenError('Only administrators can list couriers.');
  }
}

/** Only a courier reports a position, and only their own: the id comes from the sign-in, never the input. */
export function assertIsCourier(principal: Principal): asserts principal is Extract<Principal, { role: 'COURIER' }> {
  if (principal.role !== 'COURIER') {
    throw new ForbiddenError('Only couriers report their location.', {
      resolution: 'Sign in with a courier account on the courier app.',
    });
  }
}
