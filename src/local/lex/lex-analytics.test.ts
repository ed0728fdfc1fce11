import {
  ListIntentMetricsCommand,
  ListSessionMetricsCommand,
  ListUtteranceMetricsCommand,
  ResourceNotFoundException,
  ValidationException,
  type ListSessionMetricsCommandInput,
} from '@aws-sdk/client-lex-models-v2';
import { RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLexModelsHandlers } from './lex-models-handlers';
import { createLexModelsStore } from './lex-models-store';
import { createLexRuntimeHandlers } from './lex-runtime-handlers';
import { lexClients, manualClock } from './testing/lex-test-kit';
import { provisionPizzaBot } from './testing/pizza-bot';

const clock = manualClock(Date.parse('2025-06-10T15:00:00.000Z'));
const store = createLexModelsStore({ now: clock.now, delays: { create: 0, build: 0, version: 0 } });
const server = setupServer(...createLexModelsHandlers(store), ...createLexRuntimeHandlers({ store, now: clock.now }));
const { models, runtime } = lexClients();
let bot = { botId: '', plain: '', hooked: '' };
const sessionIds: Record<string, string> = {};
const originating: string[] = [];

async function say(session: string, text: string) {
  const out = await runtime.send(
    new RecognizeTextCommand({ botId: bot.botId, botAliasId: bot.plain, localeId: 'en_US', sessionId: session, text }),
  );
  clock.advance(10_000);
  return out;
}

/** Five conversations, one per end state and one with an intent switch, over two hours. */
beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  bot = await provisionPizzaBot(models, 'arn:aws:lambda:us-east-1:000000000000:function:pizza-hook');
  // 15:00 — fulfilled: Success (4 turns).
  for (const t of ['I want a pizza', 'a big one', 'deep dish', 'yes']) await say('ordered', t);
  // Declined at the confirmation: the intent closes Failed, a Failure (3 turns).
  for (const t of ['order a small pizza', 'thin', 'no']) await say('declined', t);
  // Nonsense: FallbackIntent, a missed utterance and a Failure (1 turn).
  await say('nonsense', 'the weather on mars');
  // Started, then silence past the session timeout (300 s): Dropped (1 turn).
  originating.push((await say('silent', 'I want a pizza')).sessionState?.originatingRequestId ?? '');
  clock.advance(60 * 60_000);
  // 16:00 — asks for a pizza, then checks an order instead: OrderPizza Switched, CheckOrder closes (2 turns).
  await say('switched', 'order a pizza');
  await say('switched', 'where is my order');
  // The silent caller comes back on the same session id: a new conversation, with a new originating request.
  originating.push((await say('silent', 'the weather on mars')).sessionState?.originatingRequestId ?? '');
  Object.assign(sessionIds, { ordered: 'ordered' });
});
afterAll(() => server.close());

const range = { startDateTime: new Date('2025-06-10T00:00:00Z'), endDateTime: new Date('2025-06-11T00:00:00Z') };
const value = (r: { metricsResults?: { value?: number }[] } | undefined, i = 0) => r?.metricsResults?.[i]?.value;

