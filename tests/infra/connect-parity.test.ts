// The two ways of putting the voicebot into Amazon Connect describe the same bot and the same contact flow: the
// provisioning wizard (its engine, run against the local Lex V2, Connect, IAM and Lambda emulators, which keep
// every request as Lex and Connect would) and the Connect-as-code stack (infra-cfn/templates/connect.template.json).
// The template is read back into the model API's shape independently of how it was generated.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECT_TEMPLATE_PATH } from '../../infra-cfn/connect-stack';
import { createConnectHandlers } from '../../src/local/connect/connect-handlers';
import { createConnectState, SEED } from '../../src/local/connect/connect-state';
import { createIamEmulator } from '../../src/local/iam/iam-emulator';
import { createLambdaEmulator, functionArn } from '../../src/local/lambda/lambda-emulator';
import { createLexModelsHandlers } from '../../src/local/lex/lex-models-handlers';
import { createLexModelsStore, type BotRecord, type LocaleRecord } from '../../src/local/lex/lex-models-store';
import type { Deployment } from '../../src/provisioning/deployment';
import { voicebotFlowContent } from '../../src/provisioning/flow-content';
import { ADMIN, createTestEngine } from '../../src/provisioning/testing/provisioning-world';
import type { Json } from './cloud-templates';

const REGION = 'us-east-1';
const CODE_HOOK = functionArn(REGION, 'courier-lex-codehook');

type Resource = { Type: string; Properties: Record<string, Json> };
const template = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', CONNECT_TEMPLATE_PATH), 'utf8')) as {
  Parameters: Record<string, { Default?: string }>;
  Resources: Record<string, Resource>;
};

/** CloudFormation's spelling of the Lex model API, undone: PascalCase keys, a few renamed keys and enum values. */
const KEYS: Record<string, string> = {
  MessageGroupsList: 'messageGroups',
  NluConfidenceThreshold: 'nluIntentConfidenceThreshold',
  LambdaArn: 'lambdaARN',
};
const VALUES: Record<string, Record<string, string>> = {
  resolutionStrategy: { ORIGINAL_VALUE: 'OriginalValue', TOP_RESOLUTION: 'TopResolution' },
};
function toModelApi(value: Json): Json {
  if (Array.isArray(value)) return value.map(toModelApi);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => {
      if (k === 'Ref' || k.startsWith('Fn::')) return [k, v];
      const key = KEYS[k] ?? k.charAt(0).toLowerCase() + k.slice(1);
      return [key, typeof v === 'string' && VALUES[key]?.[v] ? VALUES[key][v] : toModelApi(v)];
    }),
  );
}

const byName = <T>(items: T[], name: (item: T) => string) =>
  Object.fromEntries(items.map((item) => [name(item), item]));

/** One locale as the wizard left it in Lex: slot types and intents by name, slots naming their type. */
function wizardLocale(locale: LocaleRecord) {
  const typeNames = Object.fromEntries(Object.values(locale.slotTypes).map((t) => [t.slotTypeId, t.spec.slotTypeName]));
  const slotTypes = byName(
    Object.values(locale.slotTypes).map((t) => t.spec as unknown as Record<string, Json>),
    (t) => String(t.slotTypeName),
  );
  const intents = byName(
    Object.values(locale.intents).map((intent) => {
      const slotNames = Object.fromEntries(Object.values(intent.slots).map((s) => [s.slotId, s.spec.slotName]));
      const slots = Object.values(intent.slots).map(({ spec }) => {
        const { slotTypeId, ...rest } = spec as unknown as Record<string, Json>;
        return { ...rest, slotTypeName: typeNames[String(slotTypeId)] ?? slotTypeId } as Record<string, Json>;
      });
      return {
        ...(intent.spec as unknown as Record<string, Json>),
        ...(slots.length > 0
          ? {
              slots: byName(slots, (s) => String(s.slotName)),
              slotPriorities: intent.slotPriorities
                .map((p) => ({ priority: p.priority, slotName: slotNames[p.slotId!] }))
                .sort((a, b) => a.priority! - b.priority!),
            }
          : {}),
      } as Record<string, Json>;
    }),
    (i) => String(i.intentName),
  );
  return { spec: locale.spec as unknown as Record<string, Json>, slotTypes, intents };
}

/** The same locale as the template declares it. */
function templateLocale(locale: Record<string, Json>) {
  const { slotTypes = [], intents = [], localeId: _localeId, ...spec } = toModelApi(locale) as Record<string, Json[]>;
  return {
    spec: spec as unknown as Record<string, Json>,
    slotTypes: byName(
      (slotTypes as Record<string, Json>[]).map(({ name, ...rest }) => ({ slotTypeName: name!, ...rest })),
      (t) => String(t.slotTypeName),
    ),
    intents: byName(
      (intents as Record<string, Json>[]).map(({ name, slots, ...rest }) => ({
        intentName: name!,
        ...rest,
        ...(slots
          ? {
              slots: byName(
                (slots as Record<string, Json>[]).map(({ name: slotName, ...slot }) => ({
                  slotName: slotName!,
                  ...slot,
                })),
                (s) => String(s.slotName),
              ),
            }
          : {}),
      })),
      (i) => String(i.intentName),
    ),
  };
}

