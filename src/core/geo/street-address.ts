// Parses a US address line ("1201 third avenue, suite 400") into house number, directional, street base
// name and street type, so spoken, typed and official forms of the same street compare equal.

export type Directional = 'N' | 'S' | 'E' | 'W' | 'NE' | 'NW' | 'SE' | 'SW';

export type ParsedStreet = {
  houseNumber?: number;
  directional?: Directional;
  /** Lower-case base name, ordinals as digits: "3rd", "45th", "pike", "martin luther king jr". */
  base: string;
  /** Canonical type: "St", "Ave", "Way"… */
  type?: string;
};

const DIRECTIONALS: Readonly<Record<string, Directional>> = {
  n: 'N',
  north: 'N',
  s: 'S',
  south: 'S',
  e: 'E',
  east: 'E',
  w: 'W',
  west: 'W',
  ne: 'NE',
  northeast: 'NE',
  nw: 'NW',
  northwest: 'NW',
  se: 'SE',
  southeast: 'SE',
  sw: 'SW',
  southwest: 'SW',
};

const TYPES: Readonly<Record<string, string>> = {
  st: 'St',
  str: 'St',
  street: 'St',
  ave: 'Ave',
  av: 'Ave',
  avn: 'Ave',
  avenue: 'Ave',
  way: 'Way',
  wy: 'Way',
  blvd: 'Blvd',
  boulevard: 'Blvd',
  pl: 'Pl',
  place: 'Pl',
  dr: 'Dr',
  drive: 'Dr',
  rd: 'Rd',
  road: 'Rd',
  pkwy: 'Pkwy',
  parkway: 'Pkwy',
  ln: 'Ln',
  lane: 'Ln',
  ct: 'Ct',
  court: 'Ct',
  ter: 'Ter',
  terrace: 'Ter',
  hwy: 'Hwy',
  highway: 'Hwy',
};

const UNIT_WORDS = new Set([
  'apt',
  'apartment',
  'suite',
  'ste',
  'unit',
  'fl',
  'floor',
  'rm',
  'room',
  'bldg',
  'building',
]);

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const ORDINAL_UNITS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
};
const ORDINAL_TEENS: Readonly<Record<string, number>> = {
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
};
const ORDINAL_TENS: Readonly<Record<string, number>> = {
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
};
const CARDINAL_TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** 1 → "1st", 12 → "12th", 23 → "23rd". */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/**
 * Reads a spelled ordinal at the start of `tokens` ("third", "twenty third", "one hundred fifth").
 * Returns its value and how many tokens it used.
 */
function spelledOrdinal(tokens: string[]): { value: number; used: number } | undefined {
  let i = 0;
  let hundreds = 0;
  const first = tokens[0];
  if (first !== undefined && tokens[1] === 'hundred') {
    const h = UNITS.indexOf(first);
    if (h > 0) {
      hundreds = h * 100;
      i = 2;
      if (tokens[i] === 'and') i++;
    }
  }
  const t = tokens[i];
  if (t === undefined) return undefined;
  const simple = ORDINAL_UNITS[t] ?? ORDINAL_TEENS[t] ?? ORDINAL_TENS[t];
  if (simple !== undefined) return { value: hundreds + simple, used: i + 1 };
  const tens = CARDINAL_TENS[t];
  const next = tokens[i + 1];
  if (tens !== undefined && next !== undefined && ORDINAL_UNITS[next] !== undefined) {
    return { value: hundreds + tens + (ORDINAL_UNITS[next] ?? 0), used: i + 2 };
  }
  return undefined;
}

function tokenize(line: string): string[] {
  return line
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[.,;:()]/g, ' ')
    .replace(/-/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

/** Canonical key of a parsed street (directional, base, type), used for exact comparisons. */
export function streetKey(p: ParsedStreet): string {
  return [p.directional ?? '', p.base, p.type ?? ''].join('|');
}

export function parseStreetLine(line: string): ParsedStreet {
  let tokens = tokenize(line);

  // Drop the unit: "#400", "suite 400", "apt 3b" and everything after it.
  const unitAt = tokens.findIndex((t, i) => t.startsWith('#') || (i > 0 && UNIT_WORDS.has(t)));
  if (unitAt >= 0) tokens = tokens.slice(0, unitAt);

  let houseNumber: number | undefined;
  const lead = tokens[0];
  const leadMatch = lead !== undefined ? /^(\d+)[a-z]?$/.exec(lead) : null;
  if (leadMatch && tokens.length > 1) {
    houseNumber = Number(leadMatch[1]);
    tokens = tokens.slice(1);
    if (tokens[0] === '1/2' || tokens[0] === 'half') tokens = tokens.slice(1);
  }

  // "Martin Luther King Junior Way" → "martin luther king jr way".
  tokens = tokens.map((t) => (t === 'junior' ? 'jr' : t));

  // Spelled ordinals and bare numbers become "3rd", "45th".
  const words: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const spelled = spelledOrdinal(tokens.slice(i));
    if (spelled) {
      words.push(ordinal(spelled.value));
      i += spelled.used;
      continue;
    }
    const t = tokens[i] ?? '';
    words.push(/^\d+$/.test(t) && TYPES[tokens[i + 1] ?? ''] !== undefined ? ordinal(Number(t)) : t);
    i++;
  }

  // Directionals: "north east" reads as NE; accept them before or after the name.
  const merged: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const next = words[i + 1];
    if ((w === 'north' || w === 'south') && (next === 'east' || next === 'west')) {
      merged.push(`${w}${next}`);
      i++;
    } else merged.push(w);
  }

  let directional: Directional | undefined;
  const firstWord = merged[0];
  const lastWord = merged[merged.length - 1];
  if (merged.length > 1 && lastWord !== undefined && DIRECTIONALS[lastWord]) {
    directional = DIRECTIONALS[lastWord];
    merged.pop();
  } else if (merged.length > 1 && firstWord !== undefined && DIRECTIONALS[firstWord]) {
    directional = DIRECTIONALS[firstWord];
    merged.shift();
  }

  let type: string | undefined;
  const maybeType = merged[merged.length - 1];
  if (merged.length > 1 && maybeType !== undefined && TYPES[maybeType]) {
    type = TYPES[maybeType];
    merged.pop();
  }
  // A directional after the type ("15th Ave NE") may also come before it ("NE 15th Ave"): already handled;
  // one left at the front after removing the type ("N 45th") is a prefix.
  const front = merged[0];
  if (!directional && merged.length > 1 && front !== undefined && DIRECTIONALS[front]) {
    directional = DIRECTIONALS[front];
    merged.shift();
  }

  const result: ParsedStreet = { base: merged.join(' ') };
  if (houseNumber !== undefined) result.houseNumber = houseNumber;
  if (directional) result.directional = directional;
  if (type) result.type = type;
  return result;
}

/** Levenshtein distance, capped: returns cap+1 as soon as the distance must exceed `cap`. */
export function editDistance(a: string, b: string, cap = 3): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length] ?? cap + 1;
}
