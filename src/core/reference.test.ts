import { describe, expect, it } from 'vitest';
import {
  REFERENCE_ALPHABET,
  checkCharacter,
  describeReferenceProblem,
  generateFeedbackReference,
  generateReference,
  isValidReference,
  parseFeedbackReference,
  parseReference,
  requireReference,
  spellReference,
} from './reference';
import { ValidationError } from './errors';
import { seededRandom } from './seeded-random';

const N = REFERENCE_ALPHABET.length;
const sym = (v: number) => REFERENCE_ALPHABET[v] ?? '?';

/** A valid 7-symbol code with symbol `value` at `position` (the check position included). */
function codeWith(position: number, value: number, rest: number[]): string {
  const payload = rest.slice(0, 6).map(sym);
  if (position < 6) {
    payload[position] = sym(value);
    return payload.join('') + checkCharacter(payload.join(''));
  }
  // Choose the first payload symbol so that the check symbol comes out as `value`.
  for (let v = 0; v < N; v++) {
    payload[0] = sym(v);
    const p = payload.join('');
    if (checkCharacter(p) === sym(value)) return p + sym(value);
  }
  throw new Error('unreachable: every check value is reachable');
}

const dashed = (c: string) => `${c.slice(0, 3)}-${c.slice(3, 6)}-${c.slice(6)}`;

describe('reference alphabet', () => {
  it('has a prime number of symbols and none of the look-alikes', () => {
    // Prepare
    const banned = ['0', 'O', '1', 'I', 'L', '5', 'S', '2', 'Z', '8', 'B', 'G', 'Q', 'D', 'U', 'V', 'N'];
    // Act
    const isPrime = [...Array(N).keys()].slice(2).every((d) => N % d !== 0);
    // Assess
    expect(isPrime).toBe(true);
    for (const c of banned) expect(REFERENCE_ALPHABET).not.toContain(c);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(N);
  });
});

describe('check character', () => {
  it('detects every single-character substitution at every position, exhaustively', () => {
    // Prepare: the weighted sum is linear, so one base code per (position, original value) covers all codes
    const rnd = seededRandom(7);
    let checked = 0;
    for (let pos = 0; pos < 7; pos++) {
      for (let from = 0; from < N; from++) {
        const base = codeWith(
          pos,
          from,
          Array.from({ length: 6 }, () => rnd.int(N)),
        );
        expect(parseReference(base).ok).toBe(true);
        for (let to = 0; to < N; to++) {
          if (to === from) continue;
          // Act
          const typo = base.slice(0, pos) + sym(to) + base.slice(pos + 1);
          const parsed = parseReference(typo);
          // Assess
          expect(parsed).toEqual({ ok: false, reason: 'CHECK' });
          checked++;
        }
      }
    }
    expect(checked).toBe(7 * N * (N - 1));
  });

  it('detects every adjacent transposition of different characters, exhaustively', () => {
    // Prepare
    const rnd = seededRandom(11);
    let checked = 0;
    for (let pos = 0; pos < 6; pos++) {
      for (let a = 0; a < N; a++) {
        for (let b = 0; b < N; b++) {
          if (a === b) continue;
          const rest = Array.from({ length: 6 }, () => rnd.int(N));
          let code: string;
          if (pos + 1 < 6) {
            rest[pos] = a;
            rest[pos + 1] = b;
            const payload = rest.map(sym).join('');
            code = payload + checkCharacter(payload);
          } else {
            rest[5] = a;
            code = codeWith(6, b, rest);
            if (code[5] !== sym(a)) continue; // codeWith moved symbol 0 only; position 5 keeps `a`
          }
          // Act
          const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
          // Assess
          expect(parseReference(code).ok).toBe(true);
          expect(parseReference(swapped)).toEqual({ ok: false, reason: 'CHECK' });
          checked++;
        }
      }
    }
    expect(checked).toBe(6 * N * (N - 1));
  });
});

describe('generateReference', () => {
  it('makes grouped, valid references that differ from one another', () => {
    // Prepare
    const random = seededRandom(1);
    // Act
    const refs = Array.from({ length: 500 }, () => generateReference(random));
    // Assess
    for (const r of refs) {
      expect(r).toMatch(/^[34679ACEFHJKMPRTWXY]{3}-[34679ACEFHJKMPRTWXY]{3}-[34679ACEFHJKMPRTWXY]$/);
      expect(isValidReference(r)).toBe(true);
    }
    expect(new Set(refs).size).toBe(500);
  });

  it('is deterministic for a seeded source', () => {
    // Prepare / Act
    const a = generateReference(seededRandom(3));
    const b = generateReference(seededRandom(3));
    // Assess
    expect(a).toBe(b);
  });
});

