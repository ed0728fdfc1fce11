// Couriers on the global map: a few dozen diamond markers (DOM), set apart from the round booking dots.
import L from 'leaflet';
import { Marker } from 'react-leaflet';
import type { CourierSpot } from '../hooks/map-state';

const icons = new Map<string, L.DivIcon>();

/** One icon per courier, reused across moves so Leaflet only repositions it. */
function courierIcon(id: string): L.DivIcon {
  let icon = icons.get(id);
  if (!icon) {
    const pin = document.createElement('span');
    pin.className = 'map-courier';
    pin.dataset.courierId = id;
    icon = L.divIcon({ html: pin, className: 'map-courier-icon', iconSize: [20, 20] });
    icons.set(id, icon);
  }
  return icon;
}

export type CourierMarkersProps = { couriers: CourierSpot[]; onSelect: (id: string) => void };

export function CourierMarkers({ couriers, onSelect }: CourierMarkersProps) {
  return couriers.map((courier) =>
    courier.position ? (
      <Marker
        key={courier.id}
        position={[courier.position.lat, courier.position.lng]}
        icon={courierIcon(courier.id)}
        title={courier.name}
        zIndexOffset={1000}
        eventHandlers={{ click: () => onSelect(courier.id) }}
      />
    ) : null,
  );
}
