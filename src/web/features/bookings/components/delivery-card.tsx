// One delivery on the courier's phone: where to collect, where to deliver, what it is, where it stands.
import { StatusBadge } from '../../../components/status-badge';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { BookingFields } from '../../../lib/api-types';
import { addressLine, describePackage, humanize } from '../../../lib/booking-text';

export function DeliveryCard({ booking, flashing }: { booking: BookingFields; flashing: boolean }) {
  const calendar = useCompanyCalendar();
  return (
    <article
      className={flashing ? 'card card--flash' : 'card'}
      data-testid={`delivery-card-${booking.reference}`}
      data-version={booking.version}
    >
      <header className="card__header">
        <span className="mono">{booking.reference}</span>
        <StatusBadge status={booking.status} testId={`status-${booking.reference}`} />
      </header>
      <dl className="card__stops">
        <div className="stop">
          <dt className="stop__label" data-testid="delivery-window">
            Pickup · {calendar.formatWindow(booking.pickupWindow.start, booking.pickupWindow.end)}
          </dt>
          <dd>{addressLine(booking.pickup)}</dd>
        </div>
        <div className="stop">
          <dt className="stop__label">Deliver to {booking.customerName}</dt>
          <dd>{addressLine(booking.delivery)}</dd>
          <dd>
            <a href={`tel:${booking.customerPhone}`}>{booking.customerPhone}</a>
          </dd>
        </div>
      </dl>
      <footer className="card__footer">
        <span>{describePackage(booking.package)}</span>
        {booking.package.handling.map((handling) => (
          <span key={handling} className="tag">
            {humanize(handling)}
          </span>
        ))}
        {booking.package.description && <span className="muted">{booking.package.description}</span>}
      </footer>
    </article>
  );
}
