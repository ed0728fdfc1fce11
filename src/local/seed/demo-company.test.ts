import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../core/business-calendar';
import { isProofKeyOf } from '../../core/proof';
import { seededRandom } from '../../core/seeded-random';
import { createLexiconSentimentAnalyzer } from '../../core/sentiment/lexicon-sentiment';
import { bookingToItem } from '../../data/item-codec';
import { bookingViolations } from '../../integrity/item-invariants';
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

describe('the demo company’s today', () => {
  it.each([
    ['America/Los_Angeles', '2025-06-10', 0, 10],
    ['America/Los_Angeles', '2025-06-10', 12, 0],
    ['Pacific/Kiritimati', '2025-06-10', 3, 0],
    ['Pacific/Pago_Pago', '2025-06-10', 23, 50],
  ])(
    'in %s on %s at %i:%i, files all of its 125 bookings on that day, in every status of a working day',
    async (zone, day, hour, minute) => {
      // Prepare
      const calendar = createBusinessCalendar(zone);
      const now = calendar.at(day, hour, minute);

      // Act
      const company = await generateDemoCompany({
        now,
        calendar,
        random: seededRandom(2026),
        sentiment: createLexiconSentimentAnalyzer(),
      });

      // Assess
      const today = company.bookings.filter((b) => calendar.dayOf(b.pickupWindow.start) === day);
      expect(today).toHaveLength(125);
      expect(new Set(today.map((b) => b.status))).toEqual(
        new Set(['BOOKED', 'COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'FAILED_DELIVERY', 'CANCELLED']),
      );
      expect(company.bookings.every((b) => b.history.every((e) => Date.parse(e.at) <= now.getTime()))).toBe(true);
    },
  );
});

describe('the demo company at any time of day', () => {
  it('keeps every booking whole, its history in time order, whatever the minute it is generated at', async () => {
    // Prepare: every 20 minutes of a day (the fuzz suite found histories out of order at some hours)
    const calendar = createBusinessCalendar('America/Los_Angeles');
    const times = Array.from({ length: 72 }, (_, i) => calendar.at('2025-06-10', Math.floor(i / 3), (i % 3) * 20 + 7));

    // Act
    const found: string[] = [];
    for (const now of times) {
      const company = await generateDemoCompany({
        now,
        calendar,
        random: seededRandom(2026),
        sentiment: createLexiconSentimentAnalyzer(),
        days: 2,
      });
      for (const booking of company.bookings) {
        const violations = bookingViolations(bookingToItem(booking, calendar), calendar);
        for (const v of violations) found.push(`${now.toISOString()} ${booking.reference}: ${v.message}`);
      }
    }

    // Assess
    expect(found.slice(0, 10)).toEqual([]);
  });
});
