import { describe, expect, it } from 'vitest';
import { partnerIdFromName as apiPartnerIdFromName } from '../../../../core/partners';
import { checkPartnerDraft, fieldsNamedIn, partnerIdFromName, partnerIdOf } from './partner-draft';

describe('checkPartnerDraft', () => {
  it('turns a valid draft into the API input, leaving the id to the API when none is typed', () => {
    // Act
    const derived = checkPartnerDraft({ name: '  Acme   Retail ', contactEmail: ' ops@acme.example ', id: '' });
    const typed = checkPartnerDraft({ name: 'Acme Retail', contactEmail: 'ops@acme.example', id: 'Acme-UK' });
    // Assess
    expect(derived).toEqual({ ok: true, partner: { name: 'Acme Retail', contactEmail: 'ops@acme.example' } });
    expect(typed).toEqual({
      ok: true,
      partner: { name: 'Acme Retail', contactEmail: 'ops@acme.example', id: 'acme-uk' },
    });
  });

  it('names every wrong field with an example of what is expected', () => {
    // Act
    const checked = checkPartnerDraft({ name: 'A', contactEmail: 'not-an-email', id: '-bad-' });
    // Assess
    expect(checked).toEqual({
      ok: false,
      errors: {
        name: expect.stringMatching(/^Name must be 2 to 100 characters/),
        contactEmail: expect.stringMatching(/^Contact email must be an e-mail address/),
        id: expect.stringMatching(/^ID may use lower-case letters/),
      },
    });
  });

  it('asks for an id when the name gives none', () => {
    // Act
    const checked = checkPartnerDraft({ name: '!!!', contactEmail: 'ops@acme.example', id: '' });
    // Assess
    expect(checked).toEqual({ ok: false, errors: { id: expect.stringContaining('no usable id') } });
  });
});

describe('partnerIdOf', () => {
  it('prefers the typed id and otherwise derives one from the name as the API does', () => {
    // Act
    const ids = [
      partnerIdOf({ name: 'Acme Retail Ltd.', contactEmail: '', id: '' }),
      partnerIdOf({ name: 'Acme Retail Ltd.', contactEmail: '', id: ' ACME ' }),
    ];
    // Assess
    expect(ids).toEqual(['acme-retail-ltd', 'acme']);
  });
});

describe('partnerIdFromName', () => {
  it('derives the same id as the API for every kind of name', () => {
    // Prepare
    const names = [
      'Acme Retail Ltd.',
      '  Crème Brûlée & Co  ',
      'ÅngströmÆ Logistics',
      '---',
      '東京 Express 2',
      `${'Very Long Name '.repeat(8)}Inc`,
      'a-b--c',
    ];
    // Act
    const ours = names.map(partnerIdFromName);
    // Assess
    expect(ours).toEqual(names.map(apiPartnerIdFromName));
    expect(ours[0]).toBe('acme-retail-ltd');
  });
});

describe('fieldsNamedIn', () => {
  it('finds the fields the API names in its validation messages', () => {
    // Prepare
    const fields = ['id', 'name', 'contactEmail'] as const;
    // Act
    const one = fieldsNamedIn('contactEmail must be an e-mail address, e.g. integrations@acme.example.', fields);
    const two = fieldsNamedIn(
      'The partner has 2 problems: name: String must contain at least 2 character(s) id may use lower-case letters.',
      fields,
    );
    const none = fieldsNamedIn('A partner with id acme already exists.', fields);
    // Assess
    expect(one).toEqual(['contactEmail']);
    expect(two).toEqual(['id', 'name']);
    expect(none).toEqual([]);
  });
});
