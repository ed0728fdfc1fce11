// Sends the outbox in order. Each update's images go up first (their keys are kept, so a retry does not
// upload twice), then the update itself with its idempotency key and the time the courier acted.
import { describeProblem, errorTypeOfProblem } from '../../../lib/graphql-errors';
import type { BookingFields } from '../../../lib/api-types';
import type { OutboxStore, QueuedUpdate } from './outbox';

export type UploadTarget = { key: string; uploadUrl: string; headers: Record<string, string> };

/** The calls the outbox makes: the GraphQL API and the presigned upload, behind one seam for tests. */
export type OutboxTransport = {
  requestUpload(reference: string, kind: 'SIGNATURE' | 'PHOTO', contentType: string): Promise<UploadTarget>;
  upload(target: UploadTarget, image: Blob): Promise<void>;
  send(update: QueuedUpdate): Promise<BookingFields>;
};

export type DrainOutcome =
  /** Everything that could be sent was sent. */
  | { kind: 'done'; sent: number }
  /** The network is gone (or the server is unreachable): the rest waits, in order. */
  | { kind: 'offline'; sent: number }
  /** The server failed or the session ended: try again later, nothing is lost. */
  | { kind: 'paused'; sent: number; message: string };

/** Errors the server gives when an update cannot apply as things now stand: shown to the courier, not retried. */
const REFUSALS = new Set(['ConflictError', 'NotFoundError', 'ValidationError', 'ForbiddenError']);

/**
 * Sends every waiting update of the courier, oldest first. An update the server refuses is kept with the
 * reason and holds back the later updates of the same delivery (they would make no sense without it), but
 * not those of other deliveries.
 */
export async function drainOutbox(
  store: OutboxStore,
  transport: OutboxTransport,
  courierId: string,
  onApplied: (booking: BookingFields, update: QueuedUpdate) => void,
): Promise<DrainOutcome> {
  let sent = 0;
  const held = new Map<string, string>();
  for (const update of await store.list(courierId)) {
    if (update.state !== 'waiting') {
      held.set(update.reference, update.reference);
      continue;
    }
    if (held.has(update.reference)) {
      await store.put({
        ...update,
        state: 'conflict',
        problem: 'Not sent: an earlier update of this delivery was not accepted.',
      });
      continue;
    }
    const current: QueuedUpdate = { ...update, attempts: update.attempts + 1 };
    try {
      if (current.signature && !current.signatureKey) {
        current.signatureKey = await uploadImage(transport, current, 'SIGNATURE', current.signature);
        await store.put(current);
      }
      if (current.photo && !current.photoKey) {
        current.photoKey = await uploadImage(transport, current, 'PHOTO', current.photo);
        await store.put(current);
      }
      const booking = await transport.send(current);
      await store.remove(current.id);
      sent += 1;
      onApplied(booking, current);
    } catch (error) {
      const type = errorTypeOfProblem(error);
      const problem = describeProblem(error);
      if (type && REFUSALS.has(type)) {
        await store.put({ ...current, state: 'conflict', problem: problem.message });
        held.set(current.reference, current.reference);
        continue;
      }
      await store.put(current);
      if (problem.kind === 'network') return { kind: 'offline', sent };
      return { kind: 'paused', sent, message: problem.message };
    }
  }
  return { kind: 'done', sent };
}

async function uploadImage(
  transport: OutboxTransport,
  update: QueuedUpdate,
  kind: 'SIGNATURE' | 'PHOTO',
  image: Blob,
): Promise<string> {
  const target = await transport.requestUpload(update.reference, kind, image.type || 'image/png');
  await transport.upload(target, image);
  return target.key;
}
