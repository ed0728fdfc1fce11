// One parcel's public status, refreshed while it is still moving (the public API key has no live feed).
import { useEffect, useState } from 'react';
import type { BookingStatus } from '../../../../core/model';
import { fetchTracking, type PublicTracking } from '../api/tracking-api';
import { describeTrackingFailure, type TrackingFailure } from './tracking-failure';

/** How often a customer's open page asks again while the parcel is on its way. */
export const REFRESH_MS = 30_000;

const SETTLED: ReadonlySet<BookingStatus> = new Set(['DELIVERED', 'RETURNED', 'CANCELLED']);

export type TrackingState =
  { phase: 'loading' } | { phase: 'ready'; tracking: PublicTracking } | { phase: 'failed'; failure: TrackingFailure };

export function useTracking(reference: string): TrackingState {
  const [state, setState] = useState<TrackingState>({ phase: 'loading' });

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      fetchTracking(reference).then(
        (tracking) => {
          if (!current) return;
          if (!tracking) {
            setState({ phase: 'failed', failure: describeTrackingFailure(null, reference) });
            return;
          }
          setState({ phase: 'ready', tracking });
          if (!SETTLED.has(tracking.status)) timer = setTimeout(() => void load(), REFRESH_MS);
        },
        (error: unknown) => {
          if (current) setState({ phase: 'failed', failure: describeTrackingFailure(error, reference) });
        },
      );
    setState({ phase: 'loading' });
    void load();
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [reference]);

  return state;
}
