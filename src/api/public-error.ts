// Maps any error to what a GraphQL caller may see: a DomainError's class name and message, or a
// generic InternalFailure for faults (whose detail goes to the log only).
import { isDomainError, type DomainError } from '../core/errors';

/** The one error type that leaves the API. `name` becomes AppSync's `errorType`. */
export class PublicError extends Error {
  readonly kind = 'user' as const;
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export const INTERNAL_FAILURE_MESSAGE = 'An internal error occurred. It has been logged; please try again.';

function describe(e: DomainError): string {
  const parts = [e.message];
  if (e.resolution && !e.message.includes(e.resolution)) parts.push(e.resolution);
  return parts.join(' ');
}

export function toPublicError(e: unknown, logFault: (fault: unknown) => void): PublicError {
  if (e instanceof PublicError) return e;
  if (isDomainError(e) && e.kind === 'user') return new PublicError(e.name, describe(e));
  logFault(e);
  return new PublicError('InternalFailure', INTERNAL_FAILURE_MESSAGE);
}
