// The geocoder port as the cloud functions that place addresses build it (the api, the Lex code hook): Amazon
// Location Service when GEOCODER says so, the Seattle gazetteer otherwise and whenever Amazon Location fails.
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { createGazetteerGeocoder } from '../core/geo/gazetteer-geocoder';
import type { Geocoder } from '../core/ports';
import type { Breaker } from '../data/dependency-breaker';
import { createLocationGeocoder } from '../data/location-geocoder';
import type { Log } from '../observability/telemetry';
import type { LambdaConfig } from './lambda-config';

export function createLambdaGeocoder(
  config: Pick<LambdaConfig, 'region' | 'geocoder'>,
  log: Pick<Log, 'warn'>,
  /** The circuit breaker and timeout around Amazon Location (src/data/dependency-breaker.ts). */
  breaker?: Breaker,
): Geocoder {
  const gazetteer = createGazetteerGeocoder();
  return config.geocoder === 'amazon-location'
    ? createLocationGeocoder({
        region: config.region,
        credentials: fromNodeProviderChain(),
        fallback: gazetteer,
        log,
        ...(breaker ? { breaker } : {}),
      })
    : gazetteer;
}
