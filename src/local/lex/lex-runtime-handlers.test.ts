import { gunzipSync } from 'node:zlib';
import {
  DeleteSessionCommand,
  DependencyFailedException,
  GetSessionCommand,
  PutSessionCommand,
  RecognizeTextCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lex-runtime-v2';
import type { LexV2Event } from 'aws-lambda';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLexModelsHandlers } from './lex-models-handlers';
import { createLexModelsStore } from './lex-models-store';
import { createLexRuntimeHandlers, type LambdaInvoker } from './lex-runtime-handlers';
import { lexClients } from './testing/lex-test-kit';
import { provisionPizzaBot } from './testing/pizza-bot';

const LAMBDA = 'arn:aws:lambda:us-east-1:000000000000:function:pizza-hook';

let hook: ((event: LexV2Event) => unknown) | undefined;
const events: LexV2Event[] = [];
const invoke: LambdaInvoker = async (_arn, event) => {
  events.push(event as LexV2Event);
  if (!hook) throw new Error('no hook');
  return hook(event as LexV2Event);
};

const store = createLexModelsStore({ delays: { create: 0, build: 0, version: 0 } });
const server = setupServer(
  ...createLexModelsHandlers(store),
  ...createLexRuntimeHandlers({ store, invoke, now: () => Date.parse('2025-06-10T15:00:00Z') }),
);
const { models, runtime } = lexClients();
const ids = { botId: '', plain: '', hooked: '' };

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  Object.assign(ids, await provisionPizzaBot(models, LAMBDA));
});
afterAll(() => server.close());
beforeEach(() => {
  hook = undefined;
  events.length = 0;
});

let sessionCount = 0;
function conversation(alias: 'plain' | 'hooked') {
  const sessionId = `session-${++sessionCount}`;
  const base = { botId: ids.botId, botAliasId: ids[alias], localeId: 'en_US', sessionId };
  return {
    base,
    say: (value: string, extra: { sessionState?: object; requestAttributes?: Record<string, string> } = {}) =>
      runtime.send(new RecognizeTextCommand({ ...base, text: value, ...extra })),
  };
}

const spoken = (out: { messages?: { content?: string }[] }) => out.messages?.map((m) => m.content).join(' ');

describe('Lex runtime emulator: dialog management by Lex V2 rules', () => {
  it('elicits required slots in priority order, confirms with slot values, fulfils and closes', async () => {
    // Prepare
    const { say } = conversation('plain');
    // Act
    const start = await say('I want a pizza');
    const size = await say('a big one');
    const crust = await say('deep dish');
    const done = await say('yes');
    // Assess
    expect(start.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Size' });
    expect(start.messages).toEqual([{ contentType: 'PlainText', content: 'What size?' }]);
    expect(start.interpretations?.[0]).toMatchObject({ intent: { name: 'OrderPizza' }, nluConfidence: { score: 1 } });
    expect(size.sessionState?.dialogAction?.slotToElicit).toBe('Crust');
    expect(size.sessionState?.intent?.slots?.Size?.value).toEqual({
      originalValue: 'a big one',
      interpretedValue: 'LARGE',
      resolvedValues: ['LARGE'],
    });
    expect(crust.sessionState?.dialogAction?.type).toBe('ConfirmIntent');
    expect(spoken(crust)).toBe('A LARGE THICK pizza, right?');
    expect(done.sessionState).toMatchObject({
      dialogAction: { type: 'Close' },
      intent: { name: 'OrderPizza', state: 'Fulfilled', confirmationState: 'Confirmed' },
    });
    expect(spoken(done)).toBe('Your LARGE pizza is on its way.');
  });

  it('fills slots named in the utterance, and closes Failed with the declination when the user says no', async () => {
    // Prepare
    const { say } = conversation('plain');
    // Act
    const start = await say('order a small pizza');
    await say('thin');
    const declined = await say('no');
    // Assess
    expect(start.sessionState?.intent?.slots?.Size?.value?.interpretedValue).toBe('SMALL');
    expect(start.sessionState?.dialogAction?.slotToElicit).toBe('Crust');
    expect(declined.sessionState?.intent).toMatchObject({ state: 'Failed', confirmationState: 'Denied' });
    expect(spoken(declined)).toBe('OK, no pizza.');
  });

  it('re-prompts a slot it cannot resolve, then falls back after maxRetries; nonsense is FallbackIntent', async () => {
    // Prepare
    const { say } = conversation('plain');
    await say('I want a pizza');
    // Act
    const retry = await say('purple');
    const fallback = await say('purple again');
    const nonsense = await conversation('plain').say('the weather on mars');
    // Assess
    expect(retry.sessionState?.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'Size' });
    expect(spoken(retry)).toBe('What size?');
    expect(fallback.sessionState?.intent?.name).toBe('FallbackIntent');
    expect(nonsense.sessionState?.intent?.name).toBe('FallbackIntent');
    expect(nonsense.interpretations?.[0]).toEqual({
      intent: expect.objectContaining({ name: 'FallbackIntent' }),
      interpretationSource: 'Lex',
    });
  });

  it('tolerates typos and extra words when classifying', async () => {
    // Prepare
    const { say } = conversation('plain');
    // Act
    const out = await say('um I would like to ordr a pizza please');
    // Assess
    expect(out.sessionState?.intent?.name).toBe('OrderPizza');
    expect(out.interpretations?.[0]?.nluConfidence?.score).toBeGreaterThan(0.4);
    expect(out.interpretations?.[0]?.nluConfidence?.score).toBeLessThan(0.9);
  });
});

