// The courier's route for the rest of today (Req 11.11): the open stops in the suggested order — each parcel
// collected before it is delivered, pickups inside their windows where the day allows — from where the phone says
// the courier is, with the time each stop is reached, on a list and on the map. The courier may move stops by
// hand; that order is kept (new stops are fitted in by the search) until "Use the suggested order".
import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState, Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { addressLine } from '../../../lib/booking-text';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { useSharedDay } from '../../courier-day/hooks/day-context';
import type { RouteStop } from '../api/route-api';
import { canMove } from '../hooks/route-order';
import { useRoute } from '../hooks/use-route';
import './route.css';

const RouteMap = lazy(() => import('./route-map').then((m) => ({ default: m.RouteMap })));

const kindWord = (kind: RouteStop['kind']) => (kind === 'PICKUP' ? 'Collect' : 'Deliver');

function StopRow({
  stop,
  index,
  canUp,
  canDown,
  busy,
  onMove,
}: {
  stop: RouteStop;
  index: number;
  canUp: boolean;
  canDown: boolean;
  busy: boolean;
  onMove: (direction: -1 | 1) => void;
}) {
  const calendar = useCompanyCalendar();
  const what = `${kindWord(stop.kind).toLowerCase()} ${stop.reference}`;
  return (
    <li
      className={stop.lateMinutes > 0 ? 'courier-stop courier-stop--late' : 'courier-stop'}
      data-testid="route-stop"
      data-stop={`${stop.reference}#${stop.kind}`}
    >
      <span
        className={`courier-stop__number ${stop.kind === 'PICKUP' ? 'courier-pin--pickup' : 'courier-pin--delivery'}`}
        aria-hidden="true"
      >
        {index + 1}
      </span>
      <div className="courier-stop__body">
        <p className="courier-stop__title">
          <strong>{kindWord(stop.kind)}</strong>{' '}
          <Link to={`/today/${stop.reference}`} className="mono">
            {stop.reference}
          </Link>
          <span className="courier-stop__eta" data-testid="route-stop-eta">
            {' '}
            · about {calendar.formatTime(stop.plannedArrival)}
          </span>
        </p>
        <p className="courier-stop__where">
          {stop.kind === 'PICKUP' ? 'From' : 'To'} {stop.customerName} · {addressLine(stop.address)}
        </p>
        {(stop.windowStart || stop.lateMinutes > 0) && (
          <p className="courier-stop__when">
            {stop.windowStart && stop.windowEnd && (
              <span>Window {calendar.formatWindow(stop.windowStart, stop.windowEnd)}</span>
            )}
            {stop.lateMinutes > 0 && <span className="tag tag--danger">{stop.lateMinutes} min late</span>}
          </p>
        )}
      </div>
      <div className="courier-stop__moves">
        <button
          type="button"
          className="button button--secondary courier-stop__move"
          aria-label={`Move ${what} up`}
          disabled={!canUp || busy}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button--secondary courier-stop__move"
          aria-label={`Move ${what} down`}
          disabled={!canDown || busy}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
      </div>
    </li>
  );
}

export function RoutePage({ courierId }: { courierId: string }) {
  const calendar = useCompanyCalendar();
  const day = useSharedDay();
  // A stop done (or a delivery added or taken away) asks for the order again.
  const dayKey = day.deliveries.map((d) => `${d.booking.reference}:${d.status}`).join(',');
  const route = useRoute(courierId, dayKey);
  const { sequence } = route;

  if (!sequence) {
    if (route.error !== undefined && !route.loading)
      return <ProblemNotice error={route.error} onRetry={route.reload} />;
    return <Loading label="Working out your route…" />;
  }
  const late = sequence.stops.filter((s) => s.lateMinutes > 0);
  const offline = route.error !== undefined && route.savedAt !== undefined;
  return (
    <section className="courier-route" data-testid="route-page" data-manual={String(sequence.manual)}>
      <header className="courier-route__header">
        <h1 className="page__title">Route</h1>
        <span className={sequence.manual ? 'tag tag--manual' : 'tag'} data-testid="route-kind">
          {sequence.manual ? 'Your order' : 'Suggested order'}
        </span>
      </header>
      {offline ? (
        <p className="notice courier-route__offline" role="status" data-testid="route-saved-copy">
          No connection: this is the order as of {calendar.formatTime(route.savedAt!)}. Moves need a connection.
        </p>
      ) : (
        route.error !== undefined && <ProblemNotice error={route.error} onRetry={route.reload} compact />
      )}
      {route.actionError !== undefined && <ProblemNotice error={route.actionError} compact />}
      {sequence.stops.length === 0 ? (
        <EmptyState title="No stops left today">Every delivery of today is done or handed over.</EmptyState>
      ) : (
        <>
          <p className="courier-route__summary" data-testid="route-summary">
            {sequence.stops.length} {sequence.stops.length === 1 ? 'stop' : 'stops'} · done by about{' '}
            {calendar.formatTime(sequence.finishAt)}
            {late.length > 0 && (
              <>
                {' '}
                · <strong>{late.length} late</strong>
              </>
            )}
            <span className="courier-route__source">
              {sequence.distances === 'ROAD' ? 'Road travel times' : 'Straight-line estimates (no routing service)'}
              {sequence.origin ? ', from where you are' : ', from your last reported place'}.
            </span>
          </p>
          {sequence.manual && (
            <button
              type="button"
              className="button button--secondary"
              data-testid="route-reset"
              disabled={route.busy || offline}
              onClick={route.reset}
            >
              Use the suggested order
            </button>
          )}
          <Suspense fallback={<div className="map-frame courier-route-map" aria-busy="true" />}>
            <RouteMap origin={sequence.origin ?? route.position} stops={sequence.stops} />
          </Suspense>
          <ol className="courier-route__stops" aria-label="Stops in order" aria-busy={route.busy || route.loading}>
            {sequence.stops.map((stop, index) => (
              <StopRow
                key={`${stop.reference}#${stop.kind}`}
                stop={stop}
                index={index}
                canUp={!offline && canMove(sequence.stops, index, -1)}
                canDown={!offline && canMove(sequence.stops, index, 1)}
                busy={route.busy}
                onMove={(direction) => route.move(index, direction)}
              />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
