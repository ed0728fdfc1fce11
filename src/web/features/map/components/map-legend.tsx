// The map's key: each status colour (the badges' palette) with the day's count, and the courier marker.
import type { BookingStatus } from '../../../../core/model';
import { STATUS_LOOK, STATUS_ORDER } from '../../../lib/booking-status';

export type MapLegendProps = { counts: Partial<Record<BookingStatus, number>>; couriers: number };

export function MapLegend({ counts, couriers }: MapLegendProps) {
  return (
    <ul className="map-legend" data-testid="map-legend" aria-label="Legend">
      {STATUS_ORDER.map((status) => {
        const look = STATUS_LOOK[status];
        const count = counts[status] ?? 0;
        return (
          <li
            key={status}
            className="map-legend__item"
            data-status={status}
            data-colour={look.colour}
            data-count={count}
          >
            <span className="map-legend__dot" style={{ background: look.colour }} aria-hidden="true" />
            <span className="map-legend__label">{look.label}</span>
            <span className="map-legend__count">{count}</span>
          </li>
        );
      })}
      <li className="map-legend__item" data-testid="map-legend-couriers" data-count={couriers}>
        <span className="map-legend__courier" aria-hidden="true" />
        <span className="map-legend__label">Courier</span>
        <span className="map-legend__count">{couriers}</span>
      </li>
    </ul>
  );
}
