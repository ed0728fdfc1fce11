// The Notifier port as an in-memory outbox: tests read what would have been sent, as admins read the real one.
import type { Notification, Notifier } from './ports';
import type { SentMessage, SentMessageLog } from './sent-messages';

export type MemoryOutbox = Notifier &
  SentMessageLog & {
    readonly sent: readonly Notification[];
    forBooking(reference: string): Notification[];
    clear(): void;
  };

export function createMemoryOutbox(clock: { now(): Date } = { now: () => new Date() }): MemoryOutbox {
  const sent: Notification[] = [];
  const entries: SentMessage[] = [];
  return {
    sent,
    send: async (n) => {
      sent.push(structuredClone(n));
      entries.push({
        ...structuredClone(n),
        id: `m-${entries.length + 1}`,
        createdAt: clock.now().toISOString(),
        delivery: 'OUTBOX',
      });
    },
    listSent: async ({ bookingReference, limit, nextToken }) => {
      const newestFirst = entries.filter((e) => !bookingReference || e.bookingReference === bookingReference).reverse();
      const from = nextToken ? Number(nextToken) : 0;
      const items = newestFirst.slice(from, from + limit);
      return from + limit < newestFirst.length ? { items, nextToken: String(from + limit) } : { items };
    },
    forBooking: (reference) => sent.filter((n) => n.bookingReference === reference),
    clear: () => {
      sent.length = 0;
      entries.length = 0;
    },
  };
}
