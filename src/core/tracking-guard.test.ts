import { describe, expect, it, vi } from 'vitest';
import { NotFoundError, RateLimitError } from './errors';
import type { RateLimitCounter } from './ports';
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

  it('counts the lookup and learns the misses in one counter call, and looks up only once it has answered', async () => {
    // Prepare: a counter whose answers wait until released, recording which calls have started.
    const counter = createMemoryRateLimitCounter();
    const started: string[] = [];
    const gates: (() => void)[] = [];
    const gated: RateLimitCounter = {
      increment: counter.increment,
      add: (key, field, options) => {
        started.push(field);
        return new Promise((resolve, reject) =>
          gates.push(() => counter.add(key, field, options).then(resolve, reject)),
        );
      },
    };
    const clock = { now: () => new Date('2025-06-10T15:05:00.000Z') };
    const lookup = vi.fn(() => Promise.resolve('tracked'));

    // Act
    const result = guardPublicLookup('198.51.100.40', lookup, { counter: gated, clock }, RULES);
    await new Promise((resolve) => setImmediate(resolve));
    const beforeAnswer = { started: [...started], lookups: lookup.mock.calls.length };
    gates.shift()?.();

    // Assess: one counter call (this minute's lookups, on the address's item for the quarter hour), then the lookup.
    expect(beforeAnswer).toEqual({ started: ['lookups#1749567900'], lookups: 0 });
    await expect(result).resolves.toBe('tracked');
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(gates).toHaveLength(0);
    expect([...counter.stored.keys()]).toEqual(['track#198.51.100.40#1749567600']);
  });

  it('counts a miss in its window and, as the previous window’s, in the next', async () => {
    // Prepare
    const counter = createMemoryRateLimitCounter();
    const clock = { now: () => new Date('2025-06-10T15:05:00.000Z') };
    const missing = () => Promise.reject(new NotFoundError('No booking with reference K7M-4XR-8.'));

    // Act
    const outcome = await guardPublicLookup('198.51.100.41', missing, { counter, clock }, RULES).catch(
      (e: unknown) => e,
    );

    // Assess
    expect(outcome).toBeInstanceOf(NotFoundError);
    expect(Object.fromEntries(counter.stored)).toEqual({
      'track#198.51.100.41#1749567600': { 'lookups#1749567900': 1, misses: 1 },
      'track#198.51.100.41#1749568500': { previousMisses: 1 },
    });
  });

  it('refuses a locked-out address as locked out, also once its lookups for the minute are used up', async () => {
    // Prepare: the misses' lockout and then more tries than the minute allows.
    const { run, found, missing } = setup();
    for (let i = 0; i < RULES.missesPerWindow; i++) await run('203.0.113.30', missing).catch(() => undefined);

    // Act
    const refusals = [];
    for (let i = 0; i < RULES.lookupsPerMinute + 2; i++)
      refusals.push(await run('203.0.113.30', found).catch((e: unknown) => e));

    // Assess
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(RateLimitError);
      expect((refusal as RateLimitError).message).toMatch(/^Too many tracking references that do not exist/);
    }
  });

  it('neither looks up nor counts a miss when the lookup cannot be counted', async () => {
    // Prepare
    const memory = createMemoryRateLimitCounter();
    const counter: RateLimitCounter = {
      increment: memory.increment,
      add: () => Promise.reject(new Error('table down')),
    };
    const clock = { now: () => new Date('2025-06-10T15:05:00.000Z') };
    const lookup = vi.fn(() => Promise.reject(new NotFoundError('No booking with reference K7M-4XR-8.')));

    // Act
    const outcome = guardPublicLookup('192.0.2.9', lookup, { counter, clock }, RULES).catch((e: unknown) => e);

    // Assess
    await expect(outcome).resolves.toMatchObject({ message: 'table down' });
    expect(lookup).not.toHaveBeenCalled();
    expect(memory.stored.size).toBe(0);
  });
});
