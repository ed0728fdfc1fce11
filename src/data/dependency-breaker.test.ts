import { describe, expect, it } from 'vitest';
import { createBreaker, DependencyUnavailableError, type DependencyStatus } from './dependency-breaker';

const clock = { now: () => new Date() };
const quiet = { warn: () => {}, info: () => {} };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const failing = () => Promise.reject(Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' }));

describe('createBreaker', () => {
  it('opens after the failures in a row, refuses at once while open, and closes after a good trial call', async () => {
    // Prepare
    const changes: DependencyStatus[] = [];
    const breaker = createBreaker({
      name: 'Sentiment (Amazon Comprehend)',
      fallback: 'Scored by the lexicon',
      timeoutMs: 1_000,
      failuresToOpen: 3,
      halfOpenAfterMs: 100,
      clock,
      onChange: (s) => void changes.push(s),
      log: quiet,
    });
    let calls = 0;
    const counted = () => (calls++, failing());

    // Act
    for (let i = 0; i < 3; i++) await breaker.run(counted).catch(() => {});
    const started = performance.now();
    const refused = await breaker.run(counted).catch((e: unknown) => e);
    const refusedIn = performance.now() - started;
    const whileOpen = breaker.status();
    await sleep(150);
    const trial = await breaker.run(async () => 'scored');
    await sleep(0);

    // Assess
    expect(calls).toBe(3);
    expect(refused).toBeInstanceOf(DependencyUnavailableError);
    expect(refused).toMatchObject({ reason: 'OPEN', dependency: 'Sentiment (Amazon Comprehend)' });
    expect(refusedIn).toBeLessThan(20);
    expect(whileOpen).toMatchObject({ state: 'OPEN', lastError: 'ServiceUnavailable: Service unavailable' });
    expect(trial).toBe('scored');
    expect(changes.map((c) => c.state)).toEqual(['OPEN', 'HALF_OPEN', 'CLOSED']);
    expect(breaker.status()).toMatchObject({ state: 'CLOSED', fallback: 'Scored by the lexicon' });
    expect(breaker.status().lastError).toBeUndefined();
  });

  it('gives up on a call that outlasts the timeout, aborts it, and counts it as a failure', async () => {
    // Prepare
    const breaker = createBreaker({
      name: 'Customer SMS',
      fallback: 'Kept as not sent',
      timeoutMs: 50,
      failuresToOpen: 2,
      clock,
      log: quiet,
    });
    const aborted: boolean[] = [];
    const hanging = (signal: AbortSignal) =>
      new Promise<never>((_, reject) =>
        signal.addEventListener('abort', () => {
          aborted.push(true);
          reject(new Error('aborted'));
        }),
      );

    // Act
    const started = performance.now();
    const first = await breaker.run(hanging).catch((e: unknown) => e);
    const took = performance.now() - started;
    await breaker.run(hanging).catch(() => {});

    // Assess
    expect(first).toMatchObject({ name: 'DependencyUnavailableError', reason: 'TIMEOUT' });
    expect(took).toBeLessThan(500);
    expect(aborted).toEqual([true, true]);
    expect(breaker.status().state).toBe('OPEN');
  });

  it('counts only what says the service is failing: a refusal of the request itself keeps it closed', async () => {
    // Prepare
    const { isServiceFailure } = await import('./dependency-breaker');
    const breaker = createBreaker({
      name: 'Customer SMS',
      fallback: 'Kept as not sent',
      timeoutMs: 1_000,
      failuresToOpen: 2,
      counts: isServiceFailure,
      clock,
      log: quiet,
    });
    const optedOut = Object.assign(new Error('opted out'), {
      name: 'ConflictException',
      $metadata: { httpStatusCode: 400 },
    });
    const down = Object.assign(new Error('down'), {
      name: 'InternalServerException',
      $metadata: { httpStatusCode: 500 },
    });

    // Act
    for (let i = 0; i < 5; i++) await breaker.run(() => Promise.reject(optedOut)).catch(() => {});
    const afterRefusals = breaker.status().state;
    for (let i = 0; i < 2; i++) await breaker.run(() => Promise.reject(down)).catch(() => {});

    // Assess
    expect(afterRefusals).toBe('CLOSED');
    expect(breaker.status().state).toBe('OPEN');
    expect(isServiceFailure(new TypeError('fetch failed'))).toBe(true);
    expect(
      isServiceFailure(
        Object.assign(new Error('x'), { name: 'ThrottlingException', $metadata: { httpStatusCode: 400 } }),
      ),
    ).toBe(true);
  });

  it('keeps working when recording a state change fails, and logs that it could not', async () => {
    // Prepare
    const warned: string[] = [];
    const breaker = createBreaker({
      name: 'Customer SMS',
      fallback: 'Kept as not sent',
      timeoutMs: 1_000,
      failuresToOpen: 1,
      clock,
      onChange: () => Promise.reject(new Error('table unavailable')),
      log: { warn: (m) => void warned.push(m), info: () => {} },
    });

    // Act
    await breaker.run(failing).catch(() => {});
    await sleep(0);

    // Assess
    expect(breaker.status().state).toBe('OPEN');
    expect(warned).toEqual(['Customer SMS: circuit open', 'Customer SMS: breaker state not recorded']);
  });
});
