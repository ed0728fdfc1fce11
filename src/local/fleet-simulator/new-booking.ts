// Demo bookings for the fleet simulator: a plausible customer, two real Seattle addresses from the
// gazetteer and a parcel, as the booking request a caller or the web app would send.
import type { BookCourierInput } from '../../core/bookings';
import { randomAddressIn } from '../../core/geo/gazetteer-geocoder';
import type { Address, GeoPoint, PackageSize } from '../../core/model';
import type { Random } from '../../core/ports';

export type NewBookingRequest = { input: BookCourierInput; pickupPoint: GeoPoint };

const FIRST = ['Alex', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Jamie', 'Riley', 'Avery', 'Quinn', 'Drew', 'Sam'];
const LAST = ['Smith', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Moore', 'Clark', 'Lewis', 'Walker', 'Hall', 'Young'];
const PARCELS: { size: PackageSize; minKg: number; maxKg: number; description: string }[] = [
  { size: 'SMALL', minKg: 0.5, maxKg: 4, description: 'Documents' },
  { size: 'SMALL', minKg: 0.5, maxKg: 4, description: 'Books' },
  { size: 'MEDIUM', minKg: 3, maxKg: 12, description: 'Electronics' },
  { size: 'MEDIUM', minKg: 3, maxKg: 12, description: 'Groceries' },
  { size: 'LARGE', minKg: 10, maxKg: 30, description: 'Furniture parts' },
];
const LEAD_MS = 5 * 60_000;
const WINDOW_MS = 2 * 60 * 60_000;

function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[random.int(items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

function asRequestAddress(a: Address) {
  return { line1: a.line1, city: a.city, region: a.region, postcode: a.postcode, country: a.country };
}

/** A booking request whose pickup window opens a few minutes after `now`, between two different postcodes. */
export function newBookingRequest(random: Random, now: number): NewBookingRequest {
  const pickup = randomAddressIn(random);
  let delivery = randomAddressIn(random);
  for (let tries = 0; delivery.postcode === pickup.postcode && tries < 5; tries++) delivery = randomAddressIn(random);
  const parcel = pick(random, PARCELS);
  const tenths = Math.round(parcel.minKg * 10) + random.int(Math.round((parcel.maxKg - parcel.minKg) * 10) + 1);
  const start = now + LEAD_MS;
  return {
    pickupPoint: pickup.point ?? { lat: 47.6062, lng: -122.3321 },
    input: {
      customerName: `${pick(random, FIRST)} ${pick(random, LAST)}`,
      customerPhone: `+1206555${String(1000 + random.int(9000))}`,
      pickup: asRequestAddress(pickup),
      delivery: asRequestAddress(delivery),
      package: { size: parcel.size, weightKg: tenths / 10, handling: [], description: parcel.description },
      pickupWindowStart: new Date(start).toISOString(),
      pickupWindowEnd: new Date(start + WINDOW_MS).toISOString(),
    },
  };
}
