// Errors in AppSync's shape: resolver failures become { path, data, errorType, errorInfo, locations, message };
// faults are logged with their stack and hidden behind a generic InternalFailure.
import type { GraphQLFormattedError } from './graphql-js';

export const INTERNAL_FAILURE_MESSAGE = 'An internal error occurred. It has been logged; please try again.';

export type ErrorInfo = Record<string, unknown> | null;

/** An error a resolver (or the authorization check) raises, carrying AppSync's errorType and errorInfo. */
export class AppSyncError extends Error {
  readonly errorType: string;
  readonly errorInfo: ErrorInfo;

  constructor(errorType: string, message: string, errorInfo: ErrorInfo = null) {
    super(message);
    this.name = 'AppSyncError';
    this.errorType = errorType;
    this.errorInfo = errorInfo;
  }
}

export function notAuthorized(fieldName: string, typeName: string): AppSyncError {
  return new AppSyncError('Unauthorized', `Not Authorized to access ${fieldName} on type ${typeName}`);
}

export type AppSyncLogEntry = {
  level: 'info' | 'warn' | 'error';
  message: string;
  /** "Type.field" the entry concerns, when there is one. */
  field?: string;
  error?: { name: string; message: string; stack?: string; cause?: unknown };
  [key: string]: unknown;
};

export type AppSyncLog = (entry: AppSyncLogEntry) => void;

type UserErrorLike = {
  kind: 'user';
  name: string;
  message: string;
  field?: unknown;
  resolution?: unknown;
  issues?: unknown;
  retryAfterSeconds?: unknown;
};

function isUserError(e: unknown): e is UserErrorLike {
  if (typeof e !== 'object' || e === null) return false;
  const candidate = e as Partial<UserErrorLike>;
  return candidate.kind === 'user' && typeof candidate.message === 'string' && typeof candidate.name === 'string';
}

function errorInfoOf(e: UserErrorLike): ErrorInfo {
  const info: Record<string, unknown> = {};
  for (const key of ['field', 'resolution', 'issues', 'retryAfterSeconds'] as const) {
    if (e[key] !== undefined) info[key] = e[key];
  }
  return Object.keys(info).length > 0 ? info : null;
}

export function describeError(e: unknown): NonNullable<AppSyncLogEntry['error']> {
  if (e instanceof Error) return { name: e.name, message: e.message, stack: e.stack, cause: e.cause };
  return { name: typeof e, message: String(e) };
}

/** The error the caller sees for anything `resolve` threw: user errors as they are, everything else hidden. */
export function toAppSyncError(e: unknown, field: string, log: AppSyncLog): AppSyncError {
  if (e instanceof AppSyncError) return e;
  if (isUserError(e)) return new AppSyncError(e.name, e.message, errorInfoOf(e));
  log({ level: 'error', message: `${field} failed`, field, error: describeError(e) });
  return new AppSyncError('InternalFailure', INTERNAL_FAILURE_MESSAGE);
}

/** AppSync's error object for any GraphQL error; resolver errors keep their type and info. */
export function formatAppSyncError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const cause = (original as { originalError?: unknown } | undefined)?.originalError;
  const locations = formatted.locations?.map((l) => ({ ...l, sourceName: null })) ?? null;
  if (cause instanceof AppSyncError) {
    return {
      path: formatted.path ?? null,
      data: null,
      errorType: cause.errorType,
      errorInfo: cause.errorInfo,
      locations,
      message: cause.message,
    } as GraphQLFormattedError;
  }
  // Refusals before execution (abuse limits, introspection) carry their AppSync-style type in extensions.
  const extensions = (original as { extensions?: Record<string, unknown> } | undefined)?.extensions;
  if (typeof extensions?.errorType === 'string') {
    return {
      path: formatted.path ?? null,
      data: null,
      errorType: extensions.errorType,
      errorInfo: extensions.errorInfo ?? null,
      locations,
      message: formatted.message,
    } as GraphQLFormattedError;
  }
  return { path: formatted.path ?? null, locations, message: formatted.message } as GraphQLFormattedError;
}
