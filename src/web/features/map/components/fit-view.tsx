// Frames the map on a freshly loaded day's points once, then leaves panning and zooming to the user.
import L from 'leaflet';
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { Position } from '../hooks/map-state';

export type FitViewProps = { frameKey: string | null; positions: () => Position[] };

export function FitView({ frameKey, positions }: FitViewProps) {
  const map = useMap();
  useEffect(() => {
    if (frameKey === null) return;
    const all = positions();
    if (all.length === 0) return;
    map.fitBounds(L.latLngBounds(all.map((p) => [p.lat, p.lng])), { padding: [40, 40], maxZoom: 15, animate: false });
    // Only a new day (frameKey) reframes; live changes to the positions must not move the user's view.
  }, [frameKey, map]);
  return null;
}
