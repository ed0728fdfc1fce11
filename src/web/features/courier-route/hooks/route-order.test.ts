import { describe, expect, it } from 'vitest';
import { canMove, moveStop, type StopKey } from './route-order';

const p = (reference: string): StopKey => ({ reference, kind: 'PICKUP' });
const d = (reference: string): StopKey => ({ reference, kind: 'DELIVERY' });

describe('moving a stop of the route', () => {
  const route = [p('A'), d('A'), p('B'), d('C'), d('B')];

  it('swaps a stop with its neighbour', () => {
    expect(moveStop(route, 2, -1)).toEqual([p('A'), p('B'), d('A'), d('C'), d('B')]);
    expect(moveStop(route, 3, 1)).toEqual([p('A'), d('A'), p('B'), d('B'), d('C')]);
  });

  it('never puts a delivery above its own pickup, in either direction', () => {
    expect(canMove(route, 1, -1)).toBe(false);
    expect(canMove(route, 0, 1)).toBe(false);
    expect(moveStop(route, 1, -1)).toEqual(route);
  });

  it('offers no move past either end', () => {
    expect(canMove(route, 0, -1)).toBe(false);
    expect(canMove(route, 4, 1)).toBe(false);
    expect(canMove([], 0, 1)).toBe(false);
  });

  it('lets unrelated stops pass each other', () => {
    expect(canMove(route, 4, -1)).toBe(true);
    expect(canMove(route, 2, 1)).toBe(true);
  });
});
