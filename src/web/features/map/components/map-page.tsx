// The admin's global map: one day's bookings coloured by status, the fleet, a legend, and live updates.
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { Loading } from '../../../components/feedback-states';
import { LiveIndicator } from '../../../components/live-indicator';
import { ProblemNotice } from '../../../components/problem-notice';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { Position } from '../hooks/map-state';
import { useMapData } from '../hooks/use-map-data';
import { FocusPoint } from './focus-point';
import { GlobalMap } from './global-map';
import { MapLegend } from './map-legend';
import { MapSelection, type Selection } from './map-selection';

export function MapPage() {
  const calendar = useCompanyCalendar();
  const [day, setDay] = useState(() => calendar.today());
  const data = useMapData(day, calendar);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [search, setSearch] = useState('');
  const [searchMiss, setSearchMiss] = useState<string | null>(null);
  const [focus, setFocus] = useState<(Position & { key: number }) | null>(null);

  const selectBooking = useCallback((reference: string) => setSelection({ kind: 'booking', reference }), []);
  const selectCourier = useCallback((id: string) => setSelection({ kind: 'courier', id }), []);
  const { points, couriers } = data;
  const frameKey = data.phase === 'ready' ? day : null;
  const findParcel = (event: FormEvent) => {
    event.preventDefault();
    const reference = search.trim().toUpperCase();
    if (!reference) return;
    const point = points.find((p) => p.reference === reference);
    if (!point) {
      setSearchMiss(`${reference} is not on the map for ${day}. Check the reference or choose its day.`);
      return;
    }
    setSearchMiss(null);
    setSelection({ kind: 'booking', reference });
    setFocus({ lat: point.lat, lng: point.lng, key: Date.now() });
  };
  const total = useMemo(() => Object.values(data.counts).reduce((sum, n) => sum + n, 0), [data.counts]);

  return (
    <section className="page map-page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Map</h1>
          <p className="page__subtitle">Where every booking of the day and every courier is, as it happens.</p>
        </div>
        <div className="map-page__tools">
          <label className="control">
            <span className="control__label">Day</span>
            <input
              type="date"
              value={day}
              required
              onChange={(event) => event.target.value && setDay(event.target.value)}
              data-testid="map-day"
            />
          </label>
          <form className="control map-page__find" role="search" onSubmit={findParcel}>
            <label className="control__label" htmlFor="map-find">
              Find a parcel
            </label>
            <input
              id="map-find"
              type="search"
              placeholder="Reference"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              data-testid="map-find"
              aria-describedby={searchMiss ? 'map-find-miss' : undefined}
            />
          </form>
          <LiveIndicator failed={data.liveFailed} />
        </div>
      </header>
      {searchMiss && (
        <p className="notice notice--compact" id="map-find-miss" role="status" data-testid="map-find-miss">
          {searchMiss}
        </p>
      )}
      {data.phase === 'error' && <ProblemNotice error={data.error} onRetry={data.reload} />}
      <div className="map-page__body">
        <div className="map-page__map">
          <GlobalMap
            points={points}
            couriers={couriers}
            frameKey={frameKey}
            onSelectBooking={selectBooking}
            onSelectCourier={selectCourier}
          >
            <FocusPoint target={focus} />
          </GlobalMap>
          {data.phase === 'loading' && (
            <div className="map-page__loading">
              <Loading label="Loading the day…" />
            </div>
          )}
        </div>
        <aside className="map-page__side">
          <p className="map-page__total" data-testid="map-total" data-count={total}>
            {total} {total === 1 ? 'booking' : 'bookings'} on {day}
          </p>
          <MapLegend counts={data.counts} couriers={couriers.length} />
          {selection && (
            <MapSelection
              selection={selection}
              bookings={data.bookings}
              couriers={couriers}
              onClose={() => setSelection(null)}
            />
          )}
        </aside>
      </div>
    </section>
  );
}
