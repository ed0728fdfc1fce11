// The courier's day (Req 11.2–11.3): today's deliveries in the company's calendar, the next stop first,
// each with both addresses, the parcel, its status (including updates still on the phone), a tap to call
// and a link into the phone's maps app. Opens with no network from the copy kept on the phone.
import { useEffect, useLayoutEffect } from 'react';
import { Link } from 'react-router-dom';
import { dismissSavedDay, saveDaySnapshot } from '../../../app/day-snapshot';
import { EmptyState, Loading } from '../../../components/feedback-states';
import { LiveIndicator } from '../../../components/live-indicator';
import { ProblemNotice } from '../../../components/problem-notice';
import { StatusBadge } from '../../../components/status-badge';
import { addressLine, describePackage, humanize } from '../../../lib/booking-text';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { isOpen, useSharedDay, type DayDelivery } from '../hooks/day-context';
import { mapsLink } from './maps-link';

function DeliveryItem({ item, next }: { item: DayDelivery; next: boolean }) {
  const calendar = useCompanyCalendar();
  const { booking, status, pending } = item;
  const collecting = status === 'BOOKED';
  const target = collecting ? booking.pickup : booking.delivery;
  return (
    <article
      className={next ? 'card day-card day-card--next' : 'card day-card'}
      data-testid={`delivery-card-${booking.reference}`}
      data-status={status}
      data-version={booking.version}
    >
      {next && <p className="day-card__next">Next stop · {collecting ? 'collect' : 'deliver'}</p>}
      <header className="card__header">
        <Link
          to={`/today/${booking.reference}`}
          className="mono day-card__ref"
          data-testid={`open-${booking.reference}`}
        >
          {booking.reference}
        </Link>
        <StatusBadge status={status} testId={`status-${booking.reference}`} />
      </header>
      {pending && (
        <p className="tag tag--waiting" data-testid={`waiting-${booking.reference}`}>
          Waiting to send · {calendar.formatTime(pending.at)}
        </p>
      )}
      <dl className="card__stops">
        <div className={collecting ? 'stop stop--target' : 'stop'}>
          <dt className="stop__label" data-testid="delivery-window">
            Pickup · {calendar.formatWindow(booking.pickupWindow.start, booking.pickupWindow.end)}
          </dt>
          <dd>{addressLine(booking.pickup)}</dd>
        </div>
        <div className={collecting ? 'stop' : 'stop stop--target'}>
          <dt className="stop__label">
            Deliver to {booking.customerName}
            {booking.eta && isOpen(status) && !collecting ? ` · by ${calendar.formatTime(booking.eta)}` : ''}
          </dt>
          <dd>{addressLine(booking.delivery)}</dd>
        </div>
      </dl>
      <footer className="card__footer">
        <span>{describePackage(booking.package)}</span>
        {booking.package.handling.map((handling) => (
          <span key={handling} className="tag">
            {humanize(handling)}
          </span>
        ))}
      </footer>
      {isOpen(status) && (
        <div className="day-card__actions">
          <a className="button button--secondary" href={`tel:${booking.customerPhone}`} data-testid="call-customer">
            Call
          </a>
          <a className="button button--secondary" href={mapsLink(target)} target="_blank" rel="noreferrer">
            Directions
          </a>
          <Link className="button button--primary" to={`/today/${booking.reference}`}>
            Update
          </Link>
        </div>
      )}
    </article>
  );
}

/** How long the screen settles after a change before it is kept as the next start's saved day. */
const SNAPSHOT_DELAY_MS = 400;

export function DayPage() {
  const day = useSharedDay();
  const calendar = useCompanyCalendar();
  // The day rendered by the app replaces the saved copy shown while the app started, in the same frame.
  useLayoutEffect(() => dismissSavedDay(), []);
  // Every settled change of the day is kept for the next start (app/day-snapshot.ts).
  useEffect(() => {
    if (day.phase !== 'ready') return;
    const timer = setTimeout(() => {
      const root = document.getElementById('root');
      if (!root) return;
      saveDaySnapshot(root, {
        dayStartMs: calendar.startOf(day.day).getTime(),
        dayEndMs: calendar.endOf(day.day).getTime(),
        savedAtText: calendar.formatTime(new Date()),
      });
    }, SNAPSHOT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [day.phase, day.deliveries, day.source, day.liveError, day.day, calendar]);
  const open = day.deliveries.filter((d) => isOpen(d.status));
  const nextRef = open[0]?.booking.reference;
  return (
    <section className="deliveries">
      <header className="deliveries__header">
        <div>
          <h1 className="page__title" data-testid="deliveries-title" data-day={day.day}>
            My deliveries today
          </h1>
          {day.deliveries.length > 0 && (
            <p className="page__subtitle" data-testid="deliveries-summary">
              {open.length} to do · {day.deliveries.length - open.length} done
            </p>
          )}
        </div>
        <LiveIndicator failed={day.liveError || day.source === 'phone'} />
      </header>
      {day.source === 'phone' && day.savedAt && (
        <p className="muted" data-testid="offline-copy" data-snapshot-omit="">
          Showing the copy on this phone from {calendar.formatTime(day.savedAt)}.
        </p>
      )}
      {day.phase === 'loading' && day.deliveries.length === 0 ? (
        <Loading label="Loading your deliveries…" />
      ) : day.phase === 'error' && day.deliveries.length === 0 ? (
        <ProblemNotice error={day.error} onRetry={day.reload} />
      ) : day.deliveries.length === 0 ? (
        <EmptyState title="No deliveries assigned to you today.">
          New assignments appear here as soon as they are made.
        </EmptyState>
      ) : (
        <div className="card-list">
          {day.deliveries.map((item) => (
            <DeliveryItem key={item.booking.reference} item={item} next={item.booking.reference === nextRef} />
          ))}
        </div>
      )}
    </section>
  );
}
