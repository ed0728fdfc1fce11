// The order a courier works through their day: open jobs by pickup time, finished ones at the end.
import type { BookingStatus } from '../../../../core/model';
import type { BookingFields } from '../../../lib/api-types';

const FINISHED: ReadonlySet<BookingStatus> = new Set(['DELIVERED', 'FAILED_DELIVERY', 'RETURNED', 'CANCELLED']);

export function isFinished(status: BookingStatus): boolean {
  return FINISHED.has(status);
}

export function orderDeliveries(items: BookingFields[]): BookingFields[] {
  return [...items].sort((a, b) => {
    const byState = Number(isFinished(a.status)) - Number(isFinished(b.status));
    if (byState !== 0) return byState;
    const byWindow = Date.parse(a.pickupWindow.start) - Date.parse(b.pickupWindow.start);
    return byWindow !== 0 ? byWindow : a.reference.localeCompare(b.reference);
  });
}
