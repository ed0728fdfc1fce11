// The fields the api-voicebot function answers: the voicebot wizard's (Connect, deployments, the provisioner they
// are dispatched to) and Lex V2's analytics of the deployed bot — the two that use Amazon Lex's and Connect's models
// APIs, which the api function then never loads (issue 14: its cold start).
import { Router } from './router';
import { voicebotRouter } from './fields/voicebot';
import { lexAnalyticsRouter } from './fields/lex-analytics';

export const voicebotApiRouter = new Router().includeRouter([voicebotRouter, lexAnalyticsRouter]);