describe('Lex analytics in the emulator: ListSessionMetrics', () => {
  it('counts conversations by end state, their turns and duration, as Lex defines them', async () => {
    // Act
    const out = await models.send(
      new ListSessionMetricsCommand({
        botId: bot.botId,
        ...range,
        metrics: [
          { name: 'Count', statistic: 'Sum' },
          { name: 'Success', statistic: 'Sum' },
          { name: 'Failure', statistic: 'Sum' },
          { name: 'Dropped', statistic: 'Sum' },
          { name: 'TurnsPerConversation', statistic: 'Avg' },
          { name: 'Duration', statistic: 'Max' },
        ],
      }),
    );
    // Assess: 6 conversations (the silent session twice); the last one, on the fallback intent, is a Failure.
    expect(out.botId).toBe(bot.botId);
    expect(out.results).toHaveLength(1);
    const [count, success, failure, dropped, turns, duration] = out.results![0]!.metricsResults!.map((m) => m.value);
    expect(count).toBe(6);
    expect(success).toBe(2); // ordered; switched (CheckOrder closed Fulfilled)
    expect(failure).toBe(3); // declined, nonsense, the silent caller's return
    expect(dropped).toBe(1);
    expect(turns).toBeCloseTo((4 + 3 + 1 + 1 + 2 + 1) / 6, 9);
    expect(duration).toBe(30);
    expect(originating[0]).toBeTruthy();
    expect(originating[1]).not.toBe(originating[0]);
  });

  it('groups by end state and bins by hour, newest bin first unless asked otherwise', async () => {
    // Act
    const grouped = await models.send(
      new ListSessionMetricsCommand({
        botId: bot.botId,
        ...range,
        metrics: [{ name: 'Count', statistic: 'Sum' }],
        groupBy: [{ name: 'ConversationEndState' }],
      }),
    );
    const binned = await models.send(
      new ListSessionMetricsCommand({
        botId: bot.botId,
        ...range,
        metrics: [{ name: 'Count', statistic: 'Sum' }],
        binBy: [{ name: 'ConversationStartTime', interval: 'OneHour' }],
      }),
    );
    // Assess
    expect(grouped.results!.map((r) => [r.groupByKeys![0]!.name, r.groupByKeys![0]!.value, value(r)])).toEqual([
      ['ConversationEndState', 'Dropped', 1],
      ['ConversationEndState', 'Failure', 3],
      ['ConversationEndState', 'Success', 2],
    ]);
    expect(binned.results!.map((r) => [r.binKeys![0]!.value, value(r)])).toEqual([
      [Date.parse('2025-06-10T16:00:00Z'), 2],
      [Date.parse('2025-06-10T15:00:00Z'), 4],
    ]);
  });

  it('filters by session, duration and intent path, and pages with nextToken', async () => {
    // Act
    const count = async (filters: ListSessionMetricsCommandInput['filters']) =>
      value(
        (
          await models.send(
            new ListSessionMetricsCommand({
              botId: bot.botId,
              ...range,
              metrics: [{ name: 'Count', statistic: 'Sum' }],
              filters,
            }),
          )
        ).results?.[0],
      );
    const bySession = await count([{ name: 'SessionId', operator: 'EQ', values: ['ordered', 'declined'] }]);
    const longer = await count([{ name: 'Duration', operator: 'GT', values: ['15'] }]);
    const path = await count([{ name: 'IntentPath', operator: 'EQ', values: ['/OrderPizza/CheckOrder'] }]);
    const first = await models.send(
      new ListSessionMetricsCommand({
        botId: bot.botId,
        ...range,
        metrics: [{ name: 'Count', statistic: 'Sum' }],
        groupBy: [{ name: 'ConversationEndState' }],
        maxResults: 2,
      }),
    );
    const rest = await models.send(
      new ListSessionMetricsCommand({
        botId: bot.botId,
        ...range,
        metrics: [{ name: 'Count', statistic: 'Sum' }],
        groupBy: [{ name: 'ConversationEndState' }],
        maxResults: 2,
        nextToken: first.nextToken,
      }),
    );
    // Assess
    expect(bySession).toBe(2);
    expect(longer).toBe(2); // ordered (30 s), declined (20 s)
    expect(path).toBe(1);
    expect(first.results).toHaveLength(2);
    expect(rest.results).toHaveLength(1);
    expect(rest.nextToken).toBeUndefined();
  });
});

