// Bookings in words: the labels tables, cards and the timeline use for enum values and addresses.
import type { AddressFields, BookingFields, StatusEventFields } from './api-types';

/** "SIGNATURE_REQUIRED" → "Signature required". */
export function humanize(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Medium · 2.5 kg". */
export function describePackage(pkg: BookingFields['package']): string {
  const weight = Number.isInteger(pkg.weightKg) ? String(pkg.weightKg) : pkg.weightKg.toFixed(1);
  return `${humanize(pkg.size)} · ${weight}\u00a0kg`;
}

/** "12 High St, Flat 2" — the street part, for narrow cells. */
export function streetLine(address: AddressFields): string {
  return [address.line1, address.line2].filter(Boolean).join(', ');
}

/** The full postal address on one line, for cards and the drawer. */
export function addressLine(address: AddressFields): string {
  const place = [address.postcode, address.city].filter(Boolean).join(' ');
  return [streetLine(address), place, address.region, address.country].filter(Boolean).join(', ');
}

const ACTOR_ROLES: Record<StatusEventFields['actor']['type'], string> = {
  ADMIN: 'admin',
  COURIER: 'courier',
  PARTNER: 'partner',
  CUSTOMER: 'customer',
  VOICEBOT: 'voicebot',
  SYSTEM: 'system',
};

/** "Dana Kim (courier)", or just "Voicebot" / "System" when there is no name to show. */
export function describeActor(actor: StatusEventFields['actor']): string {
  const role = ACTOR_ROLES[actor.type];
  if (actor.name) return `${actor.name} (${role})`;
  if (actor.type === 'VOICEBOT' || actor.type === 'SYSTEM') return humanize(role);
  return `${humanize(role)} ${actor.id}`;
}

/** "47.60621, -122.33207". */
export function describePoint(point: { lat: number; lng: number }): string {
  return `${point.lat.toFixed(5)}, ${point.lng.toFixed(5)}`;
}
