// The gateway's Amazon Location Geocode through the product's own adapter (src/data/location-geocoder.ts): every
// answer comes back as the gazetteer gives it directly (found, ambiguous, and each reason for not found); AWS's
// validation errors on raw signed requests; an injected fault reaches the adapter in the REST-JSON shape it
// parses, and it falls back to the gazetteer.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { geocodeSeattle, createGazetteerGeocoder } from '../../core/geo/gazetteer-geocoder';
import { createLocationGeocoder } from '../../data/location-geocoder';
import { signedPostHeaders } from '../../data/signed-post';
import { LOCAL_CREDENTIALS } from '../dynamodb/local-dynamo';
import { createFaultInjection, type FaultInjection } from '../faults/fault-injection';
import { startGateway, type Gateway } from '../gateway';
import { createGeoPlacesService, GEOCODE_PATH } from './geo-places-service';

const REGION = 'us-west-2';

/** Addresses as customers give them, with every kind of answer the gazetteer has. */
const QUERIES = [
  { line1: '1201 Third Avenue, Suite 400', city: 'Seattle', postcode: '98101', country: 'US' },
  { line1: '500 Pike St', city: 'Seattle', postcode: '98101', country: 'US' },
  { line1: '4500 University Way NE' },
  { line1: 'Stone Way N', postcode: '98103' },
  { line1: '', postcode: '98107-1234' },
  { line1: '99999 Stone Way N' },
  { line1: 'Broadway' },
  { line1: '1705 45th St', city: 'Seattle' },
  { line1: '1705 45th St', postcode: '98103' },
  { line1: '4700 Califronia Ave SW' },
  { line1: '12 Nonexistent Rd' },
  { line1: '12 Nonexistent Rd', city: 'Seattle', postcode: '98101', country: 'US' },
  { line1: '1 Main St', postcode: '10001' },
  { line1: '1201 3rd Ave', city: 'Portland' },
  { line1: '1201 3rd Ave', country: 'CA' },
  { line1: '1201 3rd Ave', postcode: '98177' },
];

