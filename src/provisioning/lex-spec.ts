// The bot definition (src/voice/bot-definition.ts) in Lex V2 model-API terms: the request bodies for slot
// types, intents and slots, a comparison that tells whether a found resource already matches, and a
// fingerprint of the whole bot that names the Lex version built from it.
import { createHash } from 'node:crypto';
import type {
  CreateIntentCommandInput,
  CreateSlotCommandInput,
  CreateSlotTypeCommandInput,
  MessageGroup,
} from '@aws-sdk/client-lex-models-v2';
import type {
  BotDefinition,
  IntentDefinition,
  Locale,
  PromptKey,
  Prompts,
  SlotDefinition,
  SlotTypeDefinition,
} from '../voice/bot-definition';
import { placeholdersOf } from '../voice/bot-definition';
import type { DeploymentSettings } from './deployment';

type WithoutScope<T> = Omit<T, 'botId' | 'botVersion' | 'localeId'>;
export type SlotTypeSpec = WithoutScope<CreateSlotTypeCommandInput>;
export type IntentSpec = WithoutScope<CreateIntentCommandInput>;
export type SlotSpec = Omit<WithoutScope<CreateSlotCommandInput>, 'intentId' | 'slotTypeId'> & {
  /** A custom slot type's name (resolved to its id when provisioning) or a built-in type. */
  slotTypeName: string;
};

export const DRAFT = 'DRAFT';

/** The trust policy that lets Lex V2 assume the bot's runtime role. */
export const LEX_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lexv2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** What the bot's role may do at run time: speak through Polly. */
export const LEX_ROLE_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['polly:SynthesizeSpeech'], Resource: '*' }],
});

/**
 * A prompt as Lex may store it. Lex reads `{Name}` in a message as a slot reference, so a sentence with a
 * placeholder only the code hook can fill ({reference}, {address}) is dropped: these texts are Lex's own
 * fallbacks, and the code hook speaks the full prompt with the values in it.
 */
export function lexMessageText(text: string, slotNames: readonly string[]): string {
  const known = new Set(slotNames);
  if (placeholdersOf(text).every((p) => known.has(p))) return text;
  const sentences = text.match(/[^.!?]+[.!?]*\s*/g) ?? [text];
  const kept = sentences
    .filter((s) => placeholdersOf(s).every((p) => known.has(p)))
    .join('')
    .trim();
  return kept || text.replace(/\{(\w+)\}/g, (whole, name: string) => (known.has(name) ? whole : name)).trim();
}

function messageGroups(text: string): MessageGroup[] {
  return [{ message: { plainTextMessage: { value: text } } }];
}

export function slotTypeSpec(type: SlotTypeDefinition, locale: Locale): SlotTypeSpec {
  const values = type.values[locale];
  return {
    slotTypeName: type.name,
    description: type.description,
    valueSelectionSetting: { resolutionStrategy: type.resolutionStrategy },
    // A type extending AMAZON.AlphaNumeric recognises any alphanumeric string: Lex takes no values for it.
    ...(type.parentSlotTypeSignature
      ? { parentSlotTypeSignature: type.parentSlotTypeSignature }
      : {
          slotTypeValues: values.map((v) => ({
            sampleValue: { value: v.value },
            ...(v.synonyms.length > 0 ? { synonyms: v.synonyms.map((value) => ({ value })) } : {}),
          })),
        }),
  };
}

export function intentSpec(intent: IntentDefinition, definition: BotDefinition, locale: Locale): IntentSpec {
  const prompts = definition.prompts[locale];
  const slotNames = intent.slots.map((s) => s.name);
  const text = (key: PromptKey) => lexMessageText(prompts[key], slotNames);
  const utterances = intent.name === 'FallbackIntent' ? [] : definition.utterances[locale][intent.name];
  return {
    intentName: intent.name,
    description: intent.description,
    ...(intent.parentIntentSignature ? { parentIntentSignature: intent.parentIntentSignature } : {}),
    ...(utterances.length > 0 ? { sampleUtterances: utterances.map((utterance) => ({ utterance })) } : {}),
    dialogCodeHook: { enabled: intent.dialogCodeHook },
    fulfillmentCodeHook: { enabled: intent.fulfillmentCodeHook },
    ...(intent.intentConfirmation
      ? {
          intentConfirmationSetting: {
            promptSpecification: {
              messageGroups: messageGroups(text(intent.intentConfirmation.prompt)),
              maxRetries: 2,
              allowInterrupt: true,
            },
            declinationResponse: {
              messageGroups: messageGroups(text(intent.intentConfirmation.declination)),
              allowInterrupt: true,
            },
          },
        }
      : {}),
  };
}

export function slotSpec(slot: SlotDefinition, intent: IntentDefinition, prompts: Prompts): SlotSpec {
  return {
    slotName: slot.name,
    slotTypeName: slot.slotType,
    valueElicitationSetting: {
      // The dialog code hook decides what to ask next, so Lex must never insist on a slot itself.
      slotConstraint: 'Optional',
      promptSpecification: {
        messageGroups: messageGroups(
          lexMessageText(
            prompts[slot.elicitationPrompt],
            intent.slots.map((s) => s.name),
          ),
        ),
        maxRetries: slot.maxRetries,
        allowInterrupt: true,
      },
    },
  };
}

/**
 * True when every field we would send is already so in `actual` (what a Describe call returned). Fields
 * Lex adds or defaults are ignored; arrays must match element for element.
 */
export function matchesSpec(desired: unknown, actual: unknown): boolean {
  if (desired === undefined) return true;
  if (Array.isArray(desired)) {
    return (
      Array.isArray(actual) && actual.length === desired.length && desired.every((d, i) => matchesSpec(d, actual[i]))
    );
  }
  if (desired !== null && typeof desired === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(desired).every(([k, v]) => matchesSpec(v, (actual as Record<string, unknown>)[k]));
  }
  return desired === actual;
}

/**
 * A short hash of everything that goes into the built bot. It is written into each version's description,
 * so a run whose bot is unchanged finds its version instead of building another.
 */
export function botFingerprint(definition: BotDefinition, settings: DeploymentSettings, roleArn: string): string {
  const locale = settings.localeId;
  const content = {
    bot: { roleArn, idle: definition.idleSessionTtlSeconds, childDirected: definition.childDirected },
    locale: { locale, voiceId: settings.voiceId, threshold: definition.locales[locale].nluIntentConfidenceThreshold },
    slotTypes: definition.slotTypes.map((t) => slotTypeSpec(t, locale)),
    intents: definition.intents.map((i) => ({
      intent: intentSpec(i, definition, locale),
      slots: i.slots.map((s) => slotSpec(s, i, definition.prompts[locale])),
    })),
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16);
}

export function versionDescription(fingerprint: string): string {
  return `Courier Voicebot definition ${fingerprint}`;
}

export function botAliasArn(region: string, accountId: string, botId: string, botAliasId: string): string {
  return `arn:aws:lex:${region}:${accountId}:bot-alias/${botId}/${botAliasId}`;
}

export function accountOfArn(arn: string): string {
  const account = arn.split(':')[4];
  if (!account) throw new Error(`Not an ARN with an account: ${arn}`);
  return account;
}
