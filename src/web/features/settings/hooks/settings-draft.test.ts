import { describe, expect, it } from 'vitest';
import { checkSettingsDraft, describeChange, fieldsRefusedIn, type SettingsDraft } from './settings-draft';

const draft: SettingsDraft = {
  serviceArea: '981, 98052',
  collectionDays: ['SAT', 'MON'],
  open: '08:00',
  close: '18:00',
  sameDayCutoff: '',
  maxWeightKg: '30',
  maxOversizedWeightKg: '150',
  largestSize: 'OVERSIZED',
  requiredProof: ['RECIPIENT_NAME', 'SIGNATURE'],
};

describe('the settings form', () => {
  it('turns a valid draft into the rules the API takes, days in week order and no cut-off as null', () => {
    // Act
    const checked = checkSettingsDraft(draft);

    // Assess
    expect(checked).toEqual({
      ok: true,
      rules: {
        serviceArea: ['981', '98052'],
        collectionDays: ['MON', 'SAT'],
        collectionHours: { open: '08:00', close: '18:00' },
        sameDayCutoff: null,
        maxWeightKg: 30,
        maxOversizedWeightKg: 150,
        largestSize: 'OVERSIZED',
        requiredProof: ['SIGNATURE', 'RECIPIENT_NAME'],
      },
    });
  });

  it('names each field it cannot send, with how to fix it', () => {
    // Act
    const checked = checkSettingsDraft({
      ...draft,
      serviceArea: '981, Seattle',
      collectionDays: [],
      close: '6 pm',
      maxWeightKg: '',
    });

    // Assess
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.serviceArea).toMatch(/'Seattle' is not a ZIP code/);
    expect(checked.errors.collectionDays).toMatch(/at least one day/);
    expect(checked.errors.close).toMatch(/HH:MM/);
    expect(checked.errors.maxWeightKg).toMatch(/kilograms/);
    expect(checked.errors.open).toBeUndefined();
  });

  it('refuses a same-day cut-off after collection closes, and takes one at closing time or midnight', () => {
    // Act
    const late = checkSettingsDraft({ ...draft, close: '14:00', sameDayCutoff: '16:00' });
    const atClose = checkSettingsDraft({ ...draft, close: '14:00', sameDayCutoff: '14:00' });
    const midnight = checkSettingsDraft({ ...draft, close: '24:00', sameDayCutoff: '23:30' });

    // Assess
    expect(late.ok ? undefined : late.errors.sameDayCutoff).toBe(
      'The cut-off (16:00) is after collection closes (14:00): set it at or before 14:00, or leave it empty.',
    );
    expect(atClose.ok).toBe(true);
    expect(midnight.ok).toBe(true);
  });

  it("marks the fields the API's refusal names, and describes a change in words", () => {
    // Act
    const refused = fieldsRefusedIn(
      'The settings has 2 problems: collectionHours.close (08:30) must be at least an hour after collectionHours.open (08:00). sameDayCutoff (19:00) is after collectionHours.close (08:30); set it at or before 08:30, or to null for no cut-off.',
    );
    const text = describeChange({
      field: 'collectionHours',
      from: '{"open":"08:00","close":"18:00"}',
      to: '{"open":"10:00","close":"14:00"}',
    });

    // Assess
    expect(refused).toEqual(['open', 'close', 'sameDayCutoff']);
    expect(text).toBe('Collection hours: 08:00–18:00 → 10:00–14:00');
  });
});

describe('the proof of delivery setting', () => {
  it('reads as the admin ticked it in the history', () => {
    expect(describeChange({ field: 'requiredProof', from: '[]', to: '["PHOTO","RECIPIENT_NAME"]' })).toBe(
      'Proof of delivery: any one → Photo + Recipient’s name',
    );
    expect(fieldsRefusedIn('rules.requiredProof.0: requiredProof entries must be among SIGNATURE')).toEqual([
      'requiredProof',
    ]);
  });
});