describe('Lex analytics in the emulator: ListIntentMetrics and ListUtteranceMetrics', () => {
  it('counts each intent by Success, Failure, Switched and Dropped', async () => {
    // Act
    const out = await models.send(
      new ListIntentMetricsCommand({
        botId: bot.botId,
        ...range,
        metrics: ['Count', 'Success', 'Failure', 'Switched', 'Dropped'].map((name) => ({
          name: name as 'Count',
          statistic: 'Sum' as const,
        })),
        groupBy: [{ name: 'IntentName' }],
      }),
    );
    // Assess
    const table = Object.fromEntries(
      out.results!.map((r) => [r.groupByKeys![0]!.value, r.metricsResults!.map((m) => m.value)]),
    );
    expect(table).toEqual({
      CheckOrder: [1, 1, 0, 0, 0],
      FallbackIntent: [2, 0, 2, 0, 0],
      OrderPizza: [4, 1, 1, 1, 1],
    });
  });

  it('tells detected from missed utterances, with the intent last used', async () => {
    // Act
    const out = await models.send(
      new ListUtteranceMetricsCommand({
        botId: bot.botId,
        ...range,
        metrics: [{ name: 'Count', statistic: 'Sum' }],
        groupBy: [{ name: 'UtteranceText' }],
        attributes: [{ name: 'LastUsedIntent' }],
        filters: [{ name: 'UtteranceState', operator: 'EQ', values: ['Missed'] }],
      }),
    );
    // Assess
    expect(out.results).toEqual([
      {
        groupByKeys: [{ name: 'UtteranceText', value: 'the weather on mars' }],
        metricsResults: [{ name: 'Count', statistic: 'Sum', value: 2 }],
        attributeResults: [{ lastUsedIntent: 'FallbackIntent' }],
      },
    ]);
  });
});

describe('Lex analytics in the emulator: request validation', () => {
  const refused = async (input: Record<string, unknown>) => {
    const error = await models
      .send(new ListSessionMetricsCommand({ botId: bot.botId, ...range, ...input } as ListSessionMetricsCommandInput))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationException);
    return (error as Error).message;
  };

  it('names each field that breaks a constraint, as Lex words it', async () => {
    // Act
    const noMetrics = await refused({ metrics: undefined });
    const badNames = await refused({
      metrics: [{ name: 'Calls', statistic: 'Median' }],
      binBy: [
        { name: 'ConversationStartTime', interval: 'OneHour' },
        { name: 'ConversationStartTime', interval: 'OneDay' },
      ],
    });
    const badFilter = await refused({
      metrics: [{ name: 'Count', statistic: 'Sum' }],
      filters: [{ name: 'BotAliasId', operator: 'GT', values: ['x'] }],
    });
    const reversed = await refused({
      metrics: [{ name: 'Count', statistic: 'Sum' }],
      startDateTime: range.endDateTime,
      endDateTime: range.startDateTime,
    });
    const twoOrders = await refused({
      metrics: [{ name: 'Count', statistic: 'Sum', order: 'Ascending' }],
      binBy: [{ name: 'ConversationStartTime', interval: 'OneDay', order: 'Descending' }],
    });
    const intentGroup = await models
      .send(
        new ListIntentMetricsCommand({
          botId: bot.botId,
          ...range,
          metrics: [{ name: 'Count', statistic: 'Sum' }],
          groupBy: [{ name: 'ConversationEndState' as 'IntentName' }],
        }),
      )
      .catch((e: Error) => e.message);
    // Assess
    expect(noMetrics).toBe(
      "1 validation error detected: Value null at 'metrics' failed to satisfy constraint: Member must not be null",
    );
    expect(badNames).toMatch(/^3 validation errors detected: /);
    expect(badNames).toContain(
      "Value 'Calls' at 'metrics.1.member.name' failed to satisfy constraint: Member must satisfy enum value set: [Count, Success, Failure, Dropped, Duration, TurnsPerConversation, Concurrency]",
    );
    expect(badNames).toContain("Value 'Median' at 'metrics.1.member.statistic'");
    expect(badNames).toContain(
      "at 'binBy' failed to satisfy constraint: Member must have length less than or equal to 1",
    );
    expect(badFilter).toContain(
      "Operator 'GT' at 'filters.1.member.operator' is not supported for filter 'BotAliasId'",
    );
    expect(reversed).toMatch(/startDateTime \(2025-06-11T00:00:00.000Z\) must be before endDateTime/);
    expect(twoOrders).toMatch(/in binBy or in metrics, not both/);
    expect(intentGroup).toContain("Value 'ConversationEndState' at 'groupBy.1.member.name'");
  });

  it('answers ResourceNotFoundException for a bot it does not have', async () => {
    // Act
    const error = await models
      .send(
        new ListIntentMetricsCommand({
          botId: 'NOSUCHBOT1',
          ...range,
          metrics: [{ name: 'Count', statistic: 'Sum' }],
        }),
      )
      .catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(ResourceNotFoundException);
  });
});
