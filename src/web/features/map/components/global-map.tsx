// The global map itself: every booking clustered on one canvas, the fleet, the first framing, and the
// drawn view listed as markup. The admin's map page and the map benchmark harness render this same tree.
import { startTransition, useCallback, useState, type ReactNode } from 'react';
import { BaseMap } from '../../../components/base-map';
import type { BookingPoint, CourierSpot, Position } from '../hooks/map-state';
import type { DrawnView } from './booking-cluster-layer';
import { BookingClusters } from './booking-clusters';
import { CourierMarkers } from './courier-markers';
import { FitView } from './fit-view';

/**
 * What the canvas shows, as markup: assistive technology and browser tests cannot read a canvas, so each
 * drawn booking and cluster is listed with its colour and position.
 */
function DrawnList({ view }: { view: DrawnView }) {
  return (
    <div className="visually-hidden" data-testid="map-drawn">
      <ul aria-label="Bookings on screen">
        {view.markers.map((marker) => (
          <li
            key={marker.reference}
            data-testid={`map-marker-${marker.reference}`}
            data-status={marker.status}
            data-colour={marker.colour}
            data-x={Math.round(marker.x)}
            data-y={Math.round(marker.y)}
          >
            {marker.reference}: {marker.status}
          </li>
        ))}
      </ul>
      <ul aria-label="Clusters on screen">
        {view.clusters.map((cluster) => (
          <li key={cluster.id} data-testid="map-cluster" data-count={cluster.count} data-colour={cluster.colour}>
            {cluster.count} bookings
          </li>
        ))}
      </ul>
    </div>
  );
}

export type GlobalMapProps = {
  points: BookingPoint[];
  couriers: CourierSpot[];
  /** A new key (a freshly loaded day) frames the map on the points once; null leaves the view alone. */
  frameKey: string | null;
  onSelectBooking: (reference: string) => void;
  onSelectCourier: (id: string) => void;
  /** Told after each draw of the booking layer (the benchmark harness times first render with it). */
  onDrawn?: (view: DrawnView) => void;
  /** Extra map layers or map-aware components, rendered inside the Leaflet map. */
  children?: ReactNode;
};

export function GlobalMap({
  points,
  couriers,
  frameKey,
  onSelectBooking,
  onSelectCourier,
  onDrawn,
  children,
}: GlobalMapProps) {
  const [drawn, setDrawn] = useState<DrawnView>({ markers: [], clusters: [] });
  const draw = useCallback(
    (view: DrawnView) => {
      // The list is for assistive technology and tests: rebuilding hundreds of items must not hold up
      // the frames that follow a pan or zoom, so React renders it in slices between them.
      startTransition(() => setDrawn(view));
      onDrawn?.(view);
    },
    [onDrawn],
  );
  const positions = useCallback(
    (): Position[] => [...points, ...couriers.flatMap((c) => (c.position ? [c.position] : []))],
    [points, couriers],
  );
  return (
    <>
      <BaseMap testId="global-map">
        <BookingClusters points={points} onSelect={onSelectBooking} onDraw={draw} />
        <CourierMarkers couriers={couriers} onSelect={onSelectCourier} />
        <FitView frameKey={frameKey} positions={positions} />
        {children}
      </BaseMap>
      <DrawnList view={drawn} />
    </>
  );
}
