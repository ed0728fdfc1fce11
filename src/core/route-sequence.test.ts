import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  insertIntoOrder,
  optimalSequence,
  scheduleOf,
  sequenceStops,
  type SequenceProblem,
  type SequenceResult,
} from './route-sequence';
import { randomDay, straightLineTravelS } from './testing/sequence-instances';

/** Every delivery after its pickup, every stop exactly once. */
function assertValidOrder(problem: SequenceProblem, result: SequenceResult) {
  expect([...result.order].sort((a, b) => a - b)).toEqual(problem.stops.map((_, i) => i));
  const position = new Map(result.order.map((stop, k) => [stop, k]));
  problem.stops.forEach((stop, i) => {
    if (stop.after !== undefined) expect(position.get(stop.after)!).toBeLessThan(position.get(i)!);
  });
}

describe('sequenceStops', () => {
  it('puts every pickup before its delivery on random days of 1 to 50 stops', () => {
    // Prepare
    const days = [1, 2, 3, 4, 5, 9, 16, 25, 40, 50].map((n, k) => randomDay(n, 700 + k));
    for (const day of days) {
      // Act
      const result = sequenceStops(day, { seed: 3 });
      // Assess
      assertValidOrder(day, result);
      const schedule = scheduleOf(day, result.order);
      expect(result.finishS).toBeCloseTo(schedule.finishS, 6);
      expect(result.lateS).toBeCloseTo(
        schedule.lateS.reduce((a, b) => a + b, 0),
        6,
      );
    }
  });

  it('finds the exact optimum on small days', () => {
    for (let seed = 1; seed <= 12; seed++) {
      // Prepare
      const day = randomDay(8, 9000 + seed);
      // Act
      const found = sequenceStops(day, { seed: 1 });
      const best = optimalSequence(day);
      // Assess
      expect(found.cost).toBeCloseTo(best.cost, 6);
    }
  });

  it('finds the exact optimum on days of 10 stops', () => {
    for (const seed of [81, 82, 83, 84, 85, 86]) {
      // Prepare
      const day = randomDay(10, seed);
      // Act
      const found = sequenceStops(day);
      // Assess
      expect(found.cost).toBeCloseTo(optimalSequence(day).cost, 6);
    }
  });

  it('stays within 1 % of the best known on days of 30 stops', () => {
    // Prepare: the best known of each day, from three runs with five times the default budget.
    const bestKnown = new Map([
      [71, 63170.12828266696],
      [72, 89079.72186513552],
      [73, 77213.87812837194],
      [74, 190888.54633348854],
    ]);
    for (const [seed, known] of bestKnown) {
      // Act
      const found = sequenceStops(randomDay(30, seed));
      // Assess
      expect(found.cost).toBeLessThanOrEqual(known * 1.01);
    }
  });

  it('costs no move that puts a delivery before its pickup', () => {
    // Prepare: one parcel, so its pickup then its delivery is the only order and every move would break it.
    const day = randomDay(2, 17);
    // Act
    const result = sequenceStops(day, { seed: 1 });
    // Assess: the one evaluation is the cheapest insertion's, which builds the second start.
    expect(result.order).toEqual([0, 1]);
    expect(result.evaluations).toBe(1);
  });

  it('finds the optimum on any day of up to 7 stops (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 1_000_000 }), (stops, daySeed) => {
        const day = randomDay(stops, daySeed);
        expect(sequenceStops(day).cost).toBeCloseTo(optimalSequence(day).cost, 6);
      }),
      { numRuns: 40, seed: 20261206 },
    );
  });

  it('keeps within the budget of move evaluations, give or take one local search', () => {
    // Prepare
    const day = randomDay(50, 5150);
    // Act
    const result = sequenceStops(day, { budget: 50_000 });
    // Assess: the budget is checked between local searches, so it is overrun by at most one of them.
    expect(result.evaluations).toBeGreaterThanOrEqual(50_000);
    expect(result.evaluations).toBeLessThan(50_000 + 60_000);
    assertValidOrder(day, result);
  });

  it('serves every pickup inside its window when the windows allow it', () => {
    // Prepare: three parcels on a line, windows that only the order B, A, C meets.
    const points = [
      { lat: 47.6, lng: -122.3 },
      { lat: 47.61, lng: -122.3 },
      { lat: 47.61, lng: -122.29 },
      { lat: 47.62, lng: -122.3 },
      { lat: 47.62, lng: -122.29 },
      { lat: 47.63, lng: -122.3 },
      { lat: 47.63, lng: -122.29 },
    ];
    const problem: SequenceProblem = {
      stops: [
        { readyS: 3600, dueS: 4200, serviceS: 300 },
        { serviceS: 300, after: 0 },
        { readyS: 0, dueS: 900, serviceS: 300 },
        { serviceS: 300, after: 2 },
        { readyS: 7200, dueS: 7800, serviceS: 300 },
        { serviceS: 300, after: 4 },
      ],
      travelS: straightLineTravelS(points),
    };
    // Act
    const result = sequenceStops(problem, { seed: 1 });
    // Assess
    assertValidOrder(problem, result);
    expect(result.lateS).toBe(0);
    const schedule = scheduleOf(problem, result.order);
    for (const pickup of [0, 2, 4]) {
      expect(schedule.arriveS[pickup]!).toBeGreaterThanOrEqual(problem.stops[pickup]!.readyS!);
      expect(schedule.arriveS[pickup]!).toBeLessThanOrEqual(problem.stops[pickup]!.dueS!);
    }
    expect(result.order.indexOf(2)).toBeLessThan(result.order.indexOf(0));
    expect(result.order.indexOf(0)).toBeLessThan(result.order.indexOf(4));
  });

  it('finds an on-time order for eight parcels whose windows follow one another', () => {
    // Prepare: eight parcels around the courier, each pickup's half-hour window an hour after the last one's,
    // so that on-time orders exist.
    const points = [{ lat: 47.6, lng: -122.3 }];
    const stops: SequenceProblem['stops'][number][] = [];
    for (let k = 0; k < 8; k++) {
      const angle = (k * 3 * Math.PI) / 8;
      points.push({ lat: 47.6 + 0.04 * Math.sin(angle), lng: -122.3 + 0.06 * Math.cos(angle) });
      points.push({ lat: 47.6 - 0.03 * Math.sin(angle), lng: -122.3 + 0.05 * Math.cos(angle + 1) });
      stops.push({ readyS: k * 3600, dueS: k * 3600 + 1800, serviceS: 300 });
      stops.push({ serviceS: 300, after: 2 * k });
    }
    const problem: SequenceProblem = { stops, travelS: straightLineTravelS(points) };
    // Act
    const result = sequenceStops(problem, { seed: 1 });
    // Assess
    assertValidOrder(problem, result);
    expect(result.lateS).toBe(0);
    const schedule = scheduleOf(problem, result.order);
    stops.forEach((stop, i) => {
      if (stop.dueS !== undefined) expect(schedule.arriveS[i]!).toBeLessThanOrEqual(stop.dueS);
    });
  });

  it('gives the same sequence for the same seed, whatever ran before', () => {
    // Prepare
    const day = randomDay(30, 4242);
    // Act
    const first = sequenceStops(day, { seed: 7 });
    sequenceStops(randomDay(20, 1), { seed: 99 });
    const second = sequenceStops(day, { seed: 7 });
    // Assess
    expect(second.order).toEqual(first.order);
    expect(second.evaluations).toBe(first.evaluations);
  });

  it('refuses a travel matrix of the wrong size and a stop that must follow itself', () => {
    expect(() => sequenceStops({ stops: [{ serviceS: 60 }], travelS: [0, 1, 1] })).toThrow(/travelS must have 4/);
    expect(() => sequenceStops({ stops: [{ serviceS: 60, after: 0 }], travelS: [0, 1, 1, 0] })).toThrow(
      /stops\[0\]\.after/,
    );
  });

  it('keeps precedence and matches the optimum cost or above it, for any small day (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000 }),
        (stops, daySeed, seed) => {
          const day = randomDay(stops, daySeed);
          const result = sequenceStops(day, { seed, budget: 2_000 });
          assertValidOrder(day, result);
          expect(result.cost).toBeGreaterThanOrEqual(optimalSequence(day).cost - 1e-6);
        },
      ),
      { numRuns: 60, seed: 20261205 },
    );
  });
});

describe('insertIntoOrder', () => {
  it("keeps the courier's order and puts new stops in with pickup before delivery", () => {
    // Prepare: the courier ordered the first three parcels' stops by hand; two more parcels came in.
    const day = randomDay(10, 31);
    const kept = [2, 3, 0, 1, 4, 5].filter((i) => i < day.stops.length);
    // Act
    const result = insertIntoOrder(day, kept);
    // Assess
    assertValidOrder(day, result);
    expect(result.order.filter((i) => kept.includes(i))).toEqual(kept);
  });

  it('refuses a kept order with a delivery before its pickup', () => {
    const day = randomDay(4, 5);
    expect(() => insertIntoOrder(day, [1, 0])).toThrow(/comes before/);
  });
});
