// The courier bot as data: intents, slots, slot types and prompts, in Lex V2's own terms. One source for
// provisioning (CreateSlotType/CreateIntent), the local Lex emulator, the prompt editor and the code hook.
import { PROMPTS_EN_US } from './prompts-en-us';
import { SLOT_TYPES_EN_US, UTTERANCES_EN_US } from './utterances-en-us';

/** Lex V2 locale ids. Add a locale here, then give it prompts, slot types and utterances. */
export const LOCALES = ['en_US'] as const;
export type Locale = (typeof LOCALES)[number];

export const INTENT_NAMES = [
  'BookCourier',
  'TrackDelivery',
  'GiveFeedback',
  'RepeatReference',
  'Help',
  'SpeakToAgent',
  'Goodbye',
  'FallbackIntent',
] as const;
export type IntentName = (typeof INTENT_NAMES)[number];

export const SLOT_TYPE_NAMES = [
  'AddressText',
  'PackageSize',
  'SpecialHandling',
  'YesNo',
  'BookingReference',
  'PickupTimeWindow',
  'PersonName',
  'BookingField',
  'FeedbackType',
  'ComplaintCategory',
  'Severity',
  'Rating',
  'CommentText',
] as const;
export type CustomSlotTypeName = (typeof SLOT_TYPE_NAMES)[number];

/** Built-in Lex V2 slot types the bot uses. */
export type BuiltInSlotType = 'AMAZON.Date' | 'AMAZON.Number' | 'AMAZON.PhoneNumber';

/**
 * A custom slot type. `resolutionStrategy` is Lex V2's SlotValueSelectionSetting: TopResolution returns the
 * canonical value (so "big" arrives as LARGE), OriginalValue returns what the caller said (addresses, names).
 * `parentSlotTypeSignature` extends a built-in type (AMAZON.AlphaNumeric for references).
 */
export type SlotTypeDefinition = {
  name: CustomSlotTypeName;
  description: string;
  resolutionStrategy: 'OriginalValue' | 'TopResolution';
  parentSlotTypeSignature?: 'AMAZON.AlphaNumeric';
  /** Per locale: values with synonyms (TopResolution) or sample values that train recognition (OriginalValue). */
  values: Record<Locale, { value: string; synonyms: string[] }[]>;
};

export type SlotName =
  | 'PickupAddress'
  | 'DeliveryAddress'
  | 'PackageSize'
  | 'PackageWeight'
  | 'SpecialHandling'
  | 'PickupDay'
  | 'PickupTime'
  | 'CustomerName'
  | 'CallbackNumber'
  | 'FieldToChange'
  | 'WantsRepeat'
  | 'BookingReference'
  | 'WantsAgent'
  | 'WantsCourierContact'
  | 'FeedbackType'
  | 'Rating'
  | 'ComplaintCategory'
  | 'Severity'
  | 'Comment';

/**
 * A slot of an intent. Every slot is `Optional` to Lex because the dialog code hook decides what to elicit
 * next (Lex's own slot elicitation would ask in priority order and could not clarify an unknown address).
 */
export type SlotDefinition = {
  name: SlotName;
  slotType: CustomSlotTypeName | BuiltInSlotType;
  /** The prompt Lex would use when eliciting the slot itself (key into the prompts). */
  elicitationPrompt: PromptKey;
  maxRetries: number;
  /**
   * How Lex listens when the slot is elicited (the dialog action's slotElicitationStyle): SpellByWord for
   * references, so "K as in kilo" and the spelling alphabet are read as characters.
   */
  elicitationStyle?: 'SpellByLetter' | 'SpellByWord';
};

export type IntentDefinition = {
  name: IntentName;
  description: string;
  /** Lex V2 built-in parent, e.g. AMAZON.FallbackIntent (which has no sample utterances). */
  parentIntentSignature?: 'AMAZON.FallbackIntent';
  slots: SlotDefinition[];
  /** The Lambda is invoked on every turn (dialog code hook) and to fulfil (fulfillment code hook). */
  dialogCodeHook: boolean;
  fulfillmentCodeHook: boolean;
  /** Intent confirmation: the code hook sends ConfirmIntent with its own read-back, these are the fallbacks. */
  intentConfirmation?: { prompt: PromptKey; declination: PromptKey };
};

