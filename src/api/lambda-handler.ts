// AWS Lambda entry of the GraphQL API: the shared router with the runtime's dependencies.
import type { AppSyncResolverEvent } from 'aws-lambda';
import { appRouter } from './app-router';
import { jsonLog } from '../observability/telemetry';
import { loadLambdaConfig, requireWebAppUrl } from '../lambda-runtime/lambda-config';
import { createApi } from './router';
import { createApiDeps } from './runtime';
import { createDocumentClient } from '../lambda-runtime/document-client';
import { createLambdaAdminNotifier } from '../lambda-runtime/lambda-admin-notifier';
import { createLambdaSentiment } from '../lambda-runtime/lambda-sentiment';
import { createLambdaGeocoder } from '../lambda-runtime/lambda-geocoder';
import { createCloudVoicebot } from '../provisioning/cloud-voicebot';
import type { ApiDeps } from './deps';
import { createDependencyBreakers, dependencyRecorder } from '../data/dependency-breaker';
import { systemClock } from '../core/system-clock';

const config = loadLambdaConfig();
const doc = createDocumentClient({ region: config.region });
const log = jsonLog('api');
// Comprehend, the SMS provider and Amazon Location behind circuit breakers whose state changes the dashboard shows.
const breakers = createDependencyBreakers({
  clock: systemClock,
  log,
  record: dependencyRecorder(doc, config.tables.rollups),
});
const baseDeps: ApiDeps = createApiDeps({
  doc,
  tables: config.tables,
  timeZone: config.timeZone,
  log,
  sentiment: createLambdaSentiment(config, log, breakers.sentiment),
  geocoder: createLambdaGeocoder(config, log, breakers.geocoder),
  breakers,
  mcpServiceArn: config.mcpServiceArn,
  ...(config.retention ? { retention: config.retention } : {}),
  ...(config.proofBucket ? { proofs: { bucket: config.proofBucket, s3: { region: config.region } } } : {}),
  trackingBaseUrl: requireWebAppUrl(config),
  sms: { client: { region: config.region }, settings: config.sms },
  lex: { region: config.region },
});
// An executive summary generated on demand tells the admins through their SNS topic too, when one is configured.
const deps: ApiDeps = { ...baseDeps, admins: createLambdaAdminNotifier(config, doc, baseDeps.log) };
// Deployments are dispatched to the provisioner function; Connect is read for the wizard's choices.
const voicebot =
  config.voicebot && deps.deployments
    ? createCloudVoicebot(
        { region: config.region, ...config.voicebot },
        { deployments: deps.deployments, clock: deps.clock, log: deps.log },
      )
    : undefined;
const api = createApi(
  appRouter,
  voicebot ? { ...deps, provisioning: voicebot.engine, connectDirectory: voicebot.directory } : deps,
);

export const handler = (event: AppSyncResolverEvent<Record<string, unknown>>) => api.resolve(event);
