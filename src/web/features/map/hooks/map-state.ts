// The global map's data as a reducer: one day's bookings and the fleet, kept current by the live feeds.
import type { BusinessCalendar } from '../../../../core/business-calendar';
import type { BookingStatus } from '../../../../core/model';
import type { BookingFields, CourierFields } from '../../../lib/api-types';

export type Position = { lat: number; lng: number };

/** A courier as the map knows it: the roster entry and, once reported, where they are. */
export type CourierSpot = { id: string; name: string; vehicle: string; position?: Position & { at: string } };

/** A booking drawn on the map: where its parcel is and the status that colours it. */
export type BookingPoint = Position & { reference: string; status: BookingStatus };

export type CourierMove = { courierId: string; lat: number; lng: number; at: string };

export type MapState = {
  /** A day of `calendar`, the company's. */
  day: string;
  calendar: BusinessCalendar;
  phase: 'loading' | 'ready' | 'error';
  error: unknown;
  requestId: number;
  bookings: ReadonlyMap<string, BookingFields>;
  couriers: ReadonlyMap<string, CourierSpot>;
};

export type MapAction =
  | { type: 'load-started'; day: string; requestId: number }
  | { type: 'loaded'; requestId: number; bookings: BookingFields[]; couriers: CourierFields[] }
  | { type: 'load-failed'; requestId: number; error: unknown }
  | { type: 'booking-changed'; booking: BookingFields }
  | { type: 'courier-moved'; move: CourierMove };

export function initialMapState(day: string, calendar: BusinessCalendar): MapState {
  return { day, calendar, phase: 'loading', error: null, requestId: 0, bookings: new Map(), couriers: new Map() };
}

/** The API files a booking under the company day its pickup window starts on. */
export function isOnDay(booking: BookingFields, day: string, calendar: BusinessCalendar): boolean {
  return calendar.dayOf(booking.pickupWindow.start) === day;
}

function toSpot(courier: CourierFields): CourierSpot {
  const last = courier.lastLocation;
  return {
    id: courier.id,
    name: courier.name,
    vehicle: courier.vehicle,
    ...(last ? { position: { lat: last.lat, lng: last.lng, at: last.at } } : {}),
  };
}

/** Live changes may arrive while a day loads, or out of order: the higher version always wins. */
function newer(known: BookingFields | undefined, incoming: BookingFields): boolean {
  return !known || incoming.version >= known.version;
}

export function mapReducer(state: MapState, action: MapAction): MapState {
  switch (action.type) {
    case 'load-started':
      return {
        ...state,
        day: action.day,
        phase: 'loading',
        error: null,
        requestId: action.requestId,
        bookings: new Map(),
      };
    case 'loaded': {
      if (action.requestId !== state.requestId) return state;
      const bookings = new Map(state.bookings);
      for (const booking of action.bookings) {
        if (newer(bookings.get(booking.reference), booking)) bookings.set(booking.reference, booking);
      }
      const couriers = new Map(action.couriers.map((courier) => [courier.id, toSpot(courier)]));
      // Moves received during the load are fresher than the roster's last locations.
      for (const [id, spot] of state.couriers) {
        const loaded = couriers.get(id);
        if (loaded && spot.position && (!loaded.position || spot.position.at > loaded.position.at)) {
          couriers.set(id, { ...loaded, position: spot.position });
        }
      }
      return { ...state, phase: 'ready', bookings, couriers };
    }
    case 'load-failed':
      if (action.requestId !== state.requestId) return state;
      return { ...state, phase: 'error', error: action.error };
    case 'booking-changed': {
      const { booking } = action;
      const known = state.bookings.get(booking.reference);
      if (!isOnDay(booking, state.day, state.calendar)) {
        if (!known) return state;
        const bookings = new Map(state.bookings);
        bookings.delete(booking.reference);
        return { ...state, bookings };
      }
      if (!newer(known, booking)) return state;
      const bookings = new Map(state.bookings);
      bookings.set(booking.reference, booking);
      return { ...state, bookings };
    }
    case 'courier-moved': {
      const { courierId, lat, lng, at } = action.move;
      const known = state.couriers.get(courierId);
      if (known?.position && known.position.at > at) return state;
      const couriers = new Map(state.couriers);
      couriers.set(courierId, {
        ...(known ?? { id: courierId, name: courierId, vehicle: 'UNKNOWN' }),
        position: { lat, lng, at },
      });
      return { ...state, couriers };
    }
  }
}

const DELIVERY_END: ReadonlySet<BookingStatus> = new Set(['DELIVERED', 'FAILED_DELIVERY']);

/**
 * Where the parcel is now: at the delivery address once delivered or attempted there, otherwise where
 * it was last reported (a courier's location on a status change), otherwise still at the pickup.
 */
export function bookingPosition(booking: BookingFields): Position | undefined {
  if (DELIVERY_END.has(booking.status) && booking.delivery.point) return booking.delivery.point;
  for (let i = booking.history.length - 1; i >= 0; i--) {
    const location = booking.history[i]?.location;
    if (location) return { lat: location.lat, lng: location.lng };
  }
  return booking.pickup.point ?? booking.delivery.point ?? undefined;
}

/** The points the cluster layer draws: every booking with a known position. */
export function toBookingPoints(bookings: Iterable<BookingFields>): BookingPoint[] {
  const points: BookingPoint[] = [];
  for (const booking of bookings) {
    const position = bookingPosition(booking);
    if (position) points.push({ reference: booking.reference, status: booking.status, ...position });
  }
  return points;
}

/** How many bookings of the day are in each status, for the legend. */
export function countByStatus(bookings: Iterable<BookingFields>): Partial<Record<BookingStatus, number>> {
  const counts: Partial<Record<BookingStatus, number>> = {};
  for (const booking of bookings) counts[booking.status] = (counts[booking.status] ?? 0) + 1;
  return counts;
}
