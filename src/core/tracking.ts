// Public tracking: what anyone holding a reference may learn about one parcel, and nothing more.
import { bookingNotFoundMessage } from './access';
import { NotFoundError } from './errors';
import type { BookingStatus, GeoPoint, Principal } from './model';
import type { BookingRepository, CourierRepository } from './ports';
import { EXAMPLE_REFERENCE, requireReference } from './reference';

/** Matches the GraphQL PublicTracking type: no names, phone numbers or street addresses. */
export type PublicTracking = {
  reference: string;
  status: BookingStatus;
  lastUpdate: string;
  eta?: string;
  pickupCity: string;
  deliveryCity: string;
  courierPosition?: GeoPoint;
  timeline: { status: BookingStatus; at: string }[];
};

/**
 * Looks a parcel up by reference for anyone (callers, the public page, partners). The reference is checked
 * before any lookup; the courier's position is shown only while the parcel is out for delivery. A partner
 * integration tracks only its own bookings: another partner's parcel is reported exactly like a missing one.
 */
export async function trackBooking(
  reference: unknown,
  deps: { bookings: BookingRepository; couriers?: CourierRepository },
  principal?: Principal,
): Promise<PublicTracking> {
  const ref = requireReference(reference);
  const found = await deps.bookings.get(ref);
  const booking = principal?.role === 'PARTNER' && found?.partnerId !== principal.partnerId ? undefined : found;
  if (!booking) {
    throw new NotFoundError(bookingNotFoundMessage(ref), {
      resolution: `Check the reference on your confirmation; it looks like ${EXAMPLE_REFERENCE}.`,
    });
  }
  const tracking: PublicTracking = {
    reference: booking.reference,
    status: booking.status,
    lastUpdate: booking.updatedAt,
    pickupCity: booking.pickup.city,
    deliveryCity: booking.delivery.city,
    timeline: booking.history.map((e) => ({ status: e.status, at: e.at })),
  };
  if (booking.eta) tracking.eta = booking.eta;
  if (booking.status === 'OUT_FOR_DELIVERY' && booking.courierId && deps.couriers) {
    const courier = await deps.couriers.get(booking.courierId);
    if (courier?.lastLocation) {
      tracking.courierPosition = { lat: courier.lastLocation.lat, lng: courier.lastLocation.lng };
    }
  }
  return tracking;
}
