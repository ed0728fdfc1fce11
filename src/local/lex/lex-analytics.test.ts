import {
  ListIntentMetricsCommand,
  ListIntentStageMetricsCommand,
  ListSessionMetricsCommand,
  ListUtteranceMetricsCommand,
  ResourceNotFoundException,
  ValidationException,
  type AnalyticsIntentStageMetricName,
  type ListIntentStageMetricsCommandInput,
  type ListSessionMetricsCommandInput,
} from '@aws-sdk/client-lex-models-v2';
import { RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLexModelsHandlers } from './lex-models-handlers';
import { createLexModelsStore } from './lex-models-store';
import { createLexRuntimeHandlers, type LambdaInvoker } from './lex-runtime-handlers';
import { lexClients, manualClock } from './testing/lex-test-kit';
import { provisionPizzaBot } from './testing/pizza-bot';

const clock = manualClock(Date.parse('2025-06-10T15:00:00.000Z'));
const store = createLexModelsStore({ now: clock.now, delays: { create: 0, build: 0, version: 0 } });
type HookEvent = {
  invocationSource: string;
  sessionState: { intent: { name: string; slots: Record<string, unknown> } };
};
/** The hooked alias's code hook for CheckOrder: asks for the order number until it has one, then fulfils. */
const invoke: LambdaInvoker = async (_arn, event) => {
  const { invocationSource, sessionState } = event as HookEvent;
  const intent = sessionState.intent;
  if (invocationSource === 'FulfillmentCodeHook')
    return { sessionState: { dialogAction: { type: 'Close' }, intent: { ...intent, state: 'Fulfilled' } } };
  if (intent.slots.OrderNumber) return { sessionState: { dialogAction: { type: 'Delegate' }, intent } };
  return {
    sessionState: { dialogAction: { type: 'ElicitSlot', slotToElicit: 'OrderNumber' }, intent },
    messages: [{ contentType: 'PlainText', content: 'Which order number?' }],
  };
};
const server = setupServer(
  ...createLexModelsHandlers(store),
  ...createLexRuntimeHandlers({ store, invoke, now: clock.now }),
);
const { models, runtime } = lexClients();
let bot = { botId: '', plain: '', hooked: '' };
const sessionIds: Record<string, string> = {};
const originating: string[] = [];