describe('the Connect-as-code stack and the provisioning wizard', () => {
  const store = createLexModelsStore({ delays: { create: 0, build: 0, version: 0 } });
  const connect = createConnectState({ region: REGION });
  const iam = createIamEmulator();
  const lambda = createLambdaEmulator({ region: REGION, functions: ['courier-lex-codehook'], run: async () => ({}) });
  const server = setupServer();
  const queueArn = `arn:aws:connect:${REGION}:${connect.accountId}:instance/${SEED.instanceId}/queue/${SEED.basicQueueId}`;
  let deployment: Deployment;
  let bot: BotRecord;

  beforeAll(async () => {
    server.listen({ onUnhandledRequest: 'error' });
    const { engine } = createTestEngine(
      server,
      [...createLexModelsHandlers(store), ...createConnectHandlers(connect), ...iam.handlers, ...lambda.handlers],
      { codeHookLambdaArn: CODE_HOOK, contactFlowContent: voicebotFlowContent },
    );
    // The wizard with every setting the admin may leave empty at its default, as the stack's parameters are.
    const started = await engine.start({ instanceId: SEED.instanceId, queueArn }, ADMIN);
    deployment = await engine.whenSettled(started.id);
    bot = Object.values(store.state.bots)[0]!;
  });
  afterAll(() => server.close());

  it('provisions through the wizard first (the comparison needs its bot)', () => {
    expect(deployment.status).toBe('SUCCEEDED');
    expect(Object.values(store.state.bots)).toHaveLength(1);
  });

  it('name the same bot with the same settings', () => {
    const properties = toModelApi(template.Resources.Bot!.Properties) as Record<string, Json>;
    expect(bot.spec.botName).toBe(template.Parameters.BotName!.Default);
    expect({
      description: bot.spec.description,
      dataPrivacy: bot.spec.dataPrivacy,
      idleSessionTTLInSeconds: bot.spec.idleSessionTTLInSeconds,
    }).toEqual({
      description: properties.description,
      dataPrivacy: properties.dataPrivacy,
      idleSessionTTLInSeconds: properties.idleSessionTTLInSeconds,
    });
  });

  it('build the same locales, slot types, intents, slots, prompts and slot priorities', () => {
    const locales = (template.Resources.Bot!.Properties.BotLocales as Record<string, Json>[]) ?? [];
    expect(locales.map((l) => l.LocaleId).sort()).toEqual(Object.keys(bot.locales).sort());
    for (const locale of locales) {
      const fromWizard = wizardLocale(bot.locales[String(locale.LocaleId)]!);
      const fromTemplate = templateLocale(locale);
      expect(fromTemplate.spec).toEqual(fromWizard.spec);
      expect(Object.keys(fromTemplate.slotTypes).sort()).toEqual(Object.keys(fromWizard.slotTypes).sort());
      for (const [name, slotType] of Object.entries(fromWizard.slotTypes)) {
        expect(fromTemplate.slotTypes[name], `slot type ${name}`).toEqual(slotType);
      }
      // Lex's own AMAZON.FallbackIntent comes with every locale; the template leaves it to Lex too.
      const wizardIntents = Object.fromEntries(
        Object.entries(fromWizard.intents).filter(
          ([name]) => name !== 'FallbackIntent' || name in fromTemplate.intents,
        ),
      );
      expect(Object.keys(fromTemplate.intents).sort()).toEqual(Object.keys(wizardIntents).sort());
      for (const [name, intent] of Object.entries(wizardIntents)) {
        expect(fromTemplate.intents[name], `intent ${name}`).toEqual(intent);
      }
    }
  });

  it('run the same code hook from the same alias name', () => {
    const live = Object.values(bot.aliases).find((a) => a.spec.botAliasName !== 'TestBotAlias')!;
    const alias = toModelApi(template.Resources.BotAlias!.Properties) as Record<string, Json>;
    expect(live.spec.botAliasName).toBe(alias.botAliasName);
    for (const setting of alias.botAliasLocaleSettings as { localeId: string; botAliasLocaleSetting: Json }[]) {
      const wizard = live.spec.botAliasLocaleSettings?.[setting.localeId];
      expect(setting.botAliasLocaleSetting).toEqual({
        ...wizard,
        codeHookSpecification: {
          lambdaCodeHook: { ...wizard?.codeHookSpecification?.lambdaCodeHook, lambdaARN: { Ref: 'CodeHookArn' } },
        },
      });
      expect(wizard?.codeHookSpecification?.lambdaCodeHook?.lambdaARN).toBe(CODE_HOOK);
    }
  });

  it('publish the same inbound contact flow, the alias and queue being what each deployment created', () => {
    const record = connect.findInstance(SEED.instanceId)!;
    const flow = template.Resources.InboundFlow!.Properties;
    const name = String((flow.Name as { 'Fn::Sub': string })['Fn::Sub']).replace('${BotName}', bot.spec.botName!);
    const published = record.flows.find((f) => f.name === name);
    expect(published, `a flow named ${name}`).toBeDefined();
    expect(published!.type).toBe(flow.Type);
    const live = Object.values(bot.aliases).find((a) => a.spec.botAliasName !== 'TestBotAlias')!;
    const [text, variables] = (flow.Content as { 'Fn::Sub': [string, Record<string, Json>] })['Fn::Sub'];
    expect(Object.keys(variables).sort()).toEqual(['AgentQueueArn', 'BotAliasArn']);
    const wizardFlow = JSON.parse(published!.content) as Json;
    const publishedAlias = JSON.stringify(wizardFlow).match(/arn:aws:lex:[^"]+bot-alias\/[^"]+/)?.[0];
    expect(publishedAlias).toMatch(
      new RegExp(`^arn:aws:lex:${REGION}:\\d{12}:bot-alias/${bot.botId}/${live.botAliasId}$`),
    );
    const fromTemplate = text
      .replaceAll('${BotAliasArn}', publishedAlias!)
      .replaceAll('${AgentQueueArn}', queueArn)
      .replaceAll('${!', '${');
    expect(JSON.parse(fromTemplate)).toEqual(wizardFlow);
  });
});
