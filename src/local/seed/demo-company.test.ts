import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../core/business-calendar';
import { isProofKeyOf } from '../../core/proof';
import { seededRandom } from '../../core/seeded-random';
import { createLexiconSentimentAnalyzer } from '../../core/sentiment/lexicon-sentiment';
import { generateDemoCompany } from './demo-company';

describe('the demo company’s signatures', () => {
  it('draws one SVG per signed delivery, stored under a key the proof rule accepts, the same on every run', async () => {
    // Prepare
    const options = {
      now: new Date('2025-06-10T15:00:00Z'),
      sentiment: createLexiconSentimentAnalyzer(),
      calendar: createBusinessCalendar('America/Los_Angeles'),
    };

    // Act
    const company = await generateDemoCompany({ ...options, random: seededRandom(2026) });
    const again = await generateDemoCompany({ ...options, random: seededRandom(2026) });

    // Assess
    const signed = company.bookings.flatMap((b) =>
      b.history.flatMap((e) => (e.proof?.signatureKey ? [{ reference: b.reference, key: e.proof.signatureKey }] : [])),
    );
    expect(signed.length).toBeGreaterThan(50);
    expect(signed.every(({ reference, key }) => isProofKeyOf(reference, key) && key.endsWith('.svg'))).toBe(true);
    expect(company.signatures.map((s) => s.key)).toEqual(signed.map((s) => s.key));
    expect(company.signatures.every((s) => s.svg.startsWith('<svg ') && s.svg.includes('<path d="M'))).toBe(true);
    expect(again.signatures).toEqual(company.signatures);
  });
});
