// Ids are looked up by key: DynamoDB refuses a key over 2,048 bytes (1,024 for a sort key) with a ValidationException
// that would reach the caller as InternalFailure. An id longer than any id the system makes is the caller's mistake.
import { ValidationError } from './errors';

/** Courier, partner and booking ids have at most this many characters (courier-07, acme, K7M-4XR-9). */
export const MAX_ID_LENGTH = 64;

/** Refuses an id longer than MAX_ID_LENGTH, naming the field and what such ids look like. */
export function assertIdLength(id: string, field: string, looksLike: string): void {
  if (id.length > MAX_ID_LENGTH)
    throw new ValidationError(`${field} is too long; ${looksLike} (at most ${MAX_ID_LENGTH} characters).`, {
      field,
    });
}
