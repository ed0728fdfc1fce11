import { describe, expect, it } from 'vitest';
import { assignCourier, bookCourier, updateDeliveryStatus } from './bookings';
import { NotFoundError, ValidationError } from './errors';
import { generateReference } from './reference';
import { seededRandom } from './seeded-random';
import { acme, admin, anonymous, globex, makeWorld, validBookingInput } from './testing/fixtures';
import { trackBooking } from './tracking';

describe('trackBooking', () => {
  it('shows status, cities, ETA and timeline, and no personal data', async () => {
    // Prepare
    const world = makeWorld();
    const b = await bookCourier(validBookingInput(), admin, world);
    // Act
    const t = await trackBooking(b.reference.replace(/-/g, '').toLowerCase(), world);
    // Assess
    expect(t).toEqual({
      reference: b.reference,
      status: 'BOOKED',
      lastUpdate: b.updatedAt,
      eta: b.eta,
      pickupCity: 'Seattle',
      deliveryCity: 'Seattle',
      timeline: [{ status: 'BOOKED', at: b.createdAt }],
    });
    const text = JSON.stringify(t);
    for (const secret of ['Grace', '555', '3rd Ave', 'Stone Way', '98101']) expect(text).not.toContain(secret);
  });

  it('shows the courier’s position only while out for delivery', async () => {
    // Prepare
    const world = makeWorld();
    let b = await bookCourier(validBookingInput(), admin, world);
    b = await assignCourier(b.reference, 'courier-07', admin, world);
    await world.couriers.updateLocation('courier-07', {
      lat: 47.62,
      lng: -122.34,
      at: '2025-06-10T15:00:00Z',
      speedKph: 20,
    });
    for (const status of ['COLLECTED', 'IN_TRANSIT'] as const) {
      b = await updateDeliveryStatus({ reference: b.reference, status }, admin, world);
    }
    const inTransit = await trackBooking(b.reference, world);
    await updateDeliveryStatus({ reference: b.reference, status: 'OUT_FOR_DELIVERY' }, admin, world);
    // Act
    const out = await trackBooking(b.reference, world);
    const withoutCouriers = await trackBooking(b.reference, { bookings: world.bookings });
    // Assess
    expect(inTransit.courierPosition).toBeUndefined();
    expect(out.courierPosition).toEqual({ lat: 47.62, lng: -122.34 });
    expect(out.timeline.map((e) => e.status)).toEqual(['BOOKED', 'COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']);
    expect(withoutCouriers.courierPosition).toBeUndefined();
  });

  it('rejects a reference with a bad check character before any lookup, and reports unknown ones', async () => {
    // Prepare
    const world = makeWorld();
    let reads = 0;
    const bookings = { ...world.bookings, get: async (r: string) => (reads++, world.bookings.get(r)) };
    const valid = generateReference(seededRandom(77));
    const typo = valid.slice(0, -1) + (valid.endsWith('3') ? '4' : '3');
    // Act
    const invalid = (await trackBooking(typo, { bookings }).catch((e: unknown) => e)) as ValidationError;
    const unknown = await trackBooking(valid, { bookings }).catch((e: unknown) => e);
    // Assess
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid.field).toBe('reference');
    expect(invalid.message).toMatch(/swapped/);
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(reads).toBe(1);
  });

  it("lets a partner track only its own bookings, reporting another partner's like a missing one", async () => {
    // Prepare
    const world = makeWorld();
    const acmes = await bookCourier(validBookingInput(), acme, world);

    // Act
    const own = await trackBooking(acmes.reference, world, acme);
    const publicView = await trackBooking(acmes.reference, world, anonymous);
    const other = trackBooking(acmes.reference, world, globex);

    // Assess
    expect(own.reference).toBe(acmes.reference);
    expect(publicView.reference).toBe(acmes.reference);
    await expect(other).rejects.toThrow(NotFoundError);
    await expect(other).rejects.toThrow(`No booking with reference ${acmes.reference} was found.`);
  });
});
