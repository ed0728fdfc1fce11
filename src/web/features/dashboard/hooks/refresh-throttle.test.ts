import { describe, it, expect } from 'vitest';
import { createRefreshThrottle, type Timers } from './refresh-throttle';

function fakeTimers() {
  let now = 0;
  const queue: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = ++ids;
      queue.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (handle) => {
      const i = queue.findIndex((t) => t.id === handle);
      if (i >= 0) queue.splice(i, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const t of queue.filter((t) => t.at <= now)) {
      queue.splice(queue.indexOf(t), 1);
      t.fn();
    }
  };
  return { timers, advance };
}

describe('createRefreshThrottle', () => {
  it('refreshes at once, then once more after a burst', () => {
    // Prepare
    const { timers, advance } = fakeTimers();
    let refreshes = 0;
    const throttle = createRefreshThrottle(() => refreshes++, 2000, timers);

    // Act
    throttle.trigger();
    const afterFirst = refreshes;
    for (let i = 0; i < 10; i++) {
      advance(100);
      throttle.trigger();
    }
    const duringBurst = refreshes;
    advance(2000);

    // Assess
    expect([afterFirst, duringBurst, refreshes]).toEqual([1, 1, 2]);
  });

  it('drops the trailing refresh when cancelled', () => {
    // Prepare
    const { timers, advance } = fakeTimers();
    let refreshes = 0;
    const throttle = createRefreshThrottle(() => refreshes++, 1000, timers);
    throttle.trigger();
    throttle.trigger();

    // Act
    throttle.cancel();
    advance(5000);

    // Assess
    expect(refreshes).toBe(1);
  });

  it('waits for the rollups to settle before refreshing after a change', () => {
    // Prepare
    const { timers, advance } = fakeTimers();
    let refreshes = 0;
    const throttle = createRefreshThrottle(() => refreshes++, 2000, timers, 500);

    // Act
    throttle.trigger();
    advance(499);
    const beforeSettled = refreshes;
    advance(1);

    // Assess
    expect([beforeSettled, refreshes]).toEqual([0, 1]);
  });
});
