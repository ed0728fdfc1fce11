// How a cluster of bookings looks: its dominant status and a ring showing the mix of statuses.
import type { BookingStatus } from '../../../../core/model';
import { STATUS_LOOK, STATUS_ORDER } from '../../../lib/booking-status';

export type StatusCounts = Partial<Record<BookingStatus, number>>;

/** The status most of a cluster's bookings are in: the cluster's colour. */
export function dominantStatus(counts: StatusCounts): BookingStatus {
  let best: BookingStatus = 'BOOKED';
  let bestCount = -1;
  for (const status of STATUS_ORDER) {
    const count = counts[status] ?? 0;
    if (count > bestCount) [best, bestCount] = [status, count];
  }
  return best;
}

/** A ring split by status share, so a cluster shows its mix at a glance (CSS conic-gradient). */
export function clusterRing(counts: StatusCounts): string {
  const total = STATUS_ORDER.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  if (total === 0) return STATUS_LOOK.BOOKED.colour;
  let from = 0;
  const stops: string[] = [];
  for (const status of STATUS_ORDER) {
    const count = counts[status] ?? 0;
    if (count === 0) continue;
    const to = from + (count / total) * 360;
    stops.push(`${STATUS_LOOK[status].colour} ${from.toFixed(1)}deg ${to.toFixed(1)}deg`);
    from = to;
  }
  return `conic-gradient(${stops.join(', ')})`;
}
