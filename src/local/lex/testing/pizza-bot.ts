// A small bot for the Lex emulator's tests, provisioned through the stock models client: OrderPizza (Size and
// Crust required, a confirmation, a closing response) and CheckOrder (an optional OrderNumber, code hooks on),
// built, versioned and reachable through two aliases: `plain` (no code hook) and `hooked` (the given Lambda).
import {
  BuildBotLocaleCommand,
  CreateBotAliasCommand,
  CreateBotCommand,
  CreateBotLocaleCommand,
  CreateBotVersionCommand,
  CreateIntentCommand,
  CreateSlotCommand,
  CreateSlotTypeCommand,
  UpdateIntentCommand,
  type LexModelsV2Client,
} from '@aws-sdk/client-lex-models-v2';

const text = (value: string) => [{ message: { plainTextMessage: { value } } }];

/** A pizza bot: OrderPizza (Size, Crust required; confirmation; closing) and CheckOrder (OrderNumber). */
export async function provisionPizzaBot(models: LexModelsV2Client, lambdaArn: string) {
  const { botId = '' } = await models.send(
    new CreateBotCommand({
      botName: 'PizzaBot',
      roleArn: 'arn:aws:iam::000000000000:role/r',
      dataPrivacy: { childDirected: false },
      idleSessionTTLInSeconds: 300,
    }),
  );
  const scope = { botId, botVersion: 'DRAFT', localeId: 'en_US' };
  await models.send(new CreateBotLocaleCommand({ ...scope, nluIntentConfidenceThreshold: 0.4 }));
  const type = async (slotTypeName: string, values: [string, ...string[]][]) =>
    (
      await models.send(
        new CreateSlotTypeCommand({
          ...scope,
          slotTypeName,
          valueSelectionSetting: { resolutionStrategy: 'TopResolution' },
          slotTypeValues: values.map(([value, ...synonyms]) => ({
            sampleValue: { value },
            synonyms: synonyms.map((s) => ({ value: s })),
          })),
        }),
      )
    ).slotTypeId ?? '';
  const size = await type('Size', [
    ['SMALL', 'small', 'little'],
    ['LARGE', 'large', 'big'],
  ]);
  const crust = await type('Crust', [
    ['THIN', 'thin', 'crispy'],
    ['THICK', 'thick', 'deep dish'],
  ]);
  const order = {
    ...scope,
    intentName: 'OrderPizza',
    sampleUtterances: [
      { utterance: 'I want a pizza' },
      { utterance: 'order a {Size} pizza' },
      { utterance: 'order a pizza' },
    ],
    intentConfirmationSetting: {
      promptSpecification: { messageGroups: text('A {Size} {Crust} pizza, right?'), maxRetries: 2 },
      declinationResponse: { messageGroups: text('OK, no pizza.') },
    },
    intentClosingSetting: { closingResponse: { messageGroups: text('Your {Size} pizza is on its way.') } },
  };
  const { intentId = '' } = await models.send(new CreateIntentCommand(order));
  const slot = (slotName: string, slotTypeId: string, prompt: string) =>
    models.send(
      new CreateSlotCommand({
        ...scope,
        intentId,
        slotName,
        slotTypeId,
        valueElicitationSetting: {
          slotConstraint: 'Required',
          promptSpecification: { messageGroups: text(prompt), maxRetries: 1 },
        },
      }),
    );
  const sizeSlot = await slot('Size', size, 'What size?');
  const crustSlot = await slot('Crust', crust, 'Thin or thick crust?');
  await models.send(
    new UpdateIntentCommand({
      ...order,
      intentId,
      slotPriorities: [
        { priority: 1, slotId: sizeSlot.slotId },
        { priority: 2, slotId: crustSlot.slotId },
      ],
    }),
  );
  const check = await models.send(
    new CreateIntentCommand({
      ...scope,
      intentName: 'CheckOrder',
      sampleUtterances: [{ utterance: 'where is my order' }, { utterance: 'check order {OrderNumber}' }],
    }),
  );
  await models.send(
    new CreateSlotCommand({
      ...scope,
      intentId: check.intentId,
      slotName: 'OrderNumber',
      slotTypeId: 'AMAZON.Number',
      valueElicitationSetting: { slotConstraint: 'Optional' },
    }),
  );
  await models.send(
    new UpdateIntentCommand({
      ...scope,
      intentId: check.intentId,
      intentName: 'CheckOrder',
      sampleUtterances: [{ utterance: 'where is my order' }, { utterance: 'check order {OrderNumber}' }],
      dialogCodeHook: { enabled: true },
      fulfillmentCodeHook: { enabled: true },
    }),
  );
  await models.send(new BuildBotLocaleCommand(scope));
  const { botVersion } = await models.send(
    new CreateBotVersionCommand({ botId, botVersionLocaleSpecification: { en_US: { sourceBotVersion: 'DRAFT' } } }),
  );
  const plain = await models.send(new CreateBotAliasCommand({ botId, botAliasName: 'plain', botVersion }));
  const hooked = await models.send(
    new CreateBotAliasCommand({
      botId,
      botAliasName: 'hooked',
      botVersion,
      botAliasLocaleSettings: {
        en_US: {
          enabled: true,
          codeHookSpecification: { lambdaCodeHook: { lambdaARN: lambdaArn, codeHookInterfaceVersion: '1.0' } },
        },
      },
    }),
  );
  return { botId, plain: plain.botAliasId ?? '', hooked: hooked.botAliasId ?? '' };
}