describe('local Amazon Location Geocode', () => {
  let gateway: Gateway;
  let faults: FaultInjection;
  const warnings: string[] = [];
  const geocoder = () =>
    createLocationGeocoder({
      endpoint: `${gateway.url}/v2`,
      region: REGION,
      credentials: LOCAL_CREDENTIALS,
      fallback: createGazetteerGeocoder(),
      log: { warn: (message, detail) => warnings.push(`${message} ${JSON.stringify(detail)}`) },
    });
  /** A raw Geocode signed as `service`, for the errors the adapter hides. */
  async function call(body: unknown, path = GEOCODE_PATH, service = 'geo-places') {
    const signer = new SignatureV4({ service, region: REGION, credentials: LOCAL_CREDENTIALS, sha256: Sha256 });
    const url = new URL(`${gateway.url}${path}`);
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const headers = await signedPostHeaders(signer, url, { 'content-type': 'application/json' }, text);
    const response = await fetch(url, { method: 'POST', headers, body: text });
    return {
      status: response.status,
      type: response.headers.get('x-amzn-errortype'),
      pricing: response.headers.get('x-amz-geo-pricing-bucket'),
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  beforeAll(async () => {
    faults = createFaultInjection();
    gateway = await startGateway({ port: 0, services: [createGeoPlacesService()], faults });
  });
  afterAll(async () => {
    await gateway.close();
  });
  beforeEach(() => {
    faults.clear();
    warnings.length = 0;
  });

  it('gives the adapter the gazetteer’s own answer for every kind of address', async () => {
    // Act
    const results = await Promise.all(QUERIES.map((q) => geocoder().geocode(q)));

    // Assess
    expect(warnings).toEqual([]);
    expect(results).toEqual(QUERIES.map((q) => geocodeSeattle(q)));
    const kinds = results.map((r) =>
      r.status === 'NOT_FOUND' ? r.reason : r.status === 'FOUND' ? r.precision : r.status,
    );
    expect(new Set(kinds)).toEqual(
      new Set(['ADDRESS', 'STREET', 'POSTCODE', 'AMBIGUOUS', 'UNKNOWN_STREET', 'UNKNOWN_POSTCODE', 'UNKNOWN_CITY']),
    );
  });

  it('answers in the API’s shape: [lng, lat] positions, address parts, match scores, the pricing bucket header', async () => {
    // Act
    const answer = await call({
      QueryComponents: { AddressNumber: '500', Street: 'Pike St', Locality: 'Seattle', PostalCode: '98101' },
      MaxResults: 5,
      Filter: { IncludeCountries: ['USA'] },
      IntendedUse: 'Storage',
    });

    // Assess
    const found = geocodeSeattle({ line1: '500 Pike St', city: 'Seattle', postcode: '98101' });
    if (found.status !== 'FOUND') throw new Error('the gazetteer should place 500 Pike St');
    expect(answer.status).toBe(200);
    expect(answer.pricing).toBe('Core');
    expect(answer.body).toEqual({
      ResultItems: [
        {
          PlaceId: expect.stringMatching(/^local\./),
          PlaceType: 'InterpolatedAddress',
          Title: '500 Pike St, Seattle, WA 98101, United States',
          Address: {
            Label: '500 Pike St, Seattle, WA 98101, United States',
            Country: { Code2: 'US', Code3: 'USA', Name: 'United States' },
            Region: { Code: 'WA', Name: 'Washington' },
            SubRegion: { Name: 'King' },
            Locality: 'Seattle',
            District: 'Downtown',
            PostalCode: '98101',
            Street: 'Pike St',
            AddressNumber: '500',
          },
          Position: [found.point.lng, found.point.lat],
          MatchScores: { Overall: 1 },
        },
      ],
    });
  });

  it('reads a free-text query too, and honours MaxResults and the place-type filter', async () => {
    // Act
    const text = await call({ QueryText: '1705 45th St, Seattle' });
    const one = await call({ QueryText: '1705 45th St, Seattle', MaxResults: 1 });
    const streetsOnly = await call({
      QueryText: '500 Pike St, Seattle, WA 98101',
      Filter: { IncludePlaceTypes: ['Street'] },
    });

    // Assess
    expect((text.body.ResultItems as unknown[]).length).toBe(2);
    expect((one.body.ResultItems as unknown[]).length).toBe(1);
    expect(streetsOnly.body.ResultItems).toEqual([]);
  });

  it('refuses bad input with a ValidationException naming every field at fault, as the API does', async () => {
    // Act
    const bad = await call({
      QueryComponents: { Street: 'Pike St; DROP', Locality: '', Planet: 'Earth' },
      MaxResults: 0,
      BiasPosition: [-122.3],
      Filter: { IncludeCountries: ['usa'], IncludePlaceTypes: ['Building'] },
      IntendedUse: 'Forever',
    });
    const missing = await call({ MaxResults: 3 });
    const unparsable = await call('{not json');
    const tooLong = await call({ QueryText: 'x'.repeat(201) });

    // Assess
    expect(bad.status).toBe(400);
    expect(bad.type).toBe('ValidationException');
    expect(bad.body).toMatchObject({
      reason: 'FieldValidationFailed',
      message: expect.stringMatching(/^8 validation errors detected: /),
    });
    expect((bad.body.fieldList as { name: string }[]).map((f) => f.name)).toEqual([
      'QueryComponents.Street',
      'QueryComponents.Locality',
      'QueryComponents.Planet',
      'MaxResults',
      'BiasPosition',
      'Filter.IncludeCountries.0',
      'Filter.IncludePlaceTypes.0',
      'IntendedUse',
    ]);
    expect(missing).toMatchObject({ status: 400, type: 'ValidationException', body: { reason: 'Missing' } });
    expect(unparsable).toMatchObject({ status: 400, type: 'ValidationException', body: { reason: 'CannotParse' } });
    expect(tooLong.body.fieldList).toEqual([
      { name: 'QueryText', message: 'Member must have length between 1 and 200' },
    ]);
  });

  it('answers only Geocode, and only requests signed for geo-places', async () => {
    // Act
    const other = await call({ QueryText: 'Pike St' }, '/v2/search-text');
    const wrongService = await call({ QueryText: 'Pike St' }, GEOCODE_PATH, 'geo-maps');

    // Assess
    expect(other).toMatchObject({ status: 400, type: 'ValidationException', body: { reason: 'UnknownOperation' } });
    expect(wrongService.status).not.toBe(200);
    expect(wrongService.body.ResultItems).toBeUndefined();
  });

  it('breaks under an injected fault, which the adapter survives by the gazetteer', async () => {
    // Prepare
    faults.arm({ service: 'geo-places', operation: 'Geocode', code: 'InternalServerException', status: 500, times: 1 });
    const query = { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101', country: 'US' };

    // Act
    const result = await geocoder().geocode(query);

    // Assess
    expect(result).toEqual(geocodeSeattle(query));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Amazon Location Geocode failed (500 InternalServerException)');
    expect(() => faults.arm({ service: 'geo-places', operation: 'SearchText', code: 'X' })).toThrow(
      /use one of Geocode/,
    );
  });
});
