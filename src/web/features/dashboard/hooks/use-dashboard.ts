// The dashboard of a day, re-read (throttled) whenever a booking changes, so the figures stay live.
import { useEffect, useRef, useState } from 'react';
import { fetchDashboard, watchBookingChanges, type DashboardData } from '../api/dashboard-api';
import { browserTimers, createRefreshThrottle } from './refresh-throttle';

/** At most one re-read per this interval however busy the change feed is. */
export const REFRESH_INTERVAL_MS = 2000;
/** How long after a change the dashboard re-reads: the rollups have their own change-feed consumer. */
export const SETTLE_MS = 750;

export type DashboardState = {
  phase: 'loading' | 'ready' | 'error';
  data?: DashboardData;
  error: unknown;
  liveFailed: boolean;
  /** How many times the figures were re-read because something changed. */
  liveRefreshes: number;
  reload: () => void;
};

export function useDashboard(day: string): DashboardState {
  const [data, setData] = useState<DashboardData>();
  const [phase, setPhase] = useState<DashboardState['phase']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [liveFailed, setLiveFailed] = useState(false);
  const [liveRefreshes, setLiveRefreshes] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const requests = useRef(0);

  useEffect(() => {
    const load = (live: boolean) => {
      const requestId = ++requests.current;
      if (!live) setPhase('loading');
      fetchDashboard(day).then(
        (next) => {
          if (requestId !== requests.current) return;
          setData(next);
          setPhase('ready');
          if (live) setLiveRefreshes((n) => n + 1);
        },
        (failure: unknown) => {
          if (requestId !== requests.current) return;
          setError(failure);
          // A failed live refresh keeps the figures already shown.
          if (!live) setPhase('error');
        },
      );
    };
    load(false);
    const throttle = createRefreshThrottle(() => load(true), REFRESH_INTERVAL_MS, browserTimers, SETTLE_MS);
    const stop = watchBookingChanges(
      () => throttle.trigger(),
      () => setLiveFailed(true),
    );
    return () => {
      throttle.cancel();
      stop();
    };
  }, [day, attempt]);

  return { phase, data, error, liveFailed, liveRefreshes, reload: () => setAttempt((n) => n + 1) };
}
