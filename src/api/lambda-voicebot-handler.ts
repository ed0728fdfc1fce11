// AWS Lambda entry of the voicebot's fields: the wizard's (Req 1) — Connect is read for the admin's choices, and
// each deployment is dispatched to the provisioner function, which does the work in Lex, IAM and Connect — and
// Lex V2's analytics of the deployed bot (the analytics page's Voicebot tab).
import type { AppSyncResolverEvent } from 'aws-lambda';
import { voicebotApiRouter } from './voicebot-router';
import { createLexAnalyticsReader } from '../data/lex-analytics-reader';
import { createApi } from './router';
import { createStoreDeps } from './store-deps';
import { graphqlFunctionStore } from './lambda-store';
import { createCloudVoicebot } from '../provisioning/cloud-voicebot';

const { config, log, store } = graphqlFunctionStore('api-voicebot');
const deps = { ...createStoreDeps(store), lexAnalytics: createLexAnalyticsReader({ region: config.region }) };
// Without the code hook's ARN (CODE_HOOK_FUNCTION_ARN) the wizard's fields say the voicebot is not configured.
const voicebot = config.voicebot
  ? createCloudVoicebot(
      { region: config.region, ...config.voicebot },
      { deployments: deps.deployments, clock: deps.clock, log },
    )
  : undefined;
const api = createApi(
  voicebotApiRouter,
  voicebot ? { ...deps, provisioning: voicebot.engine, connectDirectory: voicebot.directory } : deps,
);

export const handler = (event: AppSyncResolverEvent<Record<string, unknown>>) => api.resolve(event);
