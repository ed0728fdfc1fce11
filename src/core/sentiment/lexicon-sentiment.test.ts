import { describe, expect, it } from 'vitest';
import { analyzeSentiment, createLexiconSentimentAnalyzer } from './lexicon-sentiment';
import { SENTIMENT_LEXICON } from './sentiment-lexicon';

describe('lexicon', () => {
  it('has a few hundred words in [-5, 5], courier words included', () => {
    // Act
    const entries = Object.entries(SENTIMENT_LEXICON);
    // Assess
    expect(entries.length).toBeGreaterThanOrEqual(300);
    for (const [, v] of entries) expect(Math.abs(v)).toBeLessThanOrEqual(5);
    for (const w of ['late', 'damaged', 'lost', 'rude', 'friendly', 'on time'])
      expect(SENTIMENT_LEXICON[w]).toBeDefined();
    expect(SENTIMENT_LEXICON['late']).toBeLessThan(0);
    expect(SENTIMENT_LEXICON['on time']).toBeGreaterThan(0);
  });
});

describe('analyzeSentiment', () => {
  it.each([
    ['The courier was friendly and the parcel arrived on time.', 'POSITIVE'],
    ['Lost my parcel, absolutely terrible service', 'NEGATIVE'],
    ['The package never arrived', 'NEGATIVE'],
    ['Parcel delivered to the front desk.', 'NEUTRAL'],
    ['Friendly driver. Parcel damaged.', 'MIXED'],
  ] as const)('%s → %s', (text, label) => {
    // Act / Assess
    expect(analyzeSentiment(text).label).toBe(label);
  });

  it('flips negated words, with less force than the opposite word', () => {
    // Act
    const good = analyzeSentiment('good');
    const notGood = analyzeSentiment('not good');
    const notBad = analyzeSentiment("wasn't bad at all");
    // Assess
    expect(notGood.label).toBe('NEGATIVE');
    expect(Math.abs(notGood.score)).toBeLessThan(good.score);
    expect(notBad.label).toBe('POSITIVE');
  });

  it('ends negation at the clause and lets intensifiers scale', () => {
    // Act
    const scoped = analyzeSentiment('Not late. Friendly courier.');
    const plain = analyzeSentiment('the courier was rude');
    const very = analyzeSentiment('the courier was very rude');
    const slightly = analyzeSentiment('the courier was slightly rude');
    const shouted = analyzeSentiment('the courier was RUDE!!!');
    // Assess
    expect(scoped.label).toBe('POSITIVE');
    expect(very.score).toBeLessThan(plain.score);
    expect(slightly.score).toBeGreaterThan(plain.score);
    expect(shouted.score).toBeLessThan(plain.score);
  });

  it('weighs what follows "but" more', () => {
    // Act
    const r = analyzeSentiment('The driver was friendly but the parcel was damaged.');
    // Assess
    expect(r.label).toBe('NEGATIVE');
    expect(r.positive).toBeLessThan(r.negative);
  });

  it('keeps the score within [-1, 1] and at 0 for empty text', () => {
    // Act
    const extreme = analyzeSentiment('terrible awful horrible disgusting appalling abysmal '.repeat(20));
    const empty = analyzeSentiment('');
    // Assess
    expect(extreme.score).toBeGreaterThanOrEqual(-1);
    expect(extreme.score).toBeLessThan(-0.99);
    expect(empty).toMatchObject({ label: 'NEUTRAL', score: 0 });
  });
});

describe('createLexiconSentimentAnalyzer', () => {
  it('implements the port with label and score only', async () => {
    // Act
    const s = await createLexiconSentimentAnalyzer().analyze('Great job, thank you!');
    // Assess
    expect(Object.keys(s).sort()).toEqual(['label', 'score']);
    expect(s.label).toBe('POSITIVE');
  });
});
