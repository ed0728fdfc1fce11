// One day's bookings and the fleet for the map, loaded in full and then kept current by the live feeds.
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { BusinessCalendar } from '../../../../core/business-calendar';
import type { BookingStatus } from '../../../../core/model';
import type { BookingFields } from '../../../lib/api-types';
import { fetchAllCouriers, fetchDayBookings, watchAllBookings, watchAllCouriers } from '../api/map-api';
import {
  countByStatus,
  initialMapState,
  mapReducer,
  toBookingPoints,
  type BookingPoint,
  type CourierSpot,
} from './map-state';

export type MapData = {
  phase: 'loading' | 'ready' | 'error';
  error: unknown;
  bookings: ReadonlyMap<string, BookingFields>;
  couriers: CourierSpot[];
  points: BookingPoint[];
  counts: Partial<Record<BookingStatus, number>>;
  liveFailed: boolean;
  reload: () => void;
};

/** `day` is a day of `calendar`, the company's: live changes are kept when their pickup starts on it. */
export function useMapData(day: string, calendar: BusinessCalendar): MapData {
  const [state, dispatch] = useReducer(mapReducer, { day, calendar }, ({ day, calendar }) =>
    initialMapState(day, calendar),
  );
  const [liveFailed, setLiveFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const requests = useRef(0);

  useEffect(() => {
    const requestId = ++requests.current;
    dispatch({ type: 'load-started', day, requestId });
    Promise.all([fetchDayBookings(day), fetchAllCouriers()]).then(
      ([bookings, couriers]) => dispatch({ type: 'loaded', requestId, bookings, couriers }),
      (error: unknown) => dispatch({ type: 'load-failed', requestId, error }),
    );
  }, [day, attempt]);

  useEffect(() => {
    const failed = () => setLiveFailed(true);
    const stopBookings = watchAllBookings((booking) => dispatch({ type: 'booking-changed', booking }), failed);
    const stopCouriers = watchAllCouriers((move) => dispatch({ type: 'courier-moved', move }), failed);
    return () => {
      stopBookings();
      stopCouriers();
    };
  }, []);

  const points = useMemo(() => toBookingPoints(state.bookings.values()), [state.bookings]);
  const counts = useMemo(() => countByStatus(state.bookings.values()), [state.bookings]);
  const couriers = useMemo(() => [...state.couriers.values()].filter((courier) => courier.position), [state.couriers]);

  return {
    phase: state.phase,
    error: state.error,
    bookings: state.bookings,
    couriers,
    points,
    counts,
    liveFailed,
    reload: () => setAttempt((n) => n + 1),
  };
}
