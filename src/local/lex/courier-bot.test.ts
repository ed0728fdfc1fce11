import { RecognizeTextCommand, type RecognizeTextCommandOutput } from '@aws-sdk/client-lex-runtime-v2';
import type { LexV2Event } from 'aws-lambda';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_DEFINITION } from '../../voice/bot-definition';
import { createLexCodeHook } from '../../voice/lex-codehook';
import { makeVoiceWorld } from '../../voice/testing/voice-world';
import { createLexModelsHandlers } from './lex-models-handlers';
import { createLexModelsStore } from './lex-models-store';
import { createLexRuntimeHandlers, type LambdaInvoker } from './lex-runtime-handlers';
import { lexClients } from './testing/lex-test-kit';
import { provisionBotDefinition, type ProvisionedBot } from './testing/provision-bot-definition';

const LAMBDA_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:lex-codehook';

const voice = makeVoiceWorld();
const codeHook = createLexCodeHook(voice.deps);
const invocations: { arn: string; event: LexV2Event }[] = [];
const invoke: LambdaInvoker = async (arn, event) => {
  invocations.push({ arn, event: event as LexV2Event });
  return codeHook(event as LexV2Event);
};

const store = createLexModelsStore({ delays: { create: 0, build: 0, version: 0 } });
const server = setupServer(
  ...createLexModelsHandlers(store),
  ...createLexRuntimeHandlers({
    store,
    invoke,
    now: () => voice.world.clock.now().getTime(),
    timeZone: 'America/Los_Angeles',
  }),
);
const { models, runtime } = lexClients();
let bot: ProvisionedBot;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  bot = await provisionBotDefinition(models, BOT_DEFINITION, { localeId: 'en_US', lambdaArn: LAMBDA_ARN });
});
afterAll(() => server.close());

function heard(out: RecognizeTextCommandOutput): string {
  return (out.messages ?? [])
    .map((m) => m.content ?? '')
    .join(' ')
    .replace(/<[^>]+>/g, '')
    .replace(/\s+/g, ' ');
}

describe('the courier bot, provisioned from its definition and run by the Lex runtime emulator', () => {
  it('books a courier over a short call with the real code hook, once, and reads the reference back', async () => {
    // Prepare
    const say = (text: string, sessionAttributes?: Record<string, string>) =>
      runtime.send(
        new RecognizeTextCommand({
          botId: bot.botId,
          botAliasId: bot.botAliasId,
          localeId: 'en_US',
          sessionId: 'call-0001',
          text,
          ...(sessionAttributes ? { sessionState: { sessionAttributes } } : {}),
        }),
      );
    // Act
    const opening = await say('I need a courier', { callerNumber: '+1 206 555 0134' });
    const pickup = await say('1201 3rd Ave 98101');
    const delivery = await say('3400 Stone Way N 98103');
    await say('a large box');
    await say('12 kilograms');
    await say('fragile');
    await say('today');
    await say('as soon as possible');
    const readBack = await say('Grace Hopper');
    const booked = await say('yes please');
    const anythingElse = await say('no');
    const goodbye = await say('no thanks');
    // Assess
    expect(opening.sessionState?.intent?.name).toBe('BookCourier');
    expect(opening.sessionState?.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'PickupAddress' });
    expect(opening.messages?.[0]?.contentType).toBe('SSML');
    expect(heard(opening)).toContain('Where should the courier collect the parcel?');
    expect(pickup.sessionState?.dialogAction?.slotToElicit).toBe('DeliveryAddress');
    expect(delivery.sessionState?.dialogAction?.slotToElicit).toBe('PackageSize');
    expect(readBack.sessionState?.dialogAction?.type).toBe('ConfirmIntent');
    expect(heard(readBack)).toContain('a large parcel of 12 kilograms, marked fragile');
    const bookings = voice.world.bookings.all();
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({ customerName: 'Grace Hopper', customerPhone: '+12065550134' });
    expect(booked.sessionState?.dialogAction).toMatchObject({ type: 'ElicitSlot', slotToElicit: 'WantsRepeat' });
    expect(heard(booked)).toContain('Your courier is booked');
    expect(anythingElse.sessionState?.dialogAction?.type).toBe('ElicitIntent');
    expect(heard(anythingElse)).toContain('anything else');
    expect(goodbye.sessionState?.intent).toMatchObject({ name: 'Goodbye', state: 'Fulfilled' });
    expect(goodbye.sessionState?.sessionAttributes?.botOutcome).toBe('DONE');
  });

  it('calls the code hook with a Lex V2 event for the alias version, its Lambda and the interpretations', () => {
    // Prepare
    const first = invocations[0];
    // Act
    const event = first?.event;
    // Assess
    expect(first?.arn).toBe(LAMBDA_ARN);
    expect(event).toMatchObject({
      messageVersion: '1.0',
      invocationSource: 'DialogCodeHook',
      inputMode: 'Text',
      sessionId: 'call-0001',
      inputTranscript: 'I need a courier',
      bot: {
        id: bot.botId,
        name: 'CourierVoicebot',
        aliasId: bot.botAliasId,
        aliasName: 'live',
        localeId: 'en_US',
        version: bot.botVersion,
      },
      sessionState: {
        sessionAttributes: { callerNumber: '+1 206 555 0134' },
        intent: { name: 'BookCourier', state: 'InProgress' },
      },
    });
    expect(event?.interpretations[0]).toMatchObject({ intent: { name: 'BookCourier' }, nluConfidence: 1 });
    const slotFilled = invocations[1]?.event.sessionState.intent.slots.PickupAddress;
    expect(slotFilled).toMatchObject({ shape: 'Scalar', value: { originalValue: '1201 3rd Ave 98101' } });
  });

  it('hands a caller who asks for a person mid-booking to an agent', async () => {
    // Prepare
    const say = (text: string) =>
      runtime.send(
        new RecognizeTextCommand({
          botId: bot.botId,
          botAliasId: bot.botAliasId,
          localeId: 'en_US',
          sessionId: 'call-0002',
          text,
        }),
      );
    await say('book a courier');
    // Act
    const handover = await say('speak to an agent');
    // Assess
    expect(handover.sessionState?.intent?.name).toBe('SpeakToAgent');
    expect(handover.sessionState?.dialogAction?.type).toBe('Close');
    expect(handover.sessionState?.sessionAttributes).toMatchObject({
      botOutcome: 'TRANSFER',
      transferReason: 'AGENT_REQUESTED',
    });
  });
});
