// The one place MCP tool failures are mapped (STYLE: each adapter maps errors once): the API's user errors and
// our own argument checks become tool errors (isError) that say what was wrong and how to fix it; anything
// else is a fault, logged in full under an error id and answered with a generic message.
import { randomUUID } from 'node:crypto';
import { isDomainError, ValidationError } from '../../src/core/errors';
import type { Log } from '../../src/observability/telemetry';
import { GraphQLOperationError } from './graphql-client';

/** The API's error types a partner may see, with what to do next. */
const USER_ERROR_GUIDANCE: Record<string, string> = {
  ValidationError: 'Fix the fields named above and call the tool again; nothing was stored.',
  NotFoundError: 'Use a reference returned by book_courier or list_bookings for your own bookings.',
  ForbiddenError: 'This token cannot do that; ask the courier company if you need it.',
  ConflictError: 'The booking is not in a state that allows this; read it with get_booking to see its status.',
  RateLimitError: 'Wait as stated, then retry the same call.',
  UnauthorizedError: 'Reconnect with a valid partner token.',
};

export type ToolErrorResult = {
  content: { type: 'text'; text: string }[];
  isError: true;
  structuredContent: {
    error: { type: string; message: string; fields?: string[]; retryAfterSeconds?: number; errorId?: string };
  };
};

export type ToolFailure = { outcome: string; result: ToolErrorResult };

function result(type: string, message: string, extra: Record<string, unknown> = {}): ToolErrorResult {
  const guidance = USER_ERROR_GUIDANCE[type];
  const text = guidance && !message.includes(guidance) ? `${type}: ${message} ${guidance}` : `${type}: ${message}`;
  return {
    content: [{ type: 'text', text }],
    isError: true,
    structuredContent: { error: { type, message, ...extra } },
  };
}

/** `Retry in 42 seconds` in a RateLimitError's message, as a number for agents that schedule retries. */
function retryAfterOf(message: string): number | undefined {
  const m = /Retry in (\d+) second/.exec(message);
  return m ? Number(m[1]) : undefined;
}

/** Maps whatever a tool call threw to the result the caller sees and the outcome the audit trail records. */
/**
 * Whether the API refused the call for the caller's reasons: it lets out only user errors under their own names
 * (ValidationError, or a subclass such as FeedbackNotAcceptedError); faults leave as InternalFailure, and our own
 * transport or service-identity problems as HTTP statuses and AWS exceptions.
 */
function isApiUserError(error: GraphQLOperationError): boolean {
  return (
    error.errorType !== 'InternalFailure' && !/^HTTP \d+$/.test(error.errorType) && !/Exception$/.test(error.errorType)
  );
}

export function toToolFailure(tool: string, error: unknown, log: Log): ToolFailure {
  if (error instanceof GraphQLOperationError && isApiUserError(error)) {
    const retryAfterSeconds = error.errorType === 'RateLimitError' ? retryAfterOf(error.message) : undefined;
    return {
      outcome: error.errorType,
      result: result(error.errorType, error.message, retryAfterSeconds ? { retryAfterSeconds } : {}),
    };
  }
  if (isDomainError(error) && error.kind === 'user') {
    const fields = error instanceof ValidationError ? error.issues.map((i) => i.field) : undefined;
    const message =
      error.resolution && !error.message.includes(error.resolution)
        ? `${error.message} ${error.resolution}`
        : error.message;
    return { outcome: error.name, result: result(error.name, message, fields?.length ? { fields } : {}) };
  }
  const errorId = randomUUID();
  log.error(`${tool} failed`, {
    errorId,
    error:
      error instanceof Error
        ? { name: error.name, message: error.message, stack: error.stack, cause: String(error.cause ?? '') }
        : String(error),
  });
  return {
    outcome: 'InternalFailure',
    result: result(
      'InternalFailure',
      `${tool} could not be completed because of a problem on our side. It has been logged as ${errorId}; ` +
        'try again in a moment, and quote that id to the courier company if it keeps happening.',
      { errorId },
    ),
  };
}
