import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BuildBotLocaleCommand,
  ConflictException,
  CreateBotAliasCommand,
  CreateBotCommand,
  CreateBotLocaleCommand,
  CreateBotVersionCommand,
  CreateIntentCommand,
  CreateSlotCommand,
  CreateSlotTypeCommand,
  DeleteBotAliasCommand,
  DeleteBotCommand,
  DeleteBotLocaleCommand,
  DeleteBotVersionCommand,
  DeleteIntentCommand,
  DeleteSlotCommand,
  DeleteSlotTypeCommand,
  DescribeBotAliasCommand,
  DescribeBotCommand,
  DescribeBotLocaleCommand,
  DescribeBotVersionCommand,
  DescribeIntentCommand,
  ListBotAliasesCommand,
  ListBotsCommand,
  ListBotVersionsCommand,
  ListIntentsCommand,
  ListSlotsCommand,
  ListSlotTypesCommand,
  PreconditionFailedException,
  ResourceNotFoundException,
  UpdateBotAliasCommand,
  UpdateBotCommand,
  UpdateBotLocaleCommand,
  UpdateIntentCommand,
  UpdateSlotCommand,
  UpdateSlotTypeCommand,
  ValidationException,
} from '@aws-sdk/client-lex-models-v2';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLexModelsHandlers } from './lex-models-handlers';
import { createLexModelsStore, type LexModelsStore } from './lex-models-store';
import { lexClients, manualClock } from './testing/lex-test-kit';

const DELAYS = { create: 1_000, build: 5_000, version: 2_000 };
const clock = manualClock();
let store: LexModelsStore = createLexModelsStore({ now: clock.now, delays: DELAYS });
const server = setupServer();
const { models: lex } = lexClients();
const ROLE = 'arn:aws:iam::000000000000:role/bot';
const LAMBDA = 'arn:aws:lambda:us-east-1:000000000000:function:lex-codehook';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());
beforeEach(() => {
  store = createLexModelsStore({ now: clock.now, delays: DELAYS });
  server.resetHandlers(...createLexModelsHandlers(store));
});

/** The error a request failed with (or undefined), awaited in place so the clock moves only after it. */
const failure = (request: Promise<unknown>) =>
  request.then(
    () => undefined,
    (error: unknown) => error,
  );

const newBot = (botName = 'OrderBot') =>
  lex.send(
    new CreateBotCommand({
      botName,
      roleArn: ROLE,
      dataPrivacy: { childDirected: false },
      idleSessionTTLInSeconds: 300,
    }),
  );

/** A bot whose DRAFT en_US locale exists and is ready for intents. */
async function readyLocale() {
  const { botId = '' } = await newBot();
  clock.advance(DELAYS.create);
  await lex.send(
    new CreateBotLocaleCommand({ botId, botVersion: 'DRAFT', localeId: 'en_US', nluIntentConfidenceThreshold: 0.4 }),
  );
  clock.advance(DELAYS.create);
  return { botId, botVersion: 'DRAFT', localeId: 'en_US' };
}

/** A locale with a Size slot type and an OrderPizza intent whose utterance uses {Size}. */
async function orderIntent() {
  const scope = await readyLocale();
  const { slotTypeId = '' } = await lex.send(
    new CreateSlotTypeCommand({
      ...scope,
      slotTypeName: 'Size',
      slotTypeValues: [{ sampleValue: { value: 'LARGE' }, synonyms: [{ value: 'big' }] }],
      valueSelectionSetting: { resolutionStrategy: 'TopResolution' },
    }),
  );
  const { intentId = '' } = await lex.send(
    new CreateIntentCommand({
      ...scope,
      intentName: 'OrderPizza',
      sampleUtterances: [{ utterance: 'order a {Size} pizza' }],
    }),
  );
  const { slotId = '' } = await lex.send(
    new CreateSlotCommand({
      ...scope,
      intentId,
      slotName: 'Size',
      slotTypeId,
      valueElicitationSetting: {
        slotConstraint: 'Required',
        promptSpecification: {
          messageGroups: [{ message: { plainTextMessage: { value: 'What size?' } } }],
          maxRetries: 2,
        },
      },
    }),
  );
  return { scope, slotTypeId, intentId, slotId };
}

