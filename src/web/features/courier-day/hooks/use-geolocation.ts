// One location fix for a status update: asked for when the update sheet opens, with a clear outcome when
// the courier refuses or the phone has no fix (Req 11.5: the update still goes, saying why it has no place).
import { useCallback, useEffect, useState } from 'react';
import type { LocationUnavailableReason } from '../../../../core/model';

export type Fix = { lat: number; lng: number; accuracyM: number; at: number };

export type LocationState =
  | { phase: 'locating' }
  | { phase: 'fixed'; fix: Fix }
  | { phase: 'unavailable'; reason: LocationUnavailableReason; message: string };

const OPTIONS: PositionOptions = { enableHighAccuracy: true, timeout: 15_000, maximumAge: 30_000 };

export function unavailableFrom(error: GeolocationPositionError | undefined): LocationState {
  if (!error) {
    return { phase: 'unavailable', reason: 'NOT_SUPPORTED', message: 'This browser cannot tell where you are.' };
  }
  if (error.code === error.PERMISSION_DENIED) {
    return {
      phase: 'unavailable',
      reason: 'PERMISSION_DENIED',
      message: 'Location is blocked for this app. Allow it in the browser’s site settings, or send without it.',
    };
  }
  return {
    phase: 'unavailable',
    reason: 'NO_FIX',
    message: 'No location fix yet (indoors or no signal). Try again outside, or send without it.',
  };
}

export function useGeolocation(): LocationState & { retry(): void } {
  const [state, setState] = useState<LocationState>({ phase: 'locating' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!('geolocation' in navigator)) {
      setState(unavailableFrom(undefined));
      return;
    }
    let active = true;
    setState({ phase: 'locating' });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        if (!active) return;
        setState({
          phase: 'fixed',
          fix: {
            lat: position.coords.latitude,
            lng: position.coords.longitude,
            accuracyM: position.coords.accuracy,
            at: position.timestamp,
          },
        });
      },
      (error) => {
        if (active) setState(unavailableFrom(error));
      },
      OPTIONS,
    );
    return () => {
      active = false;
    };
  }, [attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
