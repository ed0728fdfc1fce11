// What customers are told when their booking is confirmed or moves, in plain words and Seattle time.
import type { Booking, FailureReason } from './model';
import type { Notification, Notifier } from './ports';
import { describeStatus } from './status-machine';

/** The service runs in Seattle: customers read times in Pacific time. */
export const SERVICE_TIME_ZONE = 'America/Los_Angeles';

export function formatLocalTime(iso: string): string {
  return new Date(iso).toLocaleString('en-US', {
    timeZone: SERVICE_TIME_ZONE,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
}

const FAILURE_WORDS: Readonly<Record<FailureReason, string>> = {
  RECIPIENT_ABSENT: 'nobody was there to receive it',
  ADDRESS_NOT_FOUND: 'the courier could not find the address',
  ACCESS_DENIED: 'the courier could not get access to the building',
  REFUSED_BY_RECIPIENT: 'the recipient refused it',
  DAMAGED: 'the parcel was damaged',
  WEATHER_OR_ROAD: 'of weather or road conditions',
  OTHER: 'of a problem on the way',
};

export function bookingConfirmed(b: Booking): Notification {
  const eta = b.eta ? ` Expected delivery: ${formatLocalTime(b.eta)}.` : '';
  return {
    kind: 'BOOKING_CONFIRMED',
    to: { phone: b.customerPhone },
    bookingReference: b.reference,
    message:
      `Your courier is booked. Reference ${b.reference}. Pickup between ${formatLocalTime(b.pickupWindow.start)} ` +
      `and ${formatLocalTime(b.pickupWindow.end)} at ${b.pickup.line1}.${eta}`,
  };
}

export function statusChanged(b: Booking): Notification {
  const last = b.history[b.history.length - 1];
  if (b.status === 'FAILED_DELIVERY') {
    const why = last?.failureReason ? FAILURE_WORDS[last.failureReason] : FAILURE_WORDS.OTHER;
    return {
      kind: 'DELIVERY_FAILED',
      to: { phone: b.customerPhone },
      bookingReference: b.reference,
      message: `We could not deliver parcel ${b.reference} because ${why}. We will contact you to arrange another attempt.`,
    };
  }
  const eta = b.eta && b.status !== 'DELIVERED' ? ` Expected by ${formatLocalTime(b.eta)}.` : '';
  return {
    kind: 'STATUS_CHANGED',
    to: { phone: b.customerPhone },
    bookingReference: b.reference,
    message: `Parcel ${b.reference} is now ${describeStatus(b.status)}.${eta}`,
  };
}

export type NotifyErrorHandler = (error: unknown, notification: Notification) => void;

/**
 * Sends without letting a messaging failure undo a stored booking or status change: the write already
 * happened, and failing the request would invite a duplicate. The adapter decides how to log it.
 */
export async function notifyBestEffort(
  notifier: Notifier | undefined,
  n: Notification,
  onError?: NotifyErrorHandler,
): Promise<void> {
  if (!notifier) return;
  try {
    await notifier.send(n);
  } catch (e) {
    onError?.(e, n);
  }
}
