// What the courier can do next with a delivery: only the moves the status machine allows (the one in
// src/core), from the status the phone shows — which includes updates still waiting to be sent.
import { allowedNext } from '../../../../core/status-machine';
import type { BookingStatus } from '../../../../core/model';

export const ACTION_LABEL: Record<BookingStatus, string> = {
  BOOKED: 'Booked',
  COLLECTED: 'Collected',
  IN_TRANSIT: 'In transit',
  OUT_FOR_DELIVERY: 'Out for delivery',
  DELIVERED: 'Delivered',
  FAILED_DELIVERY: 'Delivery failed',
  RETURNED: 'Returned to sender',
  CANCELLED: 'Cancelled',
};

/** Cancelling is the customer's or the office's decision, never the courier's. */
export function courierActions(status: BookingStatus): BookingStatus[] {
  return allowedNext(status).filter((s) => s !== 'CANCELLED');
}
