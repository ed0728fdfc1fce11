// Amazon Lex V2's own analytics of the deployed bot (Req 2.4), read beside the figures the code hook records:
// conversations by Lex's end states (success, failure, dropped), turns per conversation, each intent's
// success, failure, switches and drops, and each intent stage's (a slot's elicitation, the confirmation, the
// fulfillment) successes, failures, drops and retries - where the bot had to ask again. The bot is the one the latest successful deployment put behind the
// phone number; with none deployed the report says so rather than failing.
import type { BusinessCalendar } from './business-calendar';
import type { DayRange } from './analytics-range';
import { assertAnalyticsReader } from './analytics-reports';
import type { Principal } from './model';

/** The bot and alias callers reach, as the latest successful deployment left them. */
export type DeployedLexBot = {
  botId: string;
  botAliasId: string;
  botName: string;
  botAliasName: string;
  localeId: string;
};

export type DeployedBotSource = { current(): Promise<DeployedLexBot | undefined> };

export type LexIntentFigures = {
  intent: string;
  count: number;
  success: number;
  failure: number;
  switched: number;
  dropped: number;
};

/** One intent stage as Lex counts it: how often it was reached and how it ended, and the re-asks in it. */
export type LexStageFigures = {
  intent: string;
  /** The slot elicited, or the intent's confirmation or fulfillment stage, as Lex names it. */
  stage: string;
  count: number;
  success: number;
  failed: number;
  dropped: number;
  retried: number;
};

export type LexFigures = {
  conversations: number;
  success: number;
  failure: number;
  dropped: number;
  /** Turns per conversation; null without conversations. */
  averageTurns: number | null;
  intents: LexIntentFigures[];
  stages: LexStageFigures[];
};

/**
 * The port: Lex V2's analytics API (ListSessionMetrics, ListIntentMetrics, ListIntentStageMetrics) for one bot
 * alias and locale.
 */
export type LexAnalyticsSource = {
  read(bot: DeployedLexBot, start: Date, end: Date): Promise<LexFigures>;
};

export type LexAnalyticsState = 'AVAILABLE' | 'NOT_DEPLOYED' | 'UNAVAILABLE';

export type LexReport = {
  from: string;
  to: string;
  state: LexAnalyticsState;
  detail: string;
  botId?: string;
  botAliasId?: string;
  conversations?: number;
  success?: number;
  failure?: number;
  dropped?: number;
  averageTurns?: number | null;
  intents: LexIntentFigures[];
  /** The stages Lex re-asked most first (then the most reached). */
  stages: LexStageFigures[];
};

export type LexAnalyticsDeps = {
  calendar: BusinessCalendar;
  bots?: DeployedBotSource;
  lex?: LexAnalyticsSource;
  log: { warn(message: string, detail?: unknown): void };
};

/** Lex's figures for the company days of `range` (the calendar's midnights), or why there are none. */
export async function getLexAnalytics(
  range: DayRange,
  principal: Principal,
  deps: LexAnalyticsDeps,
): Promise<LexReport> {
  assertAnalyticsReader(principal);
  const base = { from: range.from, to: range.to, intents: [], stages: [] };
  const bot = await deps.bots?.current();
  if (!bot)
    return {
      ...base,
      state: 'NOT_DEPLOYED',
      detail:
        'No voicebot is deployed yet, so Amazon Lex has no conversations to count. Deploy it from the Voicebot page.',
    };
  const ids = { botId: bot.botId, botAliasId: bot.botAliasId };
  const which = `${bot.botName} (${bot.botAliasName}, ${bot.localeId})`;
  if (!deps.lex)
    return {
      ...base,
      ...ids,
      state: 'UNAVAILABLE',
      detail: `Amazon Lex's analytics are not reachable from this runtime.`,
    };
  try {
    const figures = await deps.lex.read(bot, deps.calendar.startOf(range.from), deps.calendar.endOf(range.to));
    const stages = [...figures.stages].sort(
      (a, b) =>
        b.retried - a.retried ||
        b.count - a.count ||
        a.intent.localeCompare(b.intent) ||
        a.stage.localeCompare(b.stage),
    );
    return { ...base, ...ids, ...figures, stages, state: 'AVAILABLE', detail: `Lex V2 analytics of ${which}.` };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    deps.log.warn('Lex analytics unavailable', { botId: bot.botId, error: reason });
    return {
      ...base,
      ...ids,
      state: 'UNAVAILABLE',
      detail: `Amazon Lex's analytics of ${which} could not be read (${reason}). The code hook's figures above are unaffected.`,
    };
  }
}