describe('Lex runtime emulator: the code hook', () => {
  it('sends a Lex V2 event and honours the dialog action and messages the hook returns', async () => {
    // Prepare
    hook = (event) => ({
      sessionState: {
        sessionAttributes: { ...event.sessionState.sessionAttributes, seen: 'yes' },
        dialogAction: { type: 'ElicitSlot', slotToElicit: 'OrderNumber' },
        intent: { name: 'CheckOrder', slots: { OrderNumber: null }, state: 'InProgress' },
      },
      messages: [{ contentType: 'SSML', content: '<speak>Which order?</speak>' }],
    });
    const { say } = conversation('hooked');
    // Act
    const out = await say('where is my order', {
      sessionState: { sessionAttributes: { caller: '+12065550100' } },
      requestAttributes: { channel: 'test' },
    });
    // Assess
    expect(events[0]).toMatchObject({
      messageVersion: '1.0',
      invocationSource: 'DialogCodeHook',
      inputTranscript: 'where is my order',
      bot: { id: ids.botId, aliasId: ids.hooked, aliasName: 'hooked', version: '1', localeId: 'en_US' },
      requestAttributes: { channel: 'test' },
      sessionState: {
        sessionAttributes: { caller: '+12065550100' },
        intent: { name: 'CheckOrder', state: 'InProgress', confirmationState: 'None', slots: { OrderNumber: null } },
      },
    });
    expect(events[0]?.interpretations[0]).toMatchObject({ intent: { name: 'CheckOrder' }, nluConfidence: 1 });
    expect(events[0]?.interpretations.at(-1)?.intent.name).toBe('FallbackIntent');
    expect(out.messages).toEqual([{ contentType: 'SSML', content: '<speak>Which order?</speak>' }]);
    expect(out.sessionState).toMatchObject({
      dialogAction: { type: 'ElicitSlot', slotToElicit: 'OrderNumber' },
      sessionAttributes: { caller: '+12065550100', seen: 'yes' },
    });
    expect(out.requestAttributes).toEqual({ channel: 'test' });
  });

  it('resolves the elicited slot, lets the hook Delegate, and calls the fulfillment hook to close', async () => {
    // Prepare
    hook = (event) =>
      event.invocationSource === 'DialogCodeHook'
        ? event.sessionState.intent.slots.OrderNumber
          ? {
              sessionState: {
                dialogAction: { type: 'Delegate' },
                intent: event.sessionState.intent,
                sessionAttributes: event.sessionState.sessionAttributes,
              },
            }
          : {
              sessionState: {
                dialogAction: { type: 'ElicitSlot', slotToElicit: 'OrderNumber' },
                intent: event.sessionState.intent,
              },
            }
        : {
            sessionState: {
              dialogAction: { type: 'Close' },
              intent: { ...event.sessionState.intent, state: 'Fulfilled' },
            },
            messages: [
              {
                contentType: 'PlainText',
                content: `Order ${event.sessionState.intent.slots.OrderNumber?.value.interpretedValue} is out for delivery.`,
              },
            ],
          };
    const { say } = conversation('hooked');
    // Act
    const ask = await say('where is my order');
    const done = await say('forty two');
    // Assess
    expect(ask.messages ?? []).toEqual([]);
    expect(ask.sessionState?.dialogAction?.slotToElicit).toBe('OrderNumber');
    expect(events.map((e) => e.invocationSource)).toEqual(['DialogCodeHook', 'DialogCodeHook', 'FulfillmentCodeHook']);
    expect(events[2]?.sessionState.intent.state).toBe('ReadyForFulfillment');
    expect(done.sessionState?.intent).toMatchObject({ name: 'CheckOrder', state: 'Fulfilled' });
    expect(spoken(done)).toBe('Order 42 is out for delivery.');
  });

  it('reports an invalid hook answer or a failing Lambda as DependencyFailedException', async () => {
    // Prepare
    const { say } = conversation('hooked');
    hook = () => ({ sessionState: { dialogAction: { type: 'Dance' } } });
    // Act
    const invalid = await say('where is my order').catch((e: unknown) => e);
    hook = () => {
      throw new Error('boom');
    };
    const failing = await say('where is my order').catch((e: unknown) => e);
    // Assess
    expect(invalid).toBeInstanceOf(DependencyFailedException);
    expect((invalid as Error).message).toMatch(/^Invalid Lambda Response: sessionState\.dialogAction\.type/);
    expect((failing as Error).message).toBe('Invalid Lambda Response: Received error response from Lambda: boom');
  });
});

