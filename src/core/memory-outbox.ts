// The Notifier port as an in-memory outbox: tests and the local stack read what would have been sent.
import type { Notification, Notifier } from './ports';

export type MemoryOutbox = Notifier & {
  readonly sent: readonly Notification[];
  forBooking(reference: string): Notification[];
  clear(): void;
};

export function createMemoryOutbox(): MemoryOutbox {
  const sent: Notification[] = [];
  return {
    sent,
    send: async (n) => {
      sent.push(structuredClone(n));
    },
    forBooking: (reference) => sent.filter((n) => n.bookingReference === reference),
    clear: () => {
      sent.length = 0;
    },
  };
}
