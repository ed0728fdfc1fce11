// The booking's proof-of-delivery images. Their URLs expire, so they are fetched again when the booking
// changes (a delivery just recorded) and on retry (an image that no longer loads); the images shown stay
// until fresh ones arrive.
import { fetchProofImages, type ProofImages } from '../api/booking-detail-api';
import { useBookingPart } from './use-booking-part';

export type ProofImagesState = {
  phase: 'loading' | 'ready' | 'error';
  images: ProofImages | null;
  error: unknown;
  retry: () => void;
};

export function useProofImages(reference: string, bookingVersion: number | undefined): ProofImagesState {
  const part = useBookingPart(fetchProofImages, reference, bookingVersion);
  return { phase: part.phase, images: part.value, error: part.error, retry: part.retry };
}
