// Booking and feedback references: short codes that survive being read aloud on the phone and typed back.
import { ValidationError } from './errors';
import type { Random } from './ports';

/**
 * 19 symbols, a prime, so a weighted sum mod 19 catches every single substitution and every adjacent
 * transposition. Left out: 0/O/Q/D (look alike), 1/I/L, 2/Z, 5/S, 8/B, 6/G, U/V (look alike), N (sounds
 * like M), and the digits/letters that read as each other on a bad line.
 */
export const REFERENCE_ALPHABET = '34679ACEFHJKMPRTWXY';
const BASE = REFERENCE_ALPHABET.length;
const PAYLOAD_LENGTH = 6;
const LENGTH = PAYLOAD_LENGTH + 1;
/** Position weights 1..7: distinct and non-zero mod 19, so neighbours never share a weight. */
const WEIGHTS = [1, 2, 3, 4, 5, 6, 7] as const;
const FEEDBACK_PREFIX = 'F-';

const VALUE_OF: ReadonlyMap<string, number> = new Map([...REFERENCE_ALPHABET].map((c, i) => [c, i]));

export type ParsedReference =
  { ok: true; reference: string } | { ok: false; reason: 'LENGTH' | 'CHARACTERS' | 'CHECK' };

function symbol(value: number): string {
  const c = REFERENCE_ALPHABET[value];
  if (c === undefined) throw new RangeError(`No reference symbol for ${value}`);
  return c;
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** Multiplicative inverse mod the (prime) base, by Fermat: a^(p-2). */
function inverse(a: number): number {
  let result = 1;
  let base = mod(a, BASE);
  for (let e = BASE - 2; e > 0; e >>= 1) {
    if (e & 1) result = (result * base) % BASE;
    base = (base * base) % BASE;
  }
  return result;
}

const CHECK_WEIGHT = WEIGHTS[PAYLOAD_LENGTH];
const CHECK_WEIGHT_INVERSE = inverse(CHECK_WEIGHT);

/** The check symbol that makes the weighted sum of all seven symbols 0 mod 19. */
export function checkCharacter(payload: string): string {
  if (payload.length !== PAYLOAD_LENGTH) throw new RangeError(`Payload must have ${PAYLOAD_LENGTH} symbols`);
  let sum = 0;
  for (let i = 0; i < PAYLOAD_LENGTH; i++) {
    const v = VALUE_OF.get(payload[i] ?? '');
    if (v === undefined) throw new RangeError(`'${payload[i]}' is not a reference symbol`);
    sum += (WEIGHTS[i] ?? 0) * v;
  }
  return symbol(mod(-sum * CHECK_WEIGHT_INVERSE, BASE));
}

function group(compact: string): string {
  return `${compact.slice(0, 3)}-${compact.slice(3, 6)}-${compact.slice(6)}`;
}

function randomCompact(random: Random): string {
  let payload = '';
  for (let i = 0; i < PAYLOAD_LENGTH; i++) payload += symbol(random.int(BASE));
  return payload + checkCharacter(payload);
}

/** A well-formed reference (its check character is right), for examples in messages and descriptions. */
export const EXAMPLE_REFERENCE = 'K7M-4XR-7';

/** A fresh booking reference such as "K7M-4XR-7"; uniqueness is the repository's job (conditional create). */
export function generateReference(random: Random): string {
  return group(randomCompact(random));
}

/** A fresh feedback reference, "F-" plus a booking-style code, so the two can never be confused. */
export function generateFeedbackReference(random: Random): string {
  return FEEDBACK_PREFIX + generateReference(random);
}

function compactOf(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.·/]+/g, '');
}

function parseCompact(compact: string): ParsedReference {
  if (compact.length !== LENGTH) return { ok: false, reason: 'LENGTH' };
  let sum = 0;
  for (let i = 0; i < LENGTH; i++) {
    const v = VALUE_OF.get(compact[i] ?? '');
    if (v === undefined) return { ok: false, reason: 'CHARACTERS' };
    sum += (WEIGHTS[i] ?? 0) * v;
  }
  if (sum % BASE !== 0) return { ok: false, reason: 'CHECK' };
  return { ok: true, reference: group(compact) };
}

/**
 * Accepts a reference the way people give it (any case, spaces, dashes or none) and returns the canonical
 * form. Look-alikes such as O for 0 are rejected rather than guessed: a wrong guess would show someone
 * else's parcel.
 */
export function parseReference(input: string): ParsedReference {
  return parseCompact(compactOf(input));
}

/** As parseReference, for feedback references; the "F" prefix is required. */
export function parseFeedbackReference(input: string): ParsedReference {
  const compact = compactOf(input);
  if (!compact.startsWith('F') || compact.length !== LENGTH + 1) return { ok: false, reason: 'LENGTH' };
  const parsed = parseCompact(compact.slice(1));
  return parsed.ok ? { ok: true, reference: FEEDBACK_PREFIX + parsed.reference } : parsed;
}

export function isValidReference(input: string): boolean {
  return parseReference(input).ok;
}

/** What to tell a caller or typist whose reference was refused, by reason. */
export function describeReferenceProblem(reason: 'LENGTH' | 'CHARACTERS' | 'CHECK'): string {
  switch (reason) {
    case 'LENGTH':
      return `A booking reference has 7 characters, like ${EXAMPLE_REFERENCE}; please check it and try again.`;
    case 'CHARACTERS':
      return `A booking reference uses only the digits 3 4 6 7 9 and the letters ${REFERENCE_ALPHABET.slice(5)
        .split('')
        .join(' ')}; please check it and try again.`;
    case 'CHECK':
      return 'That reference does not add up: one character is probably wrong or two are swapped; please check it.';
  }
}

const SPOKEN: Readonly<Record<string, string>> = {
  '3': 'three',
  '4': 'four',
  '6': 'six',
  '7': 'seven',
  '9': 'nine',
  A: 'A as in alpha',
  C: 'C as in charlie',
  E: 'E as in echo',
  F: 'F as in foxtrot',
  H: 'H as in hotel',
  J: 'J as in juliett',
  K: 'K as in kilo',
  M: 'M as in mike',
  P: 'P as in papa',
  R: 'R as in romeo',
  T: 'T as in tango',
  W: 'W as in whiskey',
  X: 'X as in x-ray',
  Y: 'Y as in yankee',
};

/** One phrase per character, for a voice prompt that reads a reference back slowly and unambiguously. */
export function spellReference(reference: string): string[] {
  return [...compactOf(reference)].map((c) => SPOKEN[c] ?? c);
}

/**
 * The canonical reference from untrusted input, or a ValidationError on `field` that says what to fix,
 * raised before any lookup so a malformed reference never reaches storage.
 */
export function requireReference(input: unknown, field = 'reference'): string {
  if (typeof input !== 'string' || input.trim() === '') {
    throw new ValidationError(`${field} is required: give the booking reference, e.g. K7M-4XR-9.`, { field });
  }
  const parsed = parseReference(input);
  if (!parsed.ok) {
    throw new ValidationError(
      `'${input.trim()}' is not a valid booking reference. ${describeReferenceProblem(parsed.reason)}`,
      {
        field,
        resolution: 'Read the reference from the booking confirmation and try again.',
      },
    );
  }
  return parsed.reference;
}
