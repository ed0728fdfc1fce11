import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random';
import {
  SEATTLE_STREETS,
  SEATTLE_ZIPS,
  createGazetteerGeocoder,
  geocodeSeattle,
  haversineKm,
  randomAddressIn,
  sameStreet,
  seattleStreetNames,
} from './gazetteer-geocoder';

const inSeattle = (lat: number, lng: number) => lat > 47.48 && lat < 47.75 && lng > -122.45 && lng < -122.22;

describe('shipped gazetteer data', () => {
  it('covers Seattle’s delivery ZIPs and at least 150 real streets, all inside the city', () => {
    // Prepare
    const zips = new Set(SEATTLE_ZIPS.map((z) => z.postcode));
    // Act
    const segments = SEATTLE_STREETS.flatMap((s) => s.segments);
    // Assess
    expect(SEATTLE_ZIPS.length).toBeGreaterThanOrEqual(30);
    for (const z of SEATTLE_ZIPS) {
      expect(z.postcode).toMatch(/^981\d\d$/);
      expect(inSeattle(z.lat, z.lng)).toBe(true);
      expect(z.neighbourhoods.length).toBeGreaterThan(0);
    }
    expect(SEATTLE_STREETS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(seattleStreetNames()).size).toBe(SEATTLE_STREETS.length);
    for (const name of [
      '1st Ave',
      '9th Ave',
      'Pike St',
      'Pine St',
      'Union St',
      'University St',
      'Seneca St',
      'Madison St',
      'Spring St',
      'Marion St',
      'Columbia St',
      'Cherry St',
      'James St',
      'Broadway E',
      'NW Market St',
      'Fremont Ave N',
      'Queen Anne Ave N',
      'University Way NE',
      'Beacon Ave S',
      'California Ave SW',
    ]) {
      expect(seattleStreetNames()).toContain(name);
    }
    for (const [lat1, lng1, lat2, lng2, from, to, zip] of segments) {
      expect(inSeattle(lat1, lng1) && inSeattle(lat2, lng2)).toBe(true);
      expect(from).not.toBe(to);
      expect(zips.has(zip)).toBe(true);
    }
  });
});

