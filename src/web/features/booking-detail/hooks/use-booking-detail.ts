// One booking and its courier's position, loaded once and then kept current by the live feeds.
import { useEffect, useState } from 'react';
import type { BookingFields } from '../../../lib/api-types';
import {
  fetchBooking,
  fetchCourier,
  watchBooking,
  watchCourier,
  type CourierPosition,
} from '../api/booking-detail-api';

export type BookingDetail = {
  phase: 'loading' | 'ready' | 'missing' | 'error';
  error: unknown;
  booking: BookingFields | null;
  courierPosition: CourierPosition | null;
  liveFailed: boolean;
  retry: () => void;
};

export function useBookingDetail(reference: string): BookingDetail {
  const [phase, setPhase] = useState<BookingDetail['phase']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [booking, setBooking] = useState<BookingFields | null>(null);
  const [courierPosition, setCourierPosition] = useState<CourierPosition | null>(null);
  const [liveFailed, setLiveFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setPhase('loading');
    setBooking(null);
    fetchBooking(reference).then(
      (found) => {
        if (!current) return;
        setBooking(found);
        setPhase(found ? 'ready' : 'missing');
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failure);
        setPhase('error');
      },
    );
    const stop = watchBooking(
      reference,
      (changed) => setBooking((known) => (known && known.version > changed.version ? known : changed)),
      () => setLiveFailed(true),
    );
    return () => {
      current = false;
      stop();
    };
  }, [reference, attempt]);

  const courierId = booking?.courierId ?? null;
  useEffect(() => {
    setCourierPosition(null);
    if (!courierId) return;
    let current = true;
    fetchCourier(courierId).then(
      (courier) => {
        const last = courier?.lastLocation;
        // A move that arrived first is newer than the stored last location.
        if (current && last) setCourierPosition((known) => known ?? { lat: last.lat, lng: last.lng, at: last.at });
      },
      // The page still shows the booking; only the courier's dot is missing.
      () => {},
    );
    const stop = watchCourier(courierId, setCourierPosition, () => setLiveFailed(true));
    return () => {
      current = false;
      stop();
    };
  }, [courierId]);

  return { phase, error, booking, courierPosition, liveFailed, retry: () => setAttempt((n) => n + 1) };
}
