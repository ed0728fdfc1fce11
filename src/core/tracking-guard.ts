// Public tracking guarded against reference guessing (OWASP API4/API6): each client address gets a number of
// lookups per minute and a number of misses per quarter hour; past the misses it is locked out until the
// quarter hour ends. A customer who mistypes a reference once or twice never notices either limit.
import { NotFoundError, RateLimitError } from './errors';
import type { Clock, RateLimitCounter } from './ports';
import { COUNTER_GRACE_SECONDS, rateLimitReached } from './rate-limit';
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

/** The counters of an address's item for one miss window (see guardPublicLookup). */
const MISSES = 'misses';
const PREVIOUS_MISSES = 'previousMisses';

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
  const allowance = { limit: rules.lookupsPerMinute, windowSeconds: 60 };
  const allowanceMs = allowance.windowSeconds * 1000;
  const allowanceStart = Math.floor(nowMs / allowanceMs) * allowanceMs;
  // One item per address and miss window holds all the guard counts: the lookups of each of its minutes, its
  // misses, and the misses of the window before it (written there by each miss, below). So counting this lookup
  // answers, in the same round trip, whether the address is locked out; a lookup waits for that one step.
  const itemOf = (start: number) => ({
    key: `track#${source}#${start / 1000}`,
    expiresAtEpochSeconds: (start + windowMs) / 1000 + COUNTER_GRACE_SECONDS,
  });
  const item = itemOf(windowStart);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart + windowMs - nowMs) / 1000));
  const lockedOut = () =>
    new RateLimitError(
      `Too many tracking references that do not exist were looked up from your connection. Try again in ${minutes(retryAfterSeconds)}.`,
      retryAfterSeconds,
      {
        resolution: `Check the reference on your confirmation (it looks like ${EXAMPLE_REFERENCE}) and try again in ${minutes(retryAfterSeconds)}.`,
      },
    );

  const { counted, counters } = await deps.counter.add(item.key, `lookups#${allowanceStart / 1000}`, {
    limit: allowance.limit,
    expiresAtEpochSeconds: item.expiresAtEpochSeconds,
  });
  // A sliding window (the previous fixed window's misses weighted by how much of it still lies within the last
  // missWindowSeconds): fixed windows alone forget every miss at :00, :15, :30 and :45, which let a guesser make
  // twice the misses around a boundary and let the lockout miss a burst that straddles one.
  const previous = counters[PREVIOUS_MISSES] ?? 0;
  const allowed = rules.missesPerWindow - Math.ceil(previous * (1 - (nowMs - windowStart) / windowMs));
  // The lockout decides first: a locked-out address is refused as locked out whatever its allowance says (its
  // refused attempts use up that allowance too, which only makes guessing slower).
  if ((counters[MISSES] ?? 0) >= allowed) throw lockedOut();
  if (!counted) throw rateLimitReached(allowance, allowanceStart + allowanceMs, nowMs);
  try {
    return await lookup();
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    const miss = await deps.counter.add(item.key, MISSES, {
      limit: allowed,
      expiresAtEpochSeconds: item.expiresAtEpochSeconds,
    });
    if (!miss.counted) throw lockedOut();
    // Counted again in the next window's item, where it is the previous window's miss.
    const next = itemOf(windowStart + windowMs);
    await deps.counter.add(next.key, PREVIOUS_MISSES, { expiresAtEpochSeconds: next.expiresAtEpochSeconds });
    throw e;
  }
}
