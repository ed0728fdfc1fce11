// Where the courier is, confirmed before an update: the fix and its accuracy drawn beside the stop on a
// small plan (no map tiles: it must work in a basement with no network), with the distance in words.
import { haversineKm } from '../../../../core/geo/haversine';
import type { LocationState } from '../hooks/use-geolocation';

const SIZE = 220;
const PAD = 26;

export function distanceText(metres: number): string {
  return metres < 1000 ? `${Math.round(metres / 5) * 5} m` : `${(metres / 1000).toFixed(1)} km`;
}

/** A round scale-bar length (1, 2, 5 × 10ⁿ metres) close to a quarter of the drawing's span. */
function scaleBar(spanM: number): number {
  const target = spanM / 4;
  const power = 10 ** Math.floor(Math.log10(Math.max(target, 1)));
  return [5, 2, 1].map((m) => m * power).find((m) => m <= target) ?? power;
}

export function LocationCheck({
  state,
  stop,
  stopLabel,
  onRetry,
}: {
  state: LocationState;
  stop: { lat: number; lng: number } | null;
  stopLabel: string;
  onRetry: () => void;
}) {
  if (state.phase === 'locating') {
    return (
      <div className="location-check" data-testid="location-check" data-phase="locating">
        <p className="location-check__text">Finding where you are…</p>
      </div>
    );
  }
  if (state.phase === 'unavailable') {
    return (
      <div className="location-check location-check--missing" data-testid="location-check" data-phase="unavailable">
        <p className="location-check__text" role="status">
          <strong>No location.</strong> {state.message}
        </p>
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  const { fix } = state;
  const metres = stop ? haversineKm(fix, stop) * 1000 : undefined;
  // Local plane in metres around the fix: x east, y north.
  const mPerLat = 111_320;
  const mPerLng = 111_320 * Math.cos((fix.lat * Math.PI) / 180);
  const stopXY = stop ? { x: (stop.lng - fix.lng) * mPerLng, y: (stop.lat - fix.lat) * mPerLat } : undefined;
  const span = Math.max(fix.accuracyM * 2.4, stopXY ? Math.max(Math.abs(stopXY.x), Math.abs(stopXY.y)) * 2.4 : 0, 60);
  const scale = (SIZE - 2 * PAD) / span;
  const cx = SIZE / 2;
  const cy = SIZE / 2;
  const bar = scaleBar(span);
  return (
    <div className="location-check" data-testid="location-check" data-phase="fixed">
      <svg
        className="location-check__plan"
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={`You, within ${Math.round(fix.accuracyM)} metres${metres !== undefined ? `, ${distanceText(metres)} from ${stopLabel}` : ''}`}
      >
        <rect width={SIZE} height={SIZE} rx="12" className="location-check__ground" />
        <circle cx={cx} cy={cy} r={Math.max(fix.accuracyM * scale, 4)} className="location-check__accuracy" />
        {stopXY && (
          <>
            <line
              x1={cx}
              y1={cy}
              x2={cx + stopXY.x * scale}
              y2={cy - stopXY.y * scale}
              className="location-check__line"
            />
            <rect
              x={cx + stopXY.x * scale - 7}
              y={cy - stopXY.y * scale - 7}
              width="14"
              height="14"
              rx="3"
              className="location-check__stop"
            />
          </>
        )}
        <circle cx={cx} cy={cy} r="6" className="location-check__you" />
        <line x1={PAD} y1={SIZE - 12} x2={PAD + bar * scale} y2={SIZE - 12} className="location-check__bar" />
        <text x={PAD} y={SIZE - 17} className="location-check__bar-text">
          {distanceText(bar)}
        </text>
      </svg>
      <p className="location-check__text" data-testid="location-text">
        You are here, within ±{Math.round(fix.accuracyM)} m
        {metres !== undefined && (
          <>
            {' '}
            · <strong>{distanceText(metres)}</strong> from {stopLabel}
          </>
        )}
        .
      </p>
    </div>
  );
}
