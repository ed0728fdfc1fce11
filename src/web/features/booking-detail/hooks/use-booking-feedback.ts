// The feedback and complaints on one booking. Feedback arrives after delivery, so it is read again whenever
// the booking itself changes rather than only once.
import type { FeedbackFields } from '../../../lib/api-types';
import { fetchBookingFeedback } from '../api/booking-detail-api';
import { useBookingPart } from './use-booking-part';

export type BookingFeedback = {
  phase: 'loading' | 'ready' | 'error';
  entries: FeedbackFields[];
  error: unknown;
  retry: () => void;
};

export function useBookingFeedback(reference: string, bookingVersion: number | undefined): BookingFeedback {
  const part = useBookingPart(fetchBookingFeedback, reference, bookingVersion);
  return { phase: part.phase, entries: part.value ?? [], error: part.error, retry: part.retry };
}
