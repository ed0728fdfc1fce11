// The Lex analytics port on the AWS SDK: ListSessionMetrics (conversations by end state, turns per
// conversation) and ListIntentMetrics (each intent's outcomes) for the deployed alias and locale. The same code
// reads Amazon Lex V2 in the cloud and the local gateway's Lex emulator.
import {
  LexModelsV2Client,
  ListIntentMetricsCommand,
  ListSessionMetricsCommand,
  type AnalyticsIntentMetricName,
  type LexModelsV2ClientConfig,
} from '@aws-sdk/client-lex-models-v2';
import type { DeployedLexBot, LexAnalyticsSource, LexIntentFigures } from '../core/lex-analytics';

const INTENT_METRICS: AnalyticsIntentMetricName[] = ['Count', 'Success', 'Failure', 'Switched', 'Dropped'];
/** A safety bound on ListIntentMetrics pages (the bot has a handful of intents). */
const MAX_PAGES = 20;

export function createLexAnalyticsReader(config: LexModelsV2ClientConfig): LexAnalyticsSource {
  const lex = new LexModelsV2Client(config);
  return {
    async read(bot: DeployedLexBot, startDateTime: Date, endDateTime: Date) {
      const scope = {
        botId: bot.botId,
        startDateTime,
        endDateTime,
        filters: [
          { name: 'BotAliasId' as const, operator: 'EQ' as const, values: [bot.botAliasId] },
          { name: 'LocaleId' as const, operator: 'EQ' as const, values: [bot.localeId] },
        ],
      };
      const sessions = await lex.send(
        new ListSessionMetricsCommand({
          ...scope,
          metrics: [
            { name: 'Count', statistic: 'Sum' },
            { name: 'Success', statistic: 'Sum' },
            { name: 'Failure', statistic: 'Sum' },
            { name: 'Dropped', statistic: 'Sum' },
            { name: 'TurnsPerConversation', statistic: 'Avg' },
          ],
        }),
      );
      const values = sessions.results?.[0]?.metricsResults ?? [];
      const metric = (name: string) => values.find((m) => m.name === name)?.value ?? 0;
      const conversations = metric('Count');

      const intents: LexIntentFigures[] = [];
      let nextToken: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const out = await lex.send(
          new ListIntentMetricsCommand({
            ...scope,
            metrics: INTENT_METRICS.map((name) => ({ name, statistic: 'Sum' as const })),
            groupBy: [{ name: 'IntentName' }],
            maxResults: 100,
            ...(nextToken ? { nextToken } : {}),
          }),
        );
        for (const result of out.results ?? []) {
          const of = (name: string) => result.metricsResults?.find((m) => m.name === name)?.value ?? 0;
          intents.push({
            intent: result.groupByKeys?.find((k) => k.name === 'IntentName')?.value ?? '(unnamed)',
            count: of('Count'),
            success: of('Success'),
            failure: of('Failure'),
            switched: of('Switched'),
            dropped: of('Dropped'),
          });
        }
        nextToken = out.nextToken;
        if (!nextToken) break;
      }
      intents.sort((a, b) => b.count - a.count || a.intent.localeCompare(b.intent));
      return {
        conversations,
        success: metric('Success'),
        failure: metric('Failure'),
        dropped: metric('Dropped'),
        averageTurns: conversations > 0 ? metric('TurnsPerConversation') : null,
        intents,
      };
    },
  };
}
