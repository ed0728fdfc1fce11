// Polling an asynchronous AWS status (bot Creating → Available, locale Building → Built) with a bound, so
// a stuck resource fails the step with a clear timeout instead of hanging the deployment.
import { ProvisioningError } from './aws-errors';

export type PollSettings = {
  intervalMs: number;
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
};

export const DEFAULT_POLL: PollSettings = {
  intervalMs: 2_000,
  timeoutMs: 10 * 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Reads until `check` says done (returns a value) or the attempts run out. The bound is counted in
 * attempts (timeout ÷ interval), not in clock time, so an injected fixed clock cannot make it endless.
 * `check` throws to fail at once (a Failed status).
 */
export async function waitFor<T>(
  what: string,
  poll: PollSettings,
  check: () => Promise<{ done: true; value: T } | { done: false; status?: string }>,
): Promise<T> {
  const attempts = Math.max(1, Math.ceil(poll.timeoutMs / poll.intervalMs));
  let last: string | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const result = await check();
    if (result.done) return result.value;
    last = result.status;
    await poll.sleep(poll.intervalMs);
  }
  throw new ProvisioningError(
    'ProvisioningTimeout',
    `${what} did not finish within ${Math.round(poll.timeoutMs / 1000)} s${last ? ` (last status ${last})` : ''}.`,
  );
}
