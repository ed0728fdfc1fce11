import { describe, expect, it } from 'vitest';
import { FALLBACK_DISTANCE_KM, estimateEta, estimateRoadKm, type EtaInput } from './eta';

const base: EtaInput = {
  status: 'BOOKED',
  pickup: { line1: 'a', city: 'Seattle', postcode: '98101', country: 'US', point: { lat: 47.6073, lng: -122.3381 } },
  delivery: { line1: 'b', city: 'Seattle', postcode: '98103', country: 'US', point: { lat: 47.6505, lng: -122.3421 } },
  package: { size: 'SMALL', weightKg: 1, handling: [] },
  pickupWindow: { start: '2025-06-10T16:00:00.000Z', end: '2025-06-10T18:00:00.000Z' },
};
const now = new Date('2025-06-10T15:00:00.000Z');

describe('estimateEta', () => {
  it('before collection: mid-window plus loading, travel and unloading, rounded up to 5 minutes', () => {
    // Act
    const eta = estimateEta(base, now);
    // Assess: ~4.8 km straight, ~6.5 km by road at 22 km/h ≈ 18 min, + 14 min handling after 17:00
    expect(eta).toBe('2025-06-10T17:35:00.000Z');
    expect(estimateRoadKm(base)).toBeGreaterThan(6);
  });

  it('never starts from the past, adds handling time, and shrinks as the parcel moves', () => {
    // Prepare
    const late = new Date('2025-06-10T17:30:00.000Z');
    // Act
    const afterMid = estimateEta(base, late);
    const careful = estimateEta(
      {
        ...base,
        package: { size: 'OVERSIZED', weightKg: 90, handling: ['FRAGILE', 'SIGNATURE_REQUIRED', 'HAZARDOUS'] },
      },
      now,
    );
    const inTransit = estimateEta({ ...base, status: 'IN_TRANSIT' }, late);
    const out = estimateEta({ ...base, status: 'OUT_FOR_DELIVERY' }, late);
    // Assess
    expect(Date.parse(afterMid ?? '')).toBeGreaterThan(late.getTime());
    expect(Date.parse(careful ?? '')).toBeGreaterThan(Date.parse(estimateEta(base, now) ?? ''));
    expect(Date.parse(out ?? '')).toBeLessThan(Date.parse(inTransit ?? ''));
  });

  it('reports the delivery time once delivered and nothing for failed, returned or cancelled', () => {
    // Act / Assess
    expect(estimateEta({ ...base, status: 'DELIVERED' }, now)).toBe(now.toISOString());
    for (const status of ['FAILED_DELIVERY', 'RETURNED', 'CANCELLED'] as const) {
      expect(estimateEta({ ...base, status }, now)).toBeUndefined();
    }
  });

  it('assumes a typical trip when coordinates are missing', () => {
    // Act
    const km = estimateRoadKm({ pickup: { ...base.pickup, point: undefined }, delivery: base.delivery });
    // Assess
    expect(km).toBe(FALLBACK_DISTANCE_KM);
  });
});
