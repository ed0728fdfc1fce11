// The public tracking page, /track/<reference>: one parcel's status, ETA, cities, timeline and, while it is
// out for delivery, the courier on a map. Nothing else about the booking is shown or fetched.
import L from 'leaflet';
import { Marker } from 'react-leaflet';
import { BaseMap } from '../../../components/base-map';
import { Brand } from '../../../components/brand';
import { Loading } from '../../../components/feedback-states';
import { StatusBadge } from '../../../components/status-badge';
import { STATUS_LOOK } from '../../../lib/booking-status';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { PublicTracking } from '../api/tracking-api';
import { useTracking } from '../hooks/use-tracking';

const COURIER_ICON = L.divIcon({
  html: '<span class="map-courier"></span>',
  className: 'map-courier-icon',
  iconSize: [20, 20],
});

function ParcelStatus({ tracking }: { tracking: PublicTracking }) {
  const calendar = useCompanyCalendar();
  const newestFirst = [...tracking.timeline].reverse();
  const position = tracking.courierPosition;
  return (
    <article className="tracking-card" data-testid="tracking-parcel">
      <header className="tracking-card__head">
        <div>
          <p className="tracking-card__label">Parcel</p>
          <h1 className="tracking-card__reference mono" data-testid="tracking-reference">
            {tracking.reference}
          </h1>
        </div>
        <StatusBadge status={tracking.status} testId="tracking-status" />
      </header>
      <dl className="tracking-card__facts">
        <div>
          <dt>From</dt>
          <dd data-testid="tracking-pickup-city">{tracking.pickupCity}</dd>
        </div>
        <div>
          <dt>To</dt>
          <dd data-testid="tracking-delivery-city">{tracking.deliveryCity}</dd>
        </div>
        <div>
          <dt>Estimated delivery</dt>
          <dd data-testid="tracking-eta">{tracking.eta ? calendar.formatDateTime(tracking.eta) : 'Not yet known'}</dd>
        </div>
        <div>
          <dt>Last update</dt>
          <dd>{calendar.formatDateTime(tracking.lastUpdate)}</dd>
        </div>
      </dl>
      {position && (
        <section aria-label="Your courier" className="tracking-card__map">
          <p className="tracking-card__label">Your courier is on the way</p>
          <BaseMap
            center={[position.lat, position.lng]}
            zoom={14}
            className="map-frame--tracking"
            testId="tracking-map"
          >
            <Marker position={[position.lat, position.lng]} icon={COURIER_ICON} />
          </BaseMap>
        </section>
      )}
      <ol className="timeline" data-testid="tracking-timeline">
        {newestFirst.map((event, index) => (
          <li key={`${event.at}:${event.status}:${index}`} className="timeline__item">
            <span
              className="timeline__dot"
              style={{ background: STATUS_LOOK[event.status].colour }}
              aria-hidden="true"
            />
            <div className="timeline__head">
              <span className="timeline__status">{STATUS_LOOK[event.status].label}</span>
              <time className="timeline__time" dateTime={event.at}>
                {calendar.formatDateTime(event.at)}
              </time>
            </div>
          </li>
        ))}
      </ol>
    </article>
  );
}

export function TrackingPage({ reference }: { reference: string }) {
  const state = useTracking(reference);
  return (
    <div className="tracking">
      <header className="topbar topbar--full">
        <Brand subtitle="Parcel tracking" />
      </header>
      <main className="tracking__content">
        {state.phase === 'loading' && <Loading label="Finding your parcel…" />}
        {state.phase === 'failed' && (
          <div
            className="notice notice--error tracking__problem"
            role="alert"
            data-testid="tracking-problem"
            data-kind={state.failure.kind}
          >
            <div className="notice__text">
              <strong>{state.failure.title}</strong> <span>{state.failure.hint}</span>
            </div>
          </div>
        )}
        {state.phase === 'ready' && <ParcelStatus tracking={state.tracking} />}
      </main>
    </div>
  );
}
