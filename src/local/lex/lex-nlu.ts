// Intent classification from a bot's provisioned sample utterances: an utterance that matches word for word
// (its {Slot} placeholders filled by values the slot accepts) scores near 1; otherwise a weighted word-overlap
// F1 with one-typo tolerance, capped below any full match. Lex compares the best score with the locale's
// nluIntentConfidenceThreshold and falls back to FallbackIntent below it.
import { withinOneEdit, type ResolvedValue } from './lex-slot-values';

export type Token = { raw: string; norm: string };

const CONTRACTIONS: Readonly<Record<string, string[]>> = {
  "what's": ['what', 'is'],
  "where's": ['where', 'is'],
  "when's": ['when', 'is'],
  "it's": ['it', 'is'],
  "that's": ['that', 'is'],
  "i'm": ['i', 'am'],
  "i'd": ['i', 'would'],
  "i'll": ['i', 'will'],
  "i've": ['i', 'have'],
  "don't": ['do', 'not'],
  "doesn't": ['does', 'not'],
  "can't": ['can', 'not'],
  cannot: ['can', 'not'],
  "won't": ['will', 'not'],
  "isn't": ['is', 'not'],
  "hasn't": ['has', 'not'],
  "wasn't": ['was', 'not'],
  wanna: ['want', 'to'],
  gonna: ['going', 'to'],
};

/** Words that carry little meaning on their own; they count a quarter of a content word. */
const STOPWORDS: ReadonlySet<string> = new Set(
  'a an the i me my mine to is are am was it its of for and or on in at be can could would will you your please that this these do does did so um uh just some'.split(
    ' ',
  ),
);
const STOPWORD_WEIGHT = 0.25;
/**
 * Hesitations and politeness a caller wraps around a request ("um, agent please"): a sample utterance still
 * matches word for word without them, as Lex's NLU is not thrown by them.
 */
const DISFLUENCIES: ReadonlySet<string> = new Set(['um', 'uhm', 'uh', 'er', 'erm', 'hmm', 'please', 'oh', 'well']);
/** Scores of the word-overlap measure stay below this, so any full utterance match wins. */
const FUZZY_CAP = 0.9;

/** Words of the input, each with its original spelling (for slot values) and a normalized form (for matching). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const piece of text.replace(/[’‘]/g, "'").split(/\s+/)) {
    const raw = piece.replace(/^[^\p{L}\p{N}+]+|[^\p{L}\p{N}]+$/gu, '');
    if (raw === '') continue;
    const lower = raw.toLowerCase();
    const expanded = CONTRACTIONS[lower];
    if (expanded) {
      for (const word of expanded) tokens.push({ raw: word, norm: word });
      continue;
    }
    const norm = lower.replace(/[^\p{L}\p{N}']/gu, '');
    if (norm !== '') tokens.push({ raw, norm });
  }
  return tokens;
}

type Part = { kind: 'word'; norm: string } | { kind: 'slot'; name: string };

/** A sample utterance as words and {Slot} placeholders. */
export function parseUtterance(utterance: string): Part[] {
  const parts: Part[] = [];
  for (const piece of utterance.split(/(\{\w+\})/)) {
    const slot = /^\{(\w+)\}$/.exec(piece);
    if (slot?.[1]) parts.push({ kind: 'slot', name: slot[1] });
    else for (const token of tokenize(piece)) parts.push({ kind: 'word', norm: token.norm });
  }
  return parts;
}

/** Slot names an utterance refers to. */
export function utteranceSlots(utterance: string): string[] {
  return parseUtterance(utterance).flatMap((p) => (p.kind === 'slot' ? [p.name] : []));
}

function sameWord(a: string, b: string): 'exact' | 'fuzzy' | undefined {
  if (a === b) return 'exact';
  return a.length >= 5 && b.length >= 5 && withinOneEdit(a, b) ? 'fuzzy' : undefined;
}

/** Resolves a candidate value for a slot, or says the slot cannot take it. */
export type SlotAcceptor = (slotName: string, text: string) => ResolvedValue | undefined;

type TemplateMatch = { slots: Record<string, ResolvedValue>; fuzzyWords: number };

