import { describe, expect, it } from 'vitest';
import { editDistance, ordinal, parseStreetLine } from './street-address';

describe('parseStreetLine', () => {
  it.each([
    ['1201 3rd Ave', { houseNumber: 1201, base: '3rd', type: 'Ave' }],
    ['1201 Third Avenue, Suite 400', { houseNumber: 1201, base: '3rd', type: 'Ave' }],
    ['4500 university way north east', { houseNumber: 4500, base: 'university', type: 'Way', directional: 'NE' }],
    ['1705 N. 45th Street #2', { houseNumber: 1705, base: '45th', type: 'St', directional: 'N' }],
    ['NE 45 St', { base: '45th', type: 'St', directional: 'NE' }],
    ['2000 twenty-third ave e', { houseNumber: 2000, base: '23rd', type: 'Ave', directional: 'E' }],
    ['10500 one hundred fifth st', { houseNumber: 10500, base: '105th', type: 'St' }],
    [
      '6500 Martin Luther King Junior Way South',
      { houseNumber: 6500, base: 'martin luther king jr', type: 'Way', directional: 'S' },
    ],
    ['Broadway E', { base: 'broadway', directional: 'E' }],
    ['1201A 3rd Ave Apt 5', { houseNumber: 1201, base: '3rd', type: 'Ave' }],
    ['  ', { base: '' }],
  ])('%s', (line, expected) => {
    // Act
    const parsed = parseStreetLine(line);
    // Assess
    expect(parsed).toEqual(expected);
  });
});

describe('ordinal / editDistance', () => {
  it('forms English ordinals and measures typos', () => {
    // Act / Assess
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
    expect(editDistance('wallingford', 'wallingfrod')).toBe(2);
    expect(editDistance('pike', 'pike')).toBe(0);
    expect(editDistance('california', 'ca', 2)).toBe(3);
    expect(editDistance('stone', 'stine')).toBe(1);
  });
});
