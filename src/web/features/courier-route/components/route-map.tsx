// The route on the map (loaded only when the route tab opens): where the courier is, each open stop numbered in
// the order of the list — squares to collect, circles to deliver — joined by the line the courier will drive.
import L from 'leaflet';
import { useEffect, useMemo } from 'react';
import { CircleMarker, Marker, Polyline, Tooltip, useMap } from 'react-leaflet';
import { BaseMap } from '../../../components/base-map';
import type { Position, RouteStop } from '../api/route-api';

export type RouteMapProps = { origin: Position | null; stops: readonly RouteStop[] };

function numberIcon(n: number, kind: RouteStop['kind'], late: boolean) {
  const classes = ['courier-pin', kind === 'PICKUP' ? 'courier-pin--pickup' : 'courier-pin--delivery'];
  if (late) classes.push('courier-pin--late');
  return L.divIcon({
    html: `<span class="${classes.join(' ')}">${n}</span>`,
    className: 'courier-pin-icon',
    iconSize: [26, 26],
    iconAnchor: [13, 13],
  });
}

/** Frames the whole route whenever its set of places changes; a reorder alone does not move the view. */
function FitRoute({ points, frameKey }: { points: Position[]; frameKey: string }) {
  const map = useMap();
  useEffect(() => {
    if (points.length === 0) return;
    map.fitBounds(L.latLngBounds(points.map((p) => [p.lat, p.lng])), {
      padding: [28, 28],
      maxZoom: 15,
      animate: false,
    });
  }, [frameKey, map]);
  return null;
}

export function RouteMap({ origin, stops }: RouteMapProps) {
  const placed = stops.flatMap((stop, index) => (stop.point ? [{ stop, index, point: stop.point }] : []));
  const line = [...(origin ? [origin] : []), ...placed.map((p) => p.point)];
  const frameKey = useMemo(
    () =>
      [...line]
        .map((p) => `${p.lat.toFixed(4)},${p.lng.toFixed(4)}`)
        .sort()
        .join('|'),
    [line],
  );
  return (
    <BaseMap className="courier-route-map" testId="courier-route-map">
      <FitRoute points={line} frameKey={frameKey} />
      {line.length > 1 && (
        <Polyline positions={line.map((p) => [p.lat, p.lng])} pathOptions={{ className: 'courier-route-map__line' }} />
      )}
      {origin && (
        <CircleMarker
          center={[origin.lat, origin.lng]}
          radius={8}
          pathOptions={{ className: 'courier-route-map__you' }}
        >
          <Tooltip>You are here</Tooltip>
        </CircleMarker>
      )}
      {placed.map(({ stop, index, point }) => (
        <Marker
          key={`${stop.reference}#${stop.kind}`}
          position={[point.lat, point.lng]}
          icon={numberIcon(index + 1, stop.kind, stop.lateMinutes > 0)}
          title={`${index + 1}. ${stop.kind === 'PICKUP' ? 'Collect' : 'Deliver'} ${stop.reference}`}
        />
      ))}
    </BaseMap>
  );
}
