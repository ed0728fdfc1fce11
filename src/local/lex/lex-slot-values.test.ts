import { describe, expect, it } from 'vitest';
import { classifyIntents } from './lex-nlu';
import { parseDate, parseNumber, resolveSlotValue, spelledAlphaNumeric, type SlotTypeModel } from './lex-slot-values';

const context = { now: new Date('2025-06-10T15:00:00Z'), timeZone: 'America/Los_Angeles' };
const size: SlotTypeModel = {
  kind: 'custom',
  name: 'PackageSize',
  resolutionStrategy: 'TopResolution',
  values: [
    { sampleValue: { value: 'LARGE' }, synonyms: [{ value: 'big' }, { value: 'suitcase size' }] },
    { sampleValue: { value: 'SMALL' }, synonyms: [{ value: 'envelope' }] },
  ],
};

describe('slot value resolution', () => {
  it('returns the canonical value of a TopResolution type from a synonym, a phrase or a typo, and nothing else', () => {
    // Prepare
    const said = ['big', 'a suitcase size box', 'an envelpe', 'purple'];
    // Act
    const values = said.map((t) => resolveSlotValue(size, t, context)?.interpretedValue);
    // Assess
    expect(values).toEqual(['LARGE', 'LARGE', 'SMALL', undefined]);
  });

  it('keeps what was said for OriginalValue, without lead-in words, and wants a spelling when extending AlphaNumeric', () => {
    // Prepare
    const address: SlotTypeModel = {
      kind: 'custom',
      name: 'AddressText',
      resolutionStrategy: 'OriginalValue',
      values: [],
    };
    const reference: SlotTypeModel = {
      ...address,
      name: 'BookingReference',
      parentSlotTypeSignature: 'AMAZON.AlphaNumeric',
    };
    // Act
    const spokenAddress = resolveSlotValue(address, "it's 500 Pine Street 98101.", context);
    const words = resolveSlotValue(reference, 'my parcel', context);
    const code = resolveSlotValue(reference, 'K7M 4XR 9', context);
    // Assess
    expect(spokenAddress).toEqual({
      originalValue: '500 Pine Street 98101',
      interpretedValue: '500 Pine Street 98101',
      resolvedValues: [],
    });
    expect(words).toBeUndefined();
    expect(code?.interpretedValue).toBe('K7M 4XR 9');
  });

  it('reads AlphaNumeric spellings with or without digits, and "as in" words only when spelling by word', () => {
    // Prepare
    const said = [
      'h x p t f f w',
      'HXP TFF W',
      "uh it's k seven m, four x r seven, thanks",
      'where is my parcel',
      'my box',
      'I want to make a complaint',
    ];
    const byWord = ['H as in hotel, X as in x-ray, P as in papa', 'hotel xray papa tango foxtrot foxtrot whiskey'];
    // Act
    const plain = said.map((t) => spelledAlphaNumeric(t));
    const words = byWord.map((t) => spelledAlphaNumeric(t, 'SpellByWord'));
    const wordsUnasked = byWord.map((t) => spelledAlphaNumeric(t));
    // Assess
    expect(plain).toEqual(['HXPTFFW', 'HXPTFFW', 'K7M4XR7', undefined, undefined, undefined]);
    expect(words).toEqual(['HXP', 'HXPTFFW']);
    expect(wordsUnasked).toEqual([undefined, undefined]);
  });

  it('resolves the built-ins the courier bot uses: numbers, dates relative to the caller, phone numbers', () => {
    // Prepare
    const builtin = (signature: string, t: string) =>
      resolveSlotValue({ kind: 'builtin', signature }, t, context)?.interpretedValue;
    // Act
    const numbers = [
      '12 kilograms',
      'two and a half',
      'one hundred and five',
      'three point five',
      'half a kilo',
      'a half',
    ].map((t) => parseNumber(t));
    const dates = ['today', 'tomorrow', 'friday', 'next tuesday', 'June 12th', '2025-07-01', 'the 3rd'].map((t) =>
      parseDate(t, context),
    );
    const phone = builtin('AMAZON.PhoneNumber', 'two oh six 555 0134');
    const none = builtin('AMAZON.Number', 'lots');
    // Assess
    expect(numbers).toEqual([12, 2.5, 105, 3.5, 0.5, 0.5]);
    expect(dates).toEqual([
      '2025-06-10',
      '2025-06-11',
      '2025-06-13',
      '2025-06-17',
      '2025-06-12',
      '2025-07-01',
      '2025-07-03',
    ]);
    expect(phone).toBe('2065550134');
    expect(none).toBeUndefined();
  });
});

describe('intent classification', () => {
  const intents = [
    { name: 'Book', utterances: ['book a courier', 'send a {Size} parcel'] },
    { name: 'Track', utterances: ['where is my parcel', 'track {Ref}'] },
  ];
  const accept = (_intent: string, slot: string, text: string) =>
    slot === 'Size'
      ? resolveSlotValue(size, text, context)
      : { originalValue: text, interpretedValue: text, resolvedValues: [] };

  it('scores a word-for-word match 1, a match with slots just below, and fills the slots', () => {
    // Prepare
    const said = ['Book a courier!', 'send a big parcel'];
    // Act
    const [exact, withSlot] = said.map((t) => classifyIntents(t, intents, accept)[0]);
    // Assess
    expect(exact).toMatchObject({ intent: 'Book', score: 1 });
    expect(withSlot?.intent).toBe('Book');
    expect(withSlot?.score).toBeCloseTo(0.97);
    expect(withSlot?.slots.Size?.interpretedValue).toBe('LARGE');
  });

  it('matches an utterance word for word when the caller adds hesitations or politeness around it', () => {
    // Prepare
    const said = ['agent please', 'um book a courier please', 'please send a big parcel'];
    const withAgent = [...intents, { name: 'Agent', utterances: ['agent', 'speak to an agent'] }];
    // Act
    const [agent, book, sized] = said.map((t) => classifyIntents(t, withAgent, accept)[0]);
    // Assess
    expect(agent).toMatchObject({ intent: 'Agent' });
    expect(agent?.score).toBeCloseTo(0.97);
    expect(book?.intent).toBe('Book');
    expect(book?.score).toBeGreaterThanOrEqual(0.9);
    expect(book?.score).toBeLessThan(1);
    expect(sized?.slots.Size?.interpretedValue).toBe('LARGE');
  });

  it('ranks partial matches by weighted word overlap, below any full match, and finds nothing in unrelated words', () => {
    // Prepare
    const said = ['could you tell me where my parcel is', 'bananas'];
    // Act
    const [partial, unrelated] = said.map((t) => classifyIntents(t, intents, accept));
    // Assess
    expect(partial?.[0]?.intent).toBe('Track');
    expect(partial?.[0]?.score).toBeGreaterThan(0.4);
    expect(partial?.[0]?.score).toBeLessThan(0.9);
    expect(unrelated).toEqual([]);
  });
});
