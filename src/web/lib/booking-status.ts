// How each booking status looks, everywhere it appears: table badges, courier cards and the map legend.
import { BOOKING_STATUSES, type BookingStatus } from '../../core/model';

/** Blue: booked; yellows: moving; green: delivered; red: failed; grey: closed without delivery. */
export type StatusTone = 'blue' | 'yellow' | 'green' | 'red' | 'grey';

export type StatusLook = {
  label: string;
  tone: StatusTone;
  /** Marker and dot colour (the map uses it too). */
  colour: string;
  /** Badge background and text, chosen for contrast (WCAG AA) against each other. */
  background: string;
  text: string;
};

export const STATUS_LOOK: Record<BookingStatus, StatusLook> = {
  BOOKED: { label: 'Booked', tone: 'blue', colour: '#2563eb', background: '#dbeafe', text: '#1e40af' },
  COLLECTED: { label: 'Collected', tone: 'yellow', colour: '#eab308', background: '#fef9c3', text: '#854d0e' },
  IN_TRANSIT: { label: 'In transit', tone: 'yellow', colour: '#f59e0b', background: '#fef3c7', text: '#92400e' },
  OUT_FOR_DELIVERY: {
    label: 'Out for delivery',
    tone: 'yellow',
    colour: '#d97706',
    background: '#ffedd5',
    text: '#9a3412',
  },
  DELIVERED: { label: 'Delivered', tone: 'green', colour: '#16a34a', background: '#dcfce7', text: '#166534' },
  FAILED_DELIVERY: { label: 'Failed delivery', tone: 'red', colour: '#dc2626', background: '#fee2e2', text: '#991b1b' },
  RETURNED: { label: 'Returned', tone: 'grey', colour: '#6b7280', background: '#f3f4f6', text: '#374151' },
  CANCELLED: { label: 'Cancelled', tone: 'grey', colour: '#9ca3af', background: '#f3f4f6', text: '#4b5563' },
};

/** Statuses in lifecycle order, for filters and legends. */
export const STATUS_ORDER: readonly BookingStatus[] = BOOKING_STATUSES;

export function isBookingStatus(value: string): value is BookingStatus {
  return (BOOKING_STATUSES as readonly string[]).includes(value);
}
