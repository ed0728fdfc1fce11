// Slot value resolution as Lex V2 does it for the slot types a bot uses: custom types with values and synonyms
// (TopResolution returns the canonical value, OriginalValue what was said), and the AMAZON.* built-ins.
import type { SlotTypeValue } from '@aws-sdk/client-lex-models-v2';

/** Built-in slot types Lex V2 accepts as a slotTypeId or a parentSlotTypeSignature. */
export const BUILT_IN_SLOT_TYPES: ReadonlySet<string> = new Set([
  'AMAZON.AlphaNumeric',
  'AMAZON.City',
  'AMAZON.Confirmation',
  'AMAZON.Country',
  'AMAZON.Date',
  'AMAZON.Duration',
  'AMAZON.EmailAddress',
  'AMAZON.FirstName',
  'AMAZON.FreeFormInput',
  'AMAZON.LastName',
  'AMAZON.Number',
  'AMAZON.Percentage',
  'AMAZON.PhoneNumber',
  'AMAZON.SpeedUnit',
  'AMAZON.State',
  'AMAZON.StreetName',
  'AMAZON.Time',
  'AMAZON.UKPostalCode',
  'AMAZON.WeightUnit',
]);

/** What resolution needs to know of a slot type, custom or built in. */
export type SlotTypeModel =
  | { kind: 'builtin'; signature: string }
  | {
      kind: 'custom';
      name: string;
      resolutionStrategy: 'OriginalValue' | 'TopResolution' | 'Concatenation';
      values: SlotTypeValue[];
      parentSlotTypeSignature?: string;
      regexFilter?: string;
    };

/** A slot value in Lex V2's runtime shape. */
export type ResolvedValue = { originalValue: string; interpretedValue: string; resolvedValues: string[] };

export type ResolutionContext = { now: Date; timeZone: string };

/** Lower-case words without punctuation (apostrophes kept), for comparing what was said with values. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}'\s-]/gu, ' ')
    .replace(/-/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Levenshtein distance, capped: we only ever ask "is it at most 1". */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

const DIGIT_WORDS: Readonly<Record<string, string>> = {
  zero: '0',
  oh: '0',
  o: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
};

const SMALL_NUMBERS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** "12", "2.5", "twelve", "two and a half", "one hundred and five", "three point five" → a number. */
export function parseNumber(text: string): number | undefined {
  const digits = /-?\d+(?:[.,]\d+)?/.exec(text.replace(/(\d),(\d{3})/g, '$1$2'));
  if (digits) return Number(digits[0].replace(',', '.'));
  const words = normalizeText(text).split(' ');
  let total = 0;
  let current = 0;
  let seen = false;
  let decimals: string | undefined;
  for (const [i, word] of words.entries()) {
    if (decimals !== undefined) {
      const d = DIGIT_WORDS[word];
      if (d === undefined) break;
      decimals += d;
      continue;
    }
    const small = SMALL_NUMBERS[word];
    if (small !== undefined) {
      current += small;
      seen = true;
    } else if (word === 'hundred' && seen) current *= 100;
    else if (word === 'thousand' && seen) {
      total += current * 1000;
      current = 0;
    } else if (word === 'point' && seen) decimals = '';
    else if (word === 'half') {
      // "two and a half" adds a half; "half a kilo" and "a half" are a half on their own.
      current = seen ? current + 0.5 : 0.5;
      seen = true;
    } else if (word === 'a' && !seen && words[i + 1] === 'half') continue;
    else if (word === 'a' && !seen) {
      current = 1;
      seen = true;
    } else if (seen && word !== 'and' && word !== 'a') break;
  }
  if (!seen) return undefined;
  const whole = total + current;
  return decimals ? Number(`${whole}.${decimals}`) : whole;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** The calendar day (YYYY-MM-DD) in a time zone. */
export function localDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function isoDay(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day, 12));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}

