// A circuit breaker and a timeout around each dependency that can fail slowly (Req 16.6, issue 13): Amazon
// Comprehend for sentiment, End User Messaging for customer SMS, Amazon Location for geocoding. After `failuresToOpen` failures in a row the
// breaker opens: calls fail at once (the adapter falls back — the lexicon scores the text, the message is kept
// as not sent, the Seattle gazetteer places the address) instead of each waiting out a sick dependency; after `halfOpenAfterMs` one trial call goes
// through, and a success closes it again — the system recovers by itself when the fault is lifted. Each state
// change is recorded (`onChange`) so the dashboard's health line shows it, whichever runtime saw it.
//
// Retries are not here: the AWS SDK's standard retry strategy (with its retry quota, which stops retrying when a
// dependency keeps failing) already retries each call; the breaker counts what is left after those retries.
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  timeout,
  wrap,
} from 'cockatiel';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Clock } from '../core/ports';
import type { DependencyHealth } from '../core/dashboard';

export type BreakerState = DependencyHealth['state'];

/** A dependency as the dashboard's health line shows it. */
export type DependencyStatus = DependencyHealth;

export type Breaker = {
  /** Runs `work` with the timeout's signal; throws DependencyUnavailableError when open or timed out. */
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  status(): DependencyStatus;
};

/** The dependency did not answer in time, or its breaker is open: the adapter's fallback applies. */
export class DependencyUnavailableError extends Error {
  override name = 'DependencyUnavailableError';
  constructor(
    readonly dependency: string,
    readonly reason: 'OPEN' | 'TIMEOUT',
  ) {
    super(
      reason === 'OPEN'
        ? `${dependency} is failing; calls are paused until a trial call succeeds.`
        : `${dependency} did not answer in time.`,
    );
  }
}

const STATE: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'CLOSED',
  [CircuitState.Open]: 'OPEN',
  [CircuitState.HalfOpen]: 'HALF_OPEN',
  [CircuitState.Isolated]: 'OPEN',
};

function describeFailure(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}

/**
 * Whether an AWS SDK error says the service is failing rather than refusing this one request: no HTTP answer
 * at all (network, timeout), a 5xx, or throttling.
 */
export function isServiceFailure(error: Error): boolean {
  const { $metadata, $retryable, name } = error as Error & {
    $metadata?: { httpStatusCode?: number };
    $retryable?: unknown;
  };
  const status = $metadata?.httpStatusCode;
  return status === undefined || status >= 500 || status === 429 || $retryable !== undefined || /Throttl/.test(name);
}

export function createBreaker(options: {
  name: string;
  fallback: string;
  /** How long one call may take (the SDK's own retries included). */
  timeoutMs: number;
  failuresToOpen?: number;
  halfOpenAfterMs?: number;
  /**
   * Which errors say the dependency is failing (all by default). An answer about the request itself — a
   * recipient who opted out, a text it refuses — is the dependency working, and must not open the breaker.
   */
  counts?: (error: Error) => boolean;
  clock: Clock;
  onChange?: (status: DependencyStatus) => Promise<void> | void;
  log: { warn(message: string, detail?: unknown): void; info(message: string, detail?: unknown): void };
}): Breaker {
  const counts = options.counts ?? (() => true);
  const breaker = circuitBreaker(
    handleWhen((error) => error instanceof TaskCancelledError || counts(error)),
    {
      halfOpenAfter: options.halfOpenAfterMs ?? 30_000,
      breaker: new ConsecutiveBreaker(options.failuresToOpen ?? 5),
    },
  );
  // The breaker outside the timeout: a call that times out counts as a failure.
  const policy = wrap(breaker, timeout(options.timeoutMs, TimeoutStrategy.Aggressive));
  let status: DependencyStatus = {
    name: options.name,
    state: 'CLOSED',
    since: options.clock.now().toISOString(),
    fallback: options.fallback,
  };
  let lastError: string | undefined;

  breaker.onFailure(({ reason }) => {
    if ('error' in reason) lastError = describeFailure(reason.error);
  });
  breaker.onStateChange((state) => {
    status = {
      name: options.name,
      state: STATE[state],
      since: options.clock.now().toISOString(),
      fallback: options.fallback,
      ...(state !== CircuitState.Closed && lastError ? { lastError } : {}),
    };
    const line = `${options.name}: circuit ${status.state.toLowerCase().replace('_', '-')}`;
    if (status.state === 'CLOSED') options.log.info(line, status);
    else options.log.warn(line, status);
    void Promise.resolve()
      .then(() => options.onChange?.(status))
      .catch((error: unknown) =>
        options.log.warn(`${options.name}: breaker state not recorded`, { error: describeFailure(error) }),
      );
  });

  return {
    async run(work) {
      try {
        return await policy.execute(async ({ signal }) => {
          try {
            return await work(signal);
          } catch (error) {
            // The work's own rejection when the timeout aborted it is the timeout, whichever settles first.
            if (signal.aborted) throw new TaskCancelledError();
            throw error;
          }
        });
      } catch (error) {
        if (error instanceof BrokenCircuitError) throw new DependencyUnavailableError(options.name, 'OPEN');
        if (error instanceof TaskCancelledError) throw new DependencyUnavailableError(options.name, 'TIMEOUT');
        throw error;
      }
    },
    status: () => ({ ...status }),
  };
}

