// The bookings table shared by the admin and partner workspaces; rows changed live flash briefly.
import type { KeyboardEvent } from 'react';
import { StatusBadge } from '../../../components/status-badge';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { BookingFields } from '../../../lib/api-types';
import { useNow } from '../../../lib/use-now';
import { describePackage, humanize, streetLine } from '../../../lib/booking-text';

export type BookingsTableProps = {
  items: BookingFields[];
  flashes: Record<string, number>;
  onSelect: (booking: BookingFields) => void;
  selectedReference?: string;
  showCourier?: boolean;
  showPartner?: boolean;
};

export function BookingsTable({
  items,
  flashes,
  onSelect,
  selectedReference,
  showCourier = true,
  showPartner = true,
}: BookingsTableProps) {
  const calendar = useCompanyCalendar();
  const now = useNow();
  const onKey = (booking: BookingFields) => (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(booking);
    }
  };

  return (
    <div className="table-wrap">
      <table className="table" data-testid="bookings-table">
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col">Customer</th>
            <th scope="col">Pickup → delivery</th>
            <th scope="col">Package</th>
            <th scope="col">Window</th>
            <th scope="col">Status</th>
            {showCourier && <th scope="col">Courier</th>}
            {showPartner && <th scope="col">Partner</th>}
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {items.map((booking) => {
            const flash = flashes[booking.reference];
            const classes = ['row'];
            if (flash !== undefined) classes.push('row--flash');
            if (booking.reference === selectedReference) classes.push('row--selected');
            return (
              <tr
                // A new key per change remounts the row, which replays the highlight animation.
                key={`${booking.reference}:${flash ?? ''}`}
                className={classes.join(' ')}
                data-testid={`booking-row-${booking.reference}`}
                data-version={booking.version}
                tabIndex={0}
                onClick={() => onSelect(booking)}
                onKeyDown={onKey(booking)}
              >
                <td className="mono">{booking.reference}</td>
                <td>
                  <div className="cell-main">{booking.customerName}</div>
                  <div className="cell-sub">via {humanize(booking.channel).toLowerCase()}</div>
                </td>
                <td>
                  <div className="route">
                    <span>
                      <span className="cell-main">{booking.pickup.city}</span>
                      <span className="cell-sub">{streetLine(booking.pickup)}</span>
                    </span>
                    <span className="route__arrow" aria-label="to">
                      →
                    </span>
                    <span>
                      <span className="cell-main">{booking.delivery.city}</span>
                      <span className="cell-sub">{streetLine(booking.delivery)}</span>
                    </span>
                  </div>
                </td>
                <td>
                  <div className="cell-main">{describePackage(booking.package)}</div>
                  {booking.package.handling.length > 0 && (
                    <div className="cell-sub">{booking.package.handling.map(humanize).join(', ')}</div>
                  )}
                </td>
                <td className="nowrap">
                  {calendar.formatWindow(booking.pickupWindow.start, booking.pickupWindow.end)}
                </td>
                <td>
                  <StatusBadge status={booking.status} testId={`status-${booking.reference}`} />
                </td>
                {showCourier && (
                  <td>{booking.courierName ?? booking.courierId ?? <span className="muted">Unassigned</span>}</td>
                )}
                {showPartner && (
                  <td>{booking.partnerName ?? booking.partnerId ?? <span className="muted">Direct</span>}</td>
                )}
                <td className="nowrap" title={calendar.formatDateTime(booking.updatedAt)}>
                  {calendar.formatAge(booking.updatedAt, now)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
