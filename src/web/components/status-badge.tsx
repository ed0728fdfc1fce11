// A booking status as a coloured badge; colours come from the one status palette (lib/booking-status).
import type { BookingStatus } from '../../core/model';
import { STATUS_LOOK } from '../lib/booking-status';

export type StatusBadgeProps = { status: BookingStatus; testId?: string };

export function StatusBadge({ status, testId }: StatusBadgeProps) {
  const look = STATUS_LOOK[status];
  return (
    <span
      className="badge"
      data-testid={testId}
      data-status={status}
      data-tone={look.tone}
      style={{ background: look.background, color: look.text }}
    >
      <span className="badge__dot" style={{ background: look.colour }} aria-hidden="true" />
      {look.label}
    </span>
  );
}
