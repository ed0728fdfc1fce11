import { describe, expect, it } from 'vitest';
import { formatAppSyncError } from '../../../../local/appsync/appsync-errors';
import { buildSchema, graphql } from '../../../../local/appsync/graphql-js';
import { makeBooking } from '../../../testing/booking-factory';
import { createMemoryOutboxStore, nextSeq, pendingByReference, type QueuedUpdate } from './outbox';
import { drainOutbox, MAX_FAULT_ATTEMPTS, type OutboxTransport, type UploadTarget } from './sync';
import { UploadRefused } from './upload-refused';

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
function fakeServer(
  options: {
    refuse?: Set<string>;
    offlineAfter?: number;
    fail?: (u: QueuedUpdate) => unknown;
    failUpload?: (target: UploadTarget) => unknown;
  } = {},
) {
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
      const failure = options.failUpload?.(target);
      if (failure !== undefined) throw failure;
      uploads.push(target.key);
    },
    send: async (u) => {
      reachable();
      const failure = options.fail?.(u);
      if (failure !== undefined) throw failure;
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

  it('sets aside an update the API refuses as malformed (an enum value it does not know) and sends the rest', async () => {
    // Prepare: the error graphql-js gives for such a variable, in AppSync's shape (no errorType), as Amplify
    // rejects with it — what the fuzzing found pausing the whole queue.
    const schema = buildSchema(
      'enum FailureReason { NOT_HOME ACCESS }\ntype Query { ok: Boolean }\ntype Mutation { fail(failureReason: FailureReason): Boolean }',
    );
    const answer = await graphql({
      schema,
      source: 'mutation ($failureReason: FailureReason) { fail(failureReason: $failureReason) }',
      variableValues: { failureReason: 'x'.repeat(5000) },
    });
    const malformed = { data: null, errors: answer.errors!.map((e) => formatAppSyncError(e.toJSON(), e)) };
    const store = createMemoryOutboxStore();
    await store.put(update('a', 'K7M-4QX-9', 'FAILED_DELIVERY', 1));
    await store.put(update('b', 'K7M-4QX-9', 'RETURNED', 2));
    await store.put(update('c', 'PRT-22X-4', 'COLLECTED', 3));
    const server = fakeServer({ fail: (u) => (u.id === 'a' ? malformed : undefined) });

    // Act
    const outcome = await drainOutbox(store, server.transport, 'courier-07', () => {});

    // Assess
    expect(outcome).toEqual({ kind: 'done', sent: 1 });
    expect(server.sent.map((u) => u.id)).toEqual(['c']);
    const kept = await store.list('courier-07');
    expect(kept.map((u) => [u.id, u.state])).toEqual([
      ['a', 'conflict'],
      ['b', 'conflict'],
    ]);
    expect(kept[0]?.problem).toMatch(/^The server could not read this update's failureReason: Value "x+…$/);
    expect(kept[0]?.problem?.length).toBeLessThanOrEqual(300);
  });

  it('pauses, keeping the update, only for failures of the moment: busy, throttled, offline, signed out', async () => {
    // Prepare
    const failures: [string, unknown][] = [
      ['busy', { errors: [{ errorType: 'ServiceUnavailable', message: 'The service is busy; try again.' }] }],
      ['throttled', { errors: [{ errorType: 'RateLimitError', message: 'Too many updates; wait a minute.' }] }],
      [
        'offline',
        { data: {}, errors: [{ message: 'Network error', originalError: new TypeError('Failed to fetch') }] },
      ],
      ['signed out', { errors: [{ errorType: 'UnauthorizedException', message: 'Token has expired.' }] }],
    ];

    // Act
    const outcomes = await Promise.all(
      failures.map(async ([, failure]) => {
        const store = createMemoryOutboxStore();
        await store.put(update('a', 'K7M-4QX-9', 'COLLECTED', 1));
        await store.put(update('b', 'PRT-22X-4', 'COLLECTED', 2));
        const server = fakeServer({ fail: () => failure });
        const outcome = await drainOutbox(store, server.transport, 'courier-07', () => {});
        return [outcome.kind, (await store.list('courier-07')).map((u) => u.state)];
      }),
    );

    // Assess
    expect(outcomes).toEqual([
      ['paused', ['waiting', 'waiting']],
      ['paused', ['waiting', 'waiting']],
      ['offline', ['waiting', 'waiting']],
      ['paused', ['waiting', 'waiting']],
    ]);
  });

  it('holds the queue for a server fault a few tries, then sets that update aside so the rest go', async () => {
    // Prepare
    const store = createMemoryOutboxStore();
    await store.put(update('a', 'K7M-4QX-9', 'COLLECTED', 1));
    await store.put(update('b', 'PRT-22X-4', 'COLLECTED', 2));
    const fault = { errors: [{ errorType: 'InternalFailure', message: 'An internal error occurred.' }] };
    const server = fakeServer({ fail: (u) => (u.id === 'a' ? fault : undefined) });

    // Act
    const tries = [];
    for (let i = 0; i < MAX_FAULT_ATTEMPTS; i++) {
      tries.push((await drainOutbox(store, server.transport, 'courier-07', () => {})).kind);
    }
    const kept = await store.list('courier-07');

    // Assess
    expect(tries).toEqual(['paused', 'paused', 'done']);
    expect(server.sent.map((u) => u.id)).toEqual(['b']);
    expect(kept.map((u) => [u.id, u.state, u.attempts])).toEqual([['a', 'conflict', 3]]);
    expect(kept[0]?.problem).toContain('could not apply this update (3 tries)');
  });

  it('sets aside an update whose image the store refuses for good, and waits when the link only expired', async () => {
    // Prepare
    const withPhoto = (id: string, reference: string, seq: number): QueuedUpdate => ({
      ...update(id, reference, 'DELIVERED', seq),
      photo: new Blob([new Uint8Array(8)], { type: 'image/jpeg' }),
    });
    const tooLarge = createMemoryOutboxStore();
    await tooLarge.put(withPhoto('a', 'K7M-4QX-9', 1));
    await tooLarge.put(update('b', 'PRT-22X-4', 'COLLECTED', 2));
    const expired = createMemoryOutboxStore();
    await expired.put(withPhoto('a', 'K7M-4QX-9', 1));
    await expired.put(update('b', 'PRT-22X-4', 'COLLECTED', 2));

    // Act
    const refusing = fakeServer({ failUpload: () => new UploadRefused(400, 'EntityTooLarge') });
    const refused = await drainOutbox(tooLarge, refusing.transport, 'courier-07', () => {});
    const lapsing = fakeServer({ failUpload: () => new UploadRefused(403, 'AccessDenied') });
    const paused = await drainOutbox(expired, lapsing.transport, 'courier-07', () => {});

    // Assess
    expect(refused).toEqual({ kind: 'done', sent: 1 });
    const [setAside] = await tooLarge.list('courier-07');
    expect(setAside?.state).toBe('conflict');
    expect(setAside?.problem).toMatch(/^The photo was not accepted by the image store \(EntityTooLarge\)/);
    expect(paused.kind).toBe('paused');
    expect((await expired.list('courier-07')).map((u) => u.state)).toEqual(['waiting', 'waiting']);
  });
});
