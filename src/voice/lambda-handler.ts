// AWS Lambda entry of the Lex V2 code hook: configuration, the API's dependencies, and the adapter.
import type { LexV2Event } from 'aws-lambda';
import { jsonLog } from '../api/deps';
import { loadLambdaConfig } from '../api/lambda-config';
import { createApiDeps, createDocumentClient } from '../api/runtime';
import { createLexCodeHook, voiceDepsFromApi } from './lex-codehook';

const config = loadLambdaConfig();
const codeHook = createLexCodeHook(
  voiceDepsFromApi(
    createApiDeps({
      doc: createDocumentClient({ region: config.region }),
      tables: config.tables,
      log: jsonLog('lex-codehook'),
    }),
  ),
);

export const handler = (event: LexV2Event) => codeHook(event);
