// The cloud Geocoder (issue 13): Amazon Location Service's Places v2 Geocode for each address, as the geocoder
// port says (the Seattle gazetteer locally, answered through the gateway's emulator of the same operation).
// Amazon Location failing never refuses a booking: the gazetteer places the address instead, and the failure is
// logged; the circuit breaker around it (src/data/dependency-breaker.ts) shows on the dashboard's health line.
//
// Why a signed JSON POST rather than @aws-sdk/client-geo-places: Geocode is one REST-JSON request, and the
// project's SigV4 signer (already used for AppSync, SNS and Comprehend) is all it takes; no client package to add.
import { NodeSha256 } from './node-sha256';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, Provider } from '@aws-sdk/types';
import { haversineKm } from '../core/geo/haversine';
import type { GeoPoint, GeoPrecision } from '../core/model';
import type { GeocodeResult, Geocoder } from '../core/ports';
import { signedPostHeaders } from './signed-post';
import type { Breaker } from './dependency-breaker';

type Log = { warn(message: string, detail?: unknown): void };
type Query = Parameters<Geocoder['geocode']>[0];

/** GeocodeQueryComponents' members: 1 to 100 characters, no semicolon. */
const COMPONENT_MAX = 100;
/** How many answers to ask for: enough to see that a street name exists in several places. */
export const GEOCODE_MAX_RESULTS = 5;
/** Answers scoring this far below the best are not offered as alternatives. */
const AMBIGUITY_MARGIN = 0.05;
/** Two answers closer than this are the same place (a building's entrances, a street's ends in one ZIP). */
const SAME_PLACE_KM = 0.05;
/** Below this overall match score an answer is a guess, not the address asked for. */
export const MIN_MATCH_SCORE = 0.5;

/** A Geocode answer as far as the port needs it (the Places v2 model's GeocodeResultItem). */
export type GeocodeResultItem = {
  PlaceType?: string;
  Title?: string;
  Position?: number[];
  AddressNumberCorrected?: boolean;
  Address?: {
    Label?: string;
    Country?: { Code2?: string; Code3?: string; Name?: string };
    Region?: { Code?: string; Name?: string };
    Locality?: string;
    District?: string;
    PostalCode?: string;
    Street?: string;
    AddressNumber?: string;
  };
  MatchScores?: { Overall?: number };
};

/** How precisely each PlaceType places a parcel; coarser types cannot be collected from. */
const PRECISION_OF: Record<string, GeoPrecision | undefined> = {
  PointAddress: 'ADDRESS',
  InterpolatedAddress: 'ADDRESS',
  SecondaryAddress: 'ADDRESS',
  InferredSecondaryAddress: 'ADDRESS',
  PointOfInterest: 'ADDRESS',
  Street: 'STREET',
  Intersection: 'STREET',
  PostalCode: 'POSTCODE',
  Locality: 'CITY',
  District: 'CITY',
  SubDistrict: 'CITY',
  Block: 'CITY',
  SubBlock: 'CITY',
};

/** Amazon Location answered with an error: its HTTP status (read by the breaker) and error type. */
export class LocationServiceError extends Error {
  readonly $metadata: { httpStatusCode: number };
  constructor(status: number, code: string, message: string) {
    super(`Amazon Location Geocode failed (${status} ${code}): ${message}`);
    this.name = code;
    this.$metadata = { httpStatusCode: status };
  }
}

function component(value: string | undefined): string | undefined {
  const text = (value ?? '').replace(/;/g, ',').replace(/\s+/g, ' ').trim().slice(0, COMPONENT_MAX).trim();
  return text === '' ? undefined : text;
}

/** The port's query as Geocode's QueryComponents: the house number apart from the street, as the API takes them. */
export function geocodeRequest(q: Query): Record<string, unknown> {
  const { number, street } = splitLine(q.line1 ?? '');
  const components = Object.fromEntries(
    Object.entries({
      AddressNumber: component(number),
      Street: component(street),
      Locality: component(q.city),
      PostalCode: component(q.postcode),
      Country: component(q.country),
    }).filter(([, v]) => v !== undefined),
  );
  const country = (q.country ?? '').trim().toUpperCase();
  return {
    QueryComponents: components,
    MaxResults: GEOCODE_MAX_RESULTS,
    ...(/^[A-Z]{2,3}$/.test(country) ? { Filter: { IncludeCountries: [country] } } : {}),
    Language: 'en',
    // Bookings keep the position: Amazon Location's terms require results that are stored to be asked for so.
    IntendedUse: 'Storage',
  };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function pointOf(item: GeocodeResultItem): GeoPoint | undefined {
  const [lng, lat] = item.Position ?? [];
  if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat))
    return undefined;
  return { lat: round6(lat), lng: round6(lng) };
}

