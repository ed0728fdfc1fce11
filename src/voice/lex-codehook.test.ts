import { describe, it, expect } from 'vitest';
import type { LexV2Event, LexV2Result } from 'aws-lambda';
import { lexEvent, type LexEventOptions } from '../../tests/events/lex-event';
import { generateReference } from '../core/reference';
import { seededRandom } from '../core/seeded-random';
import { BOT_DEFINITION } from './bot-definition';
import {
  CALLER_ATTRIBUTE,
  OUTCOME_ATTRIBUTE,
  STATE_ATTRIBUTE,
  TRANSFER_REASON_ATTRIBUTE,
  createLexCodeHook,
  decodeSession,
  MAX_SLOT_VALUE_CHARS,
  MAX_TRANSCRIPT_CHARS,
} from './lex-codehook';
import { say } from './speech';
import { makeVoiceWorld } from './testing/voice-world';

/** Lex's limit on session attributes (keys and values together). */
const LEX_SESSION_ATTRIBUTE_LIMIT = 12 * 1024;

function attributeBytes(result: LexV2Result): number {
  return Object.entries(result.sessionState.sessionAttributes ?? {}).reduce(
    (sum, [k, v]) => sum + Buffer.byteLength(k) + Buffer.byteLength(v),
    0,
  );
}

/** Plays events in order, carrying session attributes from each response into the next event. */
async function call(hook: (e: LexV2Event) => Promise<LexV2Result>, events: LexV2Event[]) {
  const results: LexV2Result[] = [];
  let attributes: Record<string, string> = events[0]?.sessionState.sessionAttributes ?? {};
  for (const event of events) {
    event.sessionState.sessionAttributes = { ...attributes };
    const result = await hook(event);
    results.push(result);
    attributes = result.sessionState.sessionAttributes ?? {};
  }
  return results;
}

const booking = () => [
  lexEvent({
    intent: 'BookCourier',
    slots: { PickupAddress: '1201 3rd Ave 98101', DeliveryAddress: '3400 Stone Way N 98103' },
    sessionAttributes: { [CALLER_ATTRIBUTE]: '+1 206 555 0134' },
  }),
  lexEvent({
    intent: 'BookCourier',
    slots: { PackageSize: ['a big box', 'LARGE'], PackageWeight: '12', SpecialHandling: 'NONE' },
  }),
  lexEvent({ intent: 'BookCourier', slots: { PickupTime: ['as soon as possible', 'ASAP'] } }),
  lexEvent({ intent: 'BookCourier', slots: { CustomerName: 'Grace Hopper' } }),
];

