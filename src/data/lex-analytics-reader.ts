// The Lex analytics port on the AWS SDK: ListSessionMetrics (conversations by end state, turns per
// conversation), ListIntentMetrics (each intent's outcomes) and ListIntentStageMetrics (each intent's stages:
// outcomes and retries) for the deployed alias and locale. The same code reads Amazon Lex V2 in the cloud and
// the local gateway's Lex emulator.
import {
  LexModelsV2Client,
  ListIntentMetricsCommand,
  ListIntentStageMetricsCommand,
  ListSessionMetricsCommand,
  type AnalyticsIntentMetricName,
  type AnalyticsIntentStageMetricName,
  type ListIntentStageMetricsCommandOutput,
  type LexModelsV2ClientConfig,
} from '@aws-sdk/client-lex-models-v2';
import type { DeployedLexBot, LexAnalyticsSource, LexIntentFigures, LexStageFigures } from '../core/lex-analytics';

const INTENT_METRICS: AnalyticsIntentMetricName[] = ['Count', 'Success', 'Failure', 'Switched', 'Dropped'];
const STAGE_METRICS: AnalyticsIntentStageMetricName[] = ['Count', 'Success', 'Failed', 'Dropped', 'Retry'];
/** A safety bound on ListIntentMetrics and ListIntentStageMetrics pages (a handful of intents, a few stages each). */
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

      // Lex groups stages by stage name (or the intent switched to), not by intent: one query per intent.
      const stages: LexStageFigures[] = [];
      for (const { intent } of intents) {
        let token: string | undefined;
        for (let page = 0; page < MAX_PAGES; page++) {
          const out: ListIntentStageMetricsCommandOutput = await lex.send(
            new ListIntentStageMetricsCommand({
              ...scope,
              filters: [...scope.filters, { name: 'IntentName', operator: 'EQ', values: [intent] }],
              metrics: STAGE_METRICS.map((name) => ({ name, statistic: 'Sum' as const })),
              groupBy: [{ name: 'IntentStageName' }],
              maxResults: 100,
              ...(token ? { nextToken: token } : {}),
            }),
          );
          for (const result of out.results ?? []) {
            const of = (name: string) => result.metricsResults?.find((m) => m.name === name)?.value ?? 0;
            stages.push({
              intent,
              stage: result.groupByKeys?.find((k) => k.name === 'IntentStageName')?.value ?? '(unnamed)',
              count: of('Count'),
              success: of('Success'),
              failed: of('Failed'),
              dropped: of('Dropped'),
              retried: of('Retry'),
            });
          }
          token = out.nextToken;
          if (!token) break;
        }
      }
      return {
        conversations,
        success: metric('Success'),
        failure: metric('Failure'),
        dropped: metric('Dropped'),
        averageTurns: conversations > 0 ? metric('TurnsPerConversation') : null,
        intents,
        stages,
      };
    },
  };
}
