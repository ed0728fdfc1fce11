// Maps any error to what a GraphQL caller may see: a DomainError's class name and message, or a
// generic InternalFailure for faults (whose detail goes to the log only).
import { isDomainError, ValidationError, type DomainError } from '../core/errors';

/** The one error type that leaves the API. `name` becomes AppSync's `errorType`. */
export class PublicError extends Error {
  readonly kind = 'user' as const;
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export const INTERNAL_FAILURE_MESSAGE = 'An internal error occurred. It has been logged; please try again.';

/**
 * AppSync passes on only a Lambda error's name and message, so the message must carry everything:
 * each invalid field by name, and what to do about it.
 */
function describe(e: DomainError): string {
  let message = e.message;
  if (e instanceof ValidationError && e.issues.length > 0) {
    const named = e.issues.map((i) => (i.message.includes(i.field) ? i.message : `${i.field}: ${i.message}`));
    message = named.length === 1 ? named[0]! : `${named.length} problems: ${named.join(' ')}`;
  }
  const parts = [message];
  if (e.resolution && !e.message.includes(e.resolution)) parts.push(e.resolution);
  return parts.join(' ');
}

/** What a caller is told when a query could not finish because AWS was busy or slow. */
export const SERVICE_BUSY_READ_MESSAGE =
  'The service is busy and could not finish this request. Try it again in a few seconds.';
/** The same for a change (a mutation), which a caller can send again safely with its idempotency key. */
export const SERVICE_BUSY_MESSAGE = `${SERVICE_BUSY_READ_MESSAGE.slice(0, -1)}; with the same idempotency key a retried change never applies twice.`;

/** The AWS errors that mean "too much, too fast" or "too slow": the SDK retried them and ran out of attempts. */
const BUSY_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'ServiceUnavailable',
  'InternalServerError',
  'TimeoutError',
]);

/** Whether a fault is the AWS side being busy or slow (worth a retry), rather than a defect. */
export function isBusyFault(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, $retryable } = e as { name?: unknown; $retryable?: unknown };
  return (typeof name === 'string' && BUSY_ERRORS.has(name)) || (typeof $retryable === 'object' && $retryable !== null);
}

/** `operation` is what failed: a query is told only to try again, a change also how to retry it safely. */
export function toPublicError(
  e: unknown,
  logFault: (fault: unknown) => void,
  operation: 'query' | 'change' = 'change',
): PublicError {
  if (e instanceof PublicError) return e;
  if (isDomainError(e) && e.kind === 'user') return new PublicError(e.name, describe(e));
  logFault(e);
  // Throttled or timed out after the SDK's retries: say so, so a caller (and the courier app's outbox) retries.
  if (isBusyFault(e))
    return new PublicError(
      'ServiceUnavailable',
      operation === 'query' ? SERVICE_BUSY_READ_MESSAGE : SERVICE_BUSY_MESSAGE,
    );
  return new PublicError('InternalFailure', INTERNAL_FAILURE_MESSAGE);
}
