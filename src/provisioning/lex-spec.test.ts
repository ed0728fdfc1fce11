import { describe, expect, it } from 'vitest';
import { BOT_DEFINITION, applyPromptOverrides } from '../voice/bot-definition';
import { parseDeploymentSettings } from './deployment';
import { botFingerprint, lexMessageText, matchesSpec, slotTypeSpec } from './lex-spec';

describe('lex spec', () => {
  it('drops sentences whose placeholders only the code hook can fill, and keeps slot references', () => {
    // Act / Assess
    expect(lexMessageText('Booked. Your reference is {reference}. Repeat it?', [])).toBe('Booked. Repeat it?');
    expect(lexMessageText('Pickup at {PickupAddress}?', ['PickupAddress'])).toBe('Pickup at {PickupAddress}?');
  });

  it('matches a described resource that has every field we send, whatever Lex adds', () => {
    // Act / Assess
    expect(matchesSpec({ a: { b: [1, { c: 2 }] } }, { a: { b: [1, { c: 2, d: 3 }] }, e: 4 })).toBe(true);
    expect(matchesSpec({ a: [1, 2] }, { a: [1] })).toBe(false);
    expect(matchesSpec({ a: 'x' }, { a: 'y' })).toBe(false);
  });

  it('gives AlphaNumeric-based types no values and value types their synonyms', () => {
    // Prepare
    const reference = BOT_DEFINITION.slotTypes.find((t) => t.name === 'BookingReference')!;
    const size = BOT_DEFINITION.slotTypes.find((t) => t.name === 'PackageSize')!;

    // Act / Assess
    expect(slotTypeSpec(reference, 'en_US')).not.toHaveProperty('slotTypeValues');
    expect(slotTypeSpec(size, 'en_US').slotTypeValues?.[0]?.synonyms?.length).toBeGreaterThan(0);
  });

  it('changes the fingerprint when a prompt Lex stores changes, and only then', () => {
    // Prepare
    const settings = parseDeploymentSettings({ instanceId: 'i-1' });
    const edited = applyPromptOverrides(BOT_DEFINITION, { en_US: { askPickupAddress: 'Pickup address?' } });
    const role = 'arn:aws:iam::123456789012:role/r';

    // Act / Assess
    expect(botFingerprint(BOT_DEFINITION, settings, role)).toBe(botFingerprint(BOT_DEFINITION, settings, role));
    expect(botFingerprint(edited, settings, role)).not.toBe(botFingerprint(BOT_DEFINITION, settings, role));
  });
});
