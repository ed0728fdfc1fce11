// Centres the map on a point the admin asked for (a parcel found by its reference), close enough to tell it
// from its neighbours; each new request (key) moves the view once, then panning is the admin's again.
import { useEffect } from 'react';
import { useMap } from 'react-leaflet';
import type { Position } from '../hooks/map-state';

/** Close enough that a street's parcels are drawn one by one rather than clustered. */
const FOCUS_ZOOM = 16;

export function FocusPoint({ target }: { target: (Position & { key: number }) | null }) {
  const map = useMap();
  useEffect(() => {
    if (target) map.setView([target.lat, target.lng], Math.max(map.getZoom(), FOCUS_ZOOM), { animate: false });
  }, [target?.key, map]);
  return null;
}
