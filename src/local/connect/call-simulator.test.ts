import type { RecognizeTextCommand, RecognizeTextCommandOutput } from '@aws-sdk/client-lex-runtime-v2';
import { describe, expect, it } from 'vitest';
import { lexEvent } from '../../../tests/events/lex-event';
import { ConflictError, ValidationError } from '../../core/errors';
import { BOT_DEFINITION, type IntentName } from '../../voice/bot-definition';
import { buildContactFlow, contactFlowContent } from '../../voice/contact-flow';
import { createLexCodeHook } from '../../voice/lex-codehook';
import { makeVoiceWorld } from '../../voice/testing/voice-world';
import { createCallSimulator, ssmlToText, type LexRuntime } from './call-simulator';
import { createConnectState, SEED } from './connect-state';

const REGION = 'us-east-1';
const ALIAS_ARN = `arn:aws:lex:${REGION}:000000000000:bot-alias/BOTID12345/ALIAS12345`;
const QUEUE_ARN = `arn:aws:connect:${REGION}:000000000000:instance/${SEED.instanceId}/queue/${SEED.basicQueueId}`;
const CALLER = '+12065550199';
const prompts = BOT_DEFINITION.prompts.en_US;

function classify(text: string): IntentName {
  if (/agent|person/i.test(text)) return 'SpeakToAgent';
  if (/bye/i.test(text)) return 'Goodbye';
  if (/book/i.test(text)) return 'BookCourier';
  return 'FallbackIntent';
}

/**
 * Lex V2 runtime stand-in: a keyword classifier in front of the real code hook, keeping session attributes per
 * session as Lex does. "boom" makes Lex itself fail.
 */
function fakeLex() {
  const { deps } = makeVoiceWorld();
  const hook = createLexCodeHook(deps);
  const sessions = new Map<string, Record<string, string>>();
  const received: RecognizeTextCommand['input'][] = [];
  const lex: LexRuntime = {
    async send(command) {
      const input = command.input;
      received.push(input);
      if (input.text === 'boom')
        throw Object.assign(new Error('Lex is unavailable'), { name: 'InternalServerException' });
      const sessionId = input.sessionId ?? '';
      const sessionAttributes = { ...sessions.get(sessionId), ...input.sessionState?.sessionAttributes };
      const result = await hook(
        lexEvent({ intent: classify(input.text ?? ''), sessionAttributes, inputTranscript: input.text, sessionId }),
      );
      sessions.set(sessionId, result.sessionState.sessionAttributes ?? {});
      // The Lambda result and RecognizeText's output carry the same fields under the SDK's own types.
      return {
        sessionId,
        messages: result.messages,
        sessionState: result.sessionState,
        $metadata: {},
      } as unknown as RecognizeTextCommandOutput;
    },
  };
  return { lex, received };
}

function world(options: { associated?: boolean; routeNumber?: boolean; maxContacts?: number } = {}) {
  const state = createConnectState({ region: REGION });
  const record = state.findInstance(SEED.instanceId)!;
  if (options.associated ?? true) record.lexV2Bots.push(ALIAS_ARN);
  const flow = state.addFlow(record, {
    name: 'Courier voicebot',
    type: 'CONTACT_FLOW',
    content: contactFlowContent(buildContactFlow({ botAliasArn: ALIAS_ARN, queueId: QUEUE_ARN })),
  });
  if (options.routeNumber ?? true) record.phoneNumbers[0]!.contactFlowId = flow.id;
  if (options.maxContacts !== undefined) record.queues[0]!.maxContacts = options.maxContacts;
  const { lex, received } = fakeLex();
  let n = 0;
  const logged: string[] = [];
  const simulator = createCallSimulator({
    state,
    lex,
    newContactId: () => `contact-${++n}`,
    log: (message) => logged.push(message),
  });
  return { simulator, received, flow, logged };
}