export type PromptKey = keyof typeof PROMPTS_EN_US;
export type Prompts = Record<PromptKey, string>;

export type BotDefinition = {
  name: string;
  description: string;
  /** Lex V2 idleSessionTTLInSeconds. */
  idleSessionTtlSeconds: number;
  /** COPPA flag Lex V2 requires on CreateBot. */
  childDirected: boolean;
  locales: Record<Locale, { voiceId: string; nluIntentConfidenceThreshold: number }>;
  slotTypes: SlotTypeDefinition[];
  intents: IntentDefinition[];
  utterances: Record<Locale, Record<Exclude<IntentName, 'FallbackIntent'>, string[]>>;
  prompts: Record<Locale, Prompts>;
};

const slot = (
  name: SlotName,
  slotType: SlotDefinition['slotType'],
  elicitationPrompt: PromptKey,
  elicitationStyle?: SlotDefinition['elicitationStyle'],
): SlotDefinition => ({
  name,
  slotType,
  elicitationPrompt,
  maxRetries: 2,
  ...(elicitationStyle ? { elicitationStyle } : {}),
});

const SLOT_TYPE_META: Record<CustomSlotTypeName, Omit<SlotTypeDefinition, 'name' | 'values'>> = {
  AddressText: {
    description: 'A street address as spoken: number, street and postcode',
    resolutionStrategy: 'OriginalValue',
  },
  PackageSize: { description: 'Parcel size class', resolutionStrategy: 'TopResolution' },
  SpecialHandling: { description: 'Special handling needs, or none', resolutionStrategy: 'TopResolution' },
  YesNo: { description: 'Yes or no', resolutionStrategy: 'TopResolution' },
  BookingReference: {
    description: 'A booking reference such as K7M-4XR-7, spelled or grouped',
    resolutionStrategy: 'OriginalValue',
    parentSlotTypeSignature: 'AMAZON.AlphaNumeric',
  },
  PickupTimeWindow: { description: 'Part of the day for the pickup', resolutionStrategy: 'TopResolution' },
  PersonName: { description: 'A caller name as spoken', resolutionStrategy: 'OriginalValue' },
  BookingField: { description: 'Which booking detail to change', resolutionStrategy: 'TopResolution' },
  FeedbackType: { description: 'Feedback or a complaint', resolutionStrategy: 'TopResolution' },
  ComplaintCategory: { description: 'What the complaint is about', resolutionStrategy: 'TopResolution' },
  Severity: { description: 'How serious the complaint is', resolutionStrategy: 'TopResolution' },
  Rating: { description: 'A rating from one to five', resolutionStrategy: 'TopResolution' },
  CommentText: { description: 'Free-form comment text', resolutionStrategy: 'OriginalValue' },
};

