// Booking operations: parse GraphQL arguments, call the core, present the result.
import { assignCourier, bookCourier, getBooking, listBookings, updateDeliveryStatus } from '../../core/bookings';
import { cancelBooking, updatePickupWindow } from '../../core/booking-changes';
import { FaultError, ValidationError } from '../../core/errors';
import { listStatusEvents } from '../../core/status-events';
import { trackBooking } from '../../core/tracking';
import { guardPublicLookup } from '../../core/tracking-guard';
import { clientAddressOf } from '../client-address';
import type { BookingStatus, FailureReason, Principal } from '../../core/model';
import { Router } from '../router';
import { presentBooking, presentBookings } from './presenters';

type Args = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function channelOf(principal: Principal) {
  return principal.role === 'PARTNER'
    ? ('PARTNER' as const)
    : principal.role === 'SERVICE'
      ? ('API' as const)
      : ('WEB' as const);
}

export const bookingsRouter = new Router()
  .onMutation('bookCourier', async (args: Args, { principal, deps }) => {
    const booking = await bookCourier({ ...args, channel: channelOf(principal) }, principal, deps);
    return presentBooking(booking, deps);
  })
  .onQuery('getBooking', async (args, { principal, deps }) =>
    presentBooking(await getBooking(str(args.reference) ?? '', principal, deps), deps),
  )
  .onQuery('listBookings', async (args, { principal, deps }) => {
    const page = await listBookings(
      {
        day: str(args.day),
        status: str(args.status) as BookingStatus | undefined,
        courierId: str(args.courierId),
        partnerId: str(args.partnerId),
      },
      { limit: num(args.limit), nextToken: str(args.nextToken) },
      principal,
      deps,
    );
    return { items: await presentBookings(page.items, deps), nextToken: page.nextToken ?? null };
  })
  .onQuery('trackBooking', async (args, { deps, principal, event }) => {
    const lookup = () => trackBooking(str(args.reference) ?? '', deps, principal);
    // The public key is guarded against guessing per client address; signed-in callers and partners are not
    // anonymous (partners have their own rate limit).
    if (principal.role !== 'PUBLIC' || !deps.rateLimits) return lookup();
    return guardPublicLookup(clientAddressOf(event), lookup, { counter: deps.rateLimits, clock: deps.clock });
  })
  .onQuery('listStatusEvents', async (args, { principal, deps }) => {
    if (!deps.partnerEvents) throw new FaultError('The partner event log is not configured in this runtime');
    const page = await listStatusEvents(
      { since: str(args.since), limit: num(args.limit), partnerId: str(args.partnerId) },
      principal,
      { partnerEvents: deps.partnerEvents, clock: deps.clock },
    );
    return { events: page.events, cursor: page.cursor ?? null, hasMore: page.hasMore };
  })
  .onMutation('cancelBooking', async (args, { principal, deps }) =>
    presentBooking(await cancelBooking({ reference: args.reference, reason: str(args.reason) }, principal, deps), deps),
  )
  .onMutation('updatePickupWindow', async (args, { principal, deps }) =>
    presentBooking(
      await updatePickupWindow(
        { reference: args.reference, pickupWindowStart: args.pickupWindowStart, pickupWindowEnd: args.pickupWindowEnd },
        principal,
        deps,
      ),
      deps,
    ),
  )
  .onMutation('assignCourier', async (args, { principal, deps }) =>
    presentBooking(await assignCourier(str(args.reference) ?? '', str(args.courierId) ?? '', principal, deps), deps),
  )
  .onMutation('updateDeliveryStatus', async (args, { principal, deps }) => {
    const lat = num(args.lat);
    const lng = num(args.lng);
    if ((lat === undefined) !== (lng === undefined)) {
      throw new ValidationError('A location needs both lat and lng.', {
        field: lat === undefined ? 'lat' : 'lng',
        resolution: 'Send both coordinates of the fix, or neither with locationUnavailable.',
      });
    }
    const proof = {
      recipientName: str(args.recipientName),
      signatureKey: str(args.signatureKey),
      photoKey: str(args.photoKey),
    };
    const hasProof = Object.values(proof).some((v) => v !== undefined);
    const booking = await updateDeliveryStatus(
      {
        reference: str(args.reference) ?? '',
        status: str(args.status) as BookingStatus,
        location: lat !== undefined && lng !== undefined ? { lat, lng } : undefined,
        note: str(args.note),
        proof: hasProof ? proof : undefined,
        failureReason: str(args.failureReason) as FailureReason | undefined,
        expectedVersion: num(args.expectedVersion),
        locationAccuracyM: num(args.locationAccuracyM),
        locationUnavailable: str(args.locationUnavailable),
        at: str(args.at),
        idempotencyKey: str(args.idempotencyKey),
      },
      principal,
      deps,
    );
    return presentBooking(booking, deps);
  });
