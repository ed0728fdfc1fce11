// Property: every valid booking reference, spelled the ways callers spell it, is accepted on the first try by
// every dialog that asks for one — through the Lex V2 runtime emulator with the AWS SDK, as on a call.
import { RecognizeTextCommand } from '@aws-sdk/client-lex-runtime-v2';
import type { LexV2Event } from 'aws-lambda';
import fc from 'fast-check';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, BookingStatus } from '../../src/core/model';
import { checkCharacter, REFERENCE_ALPHABET } from '../../src/core/reference';
import { ssmlToText } from '../../src/local/connect/call-simulator';
import { createLexModelsHandlers } from '../../src/local/lex/lex-models-handlers';
import { createLexModelsStore } from '../../src/local/lex/lex-models-store';
import { createLexRuntimeHandlers } from '../../src/local/lex/lex-runtime-handlers';
import { lexClients } from '../../src/local/lex/testing/lex-test-kit';
import { provisionBotDefinition, type ProvisionedBot } from '../../src/local/lex/testing/provision-bot-definition';
import { BOT_DEFINITION } from '../../src/voice/bot-definition';
import { createLexCodeHook } from '../../src/voice/lex-codehook';
import { VOICE_TIME_ZONE } from '../../src/voice/speech';
import { makeVoiceWorld, seedBooking } from '../../src/voice/testing/voice-world';
import { CODE_HOOK_ARN } from './conversation-world';

const RUNS = 1000;
const PROMPTS = BOT_DEFINITION.prompts.en_US;

/** A world per status, so one reference can be delivered in one and on its way in the other. */
const worlds = { delivered: makeVoiceWorld(1), travelling: makeVoiceWorld(2) };
type WorldName = keyof typeof worlds;
const templates = new Map<WorldName, Booking>();

const store = createLexModelsStore({ delays: { create: 0, build: 0, version: 0 } });
const server = setupServer(
  ...createLexModelsHandlers(store),
  ...createLexRuntimeHandlers({
    store,
    invoke: (_arn, event) => {
      const world = (event as LexV2Event).sessionId.split(':')[0] as WorldName;
      return createLexCodeHook(worlds[world].deps)(event as LexV2Event);
    },
    now: () => Date.parse('2025-06-10T15:00:00.000Z'),
    timeZone: VOICE_TIME_ZONE,
  }),
);
const { models, runtime } = lexClients();
let bot: ProvisionedBot;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  bot = await provisionBotDefinition(models, BOT_DEFINITION, { localeId: 'en_US', lambdaArn: CODE_HOOK_ARN });
  const statuses: Record<WorldName, BookingStatus> = { delivered: 'DELIVERED', travelling: 'IN_TRANSIT' };
  for (const name of Object.keys(worlds) as WorldName[]) {
    templates.set(name, await seedBooking(worlds[name].deps, { status: statuses[name], courierId: 'courier-01' }));
  }
});
afterAll(() => server.close());

/** The booking with this reference in that world, made from the world's template the first time. */
async function bookingIn(world: WorldName, reference: string): Promise<void> {
  const { bookings } = worlds[world].deps;
  if (await bookings.get(reference)) return;
  await bookings.create({ ...(templates.get(world) as Booking), reference });
}

const NATO: Readonly<Record<string, string>> = {
  A: 'alpha',
  C: 'charlie',
  E: 'echo',
  F: 'foxtrot',
  H: 'hotel',
  J: 'juliett',
  K: 'kilo',
  M: 'mike',
  P: 'papa',
  R: 'romeo',
  T: 'tango',
  W: 'whiskey',
  X: 'x-ray',
  Y: 'yankee',
};
const DIGITS: Readonly<Record<string, string>> = { '3': 'three', '4': 'four', '6': 'six', '7': 'seven', '9': 'nine' };

type Style = 'characters' | 'nato' | 'as-in';
type Spelling = { style: Style; digitsAsWords: boolean; upper: boolean; separator: string; lead: string; tail: string };

