import { describe, expect, it } from 'vitest';
import { makeBooking } from '../../../testing/booking-factory';
import { createMemoryOutboxStore, nextSeq, pendingByReference, type QueuedUpdate } from './outbox';
import { drainOutbox, type OutboxTransport, type UploadTarget } from './sync';

function update(id: string, reference: string, status: QueuedUpdate['status'], seq: number): QueuedUpdate {
  return {
    id,
    seq,
    courierId: 'courier-07',
    reference,
    status,
    at: new Date(Date.UTC(2026, 2, 1, 10, seq)).toISOString(),
    locationUnavailable: 'NO_FIX',
    state: 'waiting',
    attempts: 0,
  };
}

/** A server that applies updates, refuses some, or is out of reach from a given call on. */
function fakeServer(options: { refuse?: Set<string>; offlineAfter?: number } = {}) {
  const sent: QueuedUpdate[] = [];
  const uploads: string[] = [];
  let calls = 0;
  const reachable = () => {
    calls += 1;
    if (options.offlineAfter !== undefined && calls > options.offlineAfter) throw new TypeError('Failed to fetch');
  };
  const transport: OutboxTransport = {
    requestUpload: async (reference, kind, contentType) => {
      reachable();
      return {
        key: `proof/${reference}/${kind.toLowerCase()}-${uploads.length}`,
        uploadUrl: 'u',
        headers: { contentType },
      };
    },
    upload: async (target: UploadTarget) => {
      reachable();
      uploads.push(target.key);
    },
    send: async (u) => {
      reachable();
      if (options.refuse?.has(u.id)) {
        throw {
          data: null,
          errors: [{ errorType: 'ConflictError', message: `Booking ${u.reference} was reassigned.` }],
        };
      }
      sent.push(u);
      return makeBooking({ reference: u.reference, status: u.status });
    },
  };
  return { transport, sent, uploads };
}

describe('the courier outbox', () => {
  it('sends updates in the order they were made, each with its own key and the courier’s time', async () => {
    // Prepare
    const store = createMemoryOutboxStore();
    await store.put(update('b', 'K7M-4QX-9', 'IN_TRANSIT', 2));
    await store.put(update('a', 'K7M-4QX-9', 'COLLECTED', 1));
    await store.put(update('c', 'PRT-22X-4', 'COLLECTED', 3));
    const server = fakeServer();
    const applied: string[] = [];
    // Act
    const outcome = await drainOutbox(store, server.transport, 'courier-07', (_b, u) => applied.push(u.id));
    // Assess
    expect(outcome).toEqual({ kind: 'done', sent: 3 });
    expect(server.sent.map((u) => [u.id, u.at])).toEqual([
      ['a', '2026-03-01T10:01:00.000Z'],
      ['b', '2026-03-01T10:02:00.000Z'],
      ['c', '2026-03-01T10:03:00.000Z'],
    ]);
    expect(applied).toEqual(['a', 'b', 'c']);
    expect(await store.list('courier-07')).toEqual([]);
  });

  it('keeps everything from the first unreachable call on, and uploads an image only once across retries', async () => {
    // Prepare
    const store = createMemoryOutboxStore();
    const delivered = {
      ...update('d', 'K7M-4QX-9', 'DELIVERED', 1),
      signature: new Blob(['<svg/>'], { type: 'image/svg+xml' }),
    };
    await store.put(delivered);
    await store.put(update('e', 'PRT-22X-4', 'COLLECTED', 2));
    const flaky = fakeServer({ offlineAfter: 2 }); // the upload target and the upload get through, the update not
    // Act
    const first = await drainOutbox(store, flaky.transport, 'courier-07', () => {});
    const kept = await store.list('courier-07');
    const online = fakeServer();
    const second = await drainOutbox(store, online.transport, 'courier-07', () => {});
    // Assess
    expect(first).toEqual({ kind: 'offline', sent: 0 });
    expect(kept.map((u) => [u.id, u.state, u.signatureKey, u.attempts])).toEqual([
      ['d', 'waiting', 'proof/K7M-4QX-9/signature-0', 1],
      ['e', 'waiting', undefined, 0],
    ]);
    expect(second).toEqual({ kind: 'done', sent: 2 });
    expect(online.uploads).toEqual([]);
    expect(online.sent[0]?.signatureKey).toBe('proof/K7M-4QX-9/signature-0');
  });

  it('keeps a refused update with the reason and holds back later ones of that delivery only', async () => {
    // Prepare
    const store = createMemoryOutboxStore();
    await store.put(update('a', 'K7M-4QX-9', 'COLLECTED', 1));
    await store.put(update('b', 'K7M-4QX-9', 'IN_TRANSIT', 2));
    await store.put(update('c', 'PRT-22X-4', 'COLLECTED', 3));
    const server = fakeServer({ refuse: new Set(['a']) });
    // Act
    const outcome = await drainOutbox(store, server.transport, 'courier-07', () => {});
    // Assess
    expect(outcome).toEqual({ kind: 'done', sent: 1 });
    expect(server.sent.map((u) => u.id)).toEqual(['c']);
    const kept = await store.list('courier-07');
    expect(kept.map((u) => [u.id, u.state, u.problem])).toEqual([
      ['a', 'conflict', 'Booking K7M-4QX-9 was reassigned.'],
      ['b', 'conflict', 'Not sent: an earlier update of this delivery was not accepted.'],
    ]);
  });

  it('orders new updates after the queued ones and shows the newest waiting update of each delivery', async () => {
    // Prepare
    const queued = [update('a', 'K7M-4QX-9', 'COLLECTED', 5), update('b', 'K7M-4QX-9', 'IN_TRANSIT', 9)];
    // Act
    const seq = nextSeq(queued, 3);
    const pending = pendingByReference(queued);
    // Assess
    expect(seq).toBe(10);
    expect(pending.get('K7M-4QX-9')?.status).toBe('IN_TRANSIT');
  });
});
