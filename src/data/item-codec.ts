// Mapping between domain objects (src/core/model.ts) and table items: adds the index and TTL attributes
// that tables.ts names, and strips them again when reading, so the core never sees storage details.
import type { BusinessCalendar } from '../core/business-calendar';
import type { Booking, BookingStatus, Feedback } from '../core/model';

export type ItemRecord = Record<string, unknown>;

const TERMINAL_STATUSES: ReadonlySet<BookingStatus> = new Set(['DELIVERED', 'RETURNED', 'CANCELLED']);
const BOOKING_STORAGE_ATTRIBUTES = ['day', 'statusAt', 'dayAt', 'expiresAt'] as const;
const FEEDBACK_STORAGE_ATTRIBUTES = ['day', 'flaggedDay', 'expiresAt'] as const;

export const DEFAULT_RETENTION_DAYS = 400;

/** The company day of an ISO instant: the partition of the by-day indexes. */
export function companyDay(iso: string, calendar: BusinessCalendar): string {
  if (Number.isNaN(Date.parse(iso))) throw new RangeError(`Not an ISO instant: ${iso}`);
  return calendar.dayOf(iso);
}

export function statusAt(status: BookingStatus, updatedAt: string, reference: string): string {
  return `${status}#${updatedAt}#${reference}`;
}

export function isTerminal(status: BookingStatus): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** Drops undefined members (DynamoDB has no undefined), whatever the document client's marshall options. */
export function toItem<T>(value: T): ItemRecord {
  return JSON.parse(JSON.stringify(value)) as ItemRecord;
}

/**
 * A booking as stored. `courierId`/`partnerId` appear only when set, so the byCourier and byPartner
 * indexes stay sparse; a booking in a terminal status gets `expiresAt` so DynamoDB deletes it after the
 * retention period (Req 6.6).
 */
export function bookingToItem(
  booking: Booking,
  calendar: BusinessCalendar,
  retentionDays = DEFAULT_RETENTION_DAYS,
): ItemRecord {
  const day = companyDay(booking.pickupWindow.start, calendar);
  const item: ItemRecord = {
    ...toItem(booking),
    day,
    statusAt: statusAt(booking.status, booking.updatedAt, booking.reference),
    dayAt: `${day}#${booking.createdAt}`,
  };
  if (isTerminal(booking.status))
    item.expiresAt = Math.floor(Date.parse(booking.updatedAt) / 1000) + retentionDays * 24 * 3600;
  return item;
}

export function itemToBooking(item: ItemRecord): Booking {
  return strip(item, BOOKING_STORAGE_ATTRIBUTES) as Booking;
}

/** Feedback as stored: `day` of createdAt for the day index, `flaggedDay` only on flagged complaints (sparse). */
export function feedbackToItem(feedback: Feedback, calendar: BusinessCalendar): ItemRecord {
  const day = companyDay(feedback.createdAt, calendar);
  return { ...toItem(feedback), day, ...(feedback.flagged ? { flaggedDay: day } : {}) };
}

export function itemToFeedback(item: ItemRecord): Feedback {
  return strip(item, FEEDBACK_STORAGE_ATTRIBUTES) as Feedback;
}

export function strip(item: ItemRecord, attributes: readonly string[]): ItemRecord {
  const copy = { ...item };
  for (const name of attributes) delete copy[name];
  return copy;
}