/** The Rollups table's `dependency` partition (rollup-repository.ts reads it for the dashboard). */
export const DEPENDENCY_PK = 'dependency';

/**
 * Writes a breaker's state change to the Rollups table, where the dashboard reads it. Runtimes (Lambda
 * containers, the local server) each have their own breakers: the latest change wins, never an older one that
 * arrives late.
 */
export function dependencyRecorder(
  doc: DynamoDBDocumentClient,
  table: string,
): (status: DependencyStatus) => Promise<void> {
  return async (status) => {
    await doc
      .send(
        new PutCommand({
          TableName: table,
          Item: { pk: DEPENDENCY_PK, sk: status.name, ...status },
          ConditionExpression: 'attribute_not_exists(pk) OR #since <= :since',
          ExpressionAttributeNames: { '#since': 'since' },
          ExpressionAttributeValues: { ':since': status.since },
        }),
      )
      .catch((error: unknown) => {
        if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      });
  };
}

/** The dependencies that can fail slowly, one breaker each, as every runtime guards them. */
export type DependencyBreakers = { sentiment: Breaker; sms: Breaker; geocoder: Breaker };

export const SENTIMENT_DEPENDENCY = 'Sentiment (Amazon Comprehend)';
export const SMS_DEPENDENCY = 'Customer SMS (End User Messaging)';
export const GEOCODER_DEPENDENCY = 'Geocoder (Amazon Location)';

export function createDependencyBreakers(options: {
  clock: Clock;
  log: { warn(message: string, detail?: unknown): void; info(message: string, detail?: unknown): void };
  record?: (status: DependencyStatus) => Promise<void>;
  /** How long an open breaker waits before its trial call (30 s by default). */
  halfOpenAfterMs?: number;
}): DependencyBreakers {
  const common = {
    clock: options.clock,
    log: options.log,
    ...(options.record ? { onChange: options.record } : {}),
    ...(options.halfOpenAfterMs !== undefined ? { halfOpenAfterMs: options.halfOpenAfterMs } : {}),
  };
  return {
    // Feedback is never refused for want of a score: the lexicon scores it at once.
    sentiment: createBreaker({
      ...common,
      name: SENTIMENT_DEPENDENCY,
      fallback: 'Feedback is scored by the built-in lexicon until Comprehend answers again.',
      timeoutMs: 2_000,
    }),
    // A status update never waits on the SMS provider: the message is kept as not sent in the outbox.
    sms: createBreaker({
      ...common,
      name: SMS_DEPENDENCY,
      fallback: 'Customer texts are kept in the outbox as not sent; status updates go on.',
      timeoutMs: 3_000,
      counts: isServiceFailure,
    }),
    // A booking never waits on, nor is refused for, Amazon Location: the gazetteer places the address at once.
    // Its refusal of one request (a ValidationException) is the service working and does not count.
    geocoder: createBreaker({
      ...common,
      name: GEOCODER_DEPENDENCY,
      fallback: 'Addresses are placed by the built-in Seattle gazetteer until Amazon Location answers again.',
      timeoutMs: 2_000,
      counts: isServiceFailure,
    }),
  };
}
