import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGazetteerGeocoder, geocodeSeattle } from '../core/geo/gazetteer-geocoder';
import { createBreaker, createDependencyBreakers, isServiceFailure, type Breaker } from './dependency-breaker';
import { createLocationGeocoder, geocodeResultOf, type GeocodeResultItem } from './location-geocoder';

/** Amazon Location's Places v2 Geocode as it is reached in us-west-2: a REST-JSON POST, signed for `geo-places`. */
const ENDPOINT = 'https://places.geo.us-west-2.amazonaws.com/v2/geocode';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

type Seen = { auth: string | null; contentType: string | null; body: Record<string, unknown> };

/** Answers Geocode as Amazon Location does: ResultItems, or its REST-JSON error (type in x-amzn-ErrorType). */
function emulateLocation(
  answer: GeocodeResultItem[] | { status: number; type: string; message: string; fieldList?: unknown[] },
  options: { delayMs?: number } = {},
) {
  const seen: Seen[] = [];
  server.use(
    http.post(ENDPOINT, async ({ request }) => {
      seen.push({
        auth: request.headers.get('authorization'),
        contentType: request.headers.get('content-type'),
        body: (await request.json()) as Record<string, unknown>,
      });
      if (options.delayMs) await delay(options.delayMs);
      if (!Array.isArray(answer))
        return HttpResponse.json(
          {
            message: answer.message,
            ...(answer.fieldList ? { reason: 'FieldValidationFailed', fieldList: answer.fieldList } : {}),
          },
          { status: answer.status, headers: { 'x-amzn-errortype': answer.type } },
        );
      return HttpResponse.json({ ResultItems: answer }, { headers: { 'x-amz-geo-pricing-bucket': 'Core' } });
    }),
  );
  return seen;
}

function geocoder(warned: unknown[][] = [], breaker?: Breaker) {
  return createLocationGeocoder({
    region: 'us-west-2',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    fallback: createGazetteerGeocoder(),
    log: { warn: (...args) => warned.push(args) },
    ...(breaker ? { breaker } : {}),
  });
}

const US = { Code2: 'US', Code3: 'USA', Name: 'United States' };
const WA = { Code: 'WA', Name: 'Washington' };

function pointAddress(number: string, street: string, postcode: string, position: [number, number], more = {}) {
  return {
    PlaceId: `id-${number}-${street}`,
    PlaceType: 'PointAddress',
    Title: `${number} ${street}, Seattle, WA ${postcode}, United States`,
    Position: position,
    Address: {
      Country: US,
      Region: WA,
      Locality: 'Seattle',
      PostalCode: postcode,
      Street: street,
      AddressNumber: number,
    },
    MatchScores: { Overall: 1 },
    ...more,
  } satisfies GeocodeResultItem & Record<string, unknown>;
}