async function say(session: string, text: string, alias: 'plain' | 'hooked' = 'plain') {
  const out = await runtime.send(
    new RecognizeTextCommand({ botId: bot.botId, botAliasId: bot[alias], localeId: 'en_US', sessionId: session, text }),
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

describe('Lex analytics in the emulator: ListIntentStageMetrics', () => {
  const STAGE_METRICS: AnalyticsIntentStageMetricName[] = ['Count', 'Success', 'Failed', 'Dropped', 'Retry'];
  const nextDay = { startDateTime: new Date('2025-06-11T00:00:00Z'), endDateTime: new Date('2025-06-12T00:00:00Z') };
  /** Each stage of one intent: [Count, Success, Failed, Dropped, Retry], by stage name. */
  const stagesOf = async (
    intent: string,
    when: typeof range,
    extra: Partial<ListIntentStageMetricsCommandInput> = {},
  ) => {
    const out = await models.send(
      new ListIntentStageMetricsCommand({
        botId: bot.botId,
        ...when,
        metrics: STAGE_METRICS.map((name) => ({ name, statistic: 'Sum' as const })),
        groupBy: [{ name: 'IntentStageName' }],
        filters: [{ name: 'IntentName', operator: 'EQ', values: [intent] }],
        ...extra,
      }),
    );
    return Object.fromEntries(
      out.results!.map((r) => [r.groupByKeys![0]!.value, r.metricsResults!.map((m) => m.value)]),
    );
  };

  /** The next day: a slot re-asked twice then filled, a caller who hangs up in a slot, one who runs out of tries. */
  beforeAll(async () => {
    clock.advance(Date.parse('2025-06-11T09:00:00Z') - clock.now());
    // The code hook asks for the order number three times: two retries, then fulfilled.
    for (const t of ['where is my order', 'I lost it', 'no idea', '4521']) await say('reasked', t, 'hooked');
    // Asked for the size, says something else, then hangs up (the session expires in the Size stage).
    for (const t of ['I want a pizza', 'purple']) await say('hung-up', t);
    // Asked for the size twice (maxRetries 1), fails again: the bot falls back, the Size stage failed.
    for (const t of ['I want a pizza', 'purple', 'green']) await say('gave-up', t);
    clock.advance(10 * 60_000);
  });

  it('counts each stage reached, its successes, failures, drops and retries, as Lex defines them', async () => {
    // Act
    const firstDay = { pizza: await stagesOf('OrderPizza', range), check: await stagesOf('CheckOrder', range) };
    const secondDay = { pizza: await stagesOf('OrderPizza', nextDay), check: await stagesOf('CheckOrder', nextDay) };
    // Assess: the first day's five conversations, stage by stage.
    expect(firstDay.pizza).toEqual({
      Size: [3, 1, 0, 2, 0], // ordered: filled; silent: expired; switched: CheckOrder asked for instead
      Crust: [2, 2, 0, 0, 0], // ordered, declined ('order a small pizza' gave the size)
      Confirmation: [2, 1, 1, 0, 0], // yes, no
      Fulfillment: [1, 1, 0, 0, 0],
    });
    expect(firstDay.check).toEqual({ Fulfillment: [1, 1, 0, 0, 0] });
    // The next day: OrderNumber re-asked twice then filled; Size dropped by a hang-up after one retry and failed
    // by running out of retries after one.
    expect(secondDay.check).toEqual({ OrderNumber: [1, 1, 0, 0, 2], Fulfillment: [1, 1, 0, 0, 0] });
    expect(secondDay.pizza).toEqual({ Size: [2, 0, 1, 1, 2] });
  });

  it('groups by the intent switched to, filters by stage, and bins by day', async () => {
    // Act
    const switched = await models.send(
      new ListIntentStageMetricsCommand({
        botId: bot.botId,
        ...range,
        metrics: [{ name: 'Count', statistic: 'Sum' }],
        groupBy: [{ name: 'IntentStageName' }, { name: 'SwitchedToIntent' }],
      }),
    );
    const size = await models.send(
      new ListIntentStageMetricsCommand({
        startDateTime: range.startDateTime,
        endDateTime: nextDay.endDateTime,
        botId: bot.botId,
        metrics: [{ name: 'Retry', statistic: 'Sum' }],
        binBy: [{ name: 'ConversationStartTime', interval: 'OneDay', order: 'Ascending' }],
        filters: [{ name: 'IntentStageName', operator: 'EQ', values: ['Size'] }],
      }),
    );
    // Assess
    expect(switched.results).toEqual([
      {
        groupByKeys: [
          { name: 'IntentStageName', value: 'Size' },
          { name: 'SwitchedToIntent', value: 'CheckOrder' },
        ],
        metricsResults: [{ name: 'Count', statistic: 'Sum', value: 1 }],
      },
    ]);
    expect(size.results!.map((r) => [r.binKeys![0]!.value, value(r)])).toEqual([
      [Date.parse('2025-06-10T00:00:00Z'), 0],
      [Date.parse('2025-06-11T00:00:00Z'), 2],
    ]);
  });

  it('refuses what Lex refuses: its own metric names (Failed, not Failure) and stage groupings only', async () => {
    // Act
    const refused = (input: Partial<ListIntentStageMetricsCommandInput>) =>
      models
        .send(
          new ListIntentStageMetricsCommand({
            botId: bot.botId,
            ...range,
            metrics: [{ name: 'Count', statistic: 'Sum' }],
            ...input,
          }),
        )
        .catch((e: unknown) => e);
    const failure = await refused({ metrics: [{ name: 'Failure' as 'Failed', statistic: 'Sum' }] });
    const byIntent = await refused({ groupBy: [{ name: 'IntentName' as 'IntentStageName' }] });
    const badFilter = await refused({ filters: [{ name: 'IntentStageName', operator: 'GT', values: ['Size'] }] });
    // Assess
    expect(failure).toBeInstanceOf(ValidationException);
    expect((failure as Error).message).toBe(
      "1 validation error detected: Value 'Failure' at 'metrics.1.member.name' failed to satisfy constraint: Member must satisfy enum value set: [Count, Success, Failed, Dropped, Retry]",
    );
    expect(byIntent).toBeInstanceOf(ValidationException);
    expect((byIntent as Error).message).toBe(
      "1 validation error detected: Value 'IntentName' at 'groupBy.1.member.name' failed to satisfy constraint: Member must satisfy enum value set: [IntentStageName, SwitchedToIntent]",
    );
    expect((badFilter as Error).message).toContain(
      "Operator 'GT' at 'filters.1.member.operator' is not supported for filter 'IntentStageName'",
    );
  });
});
