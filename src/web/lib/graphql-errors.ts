// Turns whatever a GraphQL call rejected with into a plain message and a next step for the user:
// the web app's one mapping of API errorType values.

export type ProblemKind = 'access' | 'session' | 'input' | 'network' | 'fault';

export type Problem = {
  kind: ProblemKind;
  /** What happened, in plain words. */
  message: string;
  /** What the user can do about it. */
  action: string;
};

type ErrorLike = { errorType?: unknown; message?: unknown; originalError?: unknown; extensions?: unknown };

const ACCESS_TYPES = new Set(['Unauthorized', 'UnauthorizedException', 'ForbiddenError', 'AccessDeniedException']);
const SESSION_TYPES = new Set(['UnauthorizedError', 'NotAuthorizedException']);
const INPUT_TYPES = new Set(['ValidationError', 'NotFoundError', 'ConflictError', 'RateLimitError', 'BadRequest']);

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Amplify rejects with its `{ data, errors }` result, with a bare Error, or (subscriptions) with `{ errors }`. */
function firstError(error: unknown): ErrorLike | undefined {
  const record = asRecord(error);
  if (!record) return undefined;
  const errors = record['errors'];
  if (Array.isArray(errors)) return asRecord(errors[0]) as ErrorLike | undefined;
  return record as ErrorLike;
}

function errorTypeOf(error: ErrorLike): string | undefined {
  const direct = textOf(error.errorType);
  if (direct) return direct;
  const fromExtensions = textOf(asRecord(error.extensions)?.['errorType']);
  if (fromExtensions) return fromExtensions;
  const originalName = textOf(asRecord(error.originalError)?.['name']);
  if (originalName?.startsWith('UnauthorizedException')) return 'UnauthorizedException';
  if (textOf(error.message) === 'Unauthorized') return 'Unauthorized';
  return originalName;
}

/** The API's errorType of a failed call (`NotFoundError`, `ValidationError`, …), when it names one. */
export function errorTypeOfProblem(error: unknown): string | undefined {
  const first = firstError(error);
  return first ? errorTypeOf(first) : undefined;
}

const NETWORK_MESSAGE = /network|failed to fetch|load failed|connection/i;

/** The user-facing reading of an error from the GraphQL API (or from the way there). */
export function describeProblem(error: unknown): Problem {
  const first = firstError(error);
  const type = first ? errorTypeOf(first) : undefined;
  const message = first ? textOf(first.message) : undefined;

  if (type && ACCESS_TYPES.has(type)) {
    return {
      kind: 'access',
      message: "You don't have access to this.",
      action: 'Sign in with an account that does, or ask an administrator to grant it.',
    };
  }
  if (type && SESSION_TYPES.has(type)) {
    return { kind: 'session', message: 'Your session has ended.', action: 'Sign out and sign in again.' };
  }
  if (type && INPUT_TYPES.has(type)) {
    return {
      kind: 'input',
      message: message ?? 'The request was not accepted.',
      action: 'Check the details and try again.',
    };
  }
  if (type === 'ServiceUnavailable') {
    return {
      kind: 'fault',
      message: 'The service is busy right now.',
      action: 'Try again in a few seconds; nothing you sent is applied twice.',
    };
  }
  if (type !== 'InternalFailure' && message && NETWORK_MESSAGE.test(message)) {
    return {
      kind: 'network',
      message: "We couldn't reach the server.",
      action: 'Check your connection and try again.',
    };
  }
  return {
    kind: 'fault',
    message: 'Something went wrong on our side; try again.',
    action: 'If it keeps happening, tell your administrator.',
  };
}