/** The bot as shipped; admins' prompt edits are applied on top with applyPromptOverrides. */
export const BOT_DEFINITION: BotDefinition = {
  name: 'CourierVoicebot',
  description: 'Book a courier, track a parcel and give feedback by phone',
  idleSessionTtlSeconds: 300,
  childDirected: false,
  locales: { en_US: { voiceId: 'Joanna', nluIntentConfidenceThreshold: 0.4 } },
  slotTypes: SLOT_TYPE_NAMES.map((name) => ({
    name,
    ...SLOT_TYPE_META[name],
    values: { en_US: SLOT_TYPES_EN_US[name] },
  })),
  intents: [
    {
      name: 'BookCourier',
      description: 'Book a courier to collect a parcel and deliver it',
      slots: [
        slot('PickupAddress', 'AddressText', 'askPickupAddress'),
        slot('DeliveryAddress', 'AddressText', 'askDeliveryAddress'),
        slot('PackageSize', 'PackageSize', 'askPackageSize'),
        slot('PackageWeight', 'AMAZON.Number', 'askPackageWeight'),
        slot('SpecialHandling', 'SpecialHandling', 'askSpecialHandling'),
        slot('PickupDay', 'AMAZON.Date', 'askPickupDay'),
        slot('PickupTime', 'PickupTimeWindow', 'askPickupTime'),
        slot('CustomerName', 'PersonName', 'askCustomerName'),
        slot('CallbackNumber', 'AMAZON.PhoneNumber', 'askCallbackNumber'),
        slot('FieldToChange', 'BookingField', 'askFieldToChange'),
        slot('WantsRepeat', 'YesNo', 'bookingConfirmed'),
      ],
      dialogCodeHook: true,
      fulfillmentCodeHook: true,
      intentConfirmation: { prompt: 'confirmBookingFallback', declination: 'askFieldToChange' },
    },
    {
      name: 'TrackDelivery',
      description: 'Tell the caller where their parcel is',
      slots: [
        slot('BookingReference', 'BookingReference', 'askTrackingReference', 'SpellByWord'),
        slot('WantsCourierContact', 'YesNo', 'offerCourierContact'),
        slot('WantsAgent', 'YesNo', 'offerAgentAfterFailures'),
      ],
      dialogCodeHook: true,
      fulfillmentCodeHook: true,
    },
    {
      name: 'GiveFeedback',
      description: 'Take feedback or a complaint about a completed delivery',
      slots: [
        slot('BookingReference', 'BookingReference', 'askFeedbackReference', 'SpellByWord'),
        slot('FeedbackType', 'FeedbackType', 'askFeedbackType'),
        slot('Rating', 'Rating', 'askRating'),
        slot('ComplaintCategory', 'ComplaintCategory', 'askComplaintCategory'),
        slot('Severity', 'Severity', 'askSeverity'),
        slot('Comment', 'CommentText', 'askFeedbackComment'),
        slot('WantsAgent', 'YesNo', 'offerAgentAfterFailures'),
      ],
      dialogCodeHook: true,
      fulfillmentCodeHook: true,
    },
    {
      name: 'RepeatReference',
      description: 'Read the last reference again',
      slots: [],
      dialogCodeHook: true,
      fulfillmentCodeHook: true,
    },
    { name: 'Help', description: 'What the bot can do', slots: [], dialogCodeHook: true, fulfillmentCodeHook: true },
    {
      name: 'SpeakToAgent',
      description: 'Hand the caller to a person',
      slots: [],
      dialogCodeHook: true,
      fulfillmentCodeHook: true,
    },
    { name: 'Goodbye', description: 'End the call', slots: [], dialogCodeHook: true, fulfillmentCodeHook: true },
    {
      name: 'FallbackIntent',
      description: 'Nothing matched',
      parentIntentSignature: 'AMAZON.FallbackIntent',
      slots: [],
      dialogCodeHook: true,
      fulfillmentCodeHook: true,
    },
  ],
  utterances: { en_US: UTTERANCES_EN_US },
  prompts: { en_US: PROMPTS_EN_US },
};

export type PromptOverrides = Partial<Record<Locale, Partial<Record<string, string>>>>;

/**
 * The definition with an admin's prompt edits applied. Unknown keys and blank texts are ignored, and a
 * placeholder the original needs ({reference}, {address}…) must survive the edit, or the edit is ignored:
 * a prompt that drops the reference would leave the caller without it.
 */
export function applyPromptOverrides(definition: BotDefinition, overrides: PromptOverrides): BotDefinition {
  const prompts = { ...definition.prompts };
  for (const locale of LOCALES) {
    const edits = overrides[locale];
    if (!edits) continue;
    const next: Prompts = { ...prompts[locale] };
    for (const [key, text] of Object.entries(edits)) {
      if (!(key in next) || typeof text !== 'string' || text.trim() === '') continue;
      const original = next[key as PromptKey];
      if (!placeholdersOf(original).every((p) => text.includes(`{${p}}`))) continue;
      next[key as PromptKey] = text.trim();
    }
    prompts[locale] = next;
  }
  return { ...definition, prompts };
}

export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');
}

/**
 * A prompt with its placeholders filled; a missing value leaves the placeholder visible rather than blank.
 * "a {size} parcel" becomes "an oversized parcel": the article agrees with the value put after it.
 */
export function renderPrompt(
  prompts: Prompts,
  key: PromptKey,
  values: Record<string, string | number | undefined> = {},
): string {
  return prompts[key].replace(/(\b[Aa] )?\{(\w+)\}/g, (whole, article: string | undefined, name: string) => {
    const v = values[name];
    if (v === undefined) return whole;
    const text = String(v);
    if (!article) return text;
    return `${/^[aeio]/i.test(text) ? `${article.trim()}n` : article.trim()} ${text}`;
  });
}
