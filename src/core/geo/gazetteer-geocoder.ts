// Offline geocoder for Seattle, WA (the Geocoder port's local implementation): matches streets from the
// shipped gazetteer, interpolates house numbers along their segments, and says honestly how precise it was.
import type { Address, GeoPoint } from '../model';
import type { GeocodeResult, Geocoder, Random } from '../ports';
import { haversineKm } from './haversine';
import { SEATTLE_STREETS, type SeattleStreet, type StreetSegment } from './seattle-streets';
import { SEATTLE_ZIPS, type SeattleZip } from './seattle-zips';
import { editDistance, parseStreetLine, streetKey, type ParsedStreet } from './street-address';

export { haversineKm } from './haversine';
export { SEATTLE_STREETS } from './seattle-streets';
export { SEATTLE_ZIPS } from './seattle-zips';

export const GAZETTEER_CITY = 'Seattle';
export const GAZETTEER_REGION = 'WA';
export const GAZETTEER_COUNTRY = 'US';

/** How far a stated postcode may be from where we place the street before we stop trusting the match. */
const POSTCODE_TOLERANCE_KM = 3;

type IndexedStreet = { street: SeattleStreet; parsed: ParsedStreet[] };
type Hit = { street: SeattleStreet; segment: StreetSegment; point: GeoPoint };
type Candidate = { label: string; postcode: string; point: GeoPoint };

const ZIP_BY_CODE: ReadonlyMap<string, SeattleZip> = new Map(SEATTLE_ZIPS.map((z) => [z.postcode, z]));

const INDEX: readonly IndexedStreet[] = SEATTLE_STREETS.map((street) => ({
  street,
  parsed: [street.name, ...(street.aliases ?? [])].map(parseStreetLine),
}));

const PLAIN: ReadonlySet<SeattleStreet> = new Set(
  INDEX.filter((s) => s.parsed[0]?.directional === undefined).map((s) => s.street),
);

/**
 * Without a direction, "500 Pike St" means Pike St, not E Pike St: when some matches carry no directional,
 * keep only those.
 */
function preferPlain<T extends { street: SeattleStreet }>(items: T[], q: ParsedStreet): T[] {
  if (q.directional !== undefined) return items;
  const plain = items.filter((i) => PLAIN.has(i.street));
  return plain.length > 0 ? plain : items;
}

const CITY_NAMES = new Set(['seattle', 'seattle wa', 'seattle washington', 'sea']);
const COUNTRY_NAMES = new Set(['us', 'usa', 'united states', 'united states of america']);

function clean(s: string | undefined): string {
  return (s ?? '').toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
}

