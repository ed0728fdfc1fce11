// Every conversation script against the bot as provisioned into the Lex V2 models emulator, each turn sent with
// the AWS SDK's RecognizeText to the runtime emulator, which calls the real code hook over an in-memory world.
import { GetSessionCommand, RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ssmlToText } from '../../src/local/connect/call-simulator';
import { createLexModelsHandlers } from '../../src/local/lex/lex-models-handlers';
import { createLexModelsStore } from '../../src/local/lex/lex-models-store';
import { createLexRuntimeHandlers } from '../../src/local/lex/lex-runtime-handlers';
import { lexClients } from '../../src/local/lex/testing/lex-test-kit';
import { provisionBotDefinition, type ProvisionedBot } from '../../src/local/lex/testing/provision-bot-definition';
import { BOT_DEFINITION } from '../../src/voice/bot-definition';
import { CALLER_ATTRIBUTE } from '../../src/voice/lex-codehook';
import { VOICE_TIME_ZONE } from '../../src/voice/speech';
import { CODE_HOOK_ARN, createScriptWorlds } from './conversation-world';
import { runScript, type Channel } from './run-script';
import { ALL_SCRIPTS } from './scripts';

const worlds = createScriptWorlds();
const store = createLexModelsStore({ delays: { create: 0, build: 0, version: 0 } });
const server = setupServer(
  ...createLexModelsHandlers(store),
  ...createLexRuntimeHandlers({ store, invoke: worlds.invoke, now: worlds.now, timeZone: VOICE_TIME_ZONE }),
);
const { models, runtime } = lexClients();
let bot: ProvisionedBot;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  bot = await provisionBotDefinition(models, BOT_DEFINITION, { localeId: 'en_US', lambdaArn: CODE_HOOK_ARN });
});
afterAll(() => server.close());

/**
 * A conversation straight with the bot, as Connect holds it: the caller's number goes in the first turn's
 * session attributes. Silence never reaches Lex here: RecognizeText takes 1–1024 characters, and on the phone
 * it is Connect that notices the caller said nothing.
 */
function botConversation(sessionId: string): Channel {
  const session = { botId: bot.botId, botAliasId: bot.botAliasId, localeId: 'en_US', sessionId };
  let caller = '';
  let started = false;
  return {
    open: (callerNumber) => {
      caller = callerNumber;
      return Promise.resolve('');
    },
    async say(text) {
      if (text.trim() === '') return undefined;
      const out = await runtime.send(
        new RecognizeTextCommand({
          ...session,
          text,
          ...(started ? {} : { sessionState: { sessionAttributes: { [CALLER_ATTRIBUTE]: caller } } }),
        }),
      );
      started = true;
      return (out.messages ?? []).map((m) => (m.content ? ssmlToText(m.content) : '')).join(' ');
    },
    async end() {
      if (!started) return { sessionAttributes: {}, botClosed: false };
      const state = (await runtime.send(new GetSessionCommand(session))).sessionState;
      return { sessionAttributes: state?.sessionAttributes ?? {}, botClosed: state?.dialogAction?.type === 'Close' };
    },
  };
}

describe('conversation scripts through the Lex V2 runtime emulator (AWS SDK RecognizeText)', () => {
  it('has at least 40 scripts with unique names, covering every criterion of Req 3, 4 and 5', () => {
    // Prepare
    const criteria = [
      ...Array.from({ length: 9 }, (_, i) => `Req 3.${i + 1}`),
      ...Array.from({ length: 8 }, (_, i) => `Req 4.${i + 1}`),
      ...Array.from({ length: 9 }, (_, i) => `Req 5.${i + 1}`),
    ];
    // Act
    const covered = new Set(ALL_SCRIPTS.flatMap((s) => s.covers));
    // Assess
    expect(ALL_SCRIPTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ALL_SCRIPTS.map((s) => s.name)).size).toBe(ALL_SCRIPTS.length);
    expect(
      criteria.filter((c) => !covered.has(c)),
      'criteria no script covers',
    ).toEqual([]);
    expect(
      [...covered].filter((c) => !criteria.includes(c)),
      'covers naming no criterion',
    ).toEqual([]);
  });

  it.each(ALL_SCRIPTS.map((script, index) => [script.name, { ...script, index }] as const))(
    '%s',
    async (_name, script) => {
      // Prepare
      const world = await worlds.start(script);
      const channel = botConversation(`script-${script.index}-${Date.now()}`);
      // Act + Assess (turn by turn)
      await runScript(script, world, channel);
    },
  );
});
