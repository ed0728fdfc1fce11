// AWS Lambda entry of the Lex V2 code hook: configuration, the API's dependencies, and the adapter.
import type { LexV2Event } from 'aws-lambda';
import { jsonLog } from '../observability/telemetry';
import { loadLambdaConfig, requireWebAppUrl } from '../lambda-runtime/lambda-config';
import { createLambdaSentiment } from '../lambda-runtime/lambda-sentiment';
import { createApiDeps } from '../api/runtime';
import { createDocumentClient } from '../lambda-runtime/document-client';
import { createLexCodeHook, voiceDepsFromApi } from './lex-codehook';
import { createActiveDefinitionSource } from '../provisioning/active-prompts';

const config = loadLambdaConfig();
const log = jsonLog('lex-codehook');
const deps = createApiDeps({
  doc: createDocumentClient({ region: config.region }),
  tables: config.tables,
  timeZone: config.timeZone,
  log,
  // Feedback given by phone is scored as on the web: Amazon Comprehend in the cloud.
  sentiment: createLambdaSentiment(config, log),
  // A booking made by phone is confirmed by SMS too.
  trackingBaseUrl: requireWebAppUrl(config),
  sms: { client: { region: config.region }, settings: config.sms },
});
// Speaks the live deployment's prompt edits, re-read at most once a minute per container.
const codeHook = createLexCodeHook(
  voiceDepsFromApi(deps),
  deps.deployments
    ? createActiveDefinitionSource(deps.deployments, { onError: (e) => deps.log.warn('prompt edits unavailable', e) })
    : undefined,
);

export const handler = (event: LexV2Event) => codeHook(event);