async function builtVersion() {
  const fixture = await orderIntent();
  await lex.send(new BuildBotLocaleCommand(fixture.scope));
  clock.advance(DELAYS.build);
  const { botVersion = '' } = await lex.send(
    new CreateBotVersionCommand({
      botId: fixture.scope.botId,
      botVersionLocaleSpecification: { en_US: { sourceBotVersion: 'DRAFT' } },
    }),
  );
  clock.advance(DELAYS.version);
  return { ...fixture, version: botVersion };
}

describe('Lex models emulator: bots', () => {
  it('creates a bot that is Creating, then Available, with the test alias Lex adds', async () => {
    // Prepare
    const created = await newBot();
    const during = await lex.send(new DescribeBotCommand({ botId: created.botId }));
    // Act
    clock.advance(DELAYS.create);
    const after = await lex.send(new DescribeBotCommand({ botId: created.botId }));
    const aliases = await lex.send(new ListBotAliasesCommand({ botId: created.botId }));
    // Assess
    expect(created).toMatchObject({
      botName: 'OrderBot',
      botStatus: 'Creating',
      idleSessionTTLInSeconds: 300,
      roleArn: ROLE,
    });
    expect(created.botId).toMatch(/^[A-Z0-9]{10}$/);
    expect(created.creationDateTime).toBeInstanceOf(Date);
    expect(during.botStatus).toBe('Creating');
    expect(after).toMatchObject({ botStatus: 'Available', dataPrivacy: { childDirected: false } });
    expect(aliases.botAliasSummaries).toMatchObject([
      { botAliasId: 'TSTALIASID', botAliasName: 'TestBotAlias', botVersion: 'DRAFT' },
    ]);
  });

  it('finds bots by name with an EQ filter and pages the list with nextToken', async () => {
    // Prepare
    for (const name of ['Alpha', 'Beta', 'Gamma']) await newBot(name);
    // Act
    const byName = await lex.send(
      new ListBotsCommand({ filters: [{ name: 'BotName', values: ['Beta'], operator: 'EQ' }] }),
    );
    const first = await lex.send(new ListBotsCommand({ maxResults: 2 }));
    const second = await lex.send(new ListBotsCommand({ maxResults: 2, nextToken: first.nextToken }));
    // Assess
    expect(byName.botSummaries?.map((b) => b.botName)).toEqual(['Beta']);
    expect(first.botSummaries?.map((b) => b.botName)).toEqual(['Alpha', 'Beta']);
    expect(second.botSummaries?.map((b) => b.botName)).toEqual(['Gamma']);
    expect(second.nextToken).toBeUndefined();
  });

  it('answers AWS-typed errors: unknown id, duplicate name, invalid field, update while creating', async () => {
    // Prepare
    const { botId } = await newBot('Taken');
    // Act
    const unknown = await failure(lex.send(new DescribeBotCommand({ botId: 'NOSUCHBOT1' })));
    const duplicate = await failure(newBot('Taken'));
    const badTtl = await failure(
      lex.send(
        new CreateBotCommand({
          botName: 'Other',
          roleArn: ROLE,
          dataPrivacy: { childDirected: false },
          idleSessionTTLInSeconds: 5,
        }),
      ),
    );
    const tooEarly = await failure(
      lex.send(
        new UpdateBotCommand({
          botId,
          botName: 'Taken',
          roleArn: ROLE,
          dataPrivacy: { childDirected: true },
          idleSessionTTLInSeconds: 600,
        }),
      ),
    );
    // Assess
    expect(unknown).toBeInstanceOf(ResourceNotFoundException);
    expect(duplicate).toBeInstanceOf(ConflictException);
    expect(badTtl).toHaveProperty('message', expect.stringMatching(/idleSessionTTLInSeconds.*between 60 and 86400/));
    expect(badTtl).toBeInstanceOf(ValidationException);
    expect(tooEarly).toHaveProperty(
      'message',
      expect.stringMatching(/Creating.*Wait until DescribeBot reports botStatus Available/),
    );
  });

  it('deletes a bot only when no alias of its own uses it, unless told to skip the check', async () => {
    // Prepare
    const { version, scope } = await builtVersion();
    await lex.send(new CreateBotAliasCommand({ botId: scope.botId, botAliasName: 'live', botVersion: version }));
    // Act
    const refused = await failure(lex.send(new DeleteBotCommand({ botId: scope.botId })));
    const deleted = await lex.send(new DeleteBotCommand({ botId: scope.botId, skipResourceInUseCheck: true }));
    const listed = await lex.send(new ListBotsCommand({}));
    // Assess
    expect(refused).toBeInstanceOf(PreconditionFailedException);
    expect(deleted.botStatus).toBe('Deleting');
    expect(listed.botSummaries).toEqual([]);
  });
});

