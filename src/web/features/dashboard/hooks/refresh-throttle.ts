// Coalesces bursts of change events into at most one refresh per interval, with a trailing refresh so the
// last change of a burst is always reflected.

export type Timers = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type Throttle = { trigger(): void; cancel(): void };

export function createRefreshThrottle(refresh: () => void, intervalMs: number, timers: Timers): Throttle {
  let last = Number.NEGATIVE_INFINITY;
  let pending: unknown;
  const run = () => {
    pending = undefined;
    last = timers.now();
    refresh();
  };
  return {
    trigger() {
      if (pending !== undefined) return;
      const wait = last + intervalMs - timers.now();
      if (wait <= 0) run();
      else pending = timers.setTimeout(run, wait);
    },
    cancel() {
      if (pending !== undefined) timers.clearTimeout(pending);
      pending = undefined;
    },
  };
}

export const browserTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => window.setTimeout(fn, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
};
