// A link that opens an address in the phone's own maps app: Apple Maps on iPhone and iPad, Google Maps
// (app or web) elsewhere; the coordinates when the address was geocoded, the address text otherwise.
import type { AddressFields } from '../../../lib/api-types';
import { addressLine } from '../../../lib/booking-text';

export function mapsLink(address: AddressFields, userAgent: string = navigator.userAgent): string {
  const query = address.point ? `${address.point.lat},${address.point.lng}` : addressLine(address);
  if (/iPhone|iPad|iPod/.test(userAgent)) {
    return `https://maps.apple.com/?daddr=${encodeURIComponent(query)}&q=${encodeURIComponent(addressLine(address))}`;
  }
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(query)}`;
}
