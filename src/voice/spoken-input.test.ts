import { describe, it, expect } from 'vitest';
import { generateReference } from '../core/reference';
import { seededRandom } from '../core/seeded-random';
import { parseSpokenAddress, parseSpokenNumber, parseSpokenReference, parseYesNo, pickValue } from './spoken-input';

describe('spoken input', () => {
  it('splits an address into the street line and the postcode', () => {
    // Act / Assess
    expect(parseSpokenAddress('1201 3rd Ave, Seattle, WA 98101')).toEqual({ line1: '1201 3rd Ave', postcode: '98101' });
    expect(parseSpokenAddress('3400 Stone Way North zip code 98103')).toEqual({
      line1: '3400 Stone Way North',
      postcode: '98103',
    });
    expect(parseSpokenAddress('500 Pine Street')).toEqual({ line1: '500 Pine Street' });
  });

  it('reads a reference spelled with the phonetic alphabet, grouped, or run together', () => {
    // Prepare
    const reference = generateReference(seededRandom(3));
    const spelled = [...reference.replace(/-/g, '')].map((c) => (/\d/.test(c) ? c : `${c} as in word`)).join(' ');
    // Act / Assess
    expect(parseSpokenReference(spelled)).toEqual({ ok: true, reference });
    expect(parseSpokenReference(`my reference is ${reference.toLowerCase().replace(/-/g, ' dash ')}`)).toEqual({
      ok: true,
      reference,
    });
    expect(parseSpokenReference(reference.replace(/-/g, ''))).toEqual({ ok: true, reference });
  });

  it('turns number and NATO words into symbols and refuses a wrong check character', () => {
    // Act / Assess
    expect(parseSpokenReference('kilo seven mike four x-ray romeo nine')).toMatchObject({ ok: false, reason: 'CHECK' });
    expect(parseSpokenReference('hello there')).toMatchObject({ ok: false });
  });

  it('understands yes and no, numbers and canonical slot values', () => {
    // Act / Assess
    expect(parseYesNo('Yeah sure')).toBe('YES');
    expect(parseYesNo('nope')).toBe('NO');
    expect(parseYesNo('maybe')).toBeUndefined();
    expect(parseSpokenNumber('2.5')).toBe(2.5);
    expect(parseSpokenNumber('four')).toBe(4);
    expect(pickValue('signature required', ['FRAGILE', 'SIGNATURE_REQUIRED'] as const)).toBe('SIGNATURE_REQUIRED');
    expect(pickValue('huge', ['LARGE'] as const)).toBeUndefined();
  });
});
