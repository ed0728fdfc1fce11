// Provisions a BotDefinition into the Lex models emulator through the SDK, in the order Lex requires (bot,
// locale, slot types, intents, slots, priorities, build, version, alias with the code hook), so runtime tests
// talk to the bot as provisioned. The production path is src/provisioning; this is the test fixture.
import {
  BuildBotLocaleCommand,
  CreateBotAliasCommand,
  CreateBotCommand,
  CreateBotLocaleCommand,
  CreateBotVersionCommand,
  CreateIntentCommand,
  CreateSlotCommand,
  CreateSlotTypeCommand,
  DescribeBotAliasCommand,
  DescribeBotCommand,
  DescribeBotLocaleCommand,
  DescribeBotVersionCommand,
  ListIntentsCommand,
  UpdateIntentCommand,
  type LexModelsV2Client,
} from '@aws-sdk/client-lex-models-v2';
import type { BotDefinition, Locale } from '../../../voice/bot-definition';
import { pollUntil } from './lex-test-kit';

const message = (value: string) => [{ message: { plainTextMessage: { value } } }];

export type ProvisionedBot = { botId: string; botVersion: string; botAliasId: string };

export async function provisionBotDefinition(
  lex: LexModelsV2Client,
  definition: BotDefinition,
  options: { localeId: Locale; lambdaArn: string; aliasName?: string },
): Promise<ProvisionedBot> {
  const { localeId } = options;
  const prompts = definition.prompts[localeId];
  const bot = await lex.send(
    new CreateBotCommand({
      botName: definition.name,
      description: definition.description,
      roleArn: 'arn:aws:iam::000000000000:role/courier-bot',
      dataPrivacy: { childDirected: definition.childDirected },
      idleSessionTTLInSeconds: definition.idleSessionTtlSeconds,
    }),
  );
  const botId = bot.botId ?? '';
  await pollUntil(
    () => lex.send(new DescribeBotCommand({ botId })),
    (b) => b.botStatus === 'Available',
  );

  const scope = { botId, botVersion: 'DRAFT', localeId };
  await lex.send(
    new CreateBotLocaleCommand({
      ...scope,
      nluIntentConfidenceThreshold: definition.locales[localeId].nluIntentConfidenceThreshold,
      voiceSettings: { voiceId: definition.locales[localeId].voiceId },
    }),
  );
  await pollUntil(
    () => lex.send(new DescribeBotLocaleCommand(scope)),
    (l) => l.botLocaleStatus === 'NotBuilt',
  );

  const slotTypeIds: Record<string, string> = {};
  for (const type of definition.slotTypes) {
    const created = await lex.send(
      new CreateSlotTypeCommand({
        ...scope,
        slotTypeName: type.name,
        description: type.description,
        valueSelectionSetting: { resolutionStrategy: type.resolutionStrategy },
        ...(type.parentSlotTypeSignature
          ? { parentSlotTypeSignature: type.parentSlotTypeSignature }
          : {
              slotTypeValues: type.values[localeId].map((v) => ({
                sampleValue: { value: v.value },
                synonyms: v.synonyms.map((value) => ({ value })),
              })),
            }),
      }),
    );
    slotTypeIds[type.name] = created.slotTypeId ?? '';
  }

  const existing = await lex.send(new ListIntentsCommand({ ...scope, maxResults: 100 }));
  for (const intent of definition.intents) {
    const spec = {
      intentName: intent.name,
      description: intent.description,
      ...(intent.parentIntentSignature ? { parentIntentSignature: intent.parentIntentSignature } : {}),
      ...(intent.name === 'FallbackIntent'
        ? {}
        : { sampleUtterances: definition.utterances[localeId][intent.name].map((utterance) => ({ utterance })) }),
      dialogCodeHook: { enabled: intent.dialogCodeHook },
      fulfillmentCodeHook: { enabled: intent.fulfillmentCodeHook },
      ...(intent.intentConfirmation
        ? {
            intentConfirmationSetting: {
              promptSpecification: { messageGroups: message(prompts[intent.intentConfirmation.prompt]), maxRetries: 2 },
              declinationResponse: { messageGroups: message(prompts[intent.intentConfirmation.declination]) },
            },
          }
        : {}),
    };
    const found = existing.intentSummaries?.find((s) => s.intentName === intent.name);
    const intentId = found?.intentId ?? (await lex.send(new CreateIntentCommand({ ...scope, ...spec }))).intentId ?? '';
    const slotIds: string[] = [];
    for (const slot of intent.slots) {
      const created = await lex.send(
        new CreateSlotCommand({
          ...scope,
          intentId,
          slotName: slot.name,
          slotTypeId: slot.slotType.startsWith('AMAZON.') ? slot.slotType : slotTypeIds[slot.slotType],
          valueElicitationSetting: {
            slotConstraint: 'Optional',
            promptSpecification: {
              messageGroups: message(prompts[slot.elicitationPrompt]),
              maxRetries: slot.maxRetries,
            },
          },
        }),
      );
      slotIds.push(created.slotId ?? '');
    }
    await lex.send(
      new UpdateIntentCommand({
        ...scope,
        intentId,
        ...spec,
        slotPriorities: slotIds.map((slotId, i) => ({ priority: i + 1, slotId })),
      }),
    );
  }

  await lex.send(new BuildBotLocaleCommand(scope));
  const built = await pollUntil(
    () => lex.send(new DescribeBotLocaleCommand(scope)),
    (l) => l.botLocaleStatus === 'Built' || l.botLocaleStatus === 'Failed',
  );
  if (built.botLocaleStatus !== 'Built') throw new Error(`Build failed: ${built.failureReasons?.join('; ')}`);

  const version = await lex.send(
    new CreateBotVersionCommand({
      botId,
      botVersionLocaleSpecification: { [localeId]: { sourceBotVersion: 'DRAFT' } },
    }),
  );
  const botVersion = version.botVersion ?? '';
  await pollUntil(
    () => lex.send(new DescribeBotVersionCommand({ botId, botVersion })),
    (v) => v.botStatus === 'Available',
  );

  const alias = await lex.send(
    new CreateBotAliasCommand({
      botId,
      botAliasName: options.aliasName ?? 'live',
      botVersion,
      botAliasLocaleSettings: {
        [localeId]: {
          enabled: true,
          codeHookSpecification: { lambdaCodeHook: { lambdaARN: options.lambdaArn, codeHookInterfaceVersion: '1.0' } },
        },
      },
    }),
  );
  const botAliasId = alias.botAliasId ?? '';
  await pollUntil(
    () => lex.send(new DescribeBotAliasCommand({ botId, botAliasId })),
    (a) => a.botAliasStatus === 'Available',
  );
  return { botId, botVersion, botAliasId };
}
