// Seeded synthetic bookings for the map benchmark: N points over Seattle in every status, the same set
// for the same seed, dense in neighbourhoods and sparse between them like a real day.
import type { BookingStatus } from '../../../../core/model';
import { STATUS_ORDER } from '../../../lib/booking-status';
import type { BookingPoint, CourierSpot } from '../hooks/map-state';

/** Seattle's city limits, roughly: where every synthetic booking falls. */
export const SEATTLE_BOUNDS = { south: 47.495, north: 47.734, west: -122.436, east: -122.236 } as const;

/** Neighbourhood centres (Downtown, Capitol Hill, Ballard, Fremont, U District, …) where bookings crowd. */
const HOTSPOTS: readonly [number, number][] = [
  [47.6062, -122.3321],
  [47.6253, -122.3222],
  [47.6687, -122.3847],
  [47.6505, -122.3493],
  [47.6615, -122.3132],
  [47.5613, -122.3868],
  [47.5412, -122.2753],
  [47.6897, -122.3553],
  [47.7057, -122.3241],
  [47.5722, -122.3176],
  [47.6399, -122.3985],
  [47.5302, -122.3454],
];

/** Share of each status in a busy day: most bookings open or moving, a few failed, returned or cancelled. */
const STATUS_WEIGHTS: Record<BookingStatus, number> = {
  BOOKED: 30,
  COLLECTED: 10,
  IN_TRANSIT: 15,
  OUT_FOR_DELIVERY: 15,
  DELIVERED: 20,
  FAILED_DELIVERY: 4,
  RETURNED: 3,
  CANCELLED: 3,
};

/** mulberry32: a tiny, fast, well-spread 32-bit generator; Math.random cannot be seeded. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/**
 * `count` bookings with unique references, positions inside SEATTLE_BOUNDS and statuses in their usual
 * shares (every status present from a few dozen points on). Throws on a count that is not a whole
 * number ≥ 0, naming it.
 */
export function syntheticBookingPoints(count: number, seed = 1): BookingPoint[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number ≥ 0 (got ${count}); pass how many bookings to draw.`);
  }
  const random = seededRandom(seed);
  const totalWeight = STATUS_ORDER.reduce((sum, status) => sum + STATUS_WEIGHTS[status], 0);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const points: BookingPoint[] = [];
  for (let i = 0; i < count; i++) {
    // The first statuses are dealt in order, so even a tiny set shows every colour.
    let status = STATUS_ORDER[i % STATUS_ORDER.length]!;
    if (i >= STATUS_ORDER.length) {
      let pick = random() * totalWeight;
      for (const candidate of STATUS_ORDER) {
        pick -= STATUS_WEIGHTS[candidate];
        if (pick < 0) {
          status = candidate;
          break;
        }
      }
    }
    let lat: number;
    let lng: number;
    if (random() < 0.7) {
      const [hubLat, hubLng] = HOTSPOTS[Math.floor(random() * HOTSPOTS.length)]!;
      lat = hubLat + gaussian() * 0.012;
      lng = hubLng + gaussian() * 0.018;
    } else {
      lat = SEATTLE_BOUNDS.south + random() * (SEATTLE_BOUNDS.north - SEATTLE_BOUNDS.south);
      lng = SEATTLE_BOUNDS.west + random() * (SEATTLE_BOUNDS.east - SEATTLE_BOUNDS.west);
    }
    points.push({
      reference: `SYN-${String(i).padStart(6, '0')}`,
      status,
      lat: clamp(lat, SEATTLE_BOUNDS.south, SEATTLE_BOUNDS.north),
      lng: clamp(lng, SEATTLE_BOUNDS.west, SEATTLE_BOUNDS.east),
    });
  }
  return points;
}

/** `count` couriers out on the road, spread like the bookings they carry (the map draws them as DOM pins). */
export function syntheticCouriers(count: number, seed = 1): CourierSpot[] {
  return syntheticBookingPoints(count, seed + 1).map((point, i) => ({
    id: `courier-${String(i + 1).padStart(2, '0')}`,
    name: `Courier ${i + 1}`,
    vehicle: 'VAN',
    position: { lat: point.lat, lng: point.lng, at: '2025-03-03T17:00:00.000Z' },
  }));
}
