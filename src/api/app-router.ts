// Every field the GraphQL API answers, in one router (the local AppSync server). In the cloud the same fields are
// served by three functions, each with its part: the api function's (api-router.ts), the voicebot's (the wizard
// and Lex's analytics, voicebot-router.ts) and the executive summaries'. amplify/data/resource.ts names the function
// of each field; a test checks they agree.
import { Router } from './router';
import { apiRouter } from './api-router';
import { voicebotApiRouter } from './voicebot-router';
import { summariesRouter } from './fields/summaries';

export const appRouter = new Router().includeRouter([apiRouter, voicebotApiRouter, summariesRouter]);

/** Which cloud function answers which fields: the key is the function's name in amplify/functions. */
export const FUNCTION_ROUTERS = {
  api: apiRouter,
  'api-voicebot': voicebotApiRouter,
  'api-summaries': summariesRouter,
} as const;
