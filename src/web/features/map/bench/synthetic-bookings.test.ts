import { describe, expect, it } from 'vitest';
import { STATUS_ORDER } from '../../../lib/booking-status';
import { SEATTLE_BOUNDS, syntheticBookingPoints } from './synthetic-bookings';

describe('syntheticBookingPoints', () => {
  it('makes the same set for the same seed and a different one for another seed', () => {
    // Act
    const first = syntheticBookingPoints(500, 7);
    const again = syntheticBookingPoints(500, 7);
    const other = syntheticBookingPoints(500, 8);

    // Assess
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('puts every booking inside Seattle with a unique reference, and uses every status', () => {
    // Act
    const points = syntheticBookingPoints(2000, 1);

    // Assess
    expect(points).toHaveLength(2000);
    expect(new Set(points.map((p) => p.reference)).size).toBe(2000);
    for (const p of points) {
      expect(p.lat).toBeGreaterThanOrEqual(SEATTLE_BOUNDS.south);
      expect(p.lat).toBeLessThanOrEqual(SEATTLE_BOUNDS.north);
      expect(p.lng).toBeGreaterThanOrEqual(SEATTLE_BOUNDS.west);
      expect(p.lng).toBeLessThanOrEqual(SEATTLE_BOUNDS.east);
    }
    expect(new Set(points.map((p) => p.status))).toEqual(new Set(STATUS_ORDER));
    expect(new Set(syntheticBookingPoints(STATUS_ORDER.length).map((p) => p.status))).toEqual(new Set(STATUS_ORDER));
  });

  it('refuses a count that is not a whole number, naming it', () => {
    // Act
    const make = () => syntheticBookingPoints(-1);

    // Assess
    expect(make).toThrow(/count must be a whole number/);
    expect(() => syntheticBookingPoints(1.5)).toThrow(/count/);
  });
});