/** A US ZIP+4 as its 5-digit ZIP (how bookings, regions and the service area name postcodes); others as given. */
function postcodeKey(postcode: string | undefined): string {
  const text = (postcode ?? '').trim().toUpperCase();
  return /^\d{5}(-?\d{4})?$/.test(text) ? text.slice(0, 5) : text.replace(/\s+/g, '');
}

/** The house number and the rest of an address line, as Geocode's AddressNumber and Street. */
function splitLine(line1: string): { number?: string; street: string } {
  const numbered = /^(\d+[A-Za-z]?(?:-\d+)?)\s+(.+)$/.exec(line1.trim());
  return numbered ? { number: numbered[1], street: numbered[2]! } : { street: line1.trim() };
}

/**
 * The answer's address line: its own number on a point (or interpolated) address; the number asked for on a
 * street (the house is not known there, but the courier still needs the number the customer gave).
 */
function line1Of(item: GeocodeResultItem, precision: GeoPrecision, askedNumber: string | undefined): string {
  const { AddressNumber: found, Street: street } = item.Address ?? {};
  const number = precision === 'ADDRESS' ? (found ?? askedNumber) : askedNumber;
  const name = street ?? item.Title ?? '';
  return number && name ? `${number} ${name}` : name;
}

type Placed = { item: GeocodeResultItem; point: GeoPoint; precision: GeoPrecision; score: number; postcode: string };

/**
 * Geocode's answer in the port's terms, with honest precision: a point address or an interpolated one is
 * ADDRESS (a corrected house number only STREET), a street STREET; a postcode counts only when no street was
 * asked for. Answers in another postcode than the one asked for, or scoring below MIN_MATCH_SCORE, are not
 * the address. Near-equal answers in different places are AMBIGUOUS. With nothing usable, the reason is read
 * from the finest level Amazon Location did match: a street elsewhere or the postcode itself (the street is
 * unknown there), the city only (the postcode is unknown), nothing at all in the city or country asked for.
 */
export function geocodeResultOf(q: Query, items: readonly GeocodeResultItem[]): GeocodeResult {
  const askedPostcode = postcodeKey(q.postcode);
  const streetAsked = (q.line1 ?? '').trim() !== '';
  const askedNumber = splitLine(q.line1 ?? '').number;
  const placed: Placed[] = [];
  for (const item of items) {
    const point = pointOf(item);
    let precision = PRECISION_OF[item.PlaceType ?? ''];
    if (!point || !precision) continue;
    if (precision === 'ADDRESS' && item.AddressNumberCorrected) precision = 'STREET';
    placed.push({
      item,
      point,
      precision,
      score: item.MatchScores?.Overall ?? 1,
      postcode: postcodeKey(item.Address?.PostalCode),
    });
  }
  const inPostcode = (p: Placed) => askedPostcode === '' || p.postcode === '' || p.postcode === askedPostcode;
  const wanted = (p: Placed) =>
    p.score >= MIN_MATCH_SCORE &&
    inPostcode(p) &&
    (streetAsked ? p.precision === 'ADDRESS' || p.precision === 'STREET' : p.precision === 'POSTCODE');
  const usable = placed.filter(wanted).sort((a, b) => b.score - a.score);

  const best = usable[0];
  if (!best) {
    const streetElsewhere = placed.some((p) => p.precision === 'ADDRESS' || p.precision === 'STREET');
    const postcodeKnown = placed.some((p) => p.precision === 'POSTCODE' && inPostcode(p));
    if (streetAsked && (streetElsewhere || postcodeKnown)) return { status: 'NOT_FOUND', reason: 'UNKNOWN_STREET' };
    if (askedPostcode !== '' && placed.length > 0) return { status: 'NOT_FOUND', reason: 'UNKNOWN_POSTCODE' };
    if (placed.length === 0 && ((q.city ?? '').trim() !== '' || (q.country ?? '').trim() !== ''))
      return { status: 'NOT_FOUND', reason: 'UNKNOWN_CITY' };
    return { status: 'NOT_FOUND', reason: streetAsked ? 'UNKNOWN_STREET' : 'EMPTY' };
  }

  // Alternatives: as good as the best, somewhere else.
  const distinct: Placed[] = [best];
  for (const p of usable.slice(1)) {
    if (best.score - p.score > AMBIGUITY_MARGIN) break;
    if (distinct.every((d) => haversineKm(d.point, p.point) > SAME_PLACE_KM)) distinct.push(p);
  }
  if (distinct.length > 1) {
    return {
      status: 'AMBIGUOUS',
      candidates: distinct.map((p) => {
        const postcode = p.postcode || askedPostcode;
        const district = p.item.Address?.District;
        return {
          label: `${line1Of(p.item, p.precision, askedNumber)} (${postcode}${district ? `, ${district}` : ''})`,
          postcode,
          point: p.point,
        };
      }),
    };
  }

  const address = best.item.Address ?? {};
  const region = address.Region?.Code ?? address.Region?.Name;
  return {
    status: 'FOUND',
    point: best.point,
    precision: best.precision,
    normalized: {
      line1: streetAsked ? line1Of(best.item, best.precision, askedNumber) : '',
      city: address.Locality ?? (q.city ?? '').trim(),
      ...(region ? { region } : {}),
      postcode: best.postcode || askedPostcode,
      country: address.Country?.Code2 ?? ((q.country ?? '').trim().toUpperCase() || 'US'),
    },
  };
}

