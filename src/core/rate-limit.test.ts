import { describe, expect, it } from 'vitest';
import { RateLimitError } from './errors';
import { enforceRateLimit, partnerRateLimitKey } from './rate-limit';
import { fixedClock } from './system-clock';
import { createMemoryRateLimitCounter } from './testing/memory-repositories';

describe('enforceRateLimit', () => {
  it('allows exactly the limit per window, then says how many seconds until the window resets', async () => {
    // Prepare
    const clock = fixedClock('2025-06-10T15:00:20.000Z');
    const deps = { counter: createMemoryRateLimitCounter(), clock };
    const rule = { limit: 3, windowSeconds: 60 };
    // Act
    for (let i = 0; i < 3; i++) await enforceRateLimit(partnerRateLimitKey('acme'), rule, deps);
    const error = await enforceRateLimit(partnerRateLimitKey('acme'), rule, deps).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterSeconds).toBe(40);
    expect((error as Error).message).toContain('Retry in 40 seconds');
  });

  it('starts afresh in the next window and keeps partners apart', async () => {
    const clock = fixedClock('2025-06-10T15:00:59.500Z');
    const deps = { counter: createMemoryRateLimitCounter(), clock };
    const rule = { limit: 1, windowSeconds: 60 };
    await enforceRateLimit(partnerRateLimitKey('acme'), rule, deps);
    await expect(enforceRateLimit(partnerRateLimitKey('acme'), rule, deps)).rejects.toMatchObject({
      retryAfterSeconds: 1,
    });
    await enforceRateLimit(partnerRateLimitKey('globex'), rule, deps);
    clock.set('2025-06-10T15:01:00.000Z');
    await expect(enforceRateLimit(partnerRateLimitKey('acme'), rule, deps)).resolves.toBeUndefined();
  });
});