describe('createLocationGeocoder', () => {
  it("places an address with Amazon Location's Geocode, signed, asking by components for a stored result", async () => {
    // Prepare
    const seen = emulateLocation([pointAddress('500', 'Pike St', '98101-2234', [-122.3368, 47.6105])]);

    // Act
    const result = await geocoder().geocode({
      line1: ' 500 Pike St ',
      city: 'Seattle',
      postcode: '98101',
      country: 'US',
    });

    // Assess
    expect(result).toEqual({
      status: 'FOUND',
      point: { lat: 47.6105, lng: -122.3368 },
      precision: 'ADDRESS',
      normalized: { line1: '500 Pike St', city: 'Seattle', region: 'WA', postcode: '98101', country: 'US' },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.contentType).toBe('application/json');
    expect(seen[0]!.auth).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-west-2\/geo-places\/aws4_request/,
    );
    expect(seen[0]!.body).toEqual({
      QueryComponents: {
        AddressNumber: '500',
        Street: 'Pike St',
        Locality: 'Seattle',
        PostalCode: '98101',
        Country: 'US',
      },
      MaxResults: 5,
      Filter: { IncludeCountries: ['US'] },
      Language: 'en',
      IntendedUse: 'Storage',
    });
  });

  it('places addresses outside Seattle too (the gazetteer cannot), in their own city and region', async () => {
    // Prepare
    emulateLocation([
      {
        PlaceType: 'PointAddress',
        Position: [-122.6765, 45.5231],
        Address: {
          Country: US,
          Region: { Code: 'OR', Name: 'Oregon' },
          Locality: 'Portland',
          PostalCode: '97204',
          Street: 'SW Broadway',
          AddressNumber: '1000',
        },
        MatchScores: { Overall: 0.98 },
      },
    ]);

    // Act
    const result = await geocoder().geocode({ line1: '1000 SW Broadway', city: 'Portland', postcode: '97204' });

    // Assess
    expect(geocodeSeattle({ line1: '1000 SW Broadway', city: 'Portland', postcode: '97204' }).status).toBe('NOT_FOUND');
    expect(result).toMatchObject({
      status: 'FOUND',
      precision: 'ADDRESS',
      normalized: { line1: '1000 SW Broadway', city: 'Portland', region: 'OR', postcode: '97204', country: 'US' },
    });
  });

  it('fits the query into QueryComponents: no semicolons, at most 100 characters, a line without a number as the street', async () => {
    // Prepare
    const seen = emulateLocation([]);

    // Act
    await geocoder().geocode({ line1: `Pike Place Market; ${'x'.repeat(150)}`, postcode: '98101', country: 'Canada' });

    // Assess
    const components = seen[0]!.body.QueryComponents as Record<string, string>;
    expect(components.AddressNumber).toBeUndefined();
    expect(components.Street).toHaveLength(100);
    expect(components.Street).toMatch(/^Pike Place Market, x+$/);
    expect(seen[0]!.body.Filter).toBeUndefined(); // "Canada" is no ISO code to filter by
  });

  it('asks nothing of Amazon Location for an empty address', async () => {
    // Prepare
    const seen = emulateLocation([]);

    // Act
    const result = await geocoder().geocode({ line1: '  ', city: 'Seattle' });

    // Assess
    expect(result).toEqual({ status: 'NOT_FOUND', reason: 'EMPTY' });
    expect(seen).toHaveLength(0);
  });

  it('falls back to the gazetteer when Amazon Location fails, logging why, and never throws', async () => {
    // Prepare
    emulateLocation({ status: 500, type: 'InternalServerException', message: 'Internal failure' });
    const warned: unknown[][] = [];
    const query = { line1: '500 Pike St', city: 'Seattle', postcode: '98101' };

    // Act
    const result = await geocoder(warned).geocode(query);

    // Assess
    expect(result).toEqual(geocodeSeattle(query));
    expect(result.status).toBe('FOUND');
    expect(warned).toEqual([
      [
        'Amazon Location geocoding unavailable; placed by the Seattle gazetteer instead',
        {
          error: {
            name: 'InternalServerException',
            message: 'Amazon Location Geocode failed (500 InternalServerException): Internal failure',
          },
        },
      ],
    ]);
  });

  it("names the fields of a ValidationException in the log, from the answer's fieldList", async () => {
    // Prepare
    emulateLocation({
      status: 400,
      type: 'ValidationException',
      message: '1 validation error detected',
      fieldList: [{ name: 'QueryComponents.Street', message: 'Member must have length between 1 and 100' }],
    });
    const warned: unknown[][] = [];

    // Act
    await geocoder(warned).geocode({ line1: '500 Pike St', postcode: '98101' });

    // Assess
    expect(JSON.stringify(warned)).toContain(
      'Amazon Location Geocode failed (400 ValidationException): 1 validation error detected (QueryComponents.Street: Member must have length between 1 and 100)',
    );
  });
});

