// Lex V2's own analytics of the deployed bot (sessions, intents, intent stages), read beside the code hook's
// figures on the analytics page's Voicebot tab. Served by the api-voicebot function, which already holds the Lex
// models client, so that the api function loads none (issue 14: its cold start).
import { parseRange } from '../../core/analytics-range';
import { getLexAnalytics } from '../../core/lex-analytics';
import { Router } from '../router';

export const lexAnalyticsRouter = new Router().onQuery('analyticsLex', async (args, { principal, deps }) =>
  getLexAnalytics(parseRange(args.from, args.to), principal, {
    calendar: deps.calendar,
    log: deps.log,
    ...(deps.lexBots ? { bots: deps.lexBots } : {}),
    ...(deps.lexAnalytics ? { lex: deps.lexAnalytics } : {}),
  }),
);
