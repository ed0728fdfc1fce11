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

  it("marks the fields the API's refusal names, and describes a change in words", () => {
    // Act
    const refused = fieldsRefusedIn(
      'The settings has 2 problems: collectionHours.close (08:30) must be at least an hour after collectionHours.open (08:00). sameDayCutoff (19:00) is after collection closes.',
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
