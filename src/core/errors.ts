// The error family every adapter maps in one place: GraphQL errorType, MCP isError, voice re-prompt/handover.

export type ErrorKind = 'user' | 'fault';

export type DomainErrorOptions = {
  /** What the caller can do about it, in plain words. */
  resolution?: string;
  cause?: unknown;
};

/** Base of the family. `kind: 'user'` errors are safe to show; `'fault'` errors are logged and hidden. */
export abstract class DomainError extends Error {
  abstract readonly kind: ErrorKind;
  readonly resolution?: string;

  constructor(message: string, options: DomainErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.resolution = options.resolution;
  }
}

/** Bad input. `field` names the offending input path, e.g. "pickup.postcode". */
export class ValidationError extends DomainError {
  readonly kind = 'user' as const;
  readonly field?: string;
  readonly issues: { field: string; message: string }[];

  constructor(
    message: string,
    options: DomainErrorOptions & { field?: string; issues?: { field: string; message: string }[] } = {},
  ) {
    super(message, options);
    this.field = options.field ?? options.issues?.[0]?.field;
    this.issues = options.issues ?? (options.field ? [{ field: options.field, message }] : []);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'user' as const;
}

/** Authenticated, but not allowed to do this or see that. */
export class ForbiddenError extends DomainError {
  readonly kind = 'user' as const;
}

/** Not authenticated (missing, invalid or expired credentials). */
export class UnauthorizedError extends DomainError {
  readonly kind = 'user' as const;
}

/** The request clashes with the current state: a concurrent write, an illegal transition, a duplicate. */
export class ConflictError extends DomainError {
  readonly kind = 'user' as const;
}

/** Too many requests; `retryAfterSeconds` says when to try again. */
export class RateLimitError extends DomainError {
  readonly kind = 'user' as const;
  readonly retryAfterSeconds: number;
  constructor(message: string, retryAfterSeconds: number, options: DomainErrorOptions = {}) {
    super(message, options);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Something broke on our side. The message is for the log; callers get a generic apology. */
export class FaultError extends DomainError {
  readonly kind = 'fault' as const;
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** Any thrown value as a DomainError: unknown errors become faults that keep the original as cause. */
export function toDomainError(e: unknown): DomainError {
  if (isDomainError(e)) return e;
  return new FaultError(e instanceof Error ? e.message : String(e), { cause: e });
}