/** AMAZON.Date: today, tomorrow, weekdays, "June 12", "12th of June", ISO and US numeric dates. */
export function parseDate(text: string, context: ResolutionContext): string | undefined {
  const today = localDate(context.now, context.timeZone);
  const t = normalizeText(text);
  const iso = /\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b/.exec(text);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (/\bday after tomorrow\b/.test(t)) return addDays(today, 2);
  if (/\b(today|tonight|now)\b/.test(t)) return today;
  if (/\btomorrow\b/.test(t)) return addDays(today, 1);
  if (/\byesterday\b/.test(t)) return addDays(today, -1);
  const [year, month] = today.split('-').map(Number) as [number, number];
  const upcoming = (m: number, d: number) => {
    const candidate = isoDay(year, m, d);
    if (!candidate) return undefined;
    return candidate < today ? isoDay(year + 1, m, d) : candidate;
  };
  const us = /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/.exec(text);
  if (us) {
    const y = us[3] ? Number(us[3].length === 2 ? `20${us[3]}` : us[3]) : undefined;
    return y ? isoDay(y, Number(us[1]), Number(us[2])) : upcoming(Number(us[1]), Number(us[2]));
  }
  const monthIndex = MONTHS.findIndex((m) => new RegExp(`\\b(${m}|${m.slice(0, 3)})\\b`).test(t));
  if (monthIndex >= 0) {
    const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/.exec(t);
    if (day) return upcoming(monthIndex + 1, Number(day[1]));
  }
  const weekday = WEEKDAYS.findIndex((w) => new RegExp(`\\b${w}\\b`).test(t));
  if (weekday >= 0) {
    const current = new Date(`${today}T12:00:00Z`).getUTCDay();
    let ahead = (weekday - current + 7) % 7;
    if (/\bnext\b/.test(t) && ahead === 0) ahead = 7;
    return addDays(today, ahead);
  }
  const ordinal = /\bthe (\d{1,2})(?:st|nd|rd|th)\b/.exec(t);
  if (ordinal) {
    const day = Number(ordinal[1]);
    const thisMonth = isoDay(year, month, day);
    if (thisMonth && thisMonth >= today) return thisMonth;
    return month === 12 ? isoDay(year + 1, 1, day) : isoDay(year, month + 1, day);
  }
  return undefined;
}

/** AMAZON.Time: "3 pm" → 15:00, "15:30", "noon"; parts of the day as Lex's codes (MO, AF, EV, NI). */
export function parseTime(text: string): string | undefined {
  const t = normalizeText(text.replace(/(\d):(\d)/g, '$1 $2'));
  if (/\bnoon|midday\b/.test(t)) return '12:00';
  if (/\bmidnight\b/.test(t)) return '00:00';
  const clock = /\b(\d{1,2})(?: (\d{2}))?(?: ?(am|pm|a m|p m))?\b/.exec(t);
  if (clock && (clock[2] || clock[3] || /:/.test(text))) {
    let hour = Number(clock[1]);
    const minute = clock[2] ? Number(clock[2]) : 0;
    const half = clock[3]?.replace(' ', '');
    if (half === 'pm' && hour < 12) hour += 12;
    if (half === 'am' && hour === 12) hour = 0;
    if (hour < 24 && minute < 60) return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  }
  if (/\bmorning\b/.test(t)) return 'MO';
  if (/\bafternoon\b/.test(t)) return 'AF';
  if (/\bevening\b/.test(t)) return 'EV';
  if (/\bnight\b/.test(t)) return 'NI';
  return undefined;
}

/** Letters and digits as spoken ("k seven m") run together and upper-cased ("K7M"). */
/** How Lex is told to listen for a slot (the dialog action's slotElicitationStyle). */
export type SpellingStyle = 'Default' | 'SpellByLetter' | 'SpellByWord';
export const SPELLING_STYLES: readonly SpellingStyle[] = ['Default', 'SpellByLetter', 'SpellByWord'];

/** The ICAO spelling alphabet, which spell-by-word understands alone as well as in "K as in kilo". */
const SPELLING_WORDS: Readonly<Record<string, string>> = Object.fromEntries(
  ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett', 'kilo', 'lima']
    .concat(['mike', 'november', 'oscar', 'papa', 'quebec', 'romeo', 'sierra', 'tango', 'uniform', 'victor'])
    .concat(['whiskey', 'xray', 'yankee', 'zulu'])
    .map((word) => [word, word.charAt(0)])
    .concat([
      ['juliet', 'j'],
      ['whisky', 'w'],
    ]),
);

