// What each of the GraphQL API's functions builds first in the cloud: its configuration, its DynamoDB client and
// log, and the options of the API's DynamoDB-backed dependencies (store-deps.ts). The api function
// (lambda-handler.ts), the voicebot's and the executive summaries' add what their own fields use.
import { jsonLog } from '../observability/telemetry';
import { loadLambdaConfig } from '../lambda-runtime/lambda-config';
import { createDocumentClient } from '../lambda-runtime/document-client';
import type { StoreDepsOptions } from './store-deps';

export function graphqlFunctionStore(service: string) {
  const config = loadLambdaConfig();
  const doc = createDocumentClient({ region: config.region });
  const log = jsonLog(service);
  const store: StoreDepsOptions = {
    doc,
    tables: config.tables,
    timeZone: config.timeZone,
    log,
    mcpServiceArn: config.mcpServiceArn,
    ...(config.retention ? { retention: config.retention } : {}),
    // Only the api function texts customers, and it refuses to start without the URL (lambda-handler.ts).
    trackingBaseUrl: () => config.webAppUrl,
  };
  return { config, doc, log, store };
}
