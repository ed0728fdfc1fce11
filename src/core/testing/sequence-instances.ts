// Random pickup-and-delivery days for tests and benchmarks: a courier in a 20 km square of city, parcels with
// two-hour pickup windows over the day, some already on board (only their delivery is left).
import { haversineKm } from '../geo/haversine';
import type { GeoPoint } from '../model';
import type { SequenceProblem, SequenceStop } from '../route-sequence';
import { seededRandom } from '../seeded-random';

const SPEED_KPH = 22;
const DETOUR = 1.35;

/** Travel seconds between points along the road estimate the ETAs use (straight line × 1.35 at 22 km/h). */
export function straightLineTravelS(points: readonly GeoPoint[]): Float64Array {
  const size = points.length;
  const travel = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      travel[i * size + j] = i === j ? 0 : ((haversineKm(points[i]!, points[j]!) * DETOUR) / SPEED_KPH) * 3600;
    }
  }
  return travel;
}

/**
 * A day of `stops` stops (pairs of pickup and delivery, plus a lone delivery for every fourth parcel, which is
 * already on board), seeded.
 */
export function randomDay(stops: number, seed: number): SequenceProblem & { points: GeoPoint[] } {
  const random = seededRandom(seed);
  const point = (): GeoPoint => ({ lat: 47.5 + random.next() * 0.18, lng: -122.45 + random.next() * 0.26 });
  const courier = point();
  const list: SequenceStop[] = [];
  const points: GeoPoint[] = [courier];
  let parcel = 0;
  while (list.length < stops) {
    const onBoard = parcel % 4 === 3 || list.length === stops - 1;
    if (onBoard) {
      list.push({ serviceS: 300 });
      points.push(point());
    } else {
      const ready = Math.floor(random.next() * 6) * 3600;
      list.push({ readyS: ready, dueS: ready + 7200, serviceS: 300 });
      list.push({ serviceS: 300, after: list.length - 1 });
      points.push(point(), point());
    }
    parcel++;
  }
  return { stops: list, travelS: straightLineTravelS(points), points };
}
