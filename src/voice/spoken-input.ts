// What callers say, turned into values the core accepts: addresses, references, yes/no, numbers, windows.
import { parseReference, type ParsedReference } from '../core/reference';

/** A spoken address split into the street line and the postcode the gazetteer needs. */
export type SpokenAddress = { line1: string; postcode?: string };

const CITY_WORDS = /\b(seattle|washington|wa|usa|united states)\b/gi;

/** "1201 3rd Ave, Seattle, WA 98101" → { line1: "1201 3rd Ave", postcode: "98101" }. */
export function parseSpokenAddress(text: string): SpokenAddress {
  const zip = /\b(\d{5})(?:-\d{4})?\s*[.,]?\s*$/.exec(text.trim()) ?? /\b(98\d{3})\b/.exec(text);
  let line = text;
  if (zip?.[1]) line = line.replace(zip[0], ' ');
  line = line
    .replace(CITY_WORDS, ' ')
    .replace(/\b(zip code|post code|postcode|zip)\b/gi, ' ')
    .replace(/[,;]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return zip?.[1] ? { line1: line, postcode: zip[1] } : { line1: line };
}

const SPOKEN_SYMBOLS: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  alpha: 'A',
  bravo: 'B',
  charlie: 'C',
  delta: 'D',
  echo: 'E',
  foxtrot: 'F',
  golf: 'G',
  hotel: 'H',
  india: 'I',
  juliett: 'J',
  juliet: 'J',
  kilo: 'K',
  lima: 'L',
  mike: 'M',
  november: 'N',
  oscar: 'O',
  papa: 'P',
  quebec: 'Q',
  romeo: 'R',
  sierra: 'S',
  tango: 'T',
  uniform: 'U',
  victor: 'V',
  whiskey: 'W',
  whisky: 'W',
  xray: 'X',
  yankee: 'Y',
  zulu: 'Z',
};

/**
 * A reference as heard: "K as in kilo, seven, M…" or "k7m 4xr 9", checked by its check character. Filler
 * words are dropped; a word that is neither a symbol nor filler makes the reference unreadable (CHARACTERS).
 */
export function parseSpokenReference(text: string): ParsedReference {
  const words = text
    .toLowerCase()
    .replace(/\bx-ray\b/g, 'xray')
    .replace(/\b(\w) as in [a-z-]+/g, '$1')
    .replace(
      /\b(my|the|reference|booking|number|is|it's|its|dash|hyphen|space|please|thanks|thank|you|code|uh|um|er|okay|ok|so|and|then)\b/g,
      ' ',
    )
    .split(/[\s,.-]+/)
    .filter((w) => w !== '');
  const compact = words.map((w) => SPOKEN_SYMBOLS[w] ?? w).join('');
  return parseReference(compact);
}

export function parseYesNo(value: string | undefined): 'YES' | 'NO' | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if (/^(yes|yeah|yep|yup|sure|ok|okay|please|correct|right|go ahead|y)\b/.test(v)) return 'YES';
  if (/^(no|nope|nah|not|n)\b/.test(v)) return 'NO';
  return undefined;
}

/** A number as Lex's AMAZON.Number resolves it ("2.5"), or a plain spoken one ("two"). */
export function parseSpokenNumber(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const digits = /-?\d+(?:\.\d+)?/.exec(value.replace(/,/g, ''));
  if (digits) return Number(digits[0]);
  const word = SPOKEN_SYMBOLS[value.trim().toLowerCase()];
  return word !== undefined && /^\d$/.test(word) ? Number(word) : undefined;
}

/** A slot value resolved to one of `allowed` (TopResolution gives the canonical value; be lenient on case). */
export function pickValue<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const v = value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return allowed.find((a) => a === v);
}
