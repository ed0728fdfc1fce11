// Amazon Connect as code: the CloudFormation stack (Lex V2 bot, version, live alias with the code hook, the
// Connect association and the inbound contact flow) generated from the very bot definition, Lex request
// bodies and contact-flow content the provisioning wizard uses (src/provisioning), so the two ways of
// deploying the voicebot cannot describe different bots. `npm run synth` writes it to
// infra-cfn/templates/connect.template.json and fails when the committed file has drifted.
import { BOT_DEFINITION, LOCALES, type BotDefinition, type Locale } from '../src/voice/bot-definition';
import { parseDeploymentSettings, type DeploymentSettings } from '../src/provisioning/deployment';
import { voicebotFlowContent } from '../src/provisioning/flow-content';
import {
  DRAFT,
  LEX_ROLE_POLICY,
  LEX_TRUST_POLICY,
  botFingerprint,
  intentSpec,
  slotSpec,
  slotTypeSpec,
  versionDescription,
} from '../src/provisioning/lex-spec';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where the generated template lives, relative to the repository root. */
export const CONNECT_TEMPLATE_PATH = 'infra-cfn/templates/connect.template.json';

/**
 * Values that stand for what only CloudFormation knows (the alias CloudFormation creates, the queue given as a
 * parameter) while the wizard's flow builder, which insists on well-formed ARNs, writes the flow. They are then
 * swapped for `${…}` references of an Fn::Sub, so the flow text in the template is the builder's own output.
 */
export const FLOW_PLACEHOLDERS = {
  botAliasArn: { value: 'arn:aws:lex:xx-flow-1:000000000000:bot-alias/BOTIDPLACE/ALIASPLACE', variable: 'BotAliasArn' },
  queueArn: {
    value: 'arn:aws:connect:xx-flow-1:000000000000:instance/instance-placeholder/queue/queue-placeholder',
    variable: 'AgentQueueArn',
  },
} as const;

/** The Lex model API's camelCase request bodies in CloudFormation's PascalCase resource properties. */
const RENAMED_KEYS: Readonly<Record<string, string>> = { messageGroups: 'MessageGroupsList' };
/** Enum values CloudFormation's AWS::Lex::Bot spells differently from the model API. */
const RENAMED_VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  resolutionStrategy: { OriginalValue: 'ORIGINAL_VALUE', TopResolution: 'TOP_RESOLUTION' },
};

export function toCloudFormation(value: unknown): Json {
  if (Array.isArray(value)) return value.map(toCloudFormation);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([key, v]) => [
          RENAMED_KEYS[key] ?? key.charAt(0).toUpperCase() + key.slice(1),
          typeof v === 'string' && RENAMED_VALUES[key]?.[v] !== undefined
            ? RENAMED_VALUES[key][v]
            : toCloudFormation(v),
        ]),
    );
  }
  return value as Json;
}

function slotTypeProperties(definition: BotDefinition, locale: Locale): Json[] {
  return definition.slotTypes.map((type) => {
    const { slotTypeName, ...rest } = slotTypeSpec(type, locale);
    return { Name: slotTypeName ?? type.name, ...(toCloudFormation(rest) as Record<string, Json>) };
  });
}

function intentProperties(definition: BotDefinition, locale: Locale): Json[] {
  const prompts = definition.prompts[locale];
  return definition.intents.map((intent) => {
    const { intentName, ...rest } = intentSpec(intent, definition, locale);
    const slots = intent.slots.map((slot) => {
      const { slotName, slotTypeName, ...slotRest } = slotSpec(slot, intent, prompts);
      return {
        Name: slotName ?? slot.name,
        SlotTypeName: slotTypeName,
        ...(toCloudFormation(slotRest) as Record<string, Json>),
      };
    });
    return {
      Name: intentName ?? intent.name,
      ...(toCloudFormation(rest) as Record<string, Json>),
      ...(slots.length > 0
        ? {
            Slots: slots,
            // The wizard sets the same priorities once the slots exist (steps/intents.ts): their order.
            SlotPriorities: intent.slots.map((slot, i) => ({ Priority: i + 1, SlotName: slot.name })),
          }
        : {}),
    };
  });
}