describe('parseReference', () => {
  const valid = generateReference(seededRandom(5));
  const compact = valid.replace(/-/g, '');

  it('accepts what callers type: lower case, spaces, no dashes', () => {
    // Prepare
    const variants = [
      valid,
      compact,
      compact.toLowerCase(),
      ` ${compact.slice(0, 3)} ${compact.slice(3)} `,
      dashed(compact).toLowerCase(),
    ];
    // Act
    const parsed = variants.map(parseReference);
    // Assess
    for (const p of parsed) expect(p).toEqual({ ok: true, reference: valid });
  });

  it('rejects the wrong length, foreign characters and look-alikes instead of guessing', () => {
    // Prepare
    const withZero = `0${compact.slice(1)}`;
    const withO = `O${compact.slice(1)}`;
    // Act / Assess
    expect(parseReference(compact.slice(0, 6))).toEqual({ ok: false, reason: 'LENGTH' });
    expect(parseReference(`${compact}3`)).toEqual({ ok: false, reason: 'LENGTH' });
    expect(parseReference('')).toEqual({ ok: false, reason: 'LENGTH' });
    expect(parseReference(withZero)).toEqual({ ok: false, reason: 'CHARACTERS' });
    expect(parseReference(withO)).toEqual({ ok: false, reason: 'CHARACTERS' });
    expect(parseReference('OH-SEVEN')).toEqual({ ok: false, reason: 'CHARACTERS' });
  });

  it('explains each problem in words a caller understands', () => {
    // Act / Assess
    expect(describeReferenceProblem('LENGTH')).toMatch(/7 characters/);
    expect(describeReferenceProblem('CHARACTERS')).toMatch(/digits 3 4 6 7 9/);
    expect(describeReferenceProblem('CHECK')).toMatch(/swapped/);
  });
});

describe('requireReference', () => {
  it('returns the canonical form or a ValidationError on the named field', () => {
    // Prepare
    const valid = generateReference(seededRandom(9));
    // Act
    const ok = requireReference(valid.toLowerCase().replace(/-/g, ' '));
    const bad = (() => {
      try {
        requireReference('K7M-4XR-0', 'bookingReference');
      } catch (e) {
        return e;
      }
    })();
    // Assess
    expect(ok).toBe(valid);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).field).toBe('bookingReference');
    expect(() => requireReference(undefined)).toThrow(/required/);
    expect(() => requireReference(42)).toThrow(ValidationError);
  });
});

describe('feedback references', () => {
  it('carry an F- prefix and parse only with it', () => {
    // Prepare
    const ref = generateFeedbackReference(seededRandom(2));
    // Act
    const parsed = parseFeedbackReference(ref.toLowerCase().replace(/-/g, ''));
    // Assess
    expect(ref).toMatch(/^F-[34679ACEFHJKMPRTWXY]{3}-[34679ACEFHJKMPRTWXY]{3}-[34679ACEFHJKMPRTWXY]$/);
    expect(parsed).toEqual({ ok: true, reference: ref });
    expect(parseReference(ref)).toEqual({ ok: false, reason: 'LENGTH' });
    expect(parseFeedbackReference(ref.slice(2))).toEqual({ ok: false, reason: 'LENGTH' });
    const tampered = ref.slice(0, -1) + (ref.endsWith('3') ? '4' : '3');
    expect(parseFeedbackReference(tampered)).toEqual({ ok: false, reason: 'CHECK' });
  });
});

describe('spellReference', () => {
  it('spells each character for a voice prompt', () => {
    // Act
    const spoken = spellReference('K7M-4XR-9');
    // Assess
    expect(spoken).toEqual(['K as in kilo', 'seven', 'M as in mike', 'four', 'X as in x-ray', 'R as in romeo', 'nine']);
  });

  it('has a word for every symbol of the alphabet', () => {
    // Act
    const words = spellReference(REFERENCE_ALPHABET);
    // Assess
    words.forEach((w, i) => expect(w).not.toBe(REFERENCE_ALPHABET[i]));
  });
});
