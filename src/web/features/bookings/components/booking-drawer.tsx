// The detail panel of one booking: who, where, what, and its status timeline.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Drawer } from '../../../components/drawer';
import { StatusBadge } from '../../../components/status-badge';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { BookingFields } from '../../../lib/api-types';
import { addressLine, describePackage, humanize } from '../../../lib/booking-text';
import { StatusTimeline } from '../../../components/status-timeline';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export type BookingDrawerProps = {
  booking: BookingFields;
  onClose: () => void;
  /** Where the booking's full page is, for workspaces that have one (the admin's). */
  detailPath?: string;
};

export function BookingDrawer({ booking, onClose, detailPath }: BookingDrawerProps) {
  const calendar = useCompanyCalendar();
  return (
    <Drawer
      testId="booking-drawer"
      onClose={onClose}
      title={
        <span className="drawer-heading">
          <span className="mono">{booking.reference}</span>
          <StatusBadge status={booking.status} />
        </span>
      }
    >
      {detailPath && (
        <Link className="button button--secondary drawer__open" to={detailPath} data-testid="open-booking-detail">
          Open booking page
        </Link>
      )}
      <dl className="fields">
        <Field label="Customer">
          {booking.customerName}
          <div className="cell-sub">{booking.customerPhone}</div>
        </Field>
        <Field label="Pickup">{addressLine(booking.pickup)}</Field>
        <Field label="Delivery">{addressLine(booking.delivery)}</Field>
        <Field label="Package">
          {describePackage(booking.package)}
          {booking.package.handling.length > 0 && (
            <div className="tags">
              {booking.package.handling.map((handling) => (
                <span key={handling} className="tag">
                  {humanize(handling)}
                </span>
              ))}
            </div>
          )}
          {booking.package.description && <div className="cell-sub">{booking.package.description}</div>}
        </Field>
        <Field label="Pickup window">
          {calendar.formatDatedWindow(booking.pickupWindow.start, booking.pickupWindow.end)}
        </Field>
        {booking.eta && <Field label="Estimated delivery">{calendar.formatDateTime(booking.eta)}</Field>}
        <Field label="Courier">{booking.courierName ?? booking.courierId ?? 'Unassigned'}</Field>
        <Field label="Partner">{booking.partnerName ?? booking.partnerId ?? 'Direct booking'}</Field>
        <Field label="Booked via">
          {humanize(booking.channel)}, {calendar.formatDateTime(booking.createdAt)}
        </Field>
      </dl>
      <h3 className="section-title">Status timeline</h3>
      <StatusTimeline history={booking.history} />
    </Drawer>
  );
}