export function createLocationGeocoder(options: {
  region: string;
  credentials: AwsCredentialIdentity | Provider<AwsCredentialIdentity>;
  /** Places an address when Amazon Location cannot: the Seattle gazetteer. */
  fallback: Geocoder;
  log: Log;
  /** The service's base URL, as the SDK's: https://places.geo.<region>.amazonaws.com/v2 by default. */
  endpoint?: string;
  /**
   * The circuit breaker and timeout around Amazon Location: while it is open (or a call times out) the
   * gazetteer places the address at once, rather than every booking waiting out a failing service.
   */
  breaker?: Breaker;
}): Geocoder {
  const signer = new SignatureV4({
    service: 'geo-places',
    region: options.region,
    credentials: options.credentials,
    sha256: NodeSha256,
  });
  const base = (options.endpoint ?? `https://places.geo.${options.region}.amazonaws.com/v2`).replace(/\/+$/, '');
  const url = new URL(`${base}/geocode`);

  const geocode = async (q: Query, signal?: AbortSignal): Promise<GeocodeResult> => {
    const body = JSON.stringify(geocodeRequest(q));
    const headers = await signedPostHeaders(signer, url, { 'content-type': 'application/json' }, body);
    const response = await fetch(url, { method: 'POST', headers, body, ...(signal ? { signal } : {}) });
    const answer = (await response.json().catch(() => ({}))) as {
      ResultItems?: GeocodeResultItem[];
      message?: string;
      Message?: string;
      fieldList?: { name?: string; message?: string }[];
    };
    if (!response.ok) {
      const code = response.headers.get('x-amzn-errortype')?.split(':')[0] ?? 'Unknown';
      const fields = (answer.fieldList ?? []).map((f) => `${f.name}: ${f.message}`).join('; ');
      throw new LocationServiceError(
        response.status,
        code,
        `${answer.message ?? answer.Message ?? ''}${fields ? ` (${fields})` : ''}`,
      );
    }
    return geocodeResultOf(q, answer.ResultItems ?? []);
  };

  return {
    async geocode(q) {
      // Nothing to look up: no call.
      if ((q.line1 ?? '').trim() === '' && (q.postcode ?? '').trim() === '')
        return { status: 'NOT_FOUND', reason: 'EMPTY' };
      try {
        const { breaker } = options;
        return await (breaker ? breaker.run((signal) => geocode(q, signal)) : geocode(q));
      } catch (error) {
        options.log.warn('Amazon Location geocoding unavailable; placed by the Seattle gazetteer instead', {
          error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
        });
        return options.fallback.geocode(q);
      }
    },
  };
}
