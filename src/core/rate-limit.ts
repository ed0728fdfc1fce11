// Per-partner rate limits (Req 7.4): a fixed-window counter per partner in a store every server instance
// shares, incremented atomically only while under the limit, so the limit holds however far the service
// scales out and one partner's burst never touches another partner's counter.
import { RateLimitError } from './errors';
import type { Clock, RateLimitCounter } from './ports';

export type RateLimitRule = { limit: number; windowSeconds: number };

/** Counters outlive their window by this much, so a slow clock on one instance never resets a window early. */
export const COUNTER_GRACE_SECONDS = 120;

/** The counter key of a partner: one per partner, whichever token or channel the calls come through. */
export function partnerRateLimitKey(partnerId: string): string {
  return `partner#${partnerId}`;
}

/**
 * Counts one request against `key`. Over the limit it throws a RateLimitError whose message and
 * `retryAfterSeconds` say when the window resets; the refused request is not counted.
 */
export async function enforceRateLimit(
  key: string,
  rule: RateLimitRule,
  deps: { counter: RateLimitCounter; clock: Clock },
): Promise<void> {
  const nowMs = deps.clock.now().getTime();
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = Math.floor(nowMs / windowMs) * windowMs;
  const windowEnd = windowStart + windowMs;
  const counted = await deps.counter.increment(
    `${key}#${windowStart / 1000}`,
    rule.limit,
    windowEnd / 1000 + COUNTER_GRACE_SECONDS,
  );
  if (!counted) throw rateLimitReached(rule, windowEnd, nowMs);
}

/** The refusal of a request over `rule`, whose window ends at `windowEndMs`: when to retry, and what else to do. */
export function rateLimitReached(rule: RateLimitRule, windowEndMs: number, nowMs: number): RateLimitError {
  const retryAfterSeconds = Math.max(1, Math.ceil((windowEndMs - nowMs) / 1000));
  const per = rule.windowSeconds === 60 ? 'minute' : `${rule.windowSeconds} seconds`;
  return new RateLimitError(
    `Rate limit reached: ${rule.limit} requests per ${per}. Retry in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}.`,
    retryAfterSeconds,
    {
      resolution: `Wait ${retryAfterSeconds} s before the next request, or ask the courier company for a higher limit.`,
    },
  );
}