describe('call simulator', () => {
  it('greets a caller who dials the number and waits in the bot', async () => {
    // Prepare
    const { simulator } = world();

    // Act
    const call = await simulator.startCall({ phoneNumber: SEED.phoneNumber, from: CALLER });

    // Assess
    expect(call.state).toBe('IN_BOT');
    expect(call.transcript.map((e) => [e.speaker, e.text])).toEqual([['FLOW', prompts.welcome]]);
    expect(call.view()).toMatchObject({ to: SEED.phoneNumber, from: CALLER, instanceId: SEED.instanceId });
  });

  it("relays the caller's words to Lex with the caller's number and relays the bot's answer", async () => {
    // Prepare
    const { simulator, received } = world();
    const call = await simulator.startCall({ phoneNumber: SEED.phoneNumber, from: CALLER });

    // Act
    const heard = await call.say('I want to book a courier');
    const heardNext = await call.say('hmm');

    // Assess
    expect(heard).toEqual([prompts.askPickupAddress]);
    expect(heardNext.join(' ')).toContain(prompts.didNotCatch);
    expect(received[0]).toMatchObject({
      botId: 'BOTID12345',
      botAliasId: 'ALIAS12345',
      localeId: 'en_US',
      sessionId: call.contactId,
      text: 'I want to book a courier',
      sessionState: { sessionAttributes: { callerNumber: CALLER } },
    });
    expect(received[1]?.sessionState).toBeUndefined();
    expect(call.state).toBe('IN_BOT');
  });

  it('puts a caller who asks for an agent in BasicQueue with the reason', async () => {
    // Prepare
    const { simulator } = world();
    const call = await simulator.startCall({ phoneNumber: SEED.phoneNumber, from: CALLER });

    // Act
    const heard = await call.say('let me talk to an agent');

    // Assess
    expect(heard).toEqual([prompts.transferToAgent]);
    expect(call.state).toBe('QUEUED');
    expect(call.queue).toEqual({ id: SEED.basicQueueId, name: 'BasicQueue', arn: QUEUE_ARN });
    expect(call.view().attributes).toEqual({ transferReason: 'AGENT_REQUESTED', callerNumber: CALLER });
    await expect(call.say('hello?')).rejects.toThrow(ConflictError);
  });

  it('disconnects after the goodbye', async () => {
    // Prepare
    const { simulator } = world();
    const call = await simulator.startCall({ phoneNumber: SEED.phoneNumber, from: CALLER });

    // Act
    const heard = await call.say('bye');

    // Assess
    expect(heard).toEqual([prompts.goodbye]);
    expect(call.view()).toMatchObject({ state: 'DISCONNECTED', disconnectReason: 'CONTACT_FLOW_DISCONNECT' });
  });

  it('apologises and transfers when Lex fails', async () => {
    // Prepare
    const { simulator, logged } = world();
    const call = await simulator.startCall({ phoneNumber: SEED.phoneNumber, from: CALLER });

    // Act
    const heard = await call.say('boom');

    // Assess
    expect(heard).toEqual([prompts.fault]);
    expect(call.state).toBe('QUEUED');
    expect(call.queue?.name).toBe('BasicQueue');
    expect(call.view().trace).toContainEqual(
      expect.objectContaining({
        action: 'courier-bot',
        result: expect.stringMatching(/^NoMatchingError: InternalServerException/),
      }),
    );
    expect(logged).toEqual([`Lex RecognizeText failed for contact ${call.contactId}`]);
  });

  it('transfers a silent caller after saying it is having trouble', async () => {
    // Prepare
    const { simulator } = world();
    const call = await simulator.startCall({ phoneNumber: SEED.phoneNumber, from: CALLER });

    // Act
    const heard = await call.say('');

    // Assess
    expect(heard).toEqual([prompts.fallbackTransfer]);
    expect(call.state).toBe('QUEUED');
  });

  it('apologises and transfers when the bot was never associated with the instance', async () => {
    // Prepare
    const { simulator } = world({ associated: false });

    // Act
    const call = await simulator.startCall({ phoneNumber: SEED.phoneNumber, from: CALLER });

    // Assess
    expect(call.transcript.map((e) => e.text)).toEqual([prompts.welcome, prompts.fault]);
    expect(call.state).toBe('QUEUED');
    expect(
      call
        .view()
        .trace.map((t) => t.result)
        .join('\n'),
    ).toMatch(/not associated with the instance \(AssociateBot\)/);
  });

  it("runs the instance's default inbound flow while the number is not routed to the bot", async () => {
    // Prepare
    const { simulator } = world({ routeNumber: false });

    // Act
    const call = await simulator.startCall({ phoneNumber: SEED.phoneNumber, from: CALLER });

    // Assess
    expect(call.transcript.map((e) => e.text)).toEqual([
      'Thank you for calling. Please hold for the next available agent.',
    ]);
    expect(call.state).toBe('QUEUED');
  });

  it('tells the caller no one is available when the queue is full', async () => {
    // Prepare
    const { simulator } = world({ maxContacts: 1 });
    const first = await simulator.startCall({ phoneNumber: SEED.phoneNumber, from: CALLER });
    await first.say('agent please');
    const second = await simulator.startCall({ phoneNumber: SEED.phoneNumber, from: '+12065550198' });

    // Act
    const heard = await second.say('agent please');

    // Assess
    expect(first.state).toBe('QUEUED');
    expect(heard.at(-1)).toMatch(/none of our team can take your call/);
    expect(second.state).toBe('DISCONNECTED');
  });

  it('hangs up, and finds calls by contact ID', async () => {
    // Prepare
    const { simulator, flow } = world({ routeNumber: false });
    const call = await simulator.startCall({ instanceId: SEED.instanceId, contactFlowId: flow.id, from: CALLER });

    // Act
    call.hangUp();

    // Assess
    expect(simulator.getCall(call.contactId)?.view()).toMatchObject({
      state: 'DISCONNECTED',
      disconnectReason: 'CUSTOMER_DISCONNECT',
      contactFlowId: flow.id,
    });
  });

  it('refuses a caller number that is not E.164, naming the field', async () => {
    // Prepare
    const { simulator } = world();

    // Act
    const attempt = simulator.startCall({ phoneNumber: SEED.phoneNumber, from: '206 555 0199' });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ field: 'from' });
  });

  it('reads SSML as the caller hears it', () => {
    // Prepare
    const ssml =
      '<speak>Your reference is <say-as interpret-as="characters">K7M</say-as><break time="300ms"/>K, 7 &amp; M .</speak>';

    // Act
    const text = ssmlToText(ssml);

    // Assess
    expect(text).toBe('Your reference is K7M K, 7 & M.');
  });
});
