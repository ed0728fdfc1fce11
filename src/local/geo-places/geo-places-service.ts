// The gateway's Amazon Location Service Places v2: Geocode (REST-JSON, POST /v2/geocode, signed for `geo-places`),
// validated as the API's model constrains it (ValidationException with its reason and fieldList) and answered from
// the Seattle gazetteer in the API's own shape — so the cloud's geocoding path (src/data/location-geocoder.ts) runs
// locally, and /_local/faults can break it. What the gazetteer cannot place is answered as Amazon Location answers
// a partial match: the postcode alone when the street is unknown there, the city alone when the postcode is
// unknown, nothing outside Seattle (the only data it has).
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { geocodeSeattle, GAZETTEER_CITY, GAZETTEER_COUNTRY, SEATTLE_ZIPS } from '../../core/geo/gazetteer-geocoder';
import type { GeoPoint } from '../../core/model';
import type { GeocodeResult } from '../../core/ports';
import { signingServiceOfRequest } from '../fetch-bridge';
import type { GatewayService } from '../gateway-service';

export const GEOCODE_PATH = '/v2/geocode';
const COMPONENTS = [
  'Country',
  'Region',
  'SubRegion',
  'Locality',
  'District',
  'Street',
  'AddressNumber',
  'PostalCode',
] as const;
const PLACE_TYPES = ['Locality', 'PostalCode', 'Intersection', 'Street', 'PointAddress', 'InterpolatedAddress'];
const FEATURES = ['TimeZone', 'Access', 'SecondaryAddresses', 'Intersections'];
const INTENDED_USES = ['SingleUse', 'Storage'];
const COUNTRY_CODE = /^([A-Z]{2}|[A-Z]{3})$/;
const WASHINGTON = new Set(['wa', 'washington']);
const US_CODES = new Set(['US', 'USA']);

type Field = { name: string; message: string };
type Item = Record<string, unknown> & { PlaceType: string };

/** An error as Amazon Location answers it: the type in x-amzn-ErrorType, `message` (and reason, fieldList) in the body. */
export class GeoPlacesError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = type;
  }
}

const validation = (reason: string, fields: Field[]) =>
  new GeoPlacesError(
    'ValidationException',
    400,
    `${fields.length} validation error${fields.length === 1 ? '' : 's'} detected: ${fields.map((f) => `${f.name}: ${f.message}`).join('; ')}`,
    { reason, fieldList: fields },
  );

function checkString(fields: Field[], name: string, value: unknown, min: number, max: number, noSemicolon = false) {
  if (typeof value !== 'string') return fields.push({ name, message: 'Member must be a string' });
  if (value.length < min || value.length > max)
    fields.push({ name, message: `Member must have length between ${min} and ${max}` });
  else if (noSemicolon && value.includes(';'))
    fields.push({ name, message: 'Member must satisfy regular expression pattern: ^[^;]+$' });
}

function checkEnumList(fields: Field[], name: string, value: unknown, allowed: string[], max: number) {
  if (!Array.isArray(value)) return fields.push({ name, message: 'Member must be a list' });
  if (value.length < 1 || value.length > max)
    fields.push({ name, message: `Member must have between 1 and ${max} items` });
  if (new Set(value).size !== value.length) fields.push({ name, message: 'Member must have unique items' });
  value.forEach((v, i) => {
    if (typeof v !== 'string' || !allowed.includes(v))
      fields.push({ name: `${name}.${i}`, message: `Member must satisfy enum value set: [${allowed.join(', ')}]` });
  });
}

export type GeocodeQuery = {
  text?: string;
  components?: Partial<Record<(typeof COMPONENTS)[number], string>>;
  maxResults: number;
  countries?: string[];
  placeTypes?: string[];
};

