// Sends the outbox in order. Each update's images go up first (their keys are kept, so a retry does not
// upload twice), then the update itself with its idempotency key and the time the courier acted.
import { describeProblem, errorTypeOfProblem } from '../../../lib/graphql-errors';
import type { BookingFields } from '../../../lib/api-types';
import type { OutboxStore, QueuedUpdate } from './outbox';
import { PROOF_IMAGE_ADVICE, UploadRefused } from './upload-refused';

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

/**
 * Errors the API gives when an update cannot apply as sent or as things now stand: set aside with the reason for
 * the courier, never retried on their own. BadRequest, PayloadTooLargeException and QueryLimitExceeded refuse
 * the request itself (a body too large, a malformed call), which sending it again cannot change.
 */
const REFUSALS = new Set([
  'ConflictError',
  'NotFoundError',
  'ValidationError',
  'ForbiddenError',
  'BadRequest',
  'BadRequestException',
  'PayloadTooLargeException',
  'QueryLimitExceeded',
  'MalformedHttpRequestException',
]);

/** Failures that say nothing about the update itself: it waits, and the queue pauses until the next try. */
const TRY_LATER = new Set([
  'ServiceUnavailable',
  'RateLimitError',
  'ThrottlingException',
  'TooManyRequestsException',
  'Throttled',
]);

/** A server fault (InternalFailure, or an error nobody named) holds the queue this many tries, then is set aside. */
export const MAX_FAULT_ATTEMPTS = 3;

/** The longest reason kept with a refused update: messages can quote what was sent, whatever its size. */
const MAX_PROBLEM_CHARS = 300;

function clip(text: string, max = MAX_PROBLEM_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

type ErrorRecord = { errorType?: unknown; message?: unknown; originalError?: unknown; locations?: unknown };

/**
 * The API's own refusal of the request before any resolver ran: GraphQL validation or variable coercion
 * ('Variable "$status" got invalid value …'). AppSync gives these no errorType; they come from the server's
 * answer (no originalError, which Amplify sets on errors it makes itself, such as a network failure).
 */
function requestRefusal(error: unknown): string | undefined {
  const errors = (error as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors) || errors.length === 0) return undefined;
  const first = errors[0] as ErrorRecord | null;
  if (typeof first !== 'object' || first === null) return undefined;
  if (first.errorType != null || first.originalError != null) return undefined;
  const message = typeof first.message === 'string' ? first.message.trim() : '';
  if (message === '' || !(Array.isArray(first.locations) || /^(Variable |Validation error)/.test(message))) {
    return undefined;
  }
  const variable = /^Variable "\$(\w+)" got invalid value [\s\S]*?; ([^;]*)$/.exec(message);
  if (variable) return clip(`The server could not read this update's ${variable[1]}: ${variable[2]!.trim()}`);
  return clip(`The server could not read this update: ${message}`);
}

/** What the image store's refusal means: the image itself was refused (for good), or try again later. */
function uploadRefusal(error: unknown): string | undefined {
  if (!(error instanceof UploadRefused) || !error.permanent) return undefined;
  return clip(
    `The ${error.kind === 'PHOTO' ? 'photo' : 'signature'} was not accepted by the image store (${error.code ?? `HTTP ${error.status}`}): ${PROOF_IMAGE_ADVICE}`,
  );
}

type Verdict = { kind: 'refused'; problem: string } | { kind: 'offline' } | { kind: 'paused'; message: string };

/**
 * Whether a failed send is about the update (refused: set aside, the queue goes on) or about the moment
 * (offline, busy, throttled, the session ended: it waits and the queue pauses). A server fault pauses the
 * queue for MAX_FAULT_ATTEMPTS tries of the same update, then sets it aside so it cannot hold back the rest.
 */
export function judgeFailure(error: unknown, attempts: number): Verdict {
  const type = errorTypeOfProblem(error);
  const problem = describeProblem(error);
  const refusedUpload = uploadRefusal(error);
  if (refusedUpload) return { kind: 'refused', problem: refusedUpload };
  if (type && REFUSALS.has(type)) return { kind: 'refused', problem: clip(problem.message) };
  const refusedRequest = requestRefusal(error);
  if (refusedRequest) return { kind: 'refused', problem: refusedRequest };
  if (problem.kind === 'network') return { kind: 'offline' };
  if ((type && TRY_LATER.has(type)) || problem.kind === 'session' || problem.kind === 'access') {
    return { kind: 'paused', message: problem.message };
  }
  if (error instanceof UploadRefused) return { kind: 'paused', message: error.message };
  if (attempts >= MAX_FAULT_ATTEMPTS) {
    return {
      kind: 'refused',
      problem: `The server could not apply this update (${attempts} tries): ${problem.message} Try again later, or call your dispatcher.`,
    };
  }
  return { kind: 'paused', message: problem.message };
}

/**
 * Sends every waiting update of the courier, oldest first. An update the server refuses is kept with the
 * reason and holds back the later updates of the same delivery (they would make no sense without it), but
 * not those of other deliveries; only a failure of the moment (offline, busy, throttled, signed out, a fault
 * not yet tried MAX_FAULT_ATTEMPTS times) stops the queue.
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
      const verdict = judgeFailure(error, current.attempts);
      if (verdict.kind === 'refused') {
        await store.put({ ...current, state: 'conflict', problem: verdict.problem });
        held.set(current.reference, current.reference);
        continue;
      }
      await store.put(current);
      if (verdict.kind === 'offline') return { kind: 'offline', sent };
      return { kind: 'paused', sent, message: verdict.message };
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
  try {
    await transport.upload(target, image);
  } catch (error) {
    if (error instanceof UploadRefused) error.kind = kind;
    throw error;
  }
  return target.key;
}