describe('Lex models emulator: locales, slot types, intents and slots', () => {
  it('creates a locale that is Creating then NotBuilt, with the FallbackIntent Lex adds, and refuses edits meanwhile', async () => {
    // Prepare
    const { botId = '' } = await newBot();
    clock.advance(DELAYS.create);
    const scope = { botId, botVersion: 'DRAFT', localeId: 'en_US' };
    // Act
    const created = await lex.send(
      new CreateBotLocaleCommand({ ...scope, nluIntentConfidenceThreshold: 0.4, voiceSettings: { voiceId: 'Joanna' } }),
    );
    const early = await failure(lex.send(new CreateIntentCommand({ ...scope, intentName: 'Early' })));
    clock.advance(DELAYS.create);
    const described = await lex.send(new DescribeBotLocaleCommand(scope));
    const intents = await lex.send(new ListIntentsCommand(scope));
    // Assess
    expect(created).toMatchObject({ localeName: 'English (US)', botLocaleStatus: 'Creating' });
    expect(early).toBeInstanceOf(ConflictException);
    expect(described).toMatchObject({
      botLocaleStatus: 'NotBuilt',
      intentsCount: 1,
      slotTypesCount: 0,
      voiceSettings: { voiceId: 'Joanna' },
    });
    expect(intents.intentSummaries).toMatchObject([
      { intentId: 'FALLBCKINT', intentName: 'FallbackIntent', parentIntentSignature: 'AMAZON.FallbackIntent' },
    ]);
  });

  it('keeps slots in priority order, reorders them with UpdateIntent and echoes every field back', async () => {
    // Prepare
    const { scope, intentId, slotId } = await orderIntent();
    const { slotId: crustId = '' } = await lex.send(
      new CreateSlotCommand({
        ...scope,
        intentId,
        slotName: 'Crust',
        slotTypeId: 'AMAZON.AlphaNumeric',
        valueElicitationSetting: { slotConstraint: 'Optional' },
      }),
    );
    // Act
    await lex.send(
      new UpdateIntentCommand({
        ...scope,
        intentId,
        intentName: 'OrderPizza',
        sampleUtterances: [{ utterance: 'order a {Size} pizza' }, { utterance: 'pizza please' }],
        dialogCodeHook: { enabled: true },
        slotPriorities: [
          { priority: 1, slotId: crustId },
          { priority: 2, slotId },
        ],
      }),
    );
    await lex.send(
      new UpdateSlotCommand({
        ...scope,
        intentId,
        slotId: crustId,
        slotName: 'Crust',
        slotTypeId: 'AMAZON.AlphaNumeric',
        valueElicitationSetting: {
          slotConstraint: 'Required',
          promptSpecification: {
            messageGroups: [{ message: { plainTextMessage: { value: 'Which crust?' } } }],
            maxRetries: 1,
          },
        },
      }),
    );
    const intent = await lex.send(new DescribeIntentCommand({ ...scope, intentId }));
    const slots = await lex.send(
      new ListSlotsCommand({ ...scope, intentId, filters: [{ name: 'SlotName', values: ['Crust'], operator: 'EQ' }] }),
    );
    const badPriority = await failure(
      lex.send(
        new UpdateIntentCommand({
          ...scope,
          intentId,
          intentName: 'OrderPizza',
          slotPriorities: [{ priority: 1, slotId: 'NOSUCHSLOT' }],
        }),
      ),
    );
    // Assess
    expect(intent.slotPriorities).toEqual([
      { priority: 1, slotId: crustId },
      { priority: 2, slotId },
    ]);
    expect(intent.sampleUtterances).toHaveLength(2);
    expect(intent.dialogCodeHook).toEqual({ enabled: true });
    expect(slots.slotSummaries).toMatchObject([
      { slotName: 'Crust', slotConstraint: 'Required', valueElicitationPromptSpecification: { maxRetries: 1 } },
    ]);
    expect(badPriority).toHaveProperty('message', expect.stringMatching(/slotPriorities\[0\]\.slotId NOSUCHSLOT/));
  });

  it('guards references: a missing slot type, a slot type in use, a missing parent locale', async () => {
    // Prepare
    const { scope, slotTypeId, intentId, slotId } = await orderIntent();
    // Act
    const danglingSlot = await failure(
      lex.send(
        new CreateSlotCommand({
          ...scope,
          intentId,
          slotName: 'Topping',
          slotTypeId: 'NOSUCHTYPE',
          valueElicitationSetting: { slotConstraint: 'Optional' },
        }),
      ),
    );
    const inUse = await failure(lex.send(new DeleteSlotTypeCommand({ ...scope, slotTypeId })));
    const noLocale = await failure(
      lex.send(new CreateIntentCommand({ ...scope, localeId: 'en_GB', intentName: 'Hello' })),
    );
    await lex.send(new DeleteSlotCommand({ ...scope, intentId, slotId }));
    await lex.send(new DeleteSlotTypeCommand({ ...scope, slotTypeId }));
    const types = await lex.send(new ListSlotTypesCommand(scope));
    // Assess
    expect(danglingSlot).toBeInstanceOf(PreconditionFailedException);
    expect(inUse).toHaveProperty('message', expect.stringMatching(/used by slot OrderPizza\.Size/));
    expect(noLocale).toBeInstanceOf(PreconditionFailedException);
    expect(types.slotTypeSummaries).toEqual([]);
  });

  it('builds a valid locale (Building, then Built) and marks it NotBuilt again after a change', async () => {
    // Prepare
    const { scope, slotTypeId } = await orderIntent();
    // Act
    const building = await lex.send(new BuildBotLocaleCommand(scope));
    const again = await failure(lex.send(new BuildBotLocaleCommand(scope)));
    clock.advance(DELAYS.build);
    const built = await lex.send(new DescribeBotLocaleCommand(scope));
    await lex.send(
      new UpdateSlotTypeCommand({
        ...scope,
        slotTypeId,
        slotTypeName: 'Size',
        slotTypeValues: [{ sampleValue: { value: 'SMALL' } }],
        valueSelectionSetting: { resolutionStrategy: 'TopResolution' },
      }),
    );
    const changed = await lex.send(new DescribeBotLocaleCommand(scope));
    // Assess
    expect(building.botLocaleStatus).toBe('Building');
    expect(again).toBeInstanceOf(ConflictException);
    expect(built).toMatchObject({ botLocaleStatus: 'Built', failureReasons: [] });
    expect(built.lastBuildSubmittedDateTime).toBeInstanceOf(Date);
    expect(changed.botLocaleStatus).toBe('NotBuilt');
  });

  it('fails the build of an invalid locale with failureReasons naming what to fix', async () => {
    // Prepare
    const { scope, intentId } = await orderIntent();
    await lex.send(
      new UpdateIntentCommand({
        ...scope,
        intentId,
        intentName: 'OrderPizza',
        sampleUtterances: [{ utterance: 'order {Topping} on it' }],
      }),
    );
    const { slotTypeId = '' } = await lex.send(
      new CreateSlotTypeCommand({
        ...scope,
        slotTypeName: 'Empty',
        valueSelectionSetting: { resolutionStrategy: 'OriginalValue' },
      }),
    );
    // Act
    await lex.send(new BuildBotLocaleCommand(scope));
    clock.advance(DELAYS.build);
    const failed = await lex.send(new DescribeBotLocaleCommand(scope));
    // Assess
    expect(slotTypeId).not.toBe('');
    expect(failed.botLocaleStatus).toBe('Failed');
    expect(failed.failureReasons).toEqual([
      "Slot type 'Empty' has no values. Give it slotTypeValues or a parentSlotTypeSignature.",
      "Intent 'OrderPizza': sample utterance 'order {Topping} on it' refers to slot 'Topping', which the intent doesn't have. Create the slot or fix the utterance.",
    ]);
  });

  it('deletes intents, slots and locales, but not the FallbackIntent', async () => {
    // Prepare
    const { scope, intentId } = await orderIntent();
    // Act
    const fallback = await failure(lex.send(new DeleteIntentCommand({ ...scope, intentId: 'FALLBCKINT' })));
    await lex.send(new DeleteIntentCommand({ ...scope, intentId }));
    const intents = await lex.send(new ListIntentsCommand(scope));
    const locale = await lex.send(new DeleteBotLocaleCommand(scope));
    const gone = await failure(lex.send(new DescribeBotLocaleCommand(scope)));
    // Assess
    expect(fallback).toBeInstanceOf(ValidationException);
    expect(intents.intentSummaries?.map((i) => i.intentName)).toEqual(['FallbackIntent']);
    expect(locale.botLocaleStatus).toBe('Deleting');
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe('Lex models emulator: versions and aliases', () => {
  it('versions only a built DRAFT, Versioning then Available, and lists DRAFT with the numbered versions', async () => {
    // Prepare
    const { scope } = await orderIntent();
    const unbuilt = await failure(
      lex.send(
        new CreateBotVersionCommand({
          botId: scope.botId,
          botVersionLocaleSpecification: { en_US: { sourceBotVersion: 'DRAFT' } },
        }),
      ),
    );
    await lex.send(new BuildBotLocaleCommand(scope));
    clock.advance(DELAYS.build);
    // Act
    const created = await lex.send(
      new CreateBotVersionCommand({
        botId: scope.botId,
        description: 'first',
        botVersionLocaleSpecification: { en_US: { sourceBotVersion: 'DRAFT' } },
      }),
    );
    clock.advance(DELAYS.version);
    const described = await lex.send(
      new DescribeBotVersionCommand({ botId: scope.botId, botVersion: created.botVersion }),
    );
    const versions = await lex.send(new ListBotVersionsCommand({ botId: scope.botId }));
    const snapshotIntents = await lex.send(new ListIntentsCommand({ ...scope, botVersion: created.botVersion }));
    // Assess
    expect(unbuilt).toHaveProperty('message', expect.stringMatching(/Build it \(BuildBotLocale\)/));
    expect(created).toMatchObject({ botVersion: '1', botStatus: 'Versioning' });
    expect(described).toMatchObject({
      botVersion: '1',
      botStatus: 'Available',
      botName: 'OrderBot',
      description: 'first',
    });
    expect(versions.botVersionSummaries?.map((v) => v.botVersion)).toEqual(['DRAFT', '1']);
    expect(snapshotIntents.intentSummaries?.map((i) => i.intentName).sort()).toEqual(['FallbackIntent', 'OrderPizza']);
  });

  it('wires an alias to a version and the code hook, moves it, and protects the version it uses', async () => {
    // Prepare
    const { scope, version } = await builtVersion();
    const botId = scope.botId;
    const settings = {
      en_US: {
        enabled: true,
        codeHookSpecification: { lambdaCodeHook: { lambdaARN: LAMBDA, codeHookInterfaceVersion: '1.0' } },
      },
    };
    // Act
    const created = await lex.send(
      new CreateBotAliasCommand({ botId, botAliasName: 'live', botVersion: version, botAliasLocaleSettings: settings }),
    );
    const botAliasId = created.botAliasId ?? '';
    const protectedVersion = await failure(lex.send(new DeleteBotVersionCommand({ botId, botVersion: version })));
    clock.advance(DELAYS.create);
    const available = await lex.send(new DescribeBotAliasCommand({ botId, botAliasId }));
    await lex.send(
      new UpdateBotAliasCommand({
        botId,
        botAliasId,
        botAliasName: 'live',
        botVersion: 'DRAFT',
        botAliasLocaleSettings: settings,
      }),
    );
    const moved = await lex.send(new DescribeBotAliasCommand({ botId, botAliasId }));
    const deletedVersion = await lex.send(new DeleteBotVersionCommand({ botId, botVersion: version }));
    const deletedAlias = await lex.send(new DeleteBotAliasCommand({ botId, botAliasId }));
    const badArn = await failure(
      lex.send(
        new CreateBotAliasCommand({
          botId,
          botAliasName: 'broken',
          botAliasLocaleSettings: {
            en_US: {
              enabled: true,
              codeHookSpecification: { lambdaCodeHook: { lambdaARN: 'not-an-arn', codeHookInterfaceVersion: '1.0' } },
            },
          },
        }),
      ),
    );
    // Assess
    expect(created.botAliasStatus).toBe('Creating');
    expect(protectedVersion).toHaveProperty('message', expect.stringMatching(/used by alias live/));
    expect(available).toMatchObject({ botAliasStatus: 'Available', botVersion: version });
    expect(available.botAliasLocaleSettings?.en_US?.codeHookSpecification?.lambdaCodeHook?.lambdaARN).toBe(LAMBDA);
    expect(moved.botVersion).toBe('DRAFT');
    expect(moved.botAliasHistoryEvents?.map((h) => h.botVersion)).toEqual([version, 'DRAFT']);
    expect(deletedVersion.botStatus).toBe('Deleting');
    expect(deletedAlias.botAliasStatus).toBe('Deleting');
    expect(badArn).toHaveProperty('message', expect.stringMatching(/is not a Lambda function ARN/));
  });

  it('refuses changes to a numbered version, which is a snapshot', async () => {
    // Prepare
    const { scope, version, intentId } = await builtVersion();
    // Act
    const change = await failure(
      lex.send(new UpdateIntentCommand({ ...scope, botVersion: version, intentId, intentName: 'OrderPizza' })),
    );
    const locale = await failure(
      lex.send(new UpdateBotLocaleCommand({ ...scope, botVersion: version, nluIntentConfidenceThreshold: 0.5 })),
    );
    // Assess
    expect(change).toHaveProperty('message', expect.stringMatching(/Only the DRAFT version can be changed/));
    expect(locale).toBeInstanceOf(ValidationException);
  });
});

describe('Lex models emulator: persistence', () => {
  it('writes its state to the JSON file and loads it in a new store', async () => {
    // Prepare
    const dir = await mkdtemp(join(tmpdir(), 'lex-state-'));
    const file = join(dir, 'lex.json');
    store = createLexModelsStore({ now: clock.now, delays: DELAYS, file });
    server.resetHandlers(...createLexModelsHandlers(store));
    const { botId } = await newBot('Persisted');
    // Act
    store = createLexModelsStore({ now: clock.now, delays: DELAYS, file });
    server.resetHandlers(...createLexModelsHandlers(store));
    const reloaded = await lex.send(new DescribeBotCommand({ botId }));
    // Assess
    expect(reloaded.botName).toBe('Persisted');
    await rm(dir, { recursive: true, force: true });
  });
});