/** Geocode's checks on a request body, as its model states them; every fault is named in fieldList. */
export function parseGeocodeRequest(body: unknown): GeocodeQuery {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw validation('CannotParse', [{ name: 'body', message: 'The request body must be a JSON object' }]);
  const b = body as Record<string, unknown>;
  const fields: Field[] = [];
  if (b.QueryText !== undefined) checkString(fields, 'QueryText', b.QueryText, 1, 200);
  let components: GeocodeQuery['components'];
  if (b.QueryComponents !== undefined) {
    const c = b.QueryComponents;
    if (typeof c !== 'object' || c === null || Array.isArray(c)) {
      fields.push({ name: 'QueryComponents', message: 'Member must be a structure' });
    } else {
      components = {};
      for (const [key, value] of Object.entries(c)) {
        if (!(COMPONENTS as readonly string[]).includes(key)) {
          fields.push({ name: `QueryComponents.${key}`, message: `Unknown member; one of ${COMPONENTS.join(', ')}` });
          continue;
        }
        checkString(fields, `QueryComponents.${key}`, value, 1, 100, true);
        if (typeof value === 'string') components[key as (typeof COMPONENTS)[number]] = value;
      }
    }
  }
  if (b.QueryText === undefined && b.QueryComponents === undefined)
    throw validation('Missing', [{ name: 'QueryText', message: 'Either QueryText or QueryComponents is required' }]);
  const max = b.MaxResults;
  if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 100))
    fields.push({ name: 'MaxResults', message: 'Member must be a whole number between 1 and 100' });
  const bias = b.BiasPosition;
  if (
    bias !== undefined &&
    (!Array.isArray(bias) ||
      bias.length !== 2 ||
      typeof bias[0] !== 'number' ||
      typeof bias[1] !== 'number' ||
      Math.abs(bias[0]) > 180 ||
      Math.abs(bias[1]) > 90)
  )
    fields.push({ name: 'BiasPosition', message: 'Member must be [longitude, latitude] in WGS 84' });
  let countries: string[] | undefined;
  let placeTypes: string[] | undefined;
  const filter = b.Filter;
  if (filter !== undefined) {
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter)) {
      fields.push({ name: 'Filter', message: 'Member must be a structure' });
    } else {
      const { IncludeCountries: include, IncludePlaceTypes: types } = filter as Record<string, unknown>;
      if (include !== undefined) {
        if (!Array.isArray(include) || include.length < 1 || include.length > 100)
          fields.push({ name: 'Filter.IncludeCountries', message: 'Member must have between 1 and 100 items' });
        else {
          include.forEach((code, i) => {
            if (typeof code !== 'string' || !COUNTRY_CODE.test(code))
              fields.push({
                name: `Filter.IncludeCountries.${i}`,
                message: 'Member must satisfy regular expression pattern: ^([A-Z]{2}|[A-Z]{3})$',
              });
          });
          countries = include as string[];
        }
      }
      if (types !== undefined) {
        checkEnumList(fields, 'Filter.IncludePlaceTypes', types, PLACE_TYPES, 6);
        if (Array.isArray(types)) placeTypes = types as string[];
      }
    }
  }
  if (b.AdditionalFeatures !== undefined)
    checkEnumList(fields, 'AdditionalFeatures', b.AdditionalFeatures, FEATURES, 2);
  if (b.Language !== undefined) checkString(fields, 'Language', b.Language, 2, 35);
  if (b.PoliticalView !== undefined && (typeof b.PoliticalView !== 'string' || !COUNTRY_CODE.test(b.PoliticalView)))
    fields.push({
      name: 'PoliticalView',
      message: 'Member must satisfy regular expression pattern: ^([A-Z]{2}|[A-Z]{3})$',
    });
  if (b.IntendedUse !== undefined && (typeof b.IntendedUse !== 'string' || !INTENDED_USES.includes(b.IntendedUse)))
    fields.push({ name: 'IntendedUse', message: `Member must satisfy enum value set: [${INTENDED_USES.join(', ')}]` });
  if (fields.length > 0) throw validation('FieldValidationFailed', fields);
  return {
    ...(typeof b.QueryText === 'string' ? { text: b.QueryText } : {}),
    ...(components ? { components } : {}),
    maxResults: typeof max === 'number' ? max : 20,
    ...(countries ? { countries } : {}),
    ...(placeTypes ? { placeTypes } : {}),
  };
}

const SEATTLE_CENTRE: GeoPoint = (() => {
  const zips = SEATTLE_ZIPS.filter((z) => z.kind === 'STANDARD');
  const mean = (f: (z: (typeof zips)[number]) => number) => zips.reduce((sum, z) => sum + f(z), 0) / zips.length;
  return { lat: Math.round(mean((z) => z.lat) * 1e4) / 1e4, lng: Math.round(mean((z) => z.lng) * 1e4) / 1e4 };
})();

const ADDRESS_BASE = {
  Country: { Code2: GAZETTEER_COUNTRY, Code3: 'USA', Name: 'United States' },
  Region: { Code: 'WA', Name: 'Washington' },
  SubRegion: { Name: 'King' },
  Locality: GAZETTEER_CITY,
};

function item(
  type: string,
  point: GeoPoint,
  score: number,
  parts: { line1?: string; postcode?: string; district?: string },
): Item {
  const numbered = /^(\d+)\s+(.+)$/.exec(parts.line1 ?? '');
  const street = numbered ? numbered[2] : parts.line1 || undefined;
  const number = numbered && type !== 'Street' ? numbered[1] : undefined;
  const label = [
    [number, street].filter(Boolean).join(' '),
    GAZETTEER_CITY,
    `WA${parts.postcode ? ` ${parts.postcode}` : ''}`,
    'United States',
  ]
    .filter(Boolean)
    .join(', ');
  return {
    PlaceId: `local.${Buffer.from(`${type}|${label}`).toString('base64url')}`,
    PlaceType: type,
    Title: label,
    Address: {
      Label: label,
      ...ADDRESS_BASE,
      ...(parts.district ? { District: parts.district } : {}),
      ...(parts.postcode ? { PostalCode: parts.postcode } : {}),
      ...(street ? { Street: street } : {}),
      ...(number ? { AddressNumber: number } : {}),
    },
    Position: [point.lng, point.lat],
    MatchScores: { Overall: score },
  };
}

const districtOf = (postcode: string) => SEATTLE_ZIPS.find((z) => z.postcode === postcode)?.neighbourhoods[0];