describe('geocodeResultOf', () => {
  const q = { line1: '1705 45th St', city: 'Seattle' };
  const street = (name: string, postcode: string, position: [number, number], score = 0.9): GeocodeResultItem => ({
    PlaceType: 'Street',
    Position: position,
    Address: {
      Country: US,
      Region: WA,
      Locality: 'Seattle',
      PostalCode: postcode,
      Street: name,
      District: 'Wallingford',
    },
    MatchScores: { Overall: score },
  });

  it('says STREET for a street, or a corrected house number, keeping the number the customer gave', () => {
    // Act
    const onStreet = geocodeResultOf({ line1: '99999 Pike St', postcode: '98101' }, [
      street('Pike St', '98101', [-122.336, 47.61], 1),
    ]);
    const corrected = geocodeResultOf({ line1: '501 Pike St', postcode: '98101' }, [
      pointAddress('500', 'Pike St', '98101', [-122.3368, 47.6105], { AddressNumberCorrected: true }),
    ]);

    // Assess
    expect(onStreet).toMatchObject({ status: 'FOUND', precision: 'STREET', normalized: { line1: '99999 Pike St' } });
    expect(corrected).toMatchObject({ status: 'FOUND', precision: 'STREET', normalized: { line1: '501 Pike St' } });
  });

  it('offers near-equal answers in different places as choices, and takes a clearly better one', () => {
    // Prepare
    const north = street('N 45th St', '98103', [-122.3345, 47.6613]);
    const northEast = street('NE 45th St', '98105', [-122.3123, 47.6612]);

    // Act
    const ambiguous = geocodeResultOf(q, [north, northEast]);
    const clear = geocodeResultOf(q, [north, { ...northEast, MatchScores: { Overall: 0.7 } }]);
    const samePlace = geocodeResultOf(q, [north, { ...north, Position: [-122.3346, 47.6613] }]);

    // Assess
    expect(ambiguous).toEqual({
      status: 'AMBIGUOUS',
      candidates: [
        { label: '1705 N 45th St (98103, Wallingford)', postcode: '98103', point: { lat: 47.6613, lng: -122.3345 } },
        { label: '1705 NE 45th St (98105, Wallingford)', postcode: '98105', point: { lat: 47.6612, lng: -122.3123 } },
      ],
    });
    expect(clear).toMatchObject({ status: 'FOUND', normalized: { line1: '1705 N 45th St', postcode: '98103' } });
    expect(samePlace.status).toBe('FOUND');
  });

  it('does not take an answer in another postcode, a poor match, or an area for a street', () => {
    // Prepare
    const elsewhere = pointAddress('500', 'Pike St', '98101', [-122.3368, 47.6105]);
    const postcodeArea: GeocodeResultItem = {
      PlaceType: 'PostalCode',
      Position: [-122.33, 47.61],
      Address: { PostalCode: '98109' },
      MatchScores: { Overall: 0.4 },
    };
    const city: GeocodeResultItem = {
      PlaceType: 'Locality',
      Position: [-122.33, 47.61],
      Address: { Locality: 'Seattle' },
    };

    // Act / Assess
    expect(geocodeResultOf({ line1: '500 Pike St', postcode: '98109' }, [elsewhere])).toEqual({
      status: 'NOT_FOUND',
      reason: 'UNKNOWN_STREET',
    });
    expect(
      geocodeResultOf({ line1: '500 Pike St', postcode: '98101' }, [{ ...elsewhere, MatchScores: { Overall: 0.3 } }]),
    ).toEqual({ status: 'NOT_FOUND', reason: 'UNKNOWN_STREET' });
    expect(geocodeResultOf({ line1: 'Nowhere Rd', postcode: '98109' }, [postcodeArea])).toEqual({
      status: 'NOT_FOUND',
      reason: 'UNKNOWN_STREET',
    });
    expect(
      geocodeResultOf({ line1: '', postcode: '98109' }, [{ ...postcodeArea, MatchScores: { Overall: 1 } }]),
    ).toMatchObject({
      status: 'FOUND',
      precision: 'POSTCODE',
      normalized: { line1: '', postcode: '98109' },
    });
    expect(geocodeResultOf({ line1: '500 Pike St', city: 'Seattle', postcode: '98999' }, [city])).toEqual({
      status: 'NOT_FOUND',
      reason: 'UNKNOWN_POSTCODE',
    });
    expect(geocodeResultOf({ line1: '500 Pike St', city: 'Atlantis' }, [])).toEqual({
      status: 'NOT_FOUND',
      reason: 'UNKNOWN_CITY',
    });
    expect(geocodeResultOf({ line1: 'Nowhere Rd' }, [city])).toEqual({ status: 'NOT_FOUND', reason: 'UNKNOWN_STREET' });
  });
});

describe('createLocationGeocoder behind a circuit breaker', () => {
  /** The geocoder's breaker as every runtime builds it: opens after 5 service failures in a row. */
  const productBreaker = () =>
    createDependencyBreakers({ clock: { now: () => new Date() }, log: { warn: () => {}, info: () => {} } }).geocoder;

  it('stops calling a failing Amazon Location once the breaker opens, the gazetteer placing every address meanwhile', async () => {
    // Prepare
    const seen = emulateLocation({ status: 503, type: 'ServiceUnavailableException', message: 'Unavailable' });
    const guard = productBreaker();
    const places = geocoder([], guard);

    // Act
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await places.geocode({ line1: '1201 3rd Ave', postcode: '98101' }));

    // Assess: five calls reached Amazon Location, then the open breaker kept the other three from it.
    expect(seen).toHaveLength(5);
    expect(guard.status()).toMatchObject({
      name: 'Geocoder (Amazon Location)',
      state: 'OPEN',
      lastError: expect.stringMatching(/503 ServiceUnavailableException/),
    });
    expect(results.every((r) => r.status === 'FOUND' && r.precision === 'ADDRESS')).toBe(true);
  });

  it('places the address by the gazetteer when Amazon Location is too slow, counting the timeout', async () => {
    // Prepare
    emulateLocation([pointAddress('500', 'Pike St', '98101', [-122, 47])], { delayMs: 1_000 });
    const guard = createBreaker({
      name: 'Geocoder (Amazon Location)',
      fallback: 'Placed by the gazetteer',
      timeoutMs: 100,
      failuresToOpen: 1,
      counts: isServiceFailure,
      clock: { now: () => new Date() },
      log: { warn: () => {}, info: () => {} },
    });
    const query = { line1: '500 Pike St', postcode: '98101' };

    // Act
    const started = Date.now();
    const result = await geocoder([], guard).geocode(query);

    // Assess
    expect(Date.now() - started).toBeLessThan(900);
    expect(result).toEqual(geocodeSeattle(query));
    expect(guard.status().state).toBe('OPEN');
  });

  it("keeps the breaker closed when Amazon Location refuses one request's input", async () => {
    // Prepare
    const seen = emulateLocation({ status: 400, type: 'ValidationException', message: 'bad input' });
    const guard = productBreaker();

    // Act
    for (let i = 0; i < 7; i++) await geocoder([], guard).geocode({ line1: '500 Pike St', postcode: '98101' });

    // Assess
    expect(seen).toHaveLength(7);
    expect(guard.status().state).toBe('CLOSED');
  });
});