function pointOn(segment: StreetSegment, t: number): GeoPoint {
  const [lat1, lng1, lat2, lng2] = segment;
  return { lat: round6(lat1 + (lat2 - lat1) * t), lng: round6(lng1 + (lng2 - lng1) * t) };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function numberRange(segment: StreetSegment): [number, number] {
  const [, , , , a, b] = segment;
  return a <= b ? [a, b] : [b, a];
}

/** Where a house number lies on a segment, or undefined when it is outside the segment's range. */
function interpolate(segment: StreetSegment, houseNumber: number): GeoPoint | undefined {
  const [lo, hi] = numberRange(segment);
  if (houseNumber < lo || houseNumber > hi) return undefined;
  const [, , , , from, to] = segment;
  return pointOn(segment, to === from ? 0.5 : (houseNumber - from) / (to - from));
}

/**
 * Streets whose name matches. The directional, when given, must match; the type ("St"/"Ave") is preferred
 * but not required; the base name may be misspelt by up to 2 edits (1 for short names, none for numbered
 * streets, where "45th" vs "46th" is a different street, not a typo).
 */
function matchStreets(q: ParsedStreet): SeattleStreet[] {
  const byDirectional = INDEX.filter((s) =>
    s.parsed.some((p) => q.directional === undefined || p.directional === q.directional),
  );
  const score = (p: ParsedStreet): number => {
    if (q.directional !== undefined && p.directional !== q.directional) return Infinity;
    let d: number;
    if (p.base === q.base) d = 0;
    else if (/\d/.test(q.base) || /\d/.test(p.base)) d = Infinity;
    else {
      const cap = q.base.length >= 6 ? 2 : q.base.length >= 4 ? 1 : 0;
      d = editDistance(p.base, q.base, cap);
      if (d > cap) d = Infinity;
    }
    if (q.type !== undefined && p.type !== undefined && p.type !== q.type) d += 0.5;
    return d;
  };
  const scored = byDirectional
    .map((s) => ({ street: s.street, d: Math.min(...s.parsed.map(score)) }))
    .filter((s) => Number.isFinite(s.d));
  if (scored.length === 0) return [];
  const best = Math.min(...scored.map((s) => s.d));
  return scored.filter((s) => s.d === best).map((s) => s.street);
}

function label(street: SeattleStreet, houseNumber: number | undefined, zip: string): string {
  const z = ZIP_BY_CODE.get(zip);
  const area = z?.neighbourhoods[0] ? `, ${z.neighbourhoods[0]}` : '';
  return `${houseNumber !== undefined ? `${houseNumber} ` : ''}${street.name} (${zip}${area})`;
}

/** Midpoint of a street's stretch inside one ZIP: the longest segment there, halfway along. */
function middleIn(street: SeattleStreet, zip: string): GeoPoint | undefined {
  let best: StreetSegment | undefined;
  let bestLength = -1;
  for (const seg of street.segments) {
    if (seg[6] !== zip) continue;
    const length = haversineKm({ lat: seg[0], lng: seg[1] }, { lat: seg[2], lng: seg[3] });
    if (length > bestLength) {
      best = seg;
      bestLength = length;
    }
  }
  return best ? pointOn(best, 0.5) : undefined;
}

function nearPostcode(point: GeoPoint, postcode: string): boolean {
  const z = ZIP_BY_CODE.get(postcode);
  return z !== undefined && haversineKm(point, { lat: z.lat, lng: z.lng }) <= POSTCODE_TOLERANCE_KM;
}

function found(
  point: GeoPoint,
  precision: 'ADDRESS' | 'STREET' | 'POSTCODE',
  line1: string,
  postcode: string,
): GeocodeResult {
  return {
    status: 'FOUND',
    point,
    precision,
    normalized: { line1, city: GAZETTEER_CITY, region: GAZETTEER_REGION, postcode, country: GAZETTEER_COUNTRY },
  };
}

export type GeocodeQuery = { line1: string; city?: string; postcode?: string; country?: string };

/** The geocoder as a pure function over the shipped gazetteer. */
export function geocodeSeattle(q: GeocodeQuery, maxCandidates = 5): GeocodeResult {
  const country = clean(q.country);
  if (country !== '' && !COUNTRY_NAMES.has(country)) return { status: 'NOT_FOUND', reason: 'UNKNOWN_CITY' };
  const city = clean(q.city);
  if (city !== '' && !CITY_NAMES.has(city)) return { status: 'NOT_FOUND', reason: 'UNKNOWN_CITY' };

  const rawPostcode = (q.postcode ?? '').trim();
  const postcode = rawPostcode === '' ? undefined : rawPostcode.slice(0, 5);
  if (postcode !== undefined && (!/^\d{5}(-?\d{4})?$/.test(rawPostcode) || !ZIP_BY_CODE.has(postcode))) {
    return { status: 'NOT_FOUND', reason: 'UNKNOWN_POSTCODE' };
  }

  const parsed = parseStreetLine(q.line1 ?? '');
  if (parsed.base === '') {
    if (postcode === undefined) return { status: 'NOT_FOUND', reason: 'EMPTY' };
    const z = ZIP_BY_CODE.get(postcode);
    if (!z) return { status: 'NOT_FOUND', reason: 'UNKNOWN_POSTCODE' };
    return found({ lat: z.lat, lng: z.lng }, 'POSTCODE', '', postcode);
  }

  const streets = matchStreets(parsed);
  if (streets.length === 0) return { status: 'NOT_FOUND', reason: 'UNKNOWN_STREET' };

  if (parsed.houseNumber !== undefined) {
    const houseNumber = parsed.houseNumber;
    const hits: Hit[] = [];
    for (const street of streets) {
      for (const segment of street.segments) {
        const point = interpolate(segment, houseNumber);
        if (point) {
          hits.push({ street, segment, point });
          break; // house numbers are unique along one street
        }
      }
    }
    if (hits.length > 0) {
      let chosen = hits;
      if (postcode !== undefined) {
        const exact = hits.filter((h) => h.segment[6] === postcode);
        chosen = exact.length > 0 ? exact : hits.filter((h) => nearPostcode(h.point, postcode));
        if (chosen.length === 0) return { status: 'NOT_FOUND', reason: 'UNKNOWN_STREET' };
      }
      chosen = preferPlain(chosen, parsed);
      const [only, ...rest] = chosen;
      if (only && rest.length === 0) {
        return found(only.point, 'ADDRESS', `${houseNumber} ${only.street.name}`, postcode ?? only.segment[6]);
      }
      return {
        status: 'AMBIGUOUS',
        candidates: chosen
          .slice(0, maxCandidates)
          .map((h) => ({ label: label(h.street, houseNumber, h.segment[6]), postcode: h.segment[6], point: h.point })),
      };
    }
    // The street exists but the number is beyond what we know of it: place it on the street.
  }

  const candidates: (Candidate & { street: SeattleStreet })[] = [];
  for (const street of streets) {
    for (const zip of new Set(street.segments.map((s) => s[6]))) {
      const point = middleIn(street, zip);
      if (point) candidates.push({ street, label: label(street, parsed.houseNumber, zip), postcode: zip, point });
    }
  }
  let chosen = candidates;
  if (postcode !== undefined) {
    const exact = candidates.filter((c) => c.postcode === postcode);
    chosen = exact.length > 0 ? exact : candidates.filter((c) => nearPostcode(c.point, postcode));
    if (chosen.length === 0) return { status: 'NOT_FOUND', reason: 'UNKNOWN_STREET' };
  }
  chosen = preferPlain(chosen, parsed);
  const first = chosen[0];
  const oneStreet = first !== undefined && chosen.every((c) => c.street === first.street);
  if (first && (chosen.length === 1 || (oneStreet && postcode !== undefined))) {
    const z = postcode !== undefined ? ZIP_BY_CODE.get(postcode) : undefined;
    const pick = z
      ? chosen.reduce((a, b) =>
          haversineKm(a.point, { lat: z.lat, lng: z.lng }) <= haversineKm(b.point, { lat: z.lat, lng: z.lng }) ? a : b,
        )
      : first;
    const line1 = parsed.houseNumber !== undefined ? `${parsed.houseNumber} ${pick.street.name}` : pick.street.name;
    return found(pick.point, 'STREET', line1, postcode ?? pick.postcode);
  }
  return {
    status: 'AMBIGUOUS',
    candidates: chosen.slice(0, maxCandidates).map(({ label, postcode, point }) => ({ label, postcode, point })),
  };
}

/** The Geocoder port over the shipped Seattle gazetteer: no network, deterministic, instant. */
export function createGazetteerGeocoder(options: { maxCandidates?: number } = {}): Geocoder {
  const maxCandidates = options.maxCandidates ?? 5;
  return {
    geocode: async (q) => geocodeSeattle(q, maxCandidates),
  };
}

/**
 * A real-looking Seattle address (a house number that exists on the street's range) for demo data and
 * simulations; `postcode` keeps it inside one ZIP.
 */
export function randomAddressIn(random: Random, postcode?: string): Address {
  const pool: { street: SeattleStreet; segment: StreetSegment }[] = [];
  for (const street of SEATTLE_STREETS) {
    for (const segment of street.segments) {
      if (postcode === undefined || segment[6] === postcode) pool.push({ street, segment });
    }
  }
  if (pool.length === 0) throw new RangeError(`No streets known in postcode ${postcode}`);
  const pick = pool[random.int(pool.length)];
  if (!pick) throw new RangeError('Random source returned an index out of range');
  const [lo, hi] = numberRange(pick.segment);
  const houseNumber = lo + 1 + random.int(Math.max(1, hi - lo - 1));
  const point = interpolate(pick.segment, houseNumber) ?? pointOn(pick.segment, 0.5);
  return {
    line1: `${houseNumber} ${pick.street.name}`,
    city: GAZETTEER_CITY,
    region: GAZETTEER_REGION,
    postcode: pick.segment[6],
    country: GAZETTEER_COUNTRY,
    point,
    precision: 'ADDRESS',
  };
}

/** Canonical names of all known streets, e.g. for voice slot values and autocompletion. */
export function seattleStreetNames(): string[] {
  return SEATTLE_STREETS.map((s) => s.name);
}

/** Whether two address lines name the same street (ignoring spelling variants like "Third Avenue"). */
export function sameStreet(a: string, b: string): boolean {
  const pa = parseStreetLine(a);
  const pb = parseStreetLine(b);
  return streetKey({ ...pa, houseNumber: undefined }) === streetKey({ ...pb, houseNumber: undefined });
}
