// AWS Lambda entry of the GraphQL API's api function: every field but the voicebot's and the executive summaries'
// (api-router.ts), with the runtime's dependencies.
import type { AppSyncResolverEvent } from 'aws-lambda';
import { apiRouter } from './api-router';
import { createApi } from './router';
import { createApiDeps } from './runtime';
import { graphqlFunctionStore } from './lambda-store';
import { requireWebAppUrl } from '../lambda-runtime/lambda-config';
import { createLambdaSentiment } from '../lambda-runtime/lambda-sentiment';
import { createLambdaGeocoder } from '../lambda-runtime/lambda-geocoder';
import { createDependencyBreakers, dependencyRecorder } from '../data/dependency-breaker';
import { systemClock } from '../core/system-clock';

const { config, doc, log, store } = graphqlFunctionStore('api');
// Comprehend, the SMS provider and Amazon Location behind circuit breakers whose state changes the dashboard shows.
const breakers = createDependencyBreakers({
  clock: systemClock,
  log,
  record: dependencyRecorder(doc, config.tables.rollups),
});
const api = createApi(
  apiRouter,
  createApiDeps({
    ...store,
    // Every customer SMS links to the public tracking page: the function refuses to start without its URL.
    trackingBaseUrl: requireWebAppUrl(config),
    sentiment: createLambdaSentiment(config, log, breakers.sentiment),
    geocoder: createLambdaGeocoder(config, log, breakers.geocoder),
    breakers,
    ...(config.proofBucket ? { proofs: { bucket: config.proofBucket, s3: { region: config.region } } } : {}),
    sms: { client: { region: config.region }, settings: config.sms },
  }),
);

export const handler = (event: AppSyncResolverEvent<Record<string, unknown>>) => api.resolve(event);
