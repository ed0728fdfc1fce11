// A deterministic Random port (mulberry32): the same seed gives the same references and demo data.
import type { Random } from './ports';

export function seededRandom(seed: number): Random & { next(): number } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (maxExclusive) => {
      if (!Number.isInteger(maxExclusive) || maxExclusive <= 0) {
        throw new RangeError(`maxExclusive must be a positive integer, got ${maxExclusive}`);
      }
      return Math.floor(next() * maxExclusive);
    },
  };
}

/** A Random that replays the given values, then falls back to `then` (for collision tests). */
export function scriptedRandom(values: number[], then: Random = seededRandom(1)): Random {
  const queue = [...values];
  return {
    int: (maxExclusive) => {
      const v = queue.shift();
      if (v === undefined) return then.int(maxExclusive);
      if (v < 0 || v >= maxExclusive) throw new RangeError(`scripted value ${v} is outside 0..${maxExclusive - 1}`);
      return v;
    },
  };
}
