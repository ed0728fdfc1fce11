// AWS Lambda entry of the partner-token authorizer (AppSync AWS_LAMBDA mode): one line of wiring.
import type { AppSyncAuthorizerEvent } from 'aws-lambda';
import { createPartnerRepository } from '../data/partner-repository';
import { createPartnerTokenRepository } from '../data/partner-token-repository';
import { systemClock } from '../core/system-clock';
import { jsonLog } from '../observability/telemetry';
import { loadLambdaConfig } from '../lambda-runtime/lambda-config';
import { authorizePartnerRequest } from './partner-authorizer';
import { createDocumentClient } from '../lambda-runtime/document-client';

const config = loadLambdaConfig();
const doc = createDocumentClient({ region: config.region });
const deps = {
  partners: createPartnerRepository(doc, config.tables.partners),
  partnerTokens: createPartnerTokenRepository(doc, config.tables.partnerTokens),
  clock: systemClock,
  log: jsonLog('partner-authorizer'),
};

export const handler = (event: AppSyncAuthorizerEvent) => authorizePartnerRequest(event, deps);
