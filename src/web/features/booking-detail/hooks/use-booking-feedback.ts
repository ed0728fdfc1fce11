// The feedback and complaints on one booking. Feedback arrives after delivery, so it is read again whenever
// the booking itself changes (a new version) rather than only once.
import { useEffect, useState } from 'react';
import type { FeedbackFields } from '../../../lib/api-types';
import { fetchBookingFeedback } from '../api/booking-detail-api';

export type BookingFeedback = {
  phase: 'loading' | 'ready' | 'error';
  entries: FeedbackFields[];
  error: unknown;
  retry: () => void;
};

export function useBookingFeedback(reference: string, bookingVersion: number | undefined): BookingFeedback {
  const [phase, setPhase] = useState<BookingFeedback['phase']>('loading');
  const [entries, setEntries] = useState<FeedbackFields[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (bookingVersion === undefined) return;
    let current = true;
    fetchBookingFeedback(reference).then(
      (found) => {
        if (!current) return;
        setEntries(found);
        setPhase('ready');
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failure);
        setPhase('error');
      },
    );
    return () => {
      current = false;
    };
  }, [reference, bookingVersion, attempt]);

  return { phase, entries, error, retry: () => setAttempt((n) => n + 1) };
}
