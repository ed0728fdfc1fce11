// The booking's proof-of-delivery images. Their URLs expire, so they are fetched again when the booking
// changes (a delivery just recorded) and on retry (an image that no longer loads); the images shown stay
// until fresh ones arrive.
import { useCallback, useEffect, useState } from 'react';
import { fetchProofImages, type ProofImages } from '../api/booking-detail-api';

export type ProofImagesState = {
  phase: 'loading' | 'ready' | 'error';
  images: ProofImages | null;
  error: unknown;
  retry: () => void;
};

export function useProofImages(reference: string, bookingVersion: number | undefined): ProofImagesState {
  const [phase, setPhase] = useState<ProofImagesState['phase']>('loading');
  const [images, setImages] = useState<ProofImages | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (bookingVersion === undefined) return;
    let current = true;
    fetchProofImages(reference).then(
      (found) => {
        if (!current) return;
        setImages(found);
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

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { phase, images, error, retry };
}
