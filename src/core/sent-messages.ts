// The customer messages that went out (the outbox locally, the record beside each SMS in the cloud): read by
// admins to see what a customer was told and when, without the customer's full phone number.
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
  const limit = input.limit ?? DEFAULT_SENT_MESSAGES_PAGE;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_SENT_MESSAGES_PAGE) {
    throw new ValidationError(`limit must be a whole number from 1 to ${MAX_SENT_MESSAGES_PAGE}.`, { field: 'limit' });
  }
  if (input.nextToken !== undefined && typeof input.nextToken !== 'string') {
    throw new ValidationError('nextToken must be the token a previous page returned.', { field: 'nextToken' });
  }
  const filtered = typeof input.bookingReference === 'string' && input.bookingReference.trim() !== '';
  const page = await deps.sentMessages.listSent({
    limit,
    ...(filtered
      ? { bookingReference: requireReference(String(input.bookingReference).trim().toUpperCase(), 'bookingReference') }
      : {}),
    ...(input.nextToken ? { nextToken: input.nextToken } : {}),
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
