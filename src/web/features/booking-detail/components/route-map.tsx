// A booking on the map: pickup, delivery, the straight route between them and the courier's live position.
import L from 'leaflet';
import { useEffect } from 'react';
import { Marker, Polyline, Tooltip, useMap } from 'react-leaflet';
import { BaseMap } from '../../../components/base-map';
import type { BookingFields } from '../../../lib/api-types';
import type { CourierPosition } from '../api/booking-detail-api';

type LatLng = [number, number];

function stopIcon(letter: string, modifier: string): L.DivIcon {
  const pin = document.createElement('span');
  pin.className = `map-stop map-stop--${modifier}`;
  const label = document.createElement('span');
  label.className = 'map-stop__label';
  label.textContent = letter;
  pin.append(label);
  return L.divIcon({ html: pin, className: 'map-stop-icon', iconSize: [26, 26] });
}

const PICKUP_ICON = stopIcon('P', 'pickup');
const DELIVERY_ICON = stopIcon('D', 'delivery');
const COURIER_ICON = L.divIcon({
  html: '<span class="map-courier"></span>',
  className: 'map-courier-icon',
  iconSize: [20, 20],
});

function FrameStops({ stops }: { stops: LatLng[] }) {
  const map = useMap();
  const key = stops.map((stop) => stop.join(',')).join(';');
  useEffect(() => {
    if (stops.length === 1 && stops[0]) map.setView(stops[0], 15, { animate: false });
    if (stops.length > 1) map.fitBounds(L.latLngBounds(stops), { padding: [48, 48], animate: false });
    // Reframed when the stops change, not when the courier moves.
  }, [key, map]);
  return null;
}

export type RouteMapProps = { booking: BookingFields; courierPosition: CourierPosition | null };

export function RouteMap({ booking, courierPosition }: RouteMapProps) {
  const pickup: LatLng | null = booking.pickup.point ? [booking.pickup.point.lat, booking.pickup.point.lng] : null;
  const delivery: LatLng | null = booking.delivery.point
    ? [booking.delivery.point.lat, booking.delivery.point.lng]
    : null;
  const stops = [pickup, delivery].filter((stop): stop is LatLng => stop !== null);
  const distanceKm = pickup && delivery ? L.latLng(pickup).distanceTo(L.latLng(delivery)) / 1000 : null;
  return (
    <div className="route-map">
      <BaseMap className="map-frame--route" testId="route-map" center={stops[0]} zoom={13}>
        <FrameStops stops={stops} />
        {pickup && delivery && (
          <Polyline positions={[pickup, delivery]} pathOptions={{ color: '#4f46e5', weight: 3, dashArray: '6 8' }} />
        )}
        {pickup && (
          <Marker position={pickup} icon={PICKUP_ICON}>
            <Tooltip>Pickup: {booking.pickup.line1}</Tooltip>
          </Marker>
        )}
        {delivery && (
          <Marker position={delivery} icon={DELIVERY_ICON}>
            <Tooltip>Delivery: {booking.delivery.line1}</Tooltip>
          </Marker>
        )}
        {courierPosition && (
          <Marker position={[courierPosition.lat, courierPosition.lng]} icon={COURIER_ICON} zIndexOffset={1000}>
            <Tooltip>{booking.courierName ?? 'Courier'}</Tooltip>
          </Marker>
        )}
      </BaseMap>
      <p className="route-map__caption" data-testid="route-line">
        {distanceKm === null
          ? 'The route is drawn once both addresses are located.'
          : `Route drawn as a straight line: ${distanceKm.toFixed(1)} km from pickup to delivery.`}
      </p>
    </div>
  );
}