describe('Lex runtime emulator: sessions', () => {
  it('keeps the session for GetSession, sets it with PutSession (headers gzip+base64) and deletes it', async () => {
    // Prepare
    const { base, say } = conversation('plain');
    await say('I want a pizza');
    // Act
    const got = await runtime.send(new GetSessionCommand(base));
    const put = await runtime.send(
      new PutSessionCommand({
        ...base,
        sessionState: {
          dialogAction: { type: 'ElicitSlot', slotToElicit: 'Crust' },
          intent: {
            name: 'OrderPizza',
            slots: { Size: { value: { originalValue: 'big', interpretedValue: 'LARGE', resolvedValues: ['LARGE'] } } },
          },
          sessionAttributes: { vip: 'true' },
        },
      }),
    );
    const next = await say('thin');
    await runtime.send(new DeleteSessionCommand(base));
    const gone = await runtime.send(new GetSessionCommand(base)).catch((e: unknown) => e);
    // Assess
    expect(got).toMatchObject({
      sessionId: base.sessionId,
      sessionState: { dialogAction: { slotToElicit: 'Size' } },
      messages: [{ content: 'What size?' }],
    });
    const unpack = (value: string | undefined) =>
      JSON.parse(gunzipSync(Buffer.from(value ?? '', 'base64')).toString()) as unknown;
    expect(unpack(put.messages)).toEqual([{ contentType: 'PlainText', content: 'Thin or thick crust?' }]);
    expect(unpack(put.sessionState)).toMatchObject({ sessionAttributes: { vip: 'true' } });
    expect(next.sessionState).toMatchObject({
      dialogAction: { type: 'ConfirmIntent' },
      sessionAttributes: { vip: 'true' },
    });
    expect(spoken(next)).toBe('A LARGE THIN pizza, right?');
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
  });

  it('answers ResourceNotFoundException for an unknown alias', async () => {
    // Prepare
    const request = new RecognizeTextCommand({
      botId: ids.botId,
      botAliasId: 'NOSUCHALIA',
      localeId: 'en_US',
      sessionId: 's',
      text: 'hi',
    });
    // Act
    const error = await runtime.send(request).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(ResourceNotFoundException);
  });
});
