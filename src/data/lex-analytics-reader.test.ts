import { RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeployedLexBot } from '../core/lex-analytics';
import { createLexModelsHandlers } from '../local/lex/lex-models-handlers';
import { createLexModelsStore } from '../local/lex/lex-models-store';
import { createLexRuntimeHandlers } from '../local/lex/lex-runtime-handlers';
import { lexClients, manualClock, TEST_ENDPOINT } from '../local/lex/testing/lex-test-kit';
import { provisionPizzaBot } from '../local/lex/testing/pizza-bot';
import { createLexAnalyticsReader } from './lex-analytics-reader';

const clock = manualClock(Date.parse('2025-06-10T15:00:00.000Z'));
const store = createLexModelsStore({ now: clock.now, delays: { create: 0, build: 0, version: 0 } });
const server = setupServer(...createLexModelsHandlers(store), ...createLexRuntimeHandlers({ store, now: clock.now }));
const { models, runtime } = lexClients();
const reader = createLexAnalyticsReader({
  endpoint: TEST_ENDPOINT,
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' },
  maxAttempts: 1,
});
let deployed: DeployedLexBot;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  const bot = await provisionPizzaBot(models, 'arn:aws:lambda:us-east-1:000000000000:function:pizza-hook');
  deployed = { botId: bot.botId, botAliasId: bot.plain, botName: 'Pizza', botAliasName: 'plain', localeId: 'en_US' };
  const say = async (sessionId: string, text: string, botAliasId = bot.plain) => {
    await runtime.send(new RecognizeTextCommand({ botId: bot.botId, botAliasId, localeId: 'en_US', sessionId, text }));
    clock.advance(10_000);
  };
  // Ordered at once; Size re-asked once then declined at the confirmation; hung up while asked for the size.
  for (const t of ['I want a pizza', 'a big one', 'deep dish', 'yes']) await say('ordered', t);
  for (const t of ['I want a pizza', 'purple', 'large', 'thin', 'no']) await say('reasked', t);
  await say('hung-up', 'order a pizza');
  // On another alias: not the deployed one, so not read.
  for (const t of ['I want a pizza', 'purple']) await say('other-alias', t, bot.hooked);
  clock.advance(10 * 60_000);
});
afterAll(() => server.close());

describe("the Lex analytics reader (Lex V2's models API through the stock SDK)", () => {
  it("reads each intent's stages of the deployed alias with ListIntentStageMetrics, beside sessions and intents", async () => {
    // Act
    const figures = await reader.read(deployed, new Date('2025-06-10T00:00:00Z'), new Date('2025-06-11T00:00:00Z'));
    // Assess
    expect(figures).toMatchObject({ conversations: 3, success: 1, failure: 1, dropped: 1 });
    expect(figures.intents).toEqual([
      { intent: 'OrderPizza', count: 3, success: 1, failure: 1, switched: 0, dropped: 1 },
    ]);
    const stage = (name: string) => figures.stages.find((s) => s.stage === name);
    expect(figures.stages).toHaveLength(4);
    expect(stage('Size')).toEqual({
      intent: 'OrderPizza',
      stage: 'Size',
      count: 3,
      success: 2,
      failed: 0,
      dropped: 1,
      retried: 1,
    });
    expect(stage('Crust')).toMatchObject({ count: 2, success: 2, retried: 0 });
    expect(stage('Confirmation')).toMatchObject({ count: 2, success: 1, failed: 1, dropped: 0 });
    expect(stage('Fulfillment')).toMatchObject({ count: 1, success: 1 });
  });

  it('reads no stages where Lex has no conversations', async () => {
    // Act
    const figures = await reader.read(deployed, new Date('2025-06-12T00:00:00Z'), new Date('2025-06-13T00:00:00Z'));
    // Assess
    expect(figures).toMatchObject({ conversations: 0, averageTurns: null, intents: [], stages: [] });
  });
});
