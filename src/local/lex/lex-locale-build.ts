// What BuildBotLocale checks before a locale can run: the reasons a real build fails for the mistakes a
// provisioning script can make (dangling slot types, utterances naming missing slots, required slots without
// prompts, empty slot types, no intent to recognise).
import { FALLBACK_SIGNATURE, type LocaleModel, type LocaleRecord } from './lex-models-store';
import { utteranceSlots } from './lex-nlu';
import { BUILT_IN_SLOT_TYPES } from './lex-slot-values';

/** The locale's failureReasons; empty when it builds. */
export function buildFailures(locale: LocaleRecord | LocaleModel): string[] {
  const reasons: string[] = [];
  const intents = Object.values(locale.intents);
  const recognisable = intents.filter(
    (i) => i.spec.parentIntentSignature !== FALLBACK_SIGNATURE && (i.spec.sampleUtterances ?? []).length > 0,
  );
  if (recognisable.length === 0) {
    reasons.push(
      `Locale ${locale.localeId} has no intent with sample utterances besides AMAZON.FallbackIntent. Add an intent with at least one sample utterance.`,
    );
  }
  for (const slotType of Object.values(locale.slotTypes)) {
    const { spec } = slotType;
    const hasSource = spec.parentSlotTypeSignature || spec.externalSourceSetting || spec.compositeSlotTypeSetting;
    if (!hasSource && (spec.slotTypeValues ?? []).length === 0) {
      reasons.push(
        `Slot type '${spec.slotTypeName}' has no values. Give it slotTypeValues or a parentSlotTypeSignature.`,
      );
    }
  }
  for (const intent of intents) {
    const name = intent.spec.intentName;
    const slotsByName = new Map(Object.values(intent.slots).map((s) => [s.spec.slotName, s]));
    for (const sample of intent.spec.sampleUtterances ?? []) {
      for (const slotName of utteranceSlots(sample.utterance ?? '')) {
        if (!slotsByName.has(slotName)) {
          reasons.push(
            `Intent '${name}': sample utterance '${sample.utterance}' refers to slot '${slotName}', which the intent doesn't have. Create the slot or fix the utterance.`,
          );
        }
      }
    }
    for (const slot of Object.values(intent.slots)) {
      const typeId = slot.spec.slotTypeId ?? '';
      if (!BUILT_IN_SLOT_TYPES.has(typeId) && !locale.slotTypes[typeId]) {
        reasons.push(
          `Slot '${slot.spec.slotName}' of intent '${name}' uses slot type '${typeId}', which doesn't exist in locale ${locale.localeId}.`,
        );
      }
      const elicitation = slot.spec.valueElicitationSetting;
      if (elicitation?.slotConstraint === 'Required' && !elicitation.promptSpecification?.messageGroups?.length) {
        reasons.push(`Slot '${slot.spec.slotName}' of intent '${name}' is required but has no prompt.`);
      }
    }
    for (const priority of intent.slotPriorities) {
      if (!intent.slots[priority.slotId ?? '']) {
        reasons.push(`Intent '${name}' lists slot ${priority.slotId} in slotPriorities, but it has no such slot.`);
      }
    }
    const confirmation = intent.spec.intentConfirmationSetting;
    if (confirmation && confirmation.active !== false && !confirmation.promptSpecification?.messageGroups?.length) {
      reasons.push(`Intent '${name}' has a confirmation setting without a prompt.`);
    }
  }
  return reasons;
}