describe('Lex V2 code hook', () => {
  it('answers with ElicitSlot, the intent in progress with its slots cleared, and an SSML message', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const hook = createLexCodeHook(deps);
    // Act
    const result = await hook(lexEvent({ intent: 'BookCourier', inputTranscript: 'I need a courier' }));
    // Assess
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'PickupAddress' });
    expect(result.sessionState.intent?.name).toBe('BookCourier');
    expect(result.sessionState.intent?.state).toBe('InProgress');
    const slots = result.sessionState.intent?.slots ?? {};
    expect(Object.keys(slots)).toEqual(
      BOT_DEFINITION.intents.find((i) => i.name === 'BookCourier')?.slots.map((s) => s.name),
    );
    expect(Object.values(slots).every((s) => s === null)).toBe(true);
    expect(result.messages).toEqual([
      { contentType: 'SSML', content: expect.stringMatching(/^<speak>Where should .*<\/speak>$/) },
    ]);
    expect(decodeSession(result.sessionState.sessionAttributes?.[STATE_ATTRIBUTE])).toMatchObject({ turn: 1 });
  });

  it('uses the resolved slot value and the caller number from the contact flow', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const hook = createLexCodeHook(deps);
    // Act
    const results = await call(hook, booking());
    // Assess
    const last = results.at(-1);
    expect(last?.sessionState.dialogAction).toEqual({ type: 'ConfirmIntent' });
    expect(last?.messages?.[0]).toMatchObject({
      contentType: 'SSML',
      content: expect.stringContaining('a large parcel of 12 kilograms'),
    });
    expect(decodeSession(last?.sessionState.sessionAttributes?.[STATE_ATTRIBUTE]).caller).toBe('+12065550134');
  });

  it('books once however often Lex repeats the fulfilment, and keeps session attributes small', async () => {
    // Prepare
    const { deps, world } = makeVoiceWorld();
    const hook = createLexCodeHook(deps);
    const results = await call(hook, booking());
    const fulfil = lexEvent({
      intent: 'BookCourier',
      confirmationState: 'Confirmed',
      invocationSource: 'FulfillmentCodeHook',
      sessionAttributes: results.at(-1)?.sessionState.sessionAttributes,
    });
    // Act
    const first = await hook(structuredClone(fulfil));
    const repeated = await hook(structuredClone(fulfil));
    // Assess
    expect(world.bookings.all()).toHaveLength(1);
    expect(repeated.messages).toEqual(first.messages);
    expect(first.messages?.[0]).toMatchObject({
      content: expect.stringContaining(world.bookings.all()[0]?.reference ?? '-'),
    });
    const largest = Math.max(...[...results, first].map(attributeBytes));
    expect(largest).toBeLessThan(LEX_SESSION_ATTRIBUTE_LIMIT / 10);
  });

  it('closes with an apology and a transfer the contact flow can branch on when storage fails', async () => {
    // Prepare
    const { deps, logged } = makeVoiceWorld();
    const broken = {
      ...deps,
      bookings: { ...deps.bookings, get: () => Promise.reject(new Error('DynamoDB is down')) },
    };
    const hook = createLexCodeHook(broken);
    const reference = generateReference(seededRandom(5));
    // Act
    const result = await hook(lexEvent({ intent: 'TrackDelivery', slots: { BookingReference: reference } }));
    // Assess
    expect(result.sessionState.dialogAction).toEqual({ type: 'Close' });
    expect(result.sessionState.intent).toMatchObject({ name: 'TrackDelivery', state: 'Failed' });
    expect(result.sessionState.sessionAttributes).toMatchObject({
      [OUTCOME_ATTRIBUTE]: 'TRANSFER',
      [TRANSFER_REASON_ATTRIBUTE]: 'FAULT',
    });
    expect(result.messages?.[0]?.contentType).toBe('SSML');
    expect(JSON.stringify(result)).not.toMatch(/DynamoDB|stack|Error/);
    expect(logged.some((l) => l.level === 'error')).toBe(true);
  });

  it('answers with the apology and a transfer once a turn outlasts its budget, then lets the slow work finish', async () => {
    // Prepare: a table that answers only after 10 s, as DynamoDB under a latency fault.
    const { deps, logged } = makeVoiceWorld();
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow = {
      ...deps,
      bookings: { ...deps.bookings, get: async (ref: string) => (await held, deps.bookings.get(ref)) },
    };
    const hook = createLexCodeHook(slow, BOT_DEFINITION, { turnBudgetMs: 200 });
    const reference = generateReference(seededRandom(5));

    // Act
    const started = performance.now();
    const result = await hook(lexEvent({ intent: 'TrackDelivery', slots: { BookingReference: reference } }));
    const took = performance.now() - started;
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));

    // Assess
    expect(took).toBeGreaterThanOrEqual(195);
    expect(took).toBeLessThan(1_000);
    expect(result.sessionState.sessionAttributes).toMatchObject({
      [OUTCOME_ATTRIBUTE]: 'TRANSFER',
      [TRANSFER_REASON_ATTRIBUTE]: 'FAULT',
    });
    expect(result.messages?.[0]).toMatchObject({
      content: expect.stringContaining('something went wrong on our side'),
    });
    expect(logged.map((l) => l.message)).toEqual(
      expect.arrayContaining([
        'lex code hook turn over its budget: the caller is transferred',
        'lex code hook turn finished after the caller was transferred',
      ]),
    );
  });

  it('answers a turn within its budget as usual, with no timer left behind', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const hook = createLexCodeHook(deps, BOT_DEFINITION, { turnBudgetMs: 60_000 });

    // Act
    const started = performance.now();
    const result = await hook(lexEvent({ intent: 'BookCourier', inputTranscript: 'I need a courier' }));

    // Assess: a timer left running would hold the answer (or the process) for a minute.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.sessionState.dialogAction?.type).toBe('ElicitSlot');
  });

  it('still answers with an apology and a transfer when the event itself is malformed', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const hook = createLexCodeHook(deps);
    // Act
    const result = await hook({ sessionId: 'x' } as unknown as LexV2Event);
    // Assess
    expect(result.sessionState.dialogAction).toEqual({ type: 'Close' });
    expect(result.sessionState.sessionAttributes?.[OUTCOME_ATTRIBUTE]).toBe('TRANSFER');
    expect(result.messages?.[0]).toMatchObject({
      contentType: 'SSML',
      content: expect.stringContaining('something went wrong'),
    });
  });

  it('marks an agent request for transfer and a goodbye as done', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const hook = createLexCodeHook(deps);
    // Act
    const agent = await hook(lexEvent({ intent: 'SpeakToAgent' }));
    const bye = await hook(lexEvent({ intent: 'Goodbye' }));
    // Assess
    expect(agent.sessionState.sessionAttributes).toMatchObject({
      [OUTCOME_ATTRIBUTE]: 'TRANSFER',
      [TRANSFER_REASON_ATTRIBUTE]: 'AGENT_REQUESTED',
    });
    expect(bye.sessionState.sessionAttributes?.[OUTCOME_ATTRIBUTE]).toBe('DONE');
    expect(bye.sessionState.intent?.state).toBe('Fulfilled');
  });

  it('treats an intent it does not know as not understood, and an unreadable state as a fresh call', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const hook = createLexCodeHook(deps);
    // Act
    const result = await hook(
      lexEvent({ intent: 'OrderPizza', sessionAttributes: { [STATE_ATTRIBUTE]: '{not json' } }),
    );
    // Assess
    expect(result.sessionState.dialogAction).toEqual({ type: 'ElicitIntent' });
    expect(result.sessionState.intent).toBeUndefined();
    expect(result.messages?.[0]).toMatchObject({
      contentType: 'SSML',
      content: expect.stringContaining("didn't catch that"),
    });
  });

  it('keeps session attributes the contact flow set', async () => {
    // Prepare
    const { deps } = makeVoiceWorld();
    const hook = createLexCodeHook(deps);
    // Act
    const result = await hook(lexEvent({ intent: 'Help', sessionAttributes: { contactId: 'c-123' } }));
    // Assess
    expect(result.sessionState.sessionAttributes).toMatchObject({ contactId: 'c-123' });
    expect(result.sessionState.dialogAction.type).toBe('ElicitIntent');
  });

  it('takes a turn longer than Lex sends as not understood: asks again at once, keeps none of it, then hands over', async () => {
    // Prepare: a booking call at its first question, then 12–47k-character slot values and an utterance, the
    // sizes the fuzzing sent (a slot value used to be kept whole in the session until its step: 47 KB).
    const { deps, world, logged } = makeVoiceWorld();
    const hook = createLexCodeHook(deps);
    const caller = { [CALLER_ATTRIBUTE]: '+1 206 555 0134' };
    const [first] = await call(hook, [lexEvent({ intent: 'BookCourier', sessionAttributes: caller })]);
    const long = (n: number) => 'k as in kilo '.repeat(Math.ceil(n / 13)).slice(0, n);
    const turns: LexEventOptions[] = [
      { intent: 'BookCourier', slots: { DeliveryAddress: long(47_000) } },
      { intent: 'BookCourier', slots: { PickupAddress: 'é😀'.repeat(6_000) } },
      { intent: 'GiveFeedback', slots: { Comment: long(12_000) }, inputTranscript: long(12_000) },
    ];

    // Act
    const started = performance.now();
    const results = [];
    let attributes = first!.sessionState.sessionAttributes ?? {};
    for (const t of turns) {
      const result = await hook(lexEvent({ ...t, sessionAttributes: attributes }));
      results.push(result);
      attributes = result.sessionState.sessionAttributes ?? {};
    }
    const tookMs = performance.now() - started;
    // Right at the bounds, the words are still read (a long feedback comment is a real one).
    const atBounds = await createLexCodeHook(makeVoiceWorld().deps)(
      lexEvent({
        intent: 'BookCourier',
        slots: { PickupAddress: `1201 3rd Ave 98101${' '.repeat(MAX_SLOT_VALUE_CHARS - 18)}` },
        inputTranscript: 'x'.repeat(MAX_TRANSCRIPT_CHARS),
      }),
    );

    // Assess
    const [again, twice, handedOver] = results;
    expect(again?.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'PickupAddress' });
    expect(JSON.stringify(again?.messages)).toContain(say(deps.prompts, 'didNotCatch'));
    expect(twice?.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'PickupAddress' });
    expect(handedOver?.sessionState.dialogAction).toEqual({ type: 'Close' });
    expect(handedOver?.sessionState.sessionAttributes?.[TRANSFER_REASON_ATTRIBUTE]).toBe('NOT_UNDERSTOOD');
    for (const r of results) expect(attributeBytes(r)).toBeLessThan(1024);
    expect(tookMs).toBeLessThan(200);
    expect(world.bookings.all()).toEqual([]);
    expect(logged.filter((l) => l.level === 'warn').map((l) => l.detail)).toEqual([
      { input: 'DeliveryAddress', chars: 47_000 },
      { input: 'PickupAddress', chars: 18_000 },
      { input: 'inputTranscript', chars: 12_000 },
    ]);
    expect(logged.filter((l) => l.level === 'error')).toEqual([]);
    expect(atBounds.sessionState.dialogAction).toEqual({ type: 'ElicitSlot', slotToElicit: 'DeliveryAddress' });
  });
});
