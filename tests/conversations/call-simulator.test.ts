// Every conversation script over a simulated phone call: the bot provisioned into the Lex V2 models emulator,
// associated with the Connect emulator's instance and wired into the generated contact flow (both through the
// AWS SDK), and the call simulator running that flow from the greeting to a queue or a hang-up.
import { AssociateBotCommand, ConnectClient, CreateContactFlowCommand } from '@aws-sdk/client-connect';
import { GetSessionCommand } from '@aws-sdk/client-lex-runtime-v2';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallSimulator, type CallSimulator, type SimulatedCall } from '../../src/local/connect/call-simulator';
import { createConnectHandlers } from '../../src/local/connect/connect-handlers';
import { createConnectState, SEED } from '../../src/local/connect/connect-state';
import { createLexModelsHandlers } from '../../src/local/lex/lex-models-handlers';
import { createLexModelsStore } from '../../src/local/lex/lex-models-store';
import { createLexRuntimeHandlers } from '../../src/local/lex/lex-runtime-handlers';
import { lexClients } from '../../src/local/lex/testing/lex-test-kit';
import { provisionBotDefinition, type ProvisionedBot } from '../../src/local/lex/testing/provision-bot-definition';
import { BOT_DEFINITION } from '../../src/voice/bot-definition';
import { buildContactFlow, contactFlowContent } from '../../src/voice/contact-flow';
import { VOICE_TIME_ZONE } from '../../src/voice/speech';
import { CODE_HOOK_ARN, createScriptWorlds } from './conversation-world';
import { runScript, type Channel } from './run-script';
import { ALL_SCRIPTS } from './scripts';

const REGION = 'us-east-1';
const worlds = createScriptWorlds();
const store = createLexModelsStore({ delays: { create: 0, build: 0, version: 0 } });
const connectState = createConnectState({ region: REGION });
const server = setupServer(
  ...createLexModelsHandlers(store),
  ...createLexRuntimeHandlers({ store, invoke: worlds.invoke, now: worlds.now, timeZone: VOICE_TIME_ZONE }),
  ...createConnectHandlers(connectState),
);
const { models, runtime } = lexClients();
const connect = new ConnectClient({
  region: REGION,
  credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' },
  maxAttempts: 1,
});
const problems: string[] = [];
let simulator: CallSimulator;
let contactFlowId: string;
let bot: ProvisionedBot;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  bot = await provisionBotDefinition(models, BOT_DEFINITION, { localeId: 'en_US', lambdaArn: CODE_HOOK_ARN });
  const aliasArn = `arn:aws:lex:${REGION}:000000000000:bot-alias/${bot.botId}/${bot.botAliasId}`;
  await connect.send(new AssociateBotCommand({ InstanceId: SEED.instanceId, LexV2Bot: { AliasArn: aliasArn } }));
  const flow = await connect.send(
    new CreateContactFlowCommand({
      InstanceId: SEED.instanceId,
      Name: 'Courier voicebot (conversation tests)',
      Type: 'CONTACT_FLOW',
      Content: contactFlowContent(buildContactFlow({ botAliasArn: aliasArn, queueId: SEED.basicQueueId })),
    }),
  );
  contactFlowId = flow.ContactFlowId ?? '';
  simulator = createCallSimulator({
    state: connectState,
    lex: runtime,
    now: () => new Date(worlds.now()),
    log: (message) => problems.push(message),
  });
});
afterAll(() => server.close());

/** A phone call: the greeting first, then the caller's turns; silence is the caller saying nothing at all. */
function phoneCall(): Channel {
  let call: SimulatedCall | undefined;
  const active = () => {
    if (!call) throw new Error('The call has not started');
    return call;
  };
  return {
    async open(callerNumber) {
      call = await simulator.startCall({ instanceId: SEED.instanceId, contactFlowId, from: callerNumber });
      const greeting = call.transcript.map((e) => e.text).join(' ');
      expect(greeting, 'the caller is greeted first').toBe(BOT_DEFINITION.prompts.en_US.welcome);
      return greeting;
    },
    async say(text) {
      return (await active().say(text)).join(' ');
    },
    async end() {
      const view = active().view();
      const botSpoke = view.transcript.some((e) => e.speaker === 'BOT');
      const lex = botSpoke
        ? (
            await runtime.send(
              new GetSessionCommand({
                botId: bot.botId,
                botAliasId: bot.botAliasId,
                localeId: 'en_US',
                sessionId: view.contactId,
              }),
            )
          ).sessionState
        : undefined;
      return {
        sessionAttributes: lex?.sessionAttributes ?? {},
        botClosed: lex?.dialogAction?.type === 'Close',
        call: { state: view.state, attributes: view.attributes },
      };
    },
  };
}

describe('conversation scripts over a simulated phone call (Connect emulator, contact flow, Lex V2 emulator)', () => {
  it.each(ALL_SCRIPTS.map((script, index) => [script.name, { ...script, index }] as const))(
    '%s',
    async (_name, script) => {
      // Prepare
      const world = await worlds.start(script);
      const channel = phoneCall();
      // Act + Assess (turn by turn, from the greeting)
      await runScript(script, world, channel);
      expect(problems, 'the call simulator reported no flow or Lex failures').toEqual([]);
    },
  );
});
