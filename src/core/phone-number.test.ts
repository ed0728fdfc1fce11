import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone-number';

describe('normalizePhone', () => {
  it.each([
    ['(206) 555-0134', '+12065550134'],
    ['206.555.0134', '+12065550134'],
    ['1 206 555 0134', '+12065550134'],
    ['+1 (206) 555-0134', '+12065550134'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
  ])('%s → %s', (input, e164) => {
    // Act / Assess
    expect(normalizePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each([
    ['', /empty/],
    ['555-0134', /wrong number of digits/],
    ['(106) 555-0134', /area code/],
    ['206-055-0134', /exchange|area code/],
    ['call me maybe', /not digits/],
    ['+1 206 555 01344', /wrong number of digits/],
  ])('rejects %s, saying how to fix it', (input, message) => {
    // Act
    const r = normalizePhone(input);
    // Assess
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
