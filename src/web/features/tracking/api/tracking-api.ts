// The public tracking page's one call: trackBooking with the API key, so no sign-in is needed.
import { runPublicOperation } from '../../../lib/graphql-client';
import { TrackBookingDocument, type TrackBookingQuery } from '../../../../generated/graphql';

export type PublicTracking = NonNullable<TrackBookingQuery['trackBooking']>;

/** Resolves null when the API answers without a parcel (treated like an unknown reference). */
export async function fetchTracking(reference: string): Promise<PublicTracking | null> {
  const { trackBooking } = await runPublicOperation(TrackBookingDocument, { reference });
  return trackBooking;
}
