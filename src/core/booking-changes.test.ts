import { describe, expect, it } from 'vitest';
import { bookCourier } from './bookings';
import { cancelBooking, updatePickupWindow } from './booking-changes';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors';
import { acme, admin, courier7, globex, makeWorld, validBookingInput } from './testing/fixtures';

async function acmeBooking() {
  const world = makeWorld();
  const booking = await bookCourier(validBookingInput(), acme, world);
  return { world, booking };
}

describe('cancelBooking', () => {
  it('cancels the partner’s own booking while booked, recording the reason', async () => {
    // Prepare
    const { world, booking } = await acmeBooking();
    // Act
    const cancelled = await cancelBooking({ reference: booking.reference, reason: 'no longer needed' }, acme, world);
    // Assess
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.eta).toBeUndefined();
    expect(cancelled.history.at(-1)).toMatchObject({
      status: 'CANCELLED',
      note: 'no longer needed',
      actor: { id: 'acme' },
    });
  });

  it('treats another partner’s booking as missing and refuses couriers', async () => {
    const { world, booking } = await acmeBooking();
    await expect(cancelBooking({ reference: booking.reference }, globex, world)).rejects.toBeInstanceOf(NotFoundError);
    await world.bookings.update({ ...booking, courierId: 'courier-07' }, booking.version);
    await expect(cancelBooking({ reference: booking.reference }, courier7, world)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('refuses once the parcel is collected', async () => {
    const { world, booking } = await acmeBooking();
    await world.bookings.update({ ...booking, status: 'COLLECTED' }, booking.version);
    await expect(cancelBooking({ reference: booking.reference }, admin, world)).rejects.toThrow(
      /collected and can no longer be cancelled/,
    );
  });
});

describe('updatePickupWindow', () => {
  it('moves the window of a booked parcel and follows with the ETA', async () => {
    const { world, booking } = await acmeBooking();
    const moved = await updatePickupWindow(
      {
        reference: booking.reference,
        pickupWindowStart: '2025-06-11T16:00:00Z',
        pickupWindowEnd: '2025-06-11T18:00:00Z',
      },
      acme,
      world,
    );
    expect(moved.pickupWindow).toEqual({ start: '2025-06-11T16:00:00.000Z', end: '2025-06-11T18:00:00.000Z' });
    expect(Date.parse(moved.eta!)).toBeGreaterThan(Date.parse(booking.eta!));
    expect(moved.version).toBe(booking.version + 1);
  });

  it('validates the window like a new booking and refuses after collection', async () => {
    const { world, booking } = await acmeBooking();
    const error = await updatePickupWindow(
      {
        reference: booking.reference,
        pickupWindowStart: '2025-06-11T16:00:00Z',
        pickupWindowEnd: '2025-06-11T16:10:00Z',
      },
      acme,
      world,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).field).toBe('pickupWindowEnd');
    await world.bookings.update({ ...booking, status: 'COLLECTED' }, booking.version);
    await expect(
      updatePickupWindow(
        {
          reference: booking.reference,
          pickupWindowStart: '2025-06-11T16:00:00Z',
          pickupWindowEnd: '2025-06-11T18:00:00Z',
        },
        acme,
        world,
      ),
    ).rejects.toBeInstanceOf(ConflictError);
  });
});