/** "1705 N 45th St (98103, Wallingford)": the gazetteer's candidate label taken apart. */
function candidateParts(label: string): { line1: string; district?: string } {
  const match = /^(.*) \((\d{5})(?:, (.*))?\)$/.exec(label);
  return match ? { line1: match[1]!, ...(match[3] ? { district: match[3] } : {}) } : { line1: label };
}

/** The gazetteer's answer as Geocode's ResultItems. */
function resultItems(result: GeocodeResult, postcode: string | undefined): Item[] {
  switch (result.status) {
    case 'FOUND': {
      const { precision, point, normalized } = result;
      const type = precision === 'ADDRESS' ? 'InterpolatedAddress' : precision === 'STREET' ? 'Street' : 'PostalCode';
      return [
        item(type, point, 1, {
          line1: normalized.line1,
          postcode: normalized.postcode,
          ...(districtOf(normalized.postcode) ? { district: districtOf(normalized.postcode)! } : {}),
        }),
      ];
    }
    case 'AMBIGUOUS':
      return result.candidates.map((c) => {
        const parts = candidateParts(c.label);
        const type = /^\d+\s/.test(parts.line1) ? 'InterpolatedAddress' : 'Street';
        return item(type, c.point, 0.9, { ...parts, postcode: c.postcode });
      });
    case 'NOT_FOUND': {
      // What Amazon Location gives for a partial match: the finest area it did recognise.
      const zip = postcode ? SEATTLE_ZIPS.find((z) => z.postcode === postcode.slice(0, 5)) : undefined;
      if (result.reason === 'UNKNOWN_CITY') return [];
      if (zip && result.reason !== 'UNKNOWN_POSTCODE')
        return [item('PostalCode', { lat: zip.lat, lng: zip.lng }, 0.4, { postcode: zip.postcode })];
      return [item('Locality', SEATTLE_CENTRE, 0.4, {})];
    }
  }
}

/** A free-text query as the gazetteer's parts: the first part the street, a ZIP the postcode, another part the city. */
function textQuery(text: string): { line1: string; city?: string; postcode?: string } {
  const [first = '', ...rest] = text.split(',').map((p) => p.trim());
  let postcode: string | undefined;
  let city: string | undefined;
  for (const part of rest) {
    const zip = /\b(\d{5}(?:-\d{4})?)\b/.exec(part);
    if (zip) postcode ??= zip[1];
    const name = part
      .replace(/\b\d{5}(?:-\d{4})?\b/, '')
      .replace(/\b(WA|Washington|USA?|United States)\b/gi, '')
      .trim();
    if (name && !city) city = name;
  }
  return { line1: first, ...(city ? { city } : {}), ...(postcode ? { postcode } : {}) };
}

/** Geocode's answer to a valid request, from the gazetteer. */
export function geocode(query: GeocodeQuery): { ResultItems: Item[] } {
  const c = query.components ?? {};
  if (query.countries && !query.countries.some((code) => US_CODES.has(code))) return { ResultItems: [] };
  if (c.Region && !WASHINGTON.has(c.Region.trim().toLowerCase())) return { ResultItems: [] };
  const q = query.text
    ? textQuery(query.text)
    : {
        line1: [c.AddressNumber, c.Street].filter(Boolean).join(' '),
        ...(c.Locality ? { city: c.Locality } : {}),
        ...(c.PostalCode ? { postcode: c.PostalCode } : {}),
        ...(c.Country ? { country: c.Country } : {}),
      };
  let items = resultItems(geocodeSeattle(q, query.maxResults), q.postcode);
  if (query.placeTypes) items = items.filter((i) => query.placeTypes!.includes(i.PlaceType));
  return { ResultItems: items.slice(0, query.maxResults) };
}

function writeJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('x-amzn-RequestId', randomUUID());
  for (const [name, v] of Object.entries(headers)) res.setHeader(name, v);
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

export function createGeoPlacesService(): GatewayService {
  return {
    name: 'geo-places',
    matches: (req) => signingServiceOfRequest(req) === 'geo-places',
    async handle(req, res) {
      try {
        const path = req.url.split('?')[0];
        if (req.method !== 'POST' || path !== GEOCODE_PATH)
          throw validation('UnknownOperation', [
            {
              name: 'operation',
              message: `The local Amazon Location answers Geocode (POST ${GEOCODE_PATH}) only; not ${req.method} ${path}`,
            },
          ]);
        let body: unknown;
        try {
          body = JSON.parse(req.body.toString('utf8') || '{}');
        } catch {
          throw validation('CannotParse', [{ name: 'body', message: 'The request body is not valid JSON' }]);
        }
        const answer = geocode(parseGeocodeRequest(body));
        writeJson(res, 200, answer, { 'x-amz-geo-pricing-bucket': 'Core' });
      } catch (error) {
        if (!(error instanceof GeoPlacesError)) throw error;
        writeJson(res, error.status, { message: error.message, ...error.extra }, { 'x-amzn-ErrorType': error.type });
      }
    },
    async close() {},
  };
}
