// AWS Lambda entry of the GraphQL API: one line of wiring around the shared router.
import type { AppSyncResolverEvent } from 'aws-lambda';
import { appRouter } from './app-router';
import { jsonLog } from './deps';
import { loadLambdaConfig } from './lambda-config';
import { createApi } from './router';
import { createApiDeps, createDocumentClient } from './runtime';

const config = loadLambdaConfig();
const api = createApi(
  appRouter,
  createApiDeps({
    doc: createDocumentClient({ region: config.region }),
    tables: config.tables,
    log: jsonLog('api'),
    mcpServiceArn: config.mcpServiceArn,
  }),
);

export const handler = (event: AppSyncResolverEvent<Record<string, unknown>>) => api.resolve(event);
