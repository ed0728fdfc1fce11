import { describe, expect, it } from 'vitest';
import { SEATTLE_ZIPS } from './seattle-zips';
import { SERVICE_REGIONS, isServiceRegionId, serviceRegionOf } from './service-regions';

describe('service regions', () => {
  it('puts every deliverable postcode in exactly one region', () => {
    // Prepare
    const counts = new Map<string, number>();
    for (const region of SERVICE_REGIONS) for (const p of region.postcodes) counts.set(p, (counts.get(p) ?? 0) + 1);

    // Act
    const missing = SEATTLE_ZIPS.filter((z) => !counts.has(z.postcode)).map((z) => z.postcode);
    const twice = [...counts].filter(([, n]) => n > 1).map(([p]) => p);
    const unknown = [...counts.keys()].filter((p) => !SEATTLE_ZIPS.some((z) => z.postcode === p));

    // Assess
    expect(missing).toEqual([]);
    expect(twice).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it('finds the region of a postcode, ZIP+4 included, and nothing outside the area', () => {
    // Act
    const ballard = serviceRegionOf('98107');
    const alki = serviceRegionOf(' 98116-1234 ');
    const outside = serviceRegionOf('10001');

    // Assess
    expect(ballard?.name).toBe('Northwest');
    expect(alki?.id).toBe('west-seattle');
    expect(outside).toBeUndefined();
    expect(serviceRegionOf(undefined)).toBeUndefined();
    expect(isServiceRegionId('south')).toBe(true);
    expect(isServiceRegionId('mars')).toBe(false);
  });
});
