// The courier's outbox: every status update is kept on the phone (IndexedDB) first and sent from there, in
// the order the courier made them, each with its own idempotency key. Offline it simply waits; a retry after
// a lost answer is recognised by the server and never applied twice; an update the server cannot apply any
// more (the parcel was reassigned or cancelled meanwhile) stays on the phone, shown with the reason.
import type { BookingStatus, FailureReason, LocationUnavailableReason } from '../../../../core/model';

export type QueuedUpdate = {
  /** Also the update's idempotency key. */
  id: string;
  /** Order of making: updates are sent in this order. */
  seq: number;
  courierId: string;
  reference: string;
  status: BookingStatus;
  /** When the courier confirmed it: the time recorded for it, whenever it reaches the server. */
  at: string;
  location?: { lat: number; lng: number; accuracyM?: number };
  locationUnavailable?: LocationUnavailableReason;
  note?: string;
  failureReason?: FailureReason;
  recipientName?: string;
  signature?: Blob;
  photo?: Blob;
  /** Set once the image is uploaded, so a retry does not upload it again. */
  signatureKey?: string;
  photoKey?: string;
  /** waiting: to be sent; conflict: the server refused it as things stand (shown, kept until dismissed). */
  state: 'waiting' | 'conflict';
  problem?: string;
  attempts: number;
};

export type OutboxStore = {
  /** The courier's updates in the order they were made. */
  list(courierId: string): Promise<QueuedUpdate[]>;
  put(update: QueuedUpdate): Promise<void>;
  remove(id: string): Promise<void>;
};

const byOrder = (a: QueuedUpdate, b: QueuedUpdate) => a.seq - b.seq || a.id.localeCompare(b.id);

/** For tests and for browsers without IndexedDB (private modes of old browsers): kept in memory only. */
export function createMemoryOutboxStore(): OutboxStore {
  const items = new Map<string, QueuedUpdate>();
  return {
    list: async (courierId) => [...items.values()].filter((u) => u.courierId === courierId).sort(byOrder),
    put: async (update) => {
      items.set(update.id, { ...update });
    },
    remove: async (id) => {
      items.delete(id);
    },
  };
}

const DB_NAME = 'courier-app';
const STORE = 'outbox';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore(STORE, { keyPath: 'id' });
      store.createIndex('courierId', 'courierId');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error ?? new Error('IndexedDB could not be opened'));
  });
}

/** The phone's outbox: IndexedDB keeps updates (and their photos and signatures) across reloads and restarts. */
export function createIndexedDbOutboxStore(): OutboxStore {
  let db: Promise<IDBDatabase> | undefined;
  const database = () => (db ??= openDatabase());
  async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    const tx = (await database()).transaction(STORE, mode);
    const result = await request(work(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  }
  return {
    list: async (courierId) =>
      ((await run('readonly', (s) => s.index('courierId').getAll(courierId))) as QueuedUpdate[]).sort(byOrder),
    put: async (update) => {
      await run('readwrite', (s) => s.put(update));
    },
    remove: async (id) => {
      await run('readwrite', (s) => s.delete(id));
    },
  };
}

/** A new update's place in the queue: after everything already in it. */
export function nextSeq(queued: QueuedUpdate[], now: number): number {
  return Math.max(now, ...queued.map((u) => u.seq + 1));
}

/** The newest update not yet applied for each delivery: what the phone shows until the server has it. */
export function pendingByReference(queued: QueuedUpdate[]): Map<string, QueuedUpdate> {
  const pending = new Map<string, QueuedUpdate>();
  for (const update of queued) if (update.state === 'waiting') pending.set(update.reference, update);
  return pending;
}
