// Public tracking guarded against reference guessing (OWASP API4/API6): each client address gets a number of
// lookups per minute and a number of misses per quarter hour; past the misses it is locked out until the
// quarter hour ends. A customer who mistypes a reference once or twice never notices either limit.
import { NotFoundError, RateLimitError } from './errors';
import type { Clock, RateLimitCounter } from './ports';
import { enforceRateLimit } from './rate-limit';
import { EXAMPLE_REFERENCE } from './reference';

export type TrackingGuardRules = {
  lookupsPerMinute: number;
  missesPerWindow: number;
  missWindowSeconds: number;
};

export const TRACKING_GUARD_RULES: TrackingGuardRules = {
  lookupsPerMinute: 60,
  missesPerWindow: 20,
  missWindowSeconds: 15 * 60,
};

const COUNTER_GRACE_SECONDS = 120;

function minutes(seconds: number): string {
  const m = Math.ceil(seconds / 60);
  return `${m} minute${m === 1 ? '' : 's'}`;
}

/**
 * Runs one public lookup for `source` (the client's address) under the guard: refused with a RateLimitError
 * (retry time in its message and `retryAfterSeconds`) while the address is over its lookups or locked out by
 * misses; a NotFoundError from the lookup counts as a miss and is passed on unchanged.
 */
export async function guardPublicLookup<T>(
  source: string,
  lookup: () => Promise<T>,
  deps: { counter: RateLimitCounter; clock: Clock },
  rules: TrackingGuardRules = TRACKING_GUARD_RULES,
): Promise<T> {
  const nowMs = deps.clock.now().getTime();
  const windowMs = rules.missWindowSeconds * 1000;
  const windowStart = Math.floor(nowMs / windowMs) * windowMs;
  const missKey = `track-miss#${source}#${windowStart / 1000}`;
  // A sliding window (the previous fixed window's misses weighted by how much of it still lies within the last
  // missWindowSeconds): fixed windows alone forget every miss at :00, :15, :30 and :45, which let a guesser make
  // twice the misses around a boundary and let the lockout miss a burst that straddles one.
  const previousKey = `track-miss#${source}#${(windowStart - windowMs) / 1000}`;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - nowMs) / 1000));
  const lockedOut = () =>
    new RateLimitError(
      `Too many tracking references that do not exist were looked up from your connection. Try again in ${minutes(retryAfterSeconds)}.`,
      retryAfterSeconds,
      {
        resolution: `Check the reference on your confirmation (it looks like ${EXAMPLE_REFERENCE}) and try again in ${minutes(retryAfterSeconds)}.`,
      },
    );

  // The misses are read and this lookup is counted against the minute's allowance at once (one round trip
  // each, side by side), so a lookup waits for two steps: these, then the lookup itself. The lockout still
  // decides first: a locked-out address is refused as locked out whatever its allowance says (its refused
  // attempts now use up that allowance too, which only makes guessing slower).
  const [misses, allowance] = await Promise.allSettled([
    deps.counter.counts([missKey, previousKey]),
    enforceRateLimit(`track#${source}`, { limit: rules.lookupsPerMinute, windowSeconds: 60 }, deps),
  ]);
  if (misses.status === 'rejected') throw misses.reason;
  const [current = 0, previous = 0] = misses.value;
  const allowed = rules.missesPerWindow - Math.ceil(previous * (1 - (nowMs - windowStart) / windowMs));
  if (current >= allowed) throw lockedOut();
  if (allowance.status === 'rejected') throw allowance.reason;
  try {
    return await lookup();
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    // Kept through the next window too, where it is the previous one.
    const counted = await deps.counter.increment(
      missKey,
      allowed,
      (windowStart + 2 * windowMs) / 1000 + COUNTER_GRACE_SECONDS,
    );
    if (!counted) throw lockedOut();
    throw e;
  }
}