/** The longest group of letters alone read as part of a spelling ("K7M 4XR" is said in threes). */
const MAX_LETTER_GROUP = 3;

/** Words around a spelled value that carry none of its characters. */
const SPELLING_FILLER = new Set([
  'please',
  'thanks',
  'thank',
  'you',
  'uh',
  'um',
  'er',
  'okay',
  'ok',
  'so',
  'and',
  'then',
  'dash',
  'hyphen',
  'space',
]);

/**
 * AMAZON.AlphaNumeric: the letters and digits a caller spelled, or undefined when the words are not a
 * spelling (so "where is my parcel" fills no reference). Characters may be said one by one or in short groups
 * ("k 7 m", "K7M 4XR 7", "HXP TFF W"), digits as words; with the SpellByWord style also as "K as in kilo" or as
 * the spelling alphabet's word alone ("kilo"). Words longer than a group, or only short words with no single
 * character, digit or spelling word among them ("my box"), are speech, not a spelling.
 */
export function spelledAlphaNumeric(text: string, style: SpellingStyle = 'Default'): string | undefined {
  let said = normalizeText(withoutLeadIn(text));
  if (style === 'SpellByWord') said = said.replace(/\bx ray\b/g, 'xray').replace(/\b([a-z0-9]) as in [a-z']+/g, '$1');
  const symbols: string[] = [];
  let spelled = false;
  for (const word of said.split(' ')) {
    if (word === '' || SPELLING_FILLER.has(word)) continue;
    const named = (style === 'SpellByWord' ? SPELLING_WORDS[word] : undefined) ?? DIGIT_WORDS[word];
    const symbol = named ?? word;
    if (!/^[\p{L}\p{N}]+$/u.test(symbol)) return undefined;
    const hasDigit = /\p{N}/u.test(symbol);
    if (!hasDigit && symbol.length > MAX_LETTER_GROUP) return undefined;
    spelled ||= named !== undefined || hasDigit || symbol.length === 1;
    symbols.push(symbol);
  }
  return spelled ? symbols.join('').toUpperCase() : undefined;
}

/** AMAZON.PhoneNumber: the digits said or typed, with a leading + kept. */
export function parsePhoneNumber(text: string): string | undefined {
  const spoken = normalizeText(text)
    .split(' ')
    .map((w) => DIGIT_WORDS[w] ?? w)
    .join(' ');
  const digits = spoken.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return undefined;
  return text.trim().startsWith('+') ? `+${digits}` : digits;
}

export function parseConfirmation(text: string): 'Yes' | 'No' | undefined {
  const t = normalizeText(text);
  if (
    /^(yes|yeah|yep|yup|sure|ok|okay|correct|right|go ahead|please do|absolutely|that's right|that is right)\b/.test(t)
  )
    return 'Yes';
  if (/^(no|nope|nah|not|negative|cancel|wrong|that's wrong|that is wrong)\b/.test(t)) return 'No';
  return undefined;
}

function resolveBuiltIn(
  signature: string,
  text: string,
  context: ResolutionContext,
  style: SpellingStyle,
): string | undefined {
  switch (signature) {
    case 'AMAZON.Number':
    case 'AMAZON.Percentage': {
      const n = parseNumber(text);
      return n === undefined ? undefined : String(n);
    }
    case 'AMAZON.Date':
      return parseDate(text, context);
    case 'AMAZON.Time':
      return parseTime(text);
    case 'AMAZON.PhoneNumber':
      return parsePhoneNumber(text);
    case 'AMAZON.Confirmation':
      return parseConfirmation(text);
    case 'AMAZON.AlphaNumeric':
      return spelledAlphaNumeric(text, style);
    default: {
      const value = text.trim();
      return value === '' ? undefined : value;
    }
  }
}

function containsPhrase(haystack: string, phrase: string): boolean {
  return phrase !== '' && ` ${haystack} `.includes(` ${phrase} `);
}

/** The canonical value a custom type's values or synonyms name in the text: whole match, then longest phrase. */
function matchCustomValue(values: SlotTypeValue[], text: string): string | undefined {
  const said = normalizeText(text);
  let best: { value: string; length: number } | undefined;
  for (const entry of values) {
    const value = entry.sampleValue?.value;
    if (!value) continue;
    const phrases = [value, ...(entry.synonyms ?? []).map((s) => s.value ?? '')].map(normalizeText);
    if (phrases.includes(said)) return value;
    for (const phrase of phrases) {
      if (containsPhrase(said, phrase) && phrase.length > (best?.length ?? 0)) best = { value, length: phrase.length };
    }
  }
  if (best) return best.value;
  const words = said.split(' ').filter((w) => w.length >= 4);
  for (const entry of values) {
    const value = entry.sampleValue?.value;
    if (!value) continue;
    const single = [value, ...(entry.synonyms ?? []).map((s) => s.value ?? '')]
      .map(normalizeText)
      .filter((p) => p.length >= 4 && !p.includes(' '));
    if (single.some((p) => words.some((w) => withinOneEdit(w, p)))) return value;
  }
  return undefined;
}

/**
 * The slot value for what was said, or undefined when the type cannot take it. A custom type that extends
 * AMAZON.AlphaNumeric only takes a spelling (spelledAlphaNumeric, in the style the slot is elicited with), so
 * "where is my parcel" is not read as a reference, and its regex filter applies to the spelled characters.
 */
export function resolveSlotValue(
  type: SlotTypeModel,
  text: string,
  context: ResolutionContext,
  style: SpellingStyle = 'Default',
): ResolvedValue | undefined {
  const originalValue = text.trim().replace(/[.?!]+$/, '');
  if (originalValue === '') return undefined;
  if (type.kind === 'builtin') {
    const interpreted = resolveBuiltIn(type.signature, originalValue, context, style);
    return interpreted === undefined
      ? undefined
      : { originalValue, interpretedValue: interpreted, resolvedValues: [interpreted] };
  }
  if (type.regexFilter) {
    const compact = type.parentSlotTypeSignature ? (spelledAlphaNumeric(originalValue, style) ?? '') : originalValue;
    if (!new RegExp(`^(?:${type.regexFilter})$`).test(compact)) return undefined;
  }
  const canonical = matchCustomValue(type.values, originalValue);
  if (canonical !== undefined) {
    const interpretedValue = type.resolutionStrategy === 'TopResolution' ? canonical : originalValue;
    return { originalValue, interpretedValue, resolvedValues: [canonical] };
  }
  if (type.resolutionStrategy === 'TopResolution') return undefined;
  if (
    type.parentSlotTypeSignature === 'AMAZON.AlphaNumeric' &&
    spelledAlphaNumeric(originalValue, style) === undefined
  ) {
    return undefined;
  }
  const value = withoutLeadIn(originalValue);
  return { originalValue: value, interpretedValue: value, resolvedValues: [] };
}

const LEAD_IN =
  /^(?:(?:um|uh|er|well|so|okay|ok),?\s+|(?:it's|it is|that's|that is|i said)\s+|(?:my|the)\s+[a-z]+(?:\s+[a-z]+)?\s+is\s+)/i;

/** "It's 500 Pine Street" → "500 Pine Street": Lex captures the value, not the words around it. */
export function withoutLeadIn(text: string): string {
  let value = text;
  for (let previous = ''; previous !== value;) {
    previous = value;
    const stripped = value.replace(LEAD_IN, '');
    if (stripped.trim() !== '') value = stripped;
  }
  return value.trim();
}

/**
 * True when the type takes almost any text (so a clear request for another intent should win over it). An
 * AlphaNumeric type takes only a spelling, so a spelled value said with another intent's carrier words ("my
 * reference is …" while a complaint asks for it) stays the value asked for.
 */
export function isCatchAll(type: SlotTypeModel): boolean {
  if (type.kind === 'builtin') {
    return ![
      'AMAZON.AlphaNumeric',
      'AMAZON.Number',
      'AMAZON.Date',
      'AMAZON.Time',
      'AMAZON.PhoneNumber',
      'AMAZON.Confirmation',
    ].includes(type.signature);
  }
  return type.resolutionStrategy !== 'TopResolution' && type.parentSlotTypeSignature !== 'AMAZON.AlphaNumeric';
}
