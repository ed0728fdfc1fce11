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

export function toPublicError(e: unknown, logFault: (fault: unknown) => void): PublicError {
  if (e instanceof PublicError) return e;
  if (isDomainError(e) && e.kind === 'user') return new PublicError(e.name, describe(e));
  logFault(e);
  return new PublicError('InternalFailure', INTERNAL_FAILURE_MESSAGE);
}
