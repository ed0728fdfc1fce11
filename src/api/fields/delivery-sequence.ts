// The courier's suggested delivery sequence (Req 11.11): read it, keep an order of one's own, go back to the suggestion.
import {
  resetDeliverySequence,
  setDeliverySequence,
  suggestDeliverySequence,
  type DeliverySequenceDeps,
} from '../../core/delivery-sequence';
import type { ApiDeps } from '../deps';
import { Router } from '../router';

function sequenceDeps(deps: ApiDeps): DeliverySequenceDeps & Pick<ApiDeps, 'couriers'> {
  if (!deps.sequences) throw new Error('The manual sequence store is not configured in this runtime');
  return {
    bookings: deps.bookings,
    couriers: deps.couriers,
    sequences: deps.sequences,
    clock: deps.clock,
    calendar: deps.calendar,
    log: deps.log,
    ...(deps.routing ? { routing: deps.routing } : {}),
  };
}

export const deliverySequenceRouter = new Router()
  .onQuery('suggestedSequence', async (args, { principal, deps }) =>
    suggestDeliverySequence(args, principal, sequenceDeps(deps)),
  )
  .onMutation('setDeliverySequence', async (args, { principal, deps }) =>
    setDeliverySequence(args, principal, sequenceDeps(deps)),
  )
  .onMutation('resetDeliverySequence', async (args, { principal, deps }) =>
    resetDeliverySequence(args, principal, sequenceDeps(deps)),
  );
