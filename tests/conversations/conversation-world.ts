// The world a scripted call happens in: the core's in-memory ports behind the real code hook, rebuilt for
// every script with the script's given bookings, time and trouble, and the code hook as Lex's Lambda invoker.
import type { LexV2Event } from 'aws-lambda';
import { spellReference } from '../../src/core/reference';
import type { Booking, BookingStatus, GeoPoint, StatusEvent } from '../../src/core/model';
import type { LambdaInvoker } from '../../src/local/lex/lex-runtime-handlers';
import { createLexCodeHook } from '../../src/voice/lex-codehook';
import { makeVoiceWorld, seedBooking } from '../../src/voice/testing/voice-world';
import type { ConversationScript, GivenBooking } from './script-format';

export const CODE_HOOK_ARN = 'arn:aws:lambda:us-east-1:000000000000:function:courier-lex-codehook';

/** The order a parcel goes through, so a given status carries a believable history. */
const PATH: Record<BookingStatus, BookingStatus[]> = {
  BOOKED: [],
  CANCELLED: ['CANCELLED'],
  COLLECTED: ['COLLECTED'],
  IN_TRANSIT: ['COLLECTED', 'IN_TRANSIT'],
  OUT_FOR_DELIVERY: ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'],
  DELIVERED: ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'],
  FAILED_DELIVERY: ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'FAILED_DELIVERY'],
  RETURNED: ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'FAILED_DELIVERY', 'RETURNED'],
};
/** Where couriers report from along the way: downtown, then South Lake Union, then Fremont. */
const ROUTE: GeoPoint[] = [
  { lat: 47.6073, lng: -122.3381 },
  { lat: 47.6262, lng: -122.3381 },
  { lat: 47.6515, lng: -122.3425 },
];
const COURIER_ID = 'courier-07';

type VoiceWorld = ReturnType<typeof makeVoiceWorld>;

/** The state of one scripted call: its world, its given bookings by alias and how to say their references. */
export type ScriptWorld = {
  voice: VoiceWorld;
  given: Record<string, Booking>;
  /** The caller's words with every `{alias…}` replaced by the reference said the way callers say it. */
  spoken(text: string): string;
  /** An expectation phrase with `{alias}` replaced by the reference as printed. */
  printed(text: string): string;
};

function historyTo(status: BookingStatus, now: Date): StatusEvent[] {
  const steps = PATH[status];
  return steps.map((step, i) => ({
    status: step,
    at: new Date(now.getTime() - (steps.length - i) * 25 * 60_000).toISOString(),
    actor: { type: 'COURIER', id: COURIER_ID, name: 'Courier courier-07' },
    ...(step === 'CANCELLED' ? {} : { location: ROUTE[Math.min(i, ROUTE.length - 1)] }),
  }));
}

async function seedGiven(voice: VoiceWorld, given: GivenBooking): Promise<Booking> {
  const booked = await seedBooking(voice.deps);
  if (given.status === 'BOOKED' && given.etaInMinutes === undefined) return booked;
  const now = voice.deps.clock.now();
  const travelling = given.status !== 'BOOKED' && given.status !== 'CANCELLED';
  const withCourier = given.courier ?? travelling;
  return voice.deps.bookings.update(
    {
      ...booked,
      status: given.status,
      history: [...booked.history, ...historyTo(given.status, now)],
      ...(withCourier ? { courierId: COURIER_ID } : {}),
      ...(given.etaInMinutes !== undefined
        ? { eta: new Date(now.getTime() + given.etaInMinutes * 60_000).toISOString() }
        : {}),
    },
    booked.version,
  );
}

const PHONETIC_DIGITS: Readonly<Record<string, string>> = {
  '3': 'three',
  '4': 'four',
  '6': 'six',
  '7': 'seven',
  '9': 'nine',
};

/** A reference the way a caller reads it out. */
export function sayReference(reference: string, style: string | undefined): string {
  const compact = reference.replace(/-/g, '');
  switch (style) {
    case undefined:
    case '':
      return [...compact].join(' ');
    case 'phonetic':
      return spellReference(compact)
        .map((s) => PHONETIC_DIGITS[s] ?? s)
        .join(', ');
    case 'grouped':
      return `${compact.slice(0, 3)} ${compact.slice(3, 6)} ${compact.slice(6)}`;
    case 'wrong-check': {
      const check = compact.at(-1);
      const misheard = check === '7' ? '9' : '7';
      return [...compact.slice(0, -1), misheard].join(' ');
    }
    default:
      throw new Error(`Unknown way of saying a reference: {alias:${style}}; use phonetic, grouped or wrong-check`);
  }
}

const PLACEHOLDER = /\{(\w+)(?::([\w-]+))?\}/g;

function lookupAlias(given: Record<string, Booking>, alias: string): Booking {
  const booking = given[alias];
  if (!booking) {
    const known = Object.keys(given).join(', ') || 'none';
    throw new Error(`The script mentions {${alias}} but gives no such booking (given: ${known})`);
  }
  return booking;
}

/**
 * The code hook as Lex's Lambda, always over the current script's world; `repeated-invocation` delivers each
 * event twice and answers with the second result, as a retried Lambda whose first response was lost.
 */
export function createScriptWorlds() {
  let current: { world: ScriptWorld; script: ConversationScript } | undefined;

  const invoke: LambdaInvoker = async (_arn, event) => {
    if (!current) throw new Error('No script is running');
    const hook = createLexCodeHook(current.world.voice.deps);
    if (current.script.given?.trouble === 'repeated-invocation') {
      await hook(structuredClone(event) as LexV2Event);
    }
    return hook(event as LexV2Event);
  };

  async function start(script: ConversationScript): Promise<ScriptWorld> {
    const voice = makeVoiceWorld();
    const time = script.given?.seattleTime;
    if (time) {
      const [hour, minute] = time.split(':').map(Number) as [number, number];
      voice.world.clock.set(voice.deps.calendar.at('2025-06-10', hour, minute));
    }
    const given: Record<string, Booking> = {};
    for (const [alias, spec] of Object.entries(script.given?.bookings ?? {})) {
      given[alias] = await seedGiven(voice, spec);
    }
    if (script.given?.trouble === 'storage') breakStorage(voice);
    const world: ScriptWorld = {
      voice,
      given,
      spoken: (text) =>
        text.replace(PLACEHOLDER, (_whole, alias: string, style?: string) =>
          sayReference(lookupAlias(given, alias).reference, style),
        ),
      printed: (text) => text.replace(PLACEHOLDER, (_whole, alias: string) => lookupAlias(given, alias).reference),
    };
    current = { world, script };
    return world;
  }

  return {
    invoke,
    start,
    /** The clock of the script being run, for the Lex runtime ("today", "tomorrow"). */
    now: () => (current ? current.world.voice.world.clock.now().getTime() : Date.now()),
  };
}

/** Every repository call fails the way a database outage does: not a domain error, so a fault. */
function breakStorage(voice: VoiceWorld): void {
  const outage = () => Promise.reject(new Error('DynamoDB: connect ETIMEDOUT 10.0.3.17:443'));
  const broken = <T extends object>(port: T): T =>
    new Proxy(port, { get: (target, key) => (typeof Reflect.get(target, key) === 'function' ? outage : undefined) });
  const { deps } = voice;
  deps.bookings = broken(deps.bookings);
  deps.feedback = broken(deps.feedback);
  deps.couriers = broken(deps.couriers);
  deps.idempotency = broken(deps.idempotency);
}
