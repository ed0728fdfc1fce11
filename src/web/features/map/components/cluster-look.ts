// How a cluster of bookings looks: its size, its label, its dominant status and a ring showing the mix.
import type { BookingStatus } from '../../../../core/model';
import { STATUS_LOOK, STATUS_ORDER } from '../../../lib/booking-status';

export type StatusCounts = Partial<Record<BookingStatus, number>>;

/** One status's share of a cluster's ring, in turns clockwise from the top (0 … 1). */
export type RingSegment = { status: BookingStatus; colour: string; from: number; to: number };

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

/** A ring split by status share in lifecycle order, so a cluster shows its mix at a glance. */
export function ringSegments(counts: StatusCounts): RingSegment[] {
  const total = STATUS_ORDER.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
  if (total === 0) return [{ status: 'BOOKED', colour: STATUS_LOOK.BOOKED.colour, from: 0, to: 1 }];
  let from = 0;
  const segments: RingSegment[] = [];
  for (const status of STATUS_ORDER) {
    const count = counts[status] ?? 0;
    if (count === 0) continue;
    const to = from + count / total;
    segments.push({ status, colour: STATUS_LOOK[status].colour, from, to });
    from = to;
  }
  return segments;
}

/** Bigger clusters read as bigger, in four steps, so a badge never grows past a finger's width. */
export function clusterDiameter(count: number): number {
  return count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 50;
}

/** The count on a badge: exact below a thousand, then "1.2k", "15k". */
export function clusterLabel(count: number): string {
  return count < 1000 ? String(count) : `${(count / 1000).toFixed(count < 10_000 ? 1 : 0)}k`;
}
