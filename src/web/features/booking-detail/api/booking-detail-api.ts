// The booking detail's calls to the API: the booking, its courier, its feedback, its proof-of-delivery images,
// and the live feeds.
import { collectPages, runOperation, subscribeTo } from '../../../lib/graphql-client';
import {
  GetBookingDocument,
  GetCourierDocument,
  ListFeedbackDocument,
  OnBookingChangedDocument,
  OnCourierMovedDocument,
  ProofImagesDocument,
  type ProofImagesQuery,
} from '../../../../generated/graphql';
import type { BookingFields, CourierFields, FeedbackFields } from '../../../lib/api-types';

export async function fetchBooking(reference: string): Promise<BookingFields | null> {
  const { getBooking } = await runOperation(GetBookingDocument, { reference });
  return getBooking;
}

export async function fetchCourier(id: string): Promise<CourierFields | null> {
  const { getCourier } = await runOperation(GetCourierDocument, { id });
  return getCourier;
}

/** Every feedback entry and complaint on the booking, oldest first. */
export function fetchBookingFeedback(reference: string): Promise<FeedbackFields[]> {
  return collectPages(
    async (nextToken) =>
      (await runOperation(ListFeedbackDocument, { bookingReference: reference, limit: 50, nextToken })).listFeedback,
  );
}

export type ProofImages = NonNullable<ProofImagesQuery['proofImages']>;

/** The latest proof with image URLs that expire after 15 minutes: fetch again for fresh ones. */
export async function fetchProofImages(reference: string): Promise<ProofImages | null> {
  const { proofImages } = await runOperation(ProofImagesDocument, { reference });
  return proofImages;
}

/** The feed has no reference argument: changes to other bookings are dropped here. */
export function watchBooking(
  reference: string,
  onBooking: (booking: BookingFields) => void,
  onError: (error: unknown) => void,
): () => void {
  return subscribeTo(
    OnBookingChangedDocument,
    {},
    {
      next: (data) => {
        if (data.onBookingChanged?.reference === reference) onBooking(data.onBookingChanged);
      },
      error: onError,
    },
  );
}

export type CourierPosition = { lat: number; lng: number; at: string };

export function watchCourier(
  courierId: string,
  onMove: (position: CourierPosition) => void,
  onError: (error: unknown) => void,
): () => void {
  return subscribeTo(
    OnCourierMovedDocument,
    { courierId },
    {
      next: (data) => {
        const move = data.onCourierMoved;
        if (move && move.courierId === courierId) onMove({ lat: move.lat, lng: move.lng, at: move.at });
      },
      error: onError,
    },
  );
}
