// The outbox for the whole courier workspace: what is waiting to send, what the server refused, and a
// sender that runs whenever there is something to send and the phone is online (at once, on reconnecting,
// and every 20 s while anything waits).
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { BookingFields } from '../../../lib/api-types';
import {
  createIndexedDbOutboxStore,
  createMemoryOutboxStore,
  nextSeq,
  type OutboxStore,
  type QueuedUpdate,
} from '../outbox/outbox';
import { drainOutbox, type DrainOutcome, type OutboxTransport } from '../outbox/sync';
import { apiTransport } from '../outbox/transport';

export type NewUpdate = Omit<QueuedUpdate, 'id' | 'seq' | 'courierId' | 'at' | 'state' | 'attempts'>;

export type Outbox = {
  items: QueuedUpdate[];
  online: boolean;
  sending: boolean;
  last?: DrainOutcome;
  /** Keeps an update on the phone (timed now) and starts sending. */
  enqueue(update: NewUpdate): Promise<QueuedUpdate>;
  /** Forgets a refused update after the courier has read why. */
  dismiss(id: string): Promise<void>;
  /** Sends a refused update again (e.g. after the dispatcher fixed the assignment). */
  retry(id: string): Promise<void>;
  /** Bookings as the server returned them after applying an update. */
  applied: BookingFields[];
};

const OutboxContext = createContext<Outbox | undefined>(undefined);
const RETRY_MS = 20_000;

function defaultStore(): OutboxStore {
  return typeof indexedDB === 'undefined' ? createMemoryOutboxStore() : createIndexedDbOutboxStore();
}

function newId(): string {
  return typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function OutboxProvider({
  courierId,
  children,
  store: givenStore,
  transport = apiTransport,
}: {
  courierId: string;
  children: ReactNode;
  store?: OutboxStore;
  transport?: OutboxTransport;
}) {
  const store = useMemo(() => givenStore ?? defaultStore(), [givenStore]);
  const [items, setItems] = useState<QueuedUpdate[]>([]);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [sending, setSending] = useState(false);
  const [last, setLast] = useState<DrainOutcome>();
  const [applied, setApplied] = useState<BookingFields[]>([]);
  const running = useRef<Promise<void> | undefined>(undefined);
  const again = useRef(false);

  const refresh = useCallback(async () => setItems(await store.list(courierId)), [store, courierId]);

  const send = useCallback((): Promise<void> => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const work = (async () => {
      do {
        again.current = false;
        if (!navigator.onLine) break;
        setSending(true);
        const outcome = await drainOutbox(store, transport, courierId, (booking) => {
          setApplied((done) => [...done.filter((b) => b.reference !== booking.reference), booking]);
          void refresh();
        });
        setLast(outcome);
        await refresh();
        if (outcome.kind !== 'done') break;
      } while (again.current);
    })().finally(() => {
      setSending(false);
      running.current = undefined;
    });
    running.current = work;
    return work;
  }, [store, transport, courierId, refresh]);

  useEffect(() => {
    void refresh().then(send);
    const goOnline = () => {
      setOnline(true);
      void send();
    };
    const goOffline = () => setOnline(false);
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
    };
  }, [refresh, send]);

  const waiting = items.some((u) => u.state === 'waiting');
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void send(), RETRY_MS);
    return () => clearInterval(timer);
  }, [waiting, send]);

  const enqueue = useCallback(
    async (update: NewUpdate) => {
      const queued: QueuedUpdate = {
        ...update,
        id: newId(),
        seq: nextSeq(await store.list(courierId), Date.now()),
        courierId,
        at: new Date().toISOString(),
        state: 'waiting',
        attempts: 0,
      };
      await store.put(queued);
      await refresh();
      void send();
      return queued;
    },
    [store, courierId, refresh, send],
  );

  const dismiss = useCallback(
    async (id: string) => {
      await store.remove(id);
      await refresh();
    },
    [store, refresh],
  );

  const retry = useCallback(
    async (id: string) => {
      const found = (await store.list(courierId)).find((u) => u.id === id);
      if (!found) return;
      const { problem: _problem, ...rest } = found;
      await store.put({ ...rest, state: 'waiting' });
      await refresh();
      void send();
    },
    [store, courierId, refresh, send],
  );

  const value = useMemo<Outbox>(
    () => ({ items, online, sending, last, enqueue, dismiss, retry, applied }),
    [items, online, sending, last, enqueue, dismiss, retry, applied],
  );
  return <OutboxContext value={value}>{children}</OutboxContext>;
}

export function useOutbox(): Outbox {
  const outbox = use(OutboxContext);
  if (!outbox) throw new Error('useOutbox is used outside OutboxProvider');
  return outbox;
}
