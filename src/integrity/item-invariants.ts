// The domain's invariants of a stored item, checked on what actually reached the table (not on what the core
// meant to write): a booking's status agrees with its audit trail and the lifecycle, its index and TTL attributes
// agree with its fields, references carry valid check characters, feedback is flagged exactly when it must be.
// A violation means a bug, a hand edit or a bad restore wrote the item: the corruption detector reports it.
import type { BusinessCalendar } from '../core/business-calendar';
import {
  BOOKING_STATUSES,
  FEEDBACK_TYPES,
  PACKAGE_SIZES,
  SEVERITIES,
  type BookingStatus,
  type StatusEvent,
} from '../core/model';
import { isValidReference, parseFeedbackReference } from '../core/reference';
import { allowedNext, isTerminal } from '../core/status-machine';

export type Violation = { rule: string; message: string };
export type Item = Record<string, unknown>;

const isInstant = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value));
const isOneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value);

/** Every way a stored booking item breaks the rules its writers keep (src/core, src/data/item-codec.ts). */
export function bookingViolations(item: Item, calendar: BusinessCalendar): Violation[] {
  const found: Violation[] = [];
  const fail = (rule: string, message: string) => found.push({ rule, message });
  const reference = item.reference;
  if (typeof reference !== 'string' || !isValidReference(reference))
    fail('reference', `reference ${JSON.stringify(reference)} is not a valid booking reference`);

  const status = item.status;
  if (!isOneOf(BOOKING_STATUSES, status)) fail('status', `status ${JSON.stringify(status)} is not a booking status`);

  const history = Array.isArray(item.history) ? (item.history as Partial<StatusEvent>[]) : undefined;
  if (!history || history.length === 0) {
    fail('history', 'the audit trail is empty');
  } else {
    if (history[0]?.status !== 'BOOKED') fail('history', `the audit trail starts with ${history[0]?.status}`);
    if (history.at(-1)?.status !== status)
      fail('history', `status ${String(status)} is not the audit trail's last entry (${history.at(-1)?.status})`);
    for (let i = 1; i < history.length; i++) {
      const from = history[i - 1]!;
      const to = history[i]!;
      if (
        isOneOf(BOOKING_STATUSES, from.status) &&
        isOneOf(BOOKING_STATUSES, to.status) &&
        !allowedNext(from.status as BookingStatus).includes(to.status as BookingStatus)
      )
        fail('lifecycle', `the audit trail moves from ${from.status} to ${to.status}`);
      if (isInstant(from.at) && isInstant(to.at) && Date.parse(to.at) < Date.parse(from.at))
        fail('history-order', `entry ${i} (${to.status}) is dated before the one it follows`);
    }
    history.forEach((event, i) => {
      if (!isInstant(event.at)) fail('history', `entry ${i} has no valid time`);
      if (event.status === 'DELIVERED' && !event.proof) fail('proof', 'a DELIVERED entry carries no proof of delivery');
    });
  }

  if (!Number.isInteger(item.version) || (item.version as number) < 1)
    fail('version', `version ${JSON.stringify(item.version)} is not a positive integer`);
  if (!isInstant(item.createdAt) || !isInstant(item.updatedAt)) {
    fail('timestamps', 'createdAt or updatedAt is not an ISO instant');
  } else if (Date.parse(item.updatedAt) < Date.parse(item.createdAt)) {
    fail('timestamps', 'updatedAt is before createdAt');
  }

  const window = item.pickupWindow as { start?: unknown; end?: unknown } | undefined;
  if (
    !window ||
    !isInstant(window.start) ||
    !isInstant(window.end) ||
    Date.parse(window.end) <= Date.parse(window.start)
  )
    fail('pickup-window', 'the pickup window is missing or ends before it starts');

  const pkg = item.package as { size?: unknown; weightKg?: unknown } | undefined;
  if (!pkg || !isOneOf(PACKAGE_SIZES, pkg.size) || typeof pkg.weightKg !== 'number' || !(pkg.weightKg > 0))
    fail('package', 'the package has no valid size or weight');

  // The storage attributes bookingToItem derives: the indexes and the retention clock.
  if (window && isInstant(window.start)) {
    const day = calendar.dayOf(window.start);
    if (item.day !== day) fail('index-day', `day ${JSON.stringify(item.day)} is not the pickup's company day ${day}`);
    if (isInstant(item.createdAt) && item.dayAt !== `${day}#${item.createdAt}`)
      fail('index-day', `dayAt ${JSON.stringify(item.dayAt)} does not match day and createdAt`);
  }
  if (typeof reference === 'string' && isOneOf(BOOKING_STATUSES, status) && isInstant(item.updatedAt)) {
    const expected = `${status}#${item.updatedAt}#${reference}`;
    if (item.statusAt !== expected)
      fail('index-status', `statusAt ${JSON.stringify(item.statusAt)} is not ${expected}`);
  }
  if (isOneOf(BOOKING_STATUSES, status)) {
    const terminal = isTerminal(status);
    if (terminal && typeof item.expiresAt !== 'number')
      fail('retention', `a ${status} booking has no expiresAt: it would be kept forever`);
    if (!terminal && item.expiresAt !== undefined)
      fail('retention', `an open (${status}) booking has expiresAt: it would be deleted while open`);
  }
  return found;
}

/** Every way a stored feedback item breaks the rules of src/core/feedback.ts and its codec. */
export function feedbackViolations(item: Item, calendar: BusinessCalendar): Violation[] {
  const found: Violation[] = [];
  const fail = (rule: string, message: string) => found.push({ rule, message });
  if (typeof item.reference !== 'string' || !parseFeedbackReference(item.reference).ok)
    fail('reference', `reference ${JSON.stringify(item.reference)} is not a valid feedback reference`);
  if (typeof item.bookingReference !== 'string' || !isValidReference(item.bookingReference))
    fail('reference', `bookingReference ${JSON.stringify(item.bookingReference)} is not a valid booking reference`);
  if (!isOneOf(FEEDBACK_TYPES, item.type)) fail('type', `type ${JSON.stringify(item.type)} is not a feedback type`);
  if (
    item.rating !== undefined &&
    !(Number.isInteger(item.rating) && (item.rating as number) >= 1 && (item.rating as number) <= 5)
  )
    fail('rating', `rating ${JSON.stringify(item.rating)} is not 1 to 5`);
  if (item.severity !== undefined && !isOneOf(SEVERITIES, item.severity))
    fail('severity', `severity ${JSON.stringify(item.severity)} is not a severity`);
  const mustFlag = item.type === 'COMPLAINT' && item.severity === 'HIGH';
  if (item.flagged !== mustFlag)
    fail(
      'flagged',
      mustFlag
        ? 'a high-severity complaint is not flagged'
        : 'feedback is flagged without being a high-severity complaint',
    );
  if (!isInstant(item.createdAt)) {
    fail('timestamps', 'createdAt is not an ISO instant');
  } else {
    const day = calendar.dayOf(item.createdAt);
    if (item.day !== day) fail('index-day', `day ${JSON.stringify(item.day)} is not createdAt's company day ${day}`);
    const flaggedDay = item.flagged === true ? day : undefined;
    if (item.flaggedDay !== flaggedDay)
      fail('index-flagged', `flaggedDay ${JSON.stringify(item.flaggedDay)} should be ${JSON.stringify(flaggedDay)}`);
  }
  return found;
}