/** The flow the wizard writes for `settings`, with the alias and queue left as Fn::Sub variables. */
export function flowContentTemplate(settings: DeploymentSettings): string {
  const content = voicebotFlowContent({
    botAliasArn: FLOW_PLACEHOLDERS.botAliasArn.value,
    queueArn: FLOW_PLACEHOLDERS.queueArn.value,
    settings,
  });
  // Fn::Sub reads every "${" as a reference: the flow's own must be written "${!" to stay literal.
  let text = content.replaceAll('${', '${!');
  for (const placeholder of Object.values(FLOW_PLACEHOLDERS)) {
    if (!text.includes(placeholder.value)) throw new Error(`the contact flow no longer holds ${placeholder.variable}`);
    text = text.replaceAll(placeholder.value, `\${${placeholder.variable}}`);
  }
  return text;
}

/** The CloudFormation template of the voicebot's Lex and Connect resources. */
export function buildConnectTemplate(definition: BotDefinition = BOT_DEFINITION): Record<string, Json> {
  // The wizard's defaults for everything the admin may leave empty; the bot name is a stack parameter.
  const settings = parseDeploymentSettings({ instanceId: 'cloudformation' });
  const locales = LOCALES;
  const fingerprint = botFingerprint(definition, settings, 'cloudformation:BotRole');
  const sub = (text: string): Json => ({ 'Fn::Sub': text });
  const ref = (name: string): Json => ({ Ref: name });
  const getAtt = (resource: string, attribute: string): Json => ({ 'Fn::GetAtt': [resource, attribute] });

  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description:
      'Courier Voicebot on Amazon Connect: the Lex V2 bot, its version and live alias with the code hook, the ' +
      'association with an existing Connect instance and the inbound contact flow. GENERATED by ' +
      'infra-cfn/connect-stack.ts from src/voice and src/provisioning (the wizard uses the same): do not edit.',
    Metadata: { BotDefinitionFingerprint: fingerprint },
    Parameters: {
      BotName: {
        Type: 'String',
        Description: 'The Lex bot name (the wizard default is the definition name; one bot per environment).',
        AllowedPattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$',
        Default: settings.botName,
      },
      ConnectInstanceArn: {
        Type: 'String',
        Description: 'The existing Amazon Connect instance (arn:<partition>:connect:<region>:<account>:instance/<id>).',
        AllowedPattern: '^arn:aws[a-z-]*:connect:[a-z0-9-]+:\\d{12}:instance/[A-Za-z0-9-]+$',
      },
      AgentQueueArn: {
        Type: 'String',
        Description: 'The queue the flow transfers to when a caller asks for a person or the bot fails.',
        AllowedPattern: '^arn:aws[a-z-]*:connect:[a-z0-9-]+:\\d{12}:instance/[A-Za-z0-9-]+/queue/[A-Za-z0-9-]+$',
      },
      CodeHookArn: {
        Type: 'String',
        Description: "The lex-codehook function's live alias (from SSM /courier/<env>/amplify/code-hook-alias-arn).",
      },
    },
    Resources: {
      // Same trust and permissions as the wizard's bot role (src/provisioning/lex-spec.ts).
      BotRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          Description: 'Lex V2 runs the courier bot as this role (speech through Polly)',
          AssumeRolePolicyDocument: JSON.parse(LEX_TRUST_POLICY) as Json,
          Policies: [{ PolicyName: 'polly-synthesize-speech', PolicyDocument: JSON.parse(LEX_ROLE_POLICY) as Json }],
        },
      },
      Bot: {
        Type: 'AWS::Lex::Bot',
        Properties: {
          Name: ref('BotName'),
          Description: definition.description,
          RoleArn: getAtt('BotRole', 'Arn'),
          DataPrivacy: { ChildDirected: definition.childDirected },
          IdleSessionTTLInSeconds: definition.idleSessionTtlSeconds,
          AutoBuildBotLocales: true,
          BotLocales: locales.map((locale) => ({
            LocaleId: locale,
            Description: `${definition.description} (${locale})`,
            NluConfidenceThreshold: definition.locales[locale].nluIntentConfidenceThreshold,
            VoiceSettings: { VoiceId: definition.locales[locale].voiceId },
            SlotTypes: slotTypeProperties(definition, locale),
            Intents: intentProperties(definition, locale),
          })),
        },
      },
      // A new version whenever the definition changes: its description carries the definition's fingerprint.
      BotVersion: {
        Type: 'AWS::Lex::BotVersion',
        Properties: {
          BotId: ref('Bot'),
          Description: versionDescription(fingerprint),
          BotVersionLocaleSpecification: locales.map((locale) => ({
            LocaleId: locale,
            BotVersionLocaleDetails: { SourceBotVersion: DRAFT },
          })),
        },
      },
      BotAlias: {
        Type: 'AWS::Lex::BotAlias',
        Properties: {
          BotId: ref('Bot'),
          BotAliasName: settings.botAliasName,
          BotVersion: getAtt('BotVersion', 'BotVersion'),
          Description: sub('${BotName} for Amazon Connect'),
          BotAliasLocaleSettings: locales.map((locale) => ({
            LocaleId: locale,
            BotAliasLocaleSetting: {
              Enabled: true,
              CodeHookSpecification: {
                LambdaCodeHook: { LambdaArn: ref('CodeHookArn'), CodeHookInterfaceVersion: '1.0' },
              },
            },
          })),
        },
      },
      CodeHookInvokedByBot: {
        Type: 'AWS::Lambda::Permission',
        Properties: {
          Action: 'lambda:InvokeFunction',
          FunctionName: ref('CodeHookArn'),
          Principal: 'lexv2.amazonaws.com',
          SourceArn: getAtt('BotAlias', 'Arn'),
        },
      },
      ConnectAssociation: {
        Type: 'AWS::Connect::IntegrationAssociation',
        Properties: {
          InstanceId: ref('ConnectInstanceArn'),
          IntegrationType: 'LEX_BOT',
          IntegrationArn: getAtt('BotAlias', 'Arn'),
        },
      },
      InboundFlow: {
        Type: 'AWS::Connect::ContactFlow',
        DependsOn: ['ConnectAssociation'],
        Properties: {
          InstanceArn: ref('ConnectInstanceArn'),
          Name: sub(`\${BotName} inbound`),
          Type: 'CONTACT_FLOW',
          State: 'ACTIVE',
          Description: sub('Inbound calls to ${BotName}'),
          Content: {
            'Fn::Sub': [
              flowContentTemplate(settings),
              {
                [FLOW_PLACEHOLDERS.botAliasArn.variable]: getAtt('BotAlias', 'Arn'),
                [FLOW_PLACEHOLDERS.queueArn.variable]: ref('AgentQueueArn'),
              },
            ],
          },
        },
      },
    },
    Outputs: {
      BotId: { Value: ref('Bot') },
      BotAliasId: { Value: getAtt('BotAlias', 'BotAliasId') },
      BotAliasArn: { Value: getAtt('BotAlias', 'Arn') },
      ContactFlowArn: { Value: getAtt('InboundFlow', 'ContactFlowArn') },
      LocaleId: { Value: settings.localeId },
    },
  };
}

/** The file's text: stable key order and a trailing newline, so drift shows as a plain diff. */
export function connectTemplateText(): string {
  return `${JSON.stringify(buildConnectTemplate(), null, 2)}\n`;
}
