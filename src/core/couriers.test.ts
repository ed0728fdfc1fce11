import { describe, expect, it } from 'vitest';
import { getCourier, listCouriers, updateCourierLocation } from './couriers';
import { ForbiddenError, NotFoundError, ValidationError } from './errors';
import { describeMe } from './me';
import type { Principal } from './model';
import { acme, admin, anonymous, courier7, courier9, makeWorld, voicebot } from './testing/fixtures';

describe('couriers', () => {
  it('lets a courier see themselves, hides other couriers, and lets admins see all', async () => {
    // Prepare
    const world = makeWorld();
    // Act
    const self = await getCourier('courier-07', courier7, world);
    const other = await getCourier('courier-09', courier7, world).catch((e: unknown) => e);
    const missing = await getCourier('courier-42', admin, world).catch((e: unknown) => e);
    const partner = await getCourier('courier-07', acme, world).catch((e: unknown) => e);
    const blank = await getCourier('', admin, world).catch((e: unknown) => e);
    // Assess
    expect(self.id).toBe('courier-07');
    expect(other).toBeInstanceOf(NotFoundError);
    expect((other as Error).message).toBe('No courier with id courier-09 was found.');
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(partner).toBeInstanceOf(ForbiddenError);
    expect(blank).toBeInstanceOf(ValidationError);
  });

  it('refuses a courier id longer than any id by name, before the store sees it (issue 13 fuzzing)', async () => {
    // Prepare
    const world = makeWorld();
    // Act
    const long = await getCourier('x'.repeat(3000), admin, world).catch((e: unknown) => e);
    // Assess
    expect(long).toBeInstanceOf(ValidationError);
    expect((long as ValidationError).field).toBe('id');
  });

  it('lists the fleet for admins only, in pages', async () => {
    // Prepare
    const world = makeWorld();
    // Act
    const first = await listCouriers({ limit: 2 }, admin, world);
    const second = await listCouriers({ limit: 2, nextToken: first.nextToken }, admin, world);
    const denied = await listCouriers(null, courier7, world).catch((e: unknown) => e);
    // Assess
    expect(first.items.map((c) => c.id)).toEqual(['courier-07', 'courier-09']);
    expect(second.items.map((c) => c.id)).toEqual(['courier-99']);
    expect(denied).toBeInstanceOf(ForbiddenError);
  });

  it('stores a courier’s own position with the server time', async () => {
    // Prepare
    const world = makeWorld();
    // Act
    const moved = await updateCourierLocation(courier9, { lat: 47.6, lng: -122.3, heading: 90, speedKph: null }, world);
    // Assess
    expect(moved.lastLocation).toEqual({ lat: 47.6, lng: -122.3, heading: 90, at: '2025-06-10T15:00:00.000Z' });
    expect((await world.couriers.get('courier-07'))?.lastLocation).toBeUndefined();
  });

  it('refuses positions from non-couriers, implausible readings and unknown couriers', async () => {
    // Prepare
    const world = makeWorld();
    const ghost: Principal = { role: 'COURIER', sub: 's', courierId: 'courier-42' };
    // Act
    const byAdmin = await updateCourierLocation(admin, { lat: 1, lng: 1 }, world).catch((e: unknown) => e);
    const bad = (await updateCourierLocation(courier7, { lat: 100, lng: 1, speedKph: 900 }, world).catch(
      (e: unknown) => e,
    )) as ValidationError;
    const unknown = await updateCourierLocation(ghost, { lat: 1, lng: 1 }, world).catch((e: unknown) => e);
    // Assess
    expect(byAdmin).toBeInstanceOf(ForbiddenError);
    expect(bad.issues.map((i) => i.field)).toEqual(['lat', 'speedKph']);
    expect(unknown).toBeInstanceOf(NotFoundError);
  });
});

describe('describeMe', () => {
  it('describes signed-in users and refuses services and the public', () => {
    // Act / Assess
    expect(describeMe(admin)).toEqual({ sub: 'sub-admin', role: 'ADMIN', displayName: 'Ada Admin' });
    expect(describeMe(courier7)).toEqual({
      sub: 'sub-c7',
      role: 'COURIER',
      courierId: 'courier-07',
      displayName: 'Cory',
    });
    expect(describeMe(acme)).toEqual({ sub: 'sub-acme', role: 'PARTNER', partnerId: 'acme' });
    expect(() => describeMe(voicebot)).toThrow(ForbiddenError);
    expect(() => describeMe(anonymous)).toThrow(ForbiddenError);
  });
});

describe('updateCourierLocation readings (issue 13 fuzzing)', () => {
  it('stores a position rounded to a centimetre, so a denormal reading DynamoDB cannot hold is stored as 0', async () => {
    // Prepare
    const world = makeWorld();
    // Act
    const moved = await updateCourierLocation(
      courier9,
      { lat: -5.4e-323, lng: -122.332112345678, heading: 5e-324, speedKph: 12.3456 },
      world,
    );
    // Assess
    expect(moved.lastLocation).toEqual({
      lat: 0,
      lng: -122.3321123,
      heading: 0,
      speedKph: 12.3,
      at: expect.any(String),
    });
    expect(Object.is(moved.lastLocation?.lat, -0)).toBe(false);
  });
});
