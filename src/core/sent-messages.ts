// The messages that went out, as admins read them: customer SMS (the outbox locally, the record beside each SMS in
// the cloud), to see what a customer was told and when without the customer's full phone number; and the notices
// sent to the admins themselves (service alerts, the weekly summary), with what became of each (Req 10.5, 10.6).
import { ForbiddenError, ValidationError } from './errors';
import type { Principal } from './model';
import type { Notification, Page } from './ports';
import { requireReference } from './reference';

/** What became of a message: kept in the outbox (no SMS channel here), sent, refused because the number opted out, or failed. */
export type MessageDelivery = 'OUTBOX' | 'SENT' | 'OPTED_OUT' | 'FAILED';

export type SentMessage = Notification & {
  id: string;
  createdAt: string;
  delivery: MessageDelivery;
  /** The SMS provider's message id, when it accepted the message. */
  providerMessageId?: string;
};

export type SentMessageQuery = { bookingReference?: string; limit: number; nextToken?: string };

/** Newest first, read through an index (by booking, or all SMS by time): never a scan. */
export type SentMessageLog = { listSent(query: SentMessageQuery): Promise<Page<SentMessage>> };

/** What an admin sees of a message: the phone masked down to its last four digits. */
export type SentMessageView = {
  id: string;
  sentAt: string;
  phone: string;
  bookingReference: string;
  kind: Notification['kind'];
  text: string;
  trackingUrl: string;
  delivery: MessageDelivery;
};

export const DEFAULT_SENT_MESSAGES_PAGE = 25;
const MAX_SENT_MESSAGES_PAGE = 100;

/** "•••••••0134": enough to tell two customers apart, not enough to call one. */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return '';
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '•'.repeat(digits.length);
  return `${'•'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** A page's limit and token as callers give them, checked. */
function readPage(input: { limit?: unknown; nextToken?: unknown }): { limit: number; nextToken?: string } {
  const limit = input.limit ?? DEFAULT_SENT_MESSAGES_PAGE;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_SENT_MESSAGES_PAGE) {
    throw new ValidationError(`limit must be a whole number from 1 to ${MAX_SENT_MESSAGES_PAGE}.`, { field: 'limit' });
  }
  if (input.nextToken !== undefined && typeof input.nextToken !== 'string') {
    throw new ValidationError('nextToken must be the token a previous page returned.', { field: 'nextToken' });
  }
  return { limit, ...(input.nextToken ? { nextToken: input.nextToken } : {}) };
}

/** Admins only: customer messages, newest first, optionally for one booking, a page at a time. */
export async function listSentMessages(
  input: { bookingReference?: unknown; limit?: unknown; nextToken?: unknown },
  principal: Principal,
  deps: { sentMessages: SentMessageLog },
): Promise<Page<SentMessageView>> {
  if (principal.role !== 'ADMIN') {
    throw new ForbiddenError('Only administrators can read the messages sent to customers.', {
      resolution: 'Sign in with an administrator account.',
    });
  }
  const pageInput = readPage(input);
  const filtered = typeof input.bookingReference === 'string' && input.bookingReference.trim() !== '';
  const page = await deps.sentMessages.listSent({
    ...pageInput,
    ...(filtered
      ? { bookingReference: requireReference(String(input.bookingReference).trim().toUpperCase(), 'bookingReference') }
      : {}),
  });
  return {
    items: page.items.map((m) => ({
      id: m.id,
      sentAt: m.createdAt,
      phone: maskPhone(m.to.phone),
      bookingReference: m.bookingReference,
      kind: m.kind,
      text: m.message,
      trackingUrl: m.trackingUrl,
      delivery: m.delivery,
    })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

/** What became of an admin notice: kept in the outbox only (no topic here), published to the SNS topic, or not. */
export type AdminNoticeDelivery = 'OUTBOX' | 'SENT' | 'FAILED';

/** An admin notice as the outbox records it (src/data/alert-repository.ts's recordAdminNotice). */
export type AdminNoticeRecord = {
  id: string;
  createdAt: string;
  /** `ADMIN_<what>`: ADMIN_LATE_DELIVERY, ADMIN_COMPLAINT_RATE, ADMIN_DATA_INTEGRITY, ADMIN_EXECUTIVE_SUMMARY. */
  kind: string;
  subject: string;
  message: string;
  path?: string;
  delivery: AdminNoticeDelivery;
};

/** Newest first, read through the outbox's `sent` index (all admin notices by time): never a scan. */
export type AdminNoticeLog = {
  listAdminNotices(query: { limit: number; nextToken?: string }): Promise<Page<AdminNoticeRecord>>;
};

export type AdminNoticeView = {
  id: string;
  sentAt: string;
  /** What it is about: LATE_DELIVERY, COMPLAINT_RATE, DATA_INTEGRITY, EXECUTIVE_SUMMARY. */
  kind: string;
  subject: string;
  text: string;
  /** The app page of what it is about, e.g. /bookings/K7M-4QX-9. */
  path?: string;
  delivery: AdminNoticeDelivery;
};

/**
 * Admins only: the notices the admins were sent (service alerts, executive summaries), newest first, with whether
 * SNS took each one: a notice that failed to go out is still seen here.
 */
export async function listAdminNotices(
  input: { limit?: unknown; nextToken?: unknown },
  principal: Principal,
  deps: { adminNotices: AdminNoticeLog },
): Promise<Page<AdminNoticeView>> {
  if (principal.role !== 'ADMIN') {
    throw new ForbiddenError('Only administrators can read the notices sent to administrators.', {
      resolution: 'Sign in with an administrator account.',
    });
  }
  const page = await deps.adminNotices.listAdminNotices(readPage(input));
  return {
    items: page.items.map((n) => ({
      id: n.id,
      sentAt: n.createdAt,
      kind: n.kind.replace(/^ADMIN_/, ''),
      subject: n.subject,
      text: n.message,
      ...(n.path ? { path: n.path } : {}),
      delivery: n.delivery,
    })),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}
