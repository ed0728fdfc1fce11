import { describe, expect, it } from 'vitest';
import { cryptoRandom } from './crypto-random';
import { createMemoryOutbox } from './memory-outbox';
import { scriptedRandom, seededRandom } from './seeded-random';
import { fixedClock, systemClock } from './system-clock';

describe('random sources', () => {
  it('seeded: deterministic, in range and roughly uniform', () => {
    // Prepare
    const a = seededRandom(123);
    const b = seededRandom(123);
    // Act
    const xs = Array.from({ length: 19_000 }, () => a.int(19));
    const ys = Array.from({ length: 19_000 }, () => b.int(19));
    // Assess
    expect(xs).toEqual(ys);
    const counts = Array.from({ length: 19 }, (_, v) => xs.filter((x) => x === v).length);
    for (const c of counts) expect(c).toBeGreaterThan(800);
    expect(() => a.int(0)).toThrow(RangeError);
  });

  it('scripted: replays values, then falls back; crypto: stays in range', () => {
    // Prepare
    const s = scriptedRandom([3, 1], seededRandom(1));
    // Act / Assess
    expect([s.int(5), s.int(5)]).toEqual([3, 1]);
    expect(s.int(5)).toBeLessThan(5);
    expect(() => scriptedRandom([9]).int(5)).toThrow(RangeError);
    for (let i = 0; i < 100; i++) expect(cryptoRandom.int(19)).toBeLessThan(19);
  });
});

describe('clocks', () => {
  it('fixed clock moves only when told; system clock tracks real time', () => {
    // Prepare
    const c = fixedClock('2025-01-01T00:00:00Z');
    // Act
    c.advance(60_000);
    const advanced = c.now().toISOString();
    c.set('2025-02-01T00:00:00Z');
    // Assess
    expect(advanced).toBe('2025-01-01T00:01:00.000Z');
    expect(c.now().toISOString()).toBe('2025-02-01T00:00:00.000Z');
    expect(Math.abs(systemClock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});

describe('memory outbox', () => {
  it('keeps copies of what was sent, by booking', async () => {
    // Prepare
    const outbox = createMemoryOutbox();
    const n = {
      kind: 'COLLECTED' as const,
      to: { phone: '+1' },
      bookingReference: 'R',
      trackingUrl: 'u',
      message: 'm',
    };
    // Act
    await outbox.send(n);
    n.message = 'changed later';
    // Assess
    expect(outbox.forBooking('R')).toEqual([{ ...n, message: 'm' }]);
    outbox.clear();
    expect(outbox.sent).toHaveLength(0);
  });
});
