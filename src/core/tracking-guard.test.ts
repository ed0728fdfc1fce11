import { describe, expect, it } from 'vitest';
import { NotFoundError, RateLimitError } from './errors';
import { createMemoryRateLimitCounter } from './testing/memory-repositories';
import { guardPublicLookup, type TrackingGuardRules } from './tracking-guard';

const RULES: TrackingGuardRules = { lookupsPerMinute: 10, missesPerWindow: 3, missWindowSeconds: 900 };

function setup(at = '2025-06-10T15:05:00.000Z') {
  const counter = createMemoryRateLimitCounter();
  const time = { at };
  const clock = { now: () => new Date(time.at) };
  const found = () => Promise.resolve('tracked');
  const missing = () => Promise.reject(new NotFoundError('No booking with reference K7M-4XR-8.'));
  const run = (source: string, lookup: () => Promise<string>) =>
    guardPublicLookup(source, lookup, { counter, clock }, RULES);
  return { run, found, missing, time };
}

describe('public tracking guard', () => {
  it('lets a customer who mistypes once find the parcel at the next try', async () => {
    const { run, found, missing } = setup();
    await expect(run('198.51.100.7', missing)).rejects.toBeInstanceOf(NotFoundError);
    await expect(run('198.51.100.7', found)).resolves.toBe('tracked');
  });

  it('locks an address out after its misses, hits included, and leaves other addresses alone', async () => {
    // Prepare
    const { run, found, missing } = setup();
    for (let i = 0; i < RULES.missesPerWindow; i++) {
      await expect(run('203.0.113.9', missing)).rejects.toBeInstanceOf(NotFoundError);
    }

    // Act
    const locked = await run('203.0.113.9', found).catch((e: unknown) => e);

    // Assess
    expect(locked).toBeInstanceOf(RateLimitError);
    expect((locked as RateLimitError).retryAfterSeconds).toBe(600);
    expect((locked as RateLimitError).message).toBe(
      'Too many tracking references that do not exist were looked up from your connection. Try again in 10 minutes.',
    );
    await expect(run('198.51.100.7', found)).resolves.toBe('tracked');
  });

  it('keeps counting misses across the quarter hour, so a burst that straddles it is locked out', async () => {
    // Prepare: misses just before 15:15 and then just after it.
    const { run, found, missing, time } = setup('2025-06-10T15:14:58.000Z');
    for (let i = 0; i < RULES.missesPerWindow - 1; i++) await run('203.0.113.20', missing).catch(() => undefined);
    time.at = '2025-06-10T15:15:01.000Z';
    await run('203.0.113.20', missing).catch(() => undefined);

    // Act
    const straddled = await run('203.0.113.20', found).catch((e: unknown) => e);
    time.at = '2025-06-10T15:29:59.000Z';
    const later = await run('203.0.113.20', found);

    // Assess: locked right after the boundary; free once the earlier misses have slid out of the window.
    expect(straddled).toBeInstanceOf(RateLimitError);
    expect(later).toBe('tracked');
  });

  it('limits lookups per minute per address, found or not', async () => {
    const { run, found } = setup();
    for (let i = 0; i < RULES.lookupsPerMinute; i++) await expect(run('192.0.2.1', found)).resolves.toBe('tracked');
    await expect(run('192.0.2.1', found)).rejects.toBeInstanceOf(RateLimitError);
    await expect(run('192.0.2.2', found)).resolves.toBe('tracked');
  });

  it('passes faults on without counting them as misses', async () => {
    const { run, found } = setup();
    for (let i = 0; i < RULES.missesPerWindow + 1; i++) {
      await expect(run('192.0.2.3', () => Promise.reject(new Error('table down')))).rejects.toThrow('table down');
    }
    await expect(run('192.0.2.3', found)).resolves.toBe('tracked');
  });
});
