// The Clock port on the machine's wall clock.
import type { Clock } from './ports';

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved: for tests and replays that need exact times. */
export function fixedClock(start: Date | string): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (at) => {
      current = new Date(at);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
