// Lexicon-based sentiment (the SentimentAnalyzer port's local implementation): word valences with
// negation, intensifiers, contrast ("…, but …") and emphasis, folded into a label and a score in [-1, 1].
import type { Sentiment } from '../model';
import type { SentimentAnalyzer } from '../ports';
import { CONTRASTS, INTENSIFIERS, NEGATORS, SENTIMENT_LEXICON } from './sentiment-lexicon';

/** Normalisation constant of the score (as in VADER): a single strong word lands around ±0.6. */
const ALPHA = 15;
/** A negated word counts for less than its opposite would ("not bad" is not "good"). */
const NEGATION_FACTOR = -0.75;
const NEGATION_SCOPE = 3;
const LONGEST_PHRASE = 4;

type Token = { word: string; caps: boolean } | { punct: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /([A-Za-z][A-Za-z'’]*)|([.!?;,:]+)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[1] !== undefined) {
      const raw = m[1];
      tokens.push({
        word: raw.toLowerCase().replace(/['’]/g, ''),
        caps: raw.length > 2 && raw === raw.toUpperCase(),
      });
    } else if (m[2] !== undefined) tokens.push({ punct: m[2] });
  }
  return tokens;
}

/** Longest lexicon (or intensifier) phrase starting at i: its text and length in words. */
function phraseAt(
  words: (string | undefined)[],
  i: number,
  table: Readonly<Record<string, number>>,
): { key: string; length: number } | undefined {
  for (let n = LONGEST_PHRASE; n >= 1; n--) {
    const slice = words.slice(i, i + n);
    if (slice.length < n || slice.some((w) => w === undefined)) continue;
    const key = slice.join(' ');
    if (table[key] !== undefined) return { key, length: n };
  }
  return undefined;
}

export type SentimentBreakdown = Sentiment & { positive: number; negative: number };

/** Pure analysis, exposed with its positive and negative totals for tests and analytics. */
export function analyzeSentiment(text: string): SentimentBreakdown {
  const tokens = tokenize(text);
  const words = tokens.map((t) => ('word' in t ? t.word : undefined));
  let positive = 0;
  let negative = 0;
  let sentence: number[] = []; // contributions of the current sentence, re-weighted on a contrast
  let afterContrast = false;
  let negateFor = 0;
  let boost = 1;

  const closeSentence = () => {
    for (const v of sentence) {
      if (v > 0) positive += v;
      else negative -= v;
    }
    sentence = [];
    afterContrast = false;
  };

  for (let i = 0; i < tokens.length;) {
    const token = tokens[i];
    if (token === undefined) break;
    if ('punct' in token) {
      negateFor = 0;
      boost = 1;
      if (/[.!?;]/.test(token.punct)) closeSentence();
      i++;
      continue;
    }

    const phrase = phraseAt(words, i, SENTIMENT_LEXICON);
    if (phrase && phrase.length > 1) {
      i += phrase.length;
      sentence.push(weigh(SENTIMENT_LEXICON[phrase.key] ?? 0, false));
      continue;
    }
    if (CONTRASTS.has(token.word)) {
      sentence = sentence.map((v) => v * 0.5);
      afterContrast = true;
      negateFor = 0;
      i++;
      continue;
    }
    if (NEGATORS.has(token.word)) {
      negateFor = NEGATION_SCOPE;
      i++;
      continue;
    }
    const intensifier = phraseAt(words, i, INTENSIFIERS);
    const next = words[i + (intensifier?.length ?? 1)];
    if (intensifier && next !== undefined && (SENTIMENT_LEXICON[next] !== undefined || INTENSIFIERS[next])) {
      boost *= INTENSIFIERS[intensifier.key] ?? 1;
      i += intensifier.length;
      continue;
    }
    const value = SENTIMENT_LEXICON[token.word];
    if (value !== undefined && value !== 0) sentence.push(weigh(value, token.caps));
    if (negateFor > 0) negateFor--;
    i++;
  }
  closeSentence();

  function weigh(value: number, caps: boolean): number {
    let v = value * boost * (caps ? 1.3 : 1) * (afterContrast ? 1.5 : 1);
    if (negateFor > 0) {
      v *= NEGATION_FACTOR;
      negateFor = 0;
    }
    boost = 1;
    return v;
  }

  const exclamations = Math.min(3, (text.match(/!/g) ?? []).length);
  const emphasis = 1 + 0.1 * exclamations;
  positive *= emphasis;
  negative *= emphasis;

  const sum = positive - negative;
  const score = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + ALPHA)));
  const rounded = Math.round(score * 1000) / 1000;
  const strong = Math.max(positive, negative);
  const weak = Math.min(positive, negative);
  let label: Sentiment['label'];
  if (positive >= 1 && negative >= 1 && weak / strong >= 0.5) label = 'MIXED';
  else if (rounded >= 0.05) label = 'POSITIVE';
  else if (rounded <= -0.05) label = 'NEGATIVE';
  else label = 'NEUTRAL';
  return { label, score: Object.is(rounded, -0) ? 0 : rounded, positive, negative };
}

/** The SentimentAnalyzer port over the shipped lexicon: offline, deterministic. */
export function createLexiconSentimentAnalyzer(): SentimentAnalyzer {
  return {
    analyze: async (text) => {
      const { label, score } = analyzeSentiment(text);
      return { label, score };
    },
  };
}
