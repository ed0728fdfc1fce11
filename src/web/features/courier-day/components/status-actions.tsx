// What the courier can do next with a delivery: only the moves the status machine allows (the one in
// src/core), from the status the phone shows — which includes updates still waiting to be sent.
import { allowedNext } from '../../../../core/status-machine';
import type { BookingStatus } from '../../../../core/model';
import { STATUS_LOOK } from '../../../lib/booking-status';

/** Cancelling is the customer's or the office's decision, never the courier's. */
export function courierActions(status: BookingStatus): BookingStatus[] {
  return allowedNext(status).filter((s) => s !== 'CANCELLED');
}

/** A status in the app's one wording (the badges' labels). */
export function statusLabel(status: BookingStatus): string {
  return STATUS_LOOK[status].label;
}
