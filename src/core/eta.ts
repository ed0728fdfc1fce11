// Delivery time estimates: straight-line distance stretched to road distance, a plausible urban speed, and
// the minutes a courier spends at each end.
import { haversineKm } from './geo/haversine';
import type { Booking, PackageDetails } from './model';

/** Average door-to-door speed of a city courier, stops and traffic included. */
export const URBAN_SPEED_KPH = 22;
/** Roads are longer than the straight line between two points; 1.35 is typical for a street grid. */
export const DETOUR_FACTOR = 1.35;
/** When an address has no coordinates, assume a typical cross-town trip. */
export const FALLBACK_DISTANCE_KM = 6;
const LOAD_MINUTES = 8;
const UNLOAD_MINUTES = 6;

export type EtaInput = Pick<Booking, 'pickup' | 'delivery' | 'package' | 'pickupWindow' | 'status'>;

function handlingMinutes(pkg: PackageDetails): number {
  let extra = 0;
  if (pkg.size === 'LARGE') extra += 5;
  if (pkg.size === 'OVERSIZED') extra += 15;
  if (pkg.handling.includes('SIGNATURE_REQUIRED')) extra += 5;
  if (pkg.handling.includes('FRAGILE')) extra += 4;
  if (pkg.handling.includes('HAZARDOUS')) extra += 5;
  return extra;
}

/** Road kilometres between pickup and delivery, estimated. */
export function estimateRoadKm(b: Pick<Booking, 'pickup' | 'delivery'>): number {
  const from = b.pickup.point;
  const to = b.delivery.point;
  return from && to ? haversineKm(from, to) * DETOUR_FACTOR : FALLBACK_DISTANCE_KM;
}

function roundUpTo5Minutes(ms: number): Date {
  const step = 5 * 60_000;
  return new Date(Math.ceil(ms / step) * step);
}

/**
 * When the parcel should arrive, as an ISO instant rounded up to 5 minutes, or undefined when no delivery is
 * under way (failed, returned, cancelled). Before collection the courier is expected mid-window (never
 * in the past); out for delivery, half the trip is assumed done. Delivered parcels report when they arrived.
 */
export function estimateEta(b: EtaInput, now: Date): string | undefined {
  const travelMinutes = (estimateRoadKm(b) / URBAN_SPEED_KPH) * 60;
  const handling = handlingMinutes(b.package);
  let start = now.getTime();
  let minutes: number;
  switch (b.status) {
    case 'BOOKED': {
      const windowStart = Date.parse(b.pickupWindow.start);
      const windowEnd = Date.parse(b.pickupWindow.end);
      start = Math.max(start, (windowStart + windowEnd) / 2);
      minutes = LOAD_MINUTES + travelMinutes + UNLOAD_MINUTES + handling;
      break;
    }
    case 'COLLECTED':
    case 'IN_TRANSIT':
      minutes = travelMinutes + UNLOAD_MINUTES + handling;
      break;
    case 'OUT_FOR_DELIVERY':
      minutes = travelMinutes / 2 + UNLOAD_MINUTES + handling;
      break;
    case 'DELIVERED':
      return now.toISOString();
    case 'FAILED_DELIVERY':
    case 'RETURNED':
    case 'CANCELLED':
      return undefined;
  }
  return roundUpTo5Minutes(start + minutes * 60_000).toISOString();
}
