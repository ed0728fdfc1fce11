// The change feed's end: publish mutations (IAM only: our notifier) and subscription authorization.
import { ForbiddenError } from '../../core/errors';
import type { Principal } from '../../core/model';
import { Router } from '../router';
import { presentBooking } from './presenters';

function requireService(principal: Principal, field: string): void {
  if (principal.role !== 'SERVICE')
    throw new ForbiddenError(`${field} is reserved for the change-feed notifier.`, {
      resolution: 'Subscribe to onBookingChanged or onCourierMoved instead.',
    });
}

export const liveRouter = new Router()
  .onMutation('publishBookingChanged', async (args, { principal, deps }) => {
    requireService(principal, 'publishBookingChanged');
    const booking = await deps.bookings.get(String(args.reference));
    return booking ? presentBooking(booking, deps) : null;
  })
  .onMutation('publishCourierMoved', async (args, { principal }) => {
    requireService(principal, 'publishCourierMoved');
    return args;
  })
  /**
   * Runs when a client subscribes. AppSync delivers only events whose fields equal the subscription's
   * arguments, so a courier must subscribe with their own courierId and a partner with their own
   * partnerId; admins may subscribe to everything.
   */
  .onSubscription('onBookingChanged', async (args, { principal }) => {
    switch (principal.role) {
      case 'ADMIN':
        return null;
      case 'COURIER':
        if (args.courierId !== principal.courierId)
          throw new ForbiddenError('Couriers can follow only their own deliveries.', {
            resolution: `Subscribe with courierId "${principal.courierId}".`,
          });
        return null;
      case 'PARTNER':
        if (args.partnerId !== principal.partnerId)
          throw new ForbiddenError('Partners can follow only their own bookings.', {
            resolution: `Subscribe with partnerId "${principal.partnerId}".`,
          });
        return null;
      case 'PUBLIC':
      case 'SERVICE':
        throw new ForbiddenError('Live booking changes are for signed-in staff and partners.');
    }
  })
  /** Courier positions are for admins only; the schema's group rule already says so. */
  .onSubscription('onCourierMoved', async (_args, { principal }) => {
    if (principal.role !== 'ADMIN') throw new ForbiddenError('Only administrators can follow courier positions.');
    return null;
  });