function matchParts(parts: Part[], tokens: Token[], accept: SlotAcceptor, i = 0, j = 0): TemplateMatch | undefined {
  if (i === parts.length) return j === tokens.length ? { slots: {}, fuzzyWords: 0 } : undefined;
  const part = parts[i];
  if (!part) return undefined;
  if (part.kind === 'word') {
    const token = tokens[j];
    const same = token ? sameWord(part.norm, token.norm) : undefined;
    if (!same) return undefined;
    const rest = matchParts(parts, tokens, accept, i + 1, j + 1);
    return rest && { ...rest, fuzzyWords: rest.fuzzyWords + (same === 'fuzzy' ? 1 : 0) };
  }
  for (let k = j + 1; k <= tokens.length; k++) {
    const value = accept(
      part.name,
      tokens
        .slice(j, k)
        .map((t) => t.raw)
        .join(' '),
    );
    if (!value) continue;
    const rest = matchParts(parts, tokens, accept, i + 1, k);
    if (rest) return { slots: { [part.name]: value, ...rest.slots }, fuzzyWords: rest.fuzzyWords };
  }
  return undefined;
}

const weight = (norm: string) => (STOPWORDS.has(norm) ? STOPWORD_WEIGHT : 1);

/** Weighted F1 of the utterance's words found in the input; words left over count half when slots could take them. */
function overlapScore(parts: Part[], tokens: Token[]): number {
  const words = parts.flatMap((p) => (p.kind === 'word' ? [p.norm] : []));
  const hasSlots = words.length < parts.length;
  const total = words.reduce((sum, w) => sum + weight(w), 0);
  if (total === 0 || tokens.length === 0) return 0;
  const used = new Set<number>();
  let found = 0;
  for (const word of words) {
    const at = tokens.findIndex((t, index) => !used.has(index) && sameWord(word, t.norm));
    if (at < 0) continue;
    used.add(at);
    found += weight(word) * (sameWord(word, tokens[at]?.norm ?? '') === 'exact' ? 1 : 0.8);
  }
  let matchedInput = 0;
  let unmatchedInput = 0;
  tokens.forEach((t, index) => {
    if (used.has(index)) matchedInput += weight(t.norm);
    else unmatchedInput += weight(t.norm) * (hasSlots ? 0.5 : 1);
  });
  const recall = found / total;
  const precision = matchedInput / (matchedInput + unmatchedInput);
  return recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision);
}

export type UtteranceScore = { score: number; slots: Record<string, ResolvedValue> };

/** How well the input matches one sample utterance, with the slot values a full match fills. */
export function scoreUtterance(utterance: string, tokens: Token[], accept: SlotAcceptor): UtteranceScore {
  const parts = parseUtterance(utterance);
  const full = matchParts(parts, tokens, accept);
  if (full) {
    const hasSlots = Object.keys(full.slots).length > 0;
    return { score: Math.max(0.9, 1 - (hasSlots ? 0.03 : 0) - 0.02 * full.fuzzyWords), slots: full.slots };
  }
  const spoken = parts.flatMap((p) => (p.kind === 'word' ? [p.norm] : []));
  const fluent = tokens.filter((t) => !DISFLUENCIES.has(t.norm) || spoken.includes(t.norm));
  const dropped = tokens.length - fluent.length;
  const withoutFillers = dropped > 0 && fluent.length > 0 ? matchParts(parts, fluent, accept) : undefined;
  if (withoutFillers) {
    const hasSlots = Object.keys(withoutFillers.slots).length > 0;
    const penalty = (hasSlots ? 0.03 : 0) + 0.02 * (withoutFillers.fuzzyWords + dropped);
    return { score: Math.max(0.9, 0.99 - penalty), slots: withoutFillers.slots };
  }
  return { score: Math.min(FUZZY_CAP, overlapScore(parts, tokens) * FUZZY_CAP), slots: {} };
}

export type IntentCandidate = { intent: string; score: number; slots: Record<string, ResolvedValue> };

/**
 * Every intent with sample utterances, scored by its best utterance, best first. `accept(intent, slot, text)`
 * resolves a placeholder's value with the slot's type.
 */
export function classifyIntents(
  text: string,
  intents: { name: string; utterances: string[] }[],
  accept: (intent: string, slotName: string, text: string) => ResolvedValue | undefined,
): IntentCandidate[] {
  const tokens = tokenize(text);
  if (tokens.length === 0) return [];
  const candidates: IntentCandidate[] = [];
  for (const intent of intents) {
    let best: UtteranceScore = { score: 0, slots: {} };
    for (const utterance of intent.utterances) {
      const scored = scoreUtterance(utterance, tokens, (slot, value) => accept(intent.name, slot, value));
      if (scored.score > best.score) best = scored;
      if (best.score === 1) break;
    }
    if (best.score > 0) candidates.push({ intent: intent.name, ...best });
  }
  return candidates.sort((a, b) => b.score - a.score);
}
