// One part of the booking detail that is read beside the booking (its feedback, its proof images): read
// again whenever the booking changes (a new version) and on retry, keeping what is shown until the fresh
// answer arrives, and ignoring answers for a reference the page has left.
import { useCallback, useEffect, useState } from 'react';

export type BookingPart<T> = {
  phase: 'loading' | 'ready' | 'error';
  value: T | null;
  error: unknown;
  retry: () => void;
};

export function useBookingPart<T>(
  load: (reference: string) => Promise<T>,
  reference: string,
  bookingVersion: number | undefined,
): BookingPart<T> {
  const [phase, setPhase] = useState<BookingPart<T>['phase']>('loading');
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (bookingVersion === undefined) return;
    let current = true;
    load(reference).then(
      (found) => {
        if (!current) return;
        setValue(found);
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
  }, [load, reference, bookingVersion, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { phase, value, error, retry };
}
