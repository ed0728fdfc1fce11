// The app's one Leaflet map frame: OpenStreetMap-style tiles from configuration, sized by its container.
import 'leaflet/dist/leaflet.css';
import type { ReactNode } from 'react';
import { MapContainer, TileLayer } from 'react-leaflet';
import { appSettings } from '../lib/amplify-config';

/** Downtown Seattle: where the demo company works, and the view before any point is known. */
export const HOME_CENTER: [number, number] = [47.6062, -122.3321];

const ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';

export type BaseMapProps = {
  children?: ReactNode;
  center?: [number, number];
  zoom?: number;
  className?: string;
  testId?: string;
};

export function BaseMap({ children, center = HOME_CENTER, zoom = 11, className, testId }: BaseMapProps) {
  return (
    <div className={className ? `map-frame ${className}` : 'map-frame'} data-testid={testId}>
      <MapContainer center={center} zoom={zoom} preferCanvas className="map-frame__map">
        <TileLayer url={appSettings().mapTileUrl} attribution={ATTRIBUTION} maxZoom={19} />
        {children}
      </MapContainer>
    </div>
  );
}
