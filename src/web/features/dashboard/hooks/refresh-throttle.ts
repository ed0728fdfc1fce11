// Coalesces bursts of change events into at most one refresh per interval, with a trailing refresh so the
// last change of a burst is always reflected. Each refresh waits `settleMs` after the change that caused it:
// the rollups are written by their own change-feed consumer (a separate Lambda in the cloud), which may
// finish a moment after the notifier that told us about the change.

export type Timers = {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
};

export type Throttle = { trigger(): void; cancel(): void };

export function createRefreshThrottle(refresh: () => void, intervalMs: number, timers: Timers, settleMs = 0): Throttle {
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
      const wait = Math.max(settleMs, last + intervalMs - timers.now());
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