describe('geocodeSeattle', () => {
  it('interpolates a house number on its street: ADDRESS precision', () => {
    // Act
    const r = geocodeSeattle({ line1: '1201 Third Avenue, Suite 400', city: 'Seattle', postcode: '98101' });
    // Assess
    expect(r).toMatchObject({
      status: 'FOUND',
      precision: 'ADDRESS',
      normalized: { line1: '1201 3rd Ave', city: 'Seattle', region: 'WA', postcode: '98101', country: 'US' },
    });
    if (r.status !== 'FOUND') throw new Error('unreachable');
    // Seattle Art Museum / 3rd & University is within a few hundred metres
    expect(haversineKm(r.point, { lat: 47.6073, lng: -122.3381 })).toBeLessThan(0.4);
  });

  it('orders numbers along the street: a higher number on a north-end avenue is further north', () => {
    // Act
    const a = geocodeSeattle({ line1: '4500 University Way NE' });
    const b = geocodeSeattle({ line1: '5000 University Way NE' });
    // Assess
    if (a.status !== 'FOUND' || b.status !== 'FOUND') throw new Error('expected both found');
    expect(b.point.lat).toBeGreaterThan(a.point.lat);
    expect(haversineKm(a.point, { lat: 47.6613, lng: -122.3134 })).toBeLessThan(0.3);
  });

  it('falls back to the street (midpoint) without a number, and to the ZIP centroid with only a postcode', () => {
    // Act
    const street = geocodeSeattle({ line1: 'Stone Way N', postcode: '98103' });
    const zip = geocodeSeattle({ line1: '', postcode: '98107-1234' });
    // Assess
    expect(street).toMatchObject({ status: 'FOUND', precision: 'STREET', normalized: { line1: 'Stone Way N' } });
    expect(zip).toMatchObject({ status: 'FOUND', precision: 'POSTCODE', normalized: { postcode: '98107' } });
  });

  it('is ambiguous when a street runs through several ZIPs or directions and nothing narrows it', () => {
    // Act
    const broadway = geocodeSeattle({ line1: 'Broadway' });
    const fortyFifth = geocodeSeattle({ line1: '1705 45th St' });
    const narrowed = geocodeSeattle({ line1: '1705 45th St', postcode: '98103' });
    // Assess
    expect(broadway.status).toBe('AMBIGUOUS');
    if (broadway.status === 'AMBIGUOUS')
      expect(new Set(broadway.candidates.map((c) => c.postcode)).size).toBeGreaterThan(1);
    expect(fortyFifth.status).toBe('AMBIGUOUS');
    if (fortyFifth.status === 'AMBIGUOUS') {
      expect(fortyFifth.candidates.map((c) => c.label)).toEqual(
        expect.arrayContaining([expect.stringContaining('N 45th St'), expect.stringContaining('NE 45th St')]),
      );
    }
    expect(narrowed).toMatchObject({ status: 'FOUND', normalized: { line1: '1705 N 45th St' } });
  });

  it('uses the house number to tell apart streets that share a name', () => {
    // Act
    const downtown = geocodeSeattle({ line1: '500 Pike St' });
    const capitolHill = geocodeSeattle({ line1: '1100 Pike St' });
    // Assess
    expect(downtown).toMatchObject({ status: 'FOUND', normalized: { line1: '500 Pike St', postcode: '98101' } });
    expect(capitolHill).toMatchObject({ status: 'FOUND', normalized: { line1: '1100 E Pike St', postcode: '98122' } });
  });

  it('forgives small misspellings of longer names but not of numbered streets', () => {
    // Act
    const typo = geocodeSeattle({ line1: '4700 Califronia Ave SW' });
    const wrongNumber = geocodeSeattle({ line1: '1705 N 46th St' });
    // Assess
    expect(typo).toMatchObject({ status: 'FOUND', normalized: { line1: '4700 California Ave SW' } });
    expect(wrongNumber).toEqual({ status: 'NOT_FOUND', reason: 'UNKNOWN_STREET' });
  });

  it('knows the aliases people use', () => {
    // Act
    const mlk = geocodeSeattle({ line1: '6500 MLK Way S' });
    // Assess
    expect(mlk).toMatchObject({ status: 'FOUND', normalized: { line1: '6500 Martin Luther King Jr Way S' } });
  });

  it('says why it found nothing', () => {
    // Act / Assess
    expect(geocodeSeattle({ line1: '12 Nonexistent Rd' })).toEqual({ status: 'NOT_FOUND', reason: 'UNKNOWN_STREET' });
    expect(geocodeSeattle({ line1: '1 Main St', postcode: '10001' })).toEqual({
      status: 'NOT_FOUND',
      reason: 'UNKNOWN_POSTCODE',
    });
    expect(geocodeSeattle({ line1: '1201 3rd Ave', city: 'Portland' })).toEqual({
      status: 'NOT_FOUND',
      reason: 'UNKNOWN_CITY',
    });
    expect(geocodeSeattle({ line1: '1201 3rd Ave', country: 'CA' })).toEqual({
      status: 'NOT_FOUND',
      reason: 'UNKNOWN_CITY',
    });
    expect(geocodeSeattle({ line1: '' })).toEqual({ status: 'NOT_FOUND', reason: 'EMPTY' });
    expect(geocodeSeattle({ line1: '1201 3rd Ave', postcode: '98177' })).toEqual({
      status: 'NOT_FOUND',
      reason: 'UNKNOWN_STREET',
    });
  });

  it('places a number beyond the known range on the street rather than inventing a position', () => {
    // Act
    const r = geocodeSeattle({ line1: '99999 Stone Way N' });
    // Assess
    expect(r).toMatchObject({ status: 'FOUND', precision: 'STREET' });
  });

  it('accepts a stated ZIP next to the one it places the street in', () => {
    // Act: 1st Ave at 900 lies in 98104 by our data; 98101 is the neighbouring downtown ZIP
    const r = geocodeSeattle({ line1: '900 1st Ave', postcode: '98101' });
    // Assess
    expect(r).toMatchObject({ status: 'FOUND', precision: 'ADDRESS', normalized: { postcode: '98101' } });
  });
});

describe('randomAddressIn', () => {
  it('makes real addresses that geocode back to the same place', async () => {
    // Prepare
    const random = seededRandom(2024);
    const geocoder = createGazetteerGeocoder();
    for (let i = 0; i < 200; i++) {
      const address = randomAddressIn(random);
      // Act
      const r = await geocoder.geocode({ line1: address.line1, postcode: address.postcode, city: address.city });
      // Assess
      expect(r.status).toBe('FOUND');
      if (r.status === 'FOUND' && address.point) expect(haversineKm(r.point, address.point)).toBeLessThan(0.05);
    }
  });

  it('stays inside a requested ZIP and refuses one it does not know', () => {
    // Prepare
    const random = seededRandom(1);
    // Act
    const addresses = Array.from({ length: 20 }, () => randomAddressIn(random, '98107'));
    // Assess
    for (const a of addresses) expect(a.postcode).toBe('98107');
    expect(() => randomAddressIn(random, '10001')).toThrow(RangeError);
  });
});

describe('haversineKm / sameStreet', () => {
  it('measures real distances and compares street spellings', () => {
    // Act: Space Needle to Pike Place Market is about 1.3 km
    const d = haversineKm({ lat: 47.6205, lng: -122.3493 }, { lat: 47.6097, lng: -122.3422 });
    // Assess
    expect(d).toBeGreaterThan(1.2);
    expect(d).toBeLessThan(1.5);
    expect(haversineKm({ lat: 1, lng: 1 }, { lat: 1, lng: 1 })).toBe(0);
    expect(sameStreet('1201 Third Avenue', '3rd Ave')).toBe(true);
    expect(sameStreet('N 45th St', 'NE 45th St')).toBe(false);
  });
});
