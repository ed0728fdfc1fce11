// What was clicked on the map: a booking's essentials or a courier's whereabouts, each linking onward.
import { Link } from 'react-router-dom';
import { StatusBadge } from '../../../components/status-badge';
import { StatusTimeline } from '../../../components/status-timeline';
import type { BookingFields } from '../../../lib/api-types';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { humanize } from '../../../lib/booking-text';
import type { CourierSpot } from '../hooks/map-state';

/** The newest status updates shown beside the map; the booking's page has the whole history. */
const RECENT_EVENTS = 5;

export type Selection = { kind: 'booking'; reference: string } | { kind: 'courier'; id: string };

export type MapSelectionProps = {
  selection: Selection;
  bookings: ReadonlyMap<string, BookingFields>;
  couriers: CourierSpot[];
  onClose: () => void;
};

function BookingSummary({ booking }: { booking: BookingFields }) {
  const calendar = useCompanyCalendar();
  return (
    <>
      <div className="map-selection__head">
        <span className="mono">{booking.reference}</span>
        <StatusBadge status={booking.status} testId="map-selection-status" />
      </div>
      <dl className="map-selection__fields">
        <dt>Customer</dt>
        <dd>{booking.customerName}</dd>
        <dt>Route</dt>
        <dd>
          {booking.pickup.city} → {booking.delivery.city}
        </dd>
        <dt>Courier</dt>
        <dd>{booking.courierName ?? booking.courierId ?? 'Unassigned'}</dd>
        <dt>Booked by</dt>
        <dd data-testid="map-selection-origin">
          {booking.partnerName ?? booking.partnerId ?? humanize(booking.channel)}
          {booking.partnerId ? ' (partner)' : ''}
        </dd>
        <dt>Updated</dt>
        <dd>{calendar.formatDateTime(booking.updatedAt)}</dd>
      </dl>
      <div className="map-selection__history" aria-label="Latest updates">
        <StatusTimeline history={booking.history.slice(-RECENT_EVENTS)} />
      </div>
      <Link className="button button--secondary" to={`/bookings/${booking.reference}`} data-testid="map-open-booking">
        Open booking
      </Link>
    </>
  );
}

function CourierSummary({ courier, bookings }: { courier: CourierSpot; bookings: BookingFields[] }) {
  const calendar = useCompanyCalendar();
  return (
    <>
      <div className="map-selection__head">
        <span className="map-legend__courier" aria-hidden="true" />
        <strong>{courier.name}</strong>
      </div>
      <dl className="map-selection__fields">
        <dt>Vehicle</dt>
        <dd>{humanize(courier.vehicle)}</dd>
        <dt>Last seen</dt>
        <dd>{courier.position ? calendar.formatDateTime(courier.position.at) : 'Not reported'}</dd>
      </dl>
      {bookings.length > 0 && (
        <ul className="map-selection__list">
          {bookings.map((booking) => (
            <li key={booking.reference}>
              <Link to={`/bookings/${booking.reference}`} className="mono">
                {booking.reference}
              </Link>{' '}
              <StatusBadge status={booking.status} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function MapSelection({ selection, bookings, couriers, onClose }: MapSelectionProps) {
  let body;
  if (selection.kind === 'booking') {
    const booking = bookings.get(selection.reference);
    body = booking ? <BookingSummary booking={booking} /> : <p className="muted">This booking is not on this day.</p>;
  } else {
    const courier = couriers.find((candidate) => candidate.id === selection.id);
    const assigned = [...bookings.values()].filter((booking) => booking.courierId === selection.id);
    body = courier ? (
      <CourierSummary courier={courier} bookings={assigned} />
    ) : (
      <p className="muted">Courier not found.</p>
    );
  }
  return (
    <section className="map-selection" data-testid="map-selection" aria-label="Selected on the map">
      <button type="button" className="icon-button map-selection__close" aria-label="Close" onClick={onClose}>
        ×
      </button>
      {body}
    </section>
  );
}
