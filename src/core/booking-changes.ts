// Changes a booker may make before the courier arrives: cancel while still booked, move the pickup window
// before collection. Partners make them on their own bookings only (through GraphQL or MCP).
import { z } from 'zod';
import { actorFor, assertCanCancelBooking, assertCanReschedulePickup } from './access';
import { isoInstant, windowIssues } from './bookings';
import { notifyCustomer, type NotifyErrorHandler } from './customer-notifications';
import { ConflictError } from './errors';
import { estimateEta } from './eta';
import type { BusinessCalendar } from './business-calendar';
import { collectionIssues, type SettingsReader } from './company-settings';
import { checkInput, dedupe, issuesToError, optionalText, parseInput } from './input-validation';
import type { Booking, Principal } from './model';
import type { BookingRepository, Clock, Notifier } from './ports';
import type { TrackingLinks } from './tracking-links';
import { requireReference } from './reference';
import { describeStatus, transition } from './status-machine';

export type BookingChangeDeps = {
  bookings: BookingRepository;
  clock: Clock;
  /** A new pickup window keeps to the company's collection hours, as a new booking does. */
  rules: SettingsReader;
  calendar: BusinessCalendar;
  notifier?: Notifier;
  trackingLinks?: TrackingLinks;
  onNotifyError?: NotifyErrorHandler;
};

const cancelSchema = z.object({ reason: optionalText('reason', 500) });

/** Cancels a booking while it is still BOOKED; once a courier has collected it, it can only be delivered or returned. */
export async function cancelBooking(
  input: { reference: unknown; reason?: string | null },
  principal: Principal,
  deps: BookingChangeDeps,
): Promise<Booking> {
  const ref = requireReference(input.reference);
  const { reason } = parseInput(cancelSchema, { reason: input.reason }, 'cancellation');
  const booking = await deps.bookings.get(ref);
  assertCanCancelBooking(principal, booking, ref);
  if (booking.status !== 'BOOKED') {
    throw new ConflictError(`Booking ${ref} is ${describeStatus(booking.status)} and can no longer be cancelled.`, {
      resolution: 'A booking can only be cancelled before the courier collects it.',
    });
  }
  const now = deps.clock.now();
  const cancelled = transition(
    booking,
    { to: 'CANCELLED', actor: actorFor(principal), ...(reason ? { note: reason } : {}) },
    now,
  );
  const { eta: _none, ...next } = cancelled;
  const stored = await deps.bookings.update(next, booking.version);
  await notifyCustomer(stored, deps);
  return stored;
}

const windowSchema = z.object({
  pickupWindowStart: isoInstant('pickupWindowStart'),
  pickupWindowEnd: isoInstant('pickupWindowEnd'),
});

/**
 * Moves the pickup window of a booking that has not been collected, under the same rules as a new booking
 * (not in the past, 30 minutes to 12 hours long, at most 30 days ahead, within the company's collection hours); the ETA follows the new window.
 */
export async function updatePickupWindow(
  input: { reference: unknown; pickupWindowStart: unknown; pickupWindowEnd: unknown },
  principal: Principal,
  deps: BookingChangeDeps,
): Promise<Booking> {
  const ref = requireReference(input.reference);
  const now = deps.clock.now();
  const window = { pickupWindowStart: input.pickupWindowStart, pickupWindowEnd: input.pickupWindowEnd };
  const checked = checkInput(windowSchema, window);
  const issues = windowIssues(window, now);
  if (checked.ok && issues.length === 0) {
    const moved = { start: new Date(checked.data.pickupWindowStart), end: new Date(checked.data.pickupWindowEnd) };
    issues.push(...collectionIssues(await deps.rules.current(), deps.calendar, moved, now));
  }
  if (!checked.ok || issues.length > 0) {
    throw issuesToError(dedupe([...(checked.ok ? [] : checked.issues), ...issues]), 'pickup window');
  }
  const booking = await deps.bookings.get(ref);
  assertCanReschedulePickup(principal, booking, ref);
  if (booking.status !== 'BOOKED') {
    throw new ConflictError(
      `Booking ${ref} is ${describeStatus(booking.status)}; its pickup window can no longer change.`,
      { resolution: 'The pickup window can only change before the courier collects the parcel.' },
    );
  }
  const next: Booking = {
    ...booking,
    pickupWindow: {
      start: new Date(checked.data.pickupWindowStart).toISOString(),
      end: new Date(checked.data.pickupWindowEnd).toISOString(),
    },
    updatedAt: now.toISOString(),
  };
  const eta = estimateEta(next, now);
  if (eta) next.eta = eta;
  else delete next.eta;
  return deps.bookings.update(next, booking.version);
}