function spell(compact: string, s: Spelling): string {
  const say = (c: string): string => {
    if (/\d/.test(c)) return s.digitsAsWords ? (DIGITS[c] as string) : c;
    const letter = s.upper ? c : c.toLowerCase();
    switch (s.style) {
      case 'characters':
        return letter;
      case 'nato':
        return NATO[c] as string;
      case 'as-in':
        return `${letter} as in ${NATO[c] as string}`;
    }
  };
  return `${s.lead}${[...compact].map(say).join(s.separator)}${s.tail}`.trim();
}

const symbolArb = fc.constantFrom(...REFERENCE_ALPHABET);
const referenceArb = fc
  .array(symbolArb, { minLength: 6, maxLength: 6 })
  .map((payload) => payload.join(''))
  .map((payload) => payload + checkCharacter(payload));
const spellingArb: fc.Arbitrary<Spelling> = fc.record({
  style: fc.constantFrom<Style>('characters', 'nato', 'as-in'),
  digitsAsWords: fc.boolean(),
  upper: fc.boolean(),
  separator: fc.constantFrom(' ', ', ', ' - ', '... '),
  lead: fc.constantFrom('', 'uh ', 'um, ', "it's ", 'my reference is ', 'the booking number is ', 'okay so '),
  tail: fc.constantFrom('', ' please', '.', ', thanks'),
});

type Dialog = {
  name: string;
  world: WorldName;
  opening: string;
  asked: string;
  /** What the caller hears once the reference is taken, in order. */
  accepted: (reference: string) => string[];
};

const DIALOGS: Dialog[] = [
  {
    name: 'tracking',
    world: 'travelling',
    opening: 'I want to track a parcel',
    asked: PROMPTS.askTrackingReference,
    accepted: (reference) => [`Your parcel ${reference} `, ' is in transit.'],
  },
  {
    name: 'feedback / complaint',
    world: 'delivered',
    opening: 'I want to make a complaint',
    asked: PROMPTS.askFeedbackReference,
    accepted: () => [ssmlToText(PROMPTS.askComplaintCategory)],
  },
  {
    name: 'feedback → tracking redirect (Req 5.8)',
    world: 'travelling',
    opening: 'I would like to leave feedback',
    asked: PROMPTS.askFeedbackReference,
    accepted: (reference) => [PROMPTS.feedbackNotYet, ` Your parcel ${reference} `, ' is in transit.'],
  },
];

let calls = 0;
async function converse(world: WorldName, turns: string[]): Promise<string[]> {
  const session = { botId: bot.botId, botAliasId: bot.botAliasId, localeId: 'en_US', sessionId: `${world}:${++calls}` };
  const heard: string[] = [];
  for (const text of turns) {
    const out = await runtime.send(new RecognizeTextCommand({ ...session, text }));
    heard.push((out.messages ?? []).map((m) => (m.content ? ssmlToText(m.content) : '')).join(' '));
  }
  return heard;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function grouped(compact: string): string {
  return `${compact.slice(0, 3)}-${compact.slice(3, 6)}-${compact.slice(6)}`;
}

describe('every valid reference, spelled as callers spell it, is taken on the first try', () => {
  it.each(DIALOGS)(
    '$name',
    async (dialog) => {
      // Prepare
      const seen = Array.from({ length: 7 }, () => new Set<string>());
      // Act
      await fc.assert(
        fc.asyncProperty(referenceArb, spellingArb, async (compact, spelling) => {
          [...compact].forEach((c, i) => seen[i]?.add(c));
          const reference = grouped(compact);
          await bookingIn(dialog.world, reference);
          const [asked, answer] = await converse(dialog.world, [dialog.opening, spell(compact, spelling)]);
          // Assess
          expect(asked).toContain(dialog.asked);
          expect(answer).toMatch(new RegExp(dialog.accepted(reference).map(escapeRegExp).join('.*')));
        }),
        { numRuns: RUNS },
      );
      // Assess: every symbol of the alphabet came up in every position
      expect(seen.map((s) => s.size)).toEqual(Array(7).fill(REFERENCE_ALPHABET.length));
    },
    120_000,
  );
});
