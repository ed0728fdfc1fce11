import { describe, it, expect } from 'vitest';
import {
  BOT_DEFINITION,
  INTENT_NAMES,
  LOCALES,
  SLOT_TYPE_NAMES,
  applyPromptOverrides,
  placeholdersOf,
  renderPrompt,
} from './bot-definition';

describe('bot definition', () => {
  it('has at least 15 distinct sample utterances for every intent but the fallback, per locale', () => {
    for (const locale of LOCALES) {
      for (const intent of INTENT_NAMES.filter((n) => n !== 'FallbackIntent')) {
        // Act
        const utterances = BOT_DEFINITION.utterances[locale][intent as Exclude<typeof intent, 'FallbackIntent'>];
        // Assess
        expect(new Set(utterances.map((u) => u.toLowerCase())).size, `${locale} ${intent}`).toBeGreaterThanOrEqual(15);
      }
    }
  });

  it('only refers to slots an intent has, and to slot types the bot defines or Lex builds in', () => {
    // Prepare
    const types = new Set<string>([...SLOT_TYPE_NAMES, 'AMAZON.Date', 'AMAZON.Number', 'AMAZON.PhoneNumber']);
    for (const intent of BOT_DEFINITION.intents) {
      const slots = new Set(intent.slots.map((s) => s.name));
      // Act
      const referenced =
        intent.name === 'FallbackIntent'
          ? []
          : BOT_DEFINITION.utterances.en_US[intent.name].flatMap((u) =>
              [...u.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''),
            );
      // Assess
      expect(
        referenced.filter((r) => !slots.has(r as never)),
        intent.name,
      ).toEqual([]);
      expect(
        intent.slots.filter((s) => !types.has(s.slotType)),
        intent.name,
      ).toEqual([]);
    }
  });

  it('gives every custom slot type values in every locale, with synonyms where the type resolves to one value', () => {
    for (const type of BOT_DEFINITION.slotTypes) {
      for (const locale of LOCALES) {
        // Act
        const values = type.values[locale];
        // Assess
        expect(values.length, type.name).toBeGreaterThan(0);
        if (type.resolutionStrategy === 'TopResolution') {
          expect(
            values.every((v) => v.synonyms.length > 0),
            type.name,
          ).toBe(true);
        }
      }
    }
  });

  it('has an intent for every name and a fallback built on AMAZON.FallbackIntent', () => {
    // Act
    const names = BOT_DEFINITION.intents.map((i) => i.name);
    // Assess
    expect(names).toEqual([...INTENT_NAMES]);
    expect(BOT_DEFINITION.intents.find((i) => i.name === 'FallbackIntent')?.parentIntentSignature).toBe(
      'AMAZON.FallbackIntent',
    );
  });
});

describe('applyPromptOverrides', () => {
  it('replaces the edited prompts and leaves the rest and the original alone', () => {
    // Act
    const edited = applyPromptOverrides(BOT_DEFINITION, { en_US: { goodbye: 'Bye for now!' } });
    // Assess
    expect(edited.prompts.en_US.goodbye).toBe('Bye for now!');
    expect(edited.prompts.en_US.help).toBe(BOT_DEFINITION.prompts.en_US.help);
    expect(BOT_DEFINITION.prompts.en_US.goodbye).toBe('Thank you for calling. Goodbye!');
  });

  it('ignores unknown keys, blank texts and edits that drop a placeholder', () => {
    // Act
    const edited = applyPromptOverrides(BOT_DEFINITION, {
      en_US: { nonsense: 'x', goodbye: '   ', bookingConfirmed: 'Booked, thanks!' },
    });
    // Assess
    expect(edited.prompts.en_US).toEqual(BOT_DEFINITION.prompts.en_US);
    expect(placeholdersOf(BOT_DEFINITION.prompts.en_US.bookingConfirmed)).toEqual(['reference']);
  });

  it('accepts an edit that keeps its placeholders', () => {
    // Act
    const edited = applyPromptOverrides(BOT_DEFINITION, {
      en_US: { bookingConfirmed: 'Done! Write down {reference}.' },
    });
    // Assess
    expect(edited.prompts.en_US.bookingConfirmed).toBe('Done! Write down {reference}.');
  });
});

describe('renderPrompt', () => {
  it('fills placeholders, leaves missing ones visible, and makes "a" agree with the value after it', () => {
    // Prepare
    const prompts = BOT_DEFINITION.prompts.en_US;
    // Act
    const oversized = renderPrompt(prompts, 'packageTooHeavy', { weight: 600, size: 'oversized' });
    const large = renderPrompt(prompts, 'packageTooHeavy', { weight: 90, size: 'large' });
    const missing = renderPrompt(prompts, 'packageTooHeavy', { weight: 90 });
    // Assess
    expect(oversized).toBe(
      "600 kilograms is too heavy for an oversized parcel. Let's try again. How big is the parcel?",
    );
    expect(large).toBe("90 kilograms is too heavy for a large parcel. Let's try again. How big is the parcel?");
    expect(missing).toContain('too heavy for a {size} parcel');
  });
});
