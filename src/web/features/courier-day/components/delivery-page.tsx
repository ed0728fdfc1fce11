// One delivery on the courier's phone: both stops with call and directions, the parcel, what happened so
// far, and the next moves the status machine allows — each opening the update form.
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { EmptyState } from '../../../components/feedback-states';
import { StatusBadge } from '../../../components/status-badge';
import { StatusTimeline } from '../../../components/status-timeline';
import type { BookingStatus } from '../../../../core/model';
import { addressLine, describePackage, humanize } from '../../../lib/booking-text';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { useSharedDay } from '../hooks/day-context';
import { useOutbox } from '../hooks/use-outbox';
import { mapsLink } from './maps-link';
import { courierActions, statusLabel } from './status-actions';
import { UpdateForm } from './update-form';

export function DeliveryPage() {
  const { reference = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const calendar = useCompanyCalendar();
  const day = useSharedDay();
  const outbox = useOutbox();
  const item = day.deliveries.find((d) => d.booking.reference === reference);

  if (!item) {
    return (
      <EmptyState title={`${reference} is not one of your deliveries today.`}>
        <Link to="/today">Back to today’s deliveries</Link>
      </EmptyState>
    );
  }
  const { booking, status } = item;
  const updating = search.get('update') as BookingStatus | null;
  const actions = courierActions(status);

  if (updating && actions.includes(updating)) {
    return (
      <UpdateForm
        booking={booking}
        status={updating}
        onDone={() => navigate('/today')}
        onCancel={() => setSearch({}, { replace: true })}
      />
    );
  }

  const queued = outbox.items.filter((u) => u.reference === reference);
  return (
    <section className="delivery" data-testid="delivery-page" data-status={status}>
      <Link to="/today" className="delivery__back">
        ‹ Today
      </Link>
      <header className="delivery__header">
        <h1 className="page__title mono">{booking.reference}</h1>
        <StatusBadge status={status} testId="delivery-status" />
      </header>
      <div className="delivery__actions" data-testid="status-actions">
        {actions.length === 0 ? (
          <p className="muted">Nothing more to do for this delivery.</p>
        ) : (
          actions.map((next) => (
            <button
              key={next}
              type="button"
              className={
                next === 'FAILED_DELIVERY' || next === 'RETURNED'
                  ? 'button button--secondary'
                  : 'button button--primary'
              }
              onClick={() => setSearch({ update: next })}
              data-testid={`action-${next}`}
            >
              {statusLabel(next)}
            </button>
          ))
        )}
      </div>
      <dl className="delivery__stops">
        {(
          [
            ['Pickup', booking.pickup, calendar.formatWindow(booking.pickupWindow.start, booking.pickupWindow.end)],
            [
              `Deliver to ${booking.customerName}`,
              booking.delivery,
              booking.eta ? `by ${calendar.formatTime(booking.eta)}` : '',
            ],
          ] as const
        ).map(([label, address, when]) => (
          <div key={label} className="stop">
            <dt className="stop__label">
              {label}
              {when ? ` · ${when}` : ''}
            </dt>
            <dd>{addressLine(address)}</dd>
            <dd>
              <a href={mapsLink(address)} target="_blank" rel="noreferrer">
                Open in maps
              </a>
            </dd>
          </div>
        ))}
        <div className="stop">
          <dt className="stop__label">Customer</dt>
          <dd>
            <a href={`tel:${booking.customerPhone}`} data-testid="customer-phone">
              {booking.customerPhone}
            </a>
          </dd>
        </div>
        <div className="stop">
          <dt className="stop__label">Parcel</dt>
          <dd>
            {describePackage(booking.package)}
            {booking.package.handling.length > 0 && ` · ${booking.package.handling.map(humanize).join(', ')}`}
            {booking.package.description && ` · ${booking.package.description}`}
          </dd>
        </div>
      </dl>
      <h2 className="delivery__subtitle">What happened</h2>
      {queued.length > 0 && (
        <ol className="delivery__timeline" data-testid="delivery-queued">
          {queued.map((u) => (
            <li key={u.id} className={u.state === 'waiting' ? 'delivery__queued' : 'delivery__refused'}>
              <strong>{statusLabel(u.status)}</strong> · {calendar.formatTime(u.at)} ·{' '}
              {u.state === 'waiting' ? 'waiting to send' : `not accepted: ${u.problem ?? ''}`}
            </li>
          ))}
        </ol>
      )}
      <StatusTimeline history={booking.history} />
    </section>
  );
}
