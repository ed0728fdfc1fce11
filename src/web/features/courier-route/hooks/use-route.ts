// The route tab's state: the order of today's open stops, asked for from where the phone says the courier is
// (the courier's last reported place when the phone has no fix), asked again when a stop is done, moved by hand
// (kept by the server) and reset to the suggestion. The last order is kept on the phone so the tab still shows
// it with no network, marked as the copy it is.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useGeolocation } from '../../courier-day/hooks/use-geolocation';
import { fetchRoute, resetRouteOrder, saveRouteOrder, type Position, type RouteSequence } from '../api/route-api';
import { moveStop } from './route-order';

/** How long the first read waits for a location fix before asking with the courier's last reported place. */
const FIX_WAIT_MS = 4_000;

type Saved = { savedAt: string; sequence: RouteSequence };

const keyOf = (courierId: string) => `courier-route:${courierId}`;

function readSaved(courierId: string): Saved | undefined {
  try {
    const raw = localStorage.getItem(keyOf(courierId));
    return raw ? (JSON.parse(raw) as Saved) : undefined;
  } catch {
    return undefined;
  }
}

function save(courierId: string, sequence: RouteSequence) {
  try {
    localStorage.setItem(keyOf(courierId), JSON.stringify({ savedAt: new Date().toISOString(), sequence }));
  } catch {
    // A full or blocked storage only costs the offline copy.
  }
}

export type RouteState = {
  sequence?: RouteSequence;
  /** When the order shown is the copy kept on the phone: when it was saved. */
  savedAt?: string;
  loading: boolean;
  /** Why the last read failed (the copy on the phone, if any, is shown meanwhile). */
  error?: unknown;
  /** Why the last move or reset was refused; the order shown is the server's. */
  actionError?: unknown;
  busy: boolean;
  position: Position | null;
  reload(): void;
  move(index: number, direction: -1 | 1): void;
  reset(): void;
};

export function useRoute(courierId: string, dayKey: string): RouteState {
  const location = useGeolocation();
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), FIX_WAIT_MS);
    return () => clearTimeout(timer);
  }, []);
  const position = location.phase === 'fixed' ? { lat: location.fix.lat, lng: location.fix.lng } : null;
  const positionRef = useRef(position);
  positionRef.current = position;
  const settled = location.phase !== 'locating' || waited;
  // Within ~100 m the order does not change: a new fix that close does not ask again.
  const placeKey = position ? `${position.lat.toFixed(3)},${position.lng.toFixed(3)}` : location.phase;

  const [state, setState] = useState<{ sequence?: RouteSequence; savedAt?: string; error?: unknown }>(() => {
    const saved = readSaved(courierId);
    return saved ? { sequence: saved.sequence, savedAt: saved.savedAt } : {};
  });
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [attempt, setAttempt] = useState(0);

  const accept = useCallback(
    (sequence: RouteSequence) => {
      save(courierId, sequence);
      setState({ sequence });
    },
    [courierId],
  );

  useEffect(() => {
    if (!settled) return;
    let current = true;
    setLoading(true);
    fetchRoute(positionRef.current).then(
      (sequence) => {
        if (!current) return;
        accept(sequence);
        setLoading(false);
      },
      (error: unknown) => {
        if (!current) return;
        setState((s) => ({ ...s, error: error ?? 'failed' }));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [settled, placeKey, dayKey, attempt, accept]);

  const change = useCallback(
    (run: () => Promise<RouteSequence>, optimistic?: RouteSequence) => {
      const before = state.sequence;
      if (optimistic) setState((s) => ({ ...s, sequence: optimistic }));
      setBusy(true);
      setActionError(undefined);
      run().then(
        (sequence) => {
          accept(sequence);
          setBusy(false);
        },
        (error: unknown) => {
          setState((s) => ({ ...s, sequence: before }));
          setActionError(error ?? 'failed');
          setBusy(false);
        },
      );
    },
    [state.sequence, accept],
  );

  const move = useCallback(
    (index: number, direction: -1 | 1) => {
      const sequence = state.sequence;
      if (!sequence || busy) return;
      const stops = moveStop(sequence.stops, index, direction);
      change(() => saveRouteOrder(stops, positionRef.current), { ...sequence, manual: true, stops });
    },
    [state.sequence, busy, change],
  );

  const reset = useCallback(() => {
    if (!busy) change(() => resetRouteOrder(positionRef.current));
  }, [busy, change]);

  return {
    ...state,
    loading,
    actionError,
    busy,
    position,
    reload: () => setAttempt((n) => n + 1),
    move,
    reset,
  };
}
