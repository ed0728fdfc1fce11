// Tracking by phone: the reference checked by its check character before any lookup, the status, place and
// ETA said in plain words, the courier's number on request, and a way out to a person after repeated failures.
import { getBooking } from '../core/bookings';
import { getCourier } from '../core/couriers';
import { NotFoundError } from '../core/errors';
import { haversineKm, SEATTLE_ZIPS } from '../core/geo/gazetteer-geocoder';
import type { Booking, BookingStatus, GeoPoint } from '../core/model';
import { describeReferenceProblem } from '../core/reference';
import { describeStatus } from '../core/status-machine';
import type { IntentName, SlotName } from './bot-definition';
import { VOICEBOT } from './booking-dialog';
import type { Outcome, Reply, TrackingDialog, Turn, VoiceDeps, VoiceSession } from './dialog-types';
import { escapeSsml, referenceSsml, say, spokenTime } from './speech';
import { parseSpokenReference, parseYesNo } from './spoken-input';

/** After this many unreadable references in a row the caller is offered an agent. */
export const MAX_REFERENCE_FAILURES = 3;

const IN_PROGRESS: ReadonlySet<BookingStatus> = new Set(['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']);

export type ReferenceRead =
  | { kind: 'ok'; reference: string }
  | { kind: 'ask'; failures: number; say: string[] }
  | { kind: 'offerAgent'; say: string[] };

/** One attempt at a spoken reference, validated before anything is looked up. */
export function readReference(
  value: string | undefined,
  failures: number,
  askKey: 'askTrackingReference' | 'askFeedbackReference',
  deps: Pick<VoiceDeps, 'prompts'>,
): ReferenceRead {
  if (value === undefined || value.trim() === '') return { kind: 'ask', failures, say: [say(deps.prompts, askKey)] };
  const parsed = parseSpokenReference(value);
  if (parsed.ok) return { kind: 'ok', reference: parsed.reference };
  const next = failures + 1;
  if (next >= MAX_REFERENCE_FAILURES)
    return { kind: 'offerAgent', say: [say(deps.prompts, 'offerAgentAfterFailures')] };
  return {
    kind: 'ask',
    failures: next,
    say: [say(deps.prompts, 'invalidReference', { problem: describeReferenceProblem(parsed.reason) })],
  };
}

/** The answer to "would you like an agent?" after repeated failures: a transfer, or one more go. */
export function answerAgentOffer(
  intent: IntentName,
  answer: string | undefined,
  restart: { dialog: VoiceSession['dialog']; slot: SlotName; askKey: 'askTrackingReference' | 'askFeedbackReference' },
  session: VoiceSession,
  deps: VoiceDeps,
): Outcome {
  if (parseYesNo(answer) === 'NO') {
    return {
      reply: { action: 'elicitSlot', intent, slot: restart.slot, say: [say(deps.prompts, restart.askKey)] },
      session: { ...session, dialog: restart.dialog },
    };
  }
  return transfer(intent, 'REFERENCE_FAILURES', [say(deps.prompts, 'transferToAgent')], session);
}

export function transfer(
  intent: IntentName,
  reason: NonNullable<Extract<Reply, { action: 'close' }>['transfer']>,
  sayings: string[],
  session: VoiceSession,
): Outcome {
  const { dialog: _dropped, ...rest } = session;
  return { reply: { action: 'close', intent, fulfilled: false, say: sayings, transfer: reason }, session: rest };
}

function nearestPlace(point: GeoPoint): string | undefined {
  let best: { name: string; km: number } | undefined;
  for (const zip of SEATTLE_ZIPS) {
    const name = zip.neighbourhoods[0];
    if (zip.kind !== 'STANDARD' || !name) continue;
    const km = haversineKm(point, { lat: zip.lat, lng: zip.lng });
    if (!best || km < best.km) best = { name, km };
  }
  return best?.name;
}

/** Where the parcel was last seen: the courier's position while it travels, else the last located event. */
async function lastSeen(booking: Booking, deps: VoiceDeps): Promise<string | undefined> {
  if (!IN_PROGRESS.has(booking.status)) return undefined;
  if (booking.courierId) {
    const courier = await deps.couriers.get(booking.courierId);
    if (courier?.lastLocation) return nearestPlace(courier.lastLocation);
  }
  const located = [...booking.history].reverse().find((e) => e.location);
  return located?.location ? nearestPlace(located.location) : undefined;
}

/**
 * The status as it is said after "Your parcel … is": the core's label, except where that label reads badly
 * in the sentence ("is delivery failed").
 */
function spokenStatus(status: BookingStatus): string {
  return status === 'FAILED_DELIVERY' ? 'waiting for another delivery attempt' : describeStatus(status);
}

/** Status, place and ETA in plain words. */
export async function describeBooking(booking: Booking, deps: VoiceDeps): Promise<string[]> {
  const now = deps.clock.now();
  const sayings = [
    say(deps.prompts, 'trackingStatus', {
      reference: referenceSsml(booking.reference),
      status: spokenStatus(booking.status),
    }),
  ];
  const last = booking.history.at(-1);
  if (booking.status === 'DELIVERED' && last) {
    sayings.push(say(deps.prompts, 'trackingDelivered', { when: spokenTime(new Date(last.at), now, deps.calendar) }));
  }
  const place = await lastSeen(booking, deps);
  if (place) sayings.push(say(deps.prompts, 'trackingLocation', { place }));
  if (booking.eta && (booking.status === 'BOOKED' || IN_PROGRESS.has(booking.status))) {
    sayings.push(say(deps.prompts, 'trackingEta', { eta: spokenTime(new Date(booking.eta), now, deps.calendar) }));
  }
  return sayings;
}

async function courierContact(courierId: string, deps: VoiceDeps): Promise<string> {
  try {
    const courier = await getCourier(courierId, VOICEBOT, deps);
    return say(deps.prompts, 'courierContact', {
      name: courier.name,
      phone: { ssml: `<say-as interpret-as="telephone">${escapeSsml(courier.phone)}</say-as>` },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return say(deps.prompts, 'courierContactUnavailable');
    throw e;
  }
}

function anythingElse(sayings: string[], session: VoiceSession, deps: VoiceDeps): Outcome {
  const { dialog: _done, ...rest } = session;
  return { reply: { action: 'elicitIntent', say: [...sayings, say(deps.prompts, 'anythingElse')] }, session: rest };
}

const ASKS_FOR_COURIER =
  /\b(courier|driver)\b.*\b(number|phone|contact|call|talk|speak)\b|\b(call|contact|talk to|speak to)\b.*\b(courier|driver)\b/i;

export function startTracking(): TrackingDialog {
  return { flow: 'track', step: 'reference', failures: 0 };
}

/** Re-asks whatever the tracking dialog is waiting for. */
export function askTracking(state: TrackingDialog, deps: VoiceDeps): Reply {
  switch (state.step) {
    case 'reference':
      return {
        action: 'elicitSlot',
        intent: 'TrackDelivery',
        slot: 'BookingReference',
        say: [say(deps.prompts, 'askTrackingReference')],
      };
    case 'offerAgent':
      return {
        action: 'elicitSlot',
        intent: 'TrackDelivery',
        slot: 'WantsAgent',
        say: [say(deps.prompts, 'offerAgentAfterFailures')],
      };
    case 'offerContact':
      return {
        action: 'elicitSlot',
        intent: 'TrackDelivery',
        slot: 'WantsCourierContact',
        say: [say(deps.prompts, 'offerCourierContact')],
      };
  }
}

/** Advances the tracking dialog by one caller turn. */
export async function continueTracking(
  state: TrackingDialog,
  turn: Turn,
  session: VoiceSession,
  deps: VoiceDeps,
): Promise<Outcome> {
  switch (state.step) {
    case 'offerAgent':
      return answerAgentOffer(
        'TrackDelivery',
        turn.slots.WantsAgent ?? turn.transcript,
        { dialog: startTracking(), slot: 'BookingReference', askKey: 'askTrackingReference' },
        session,
        deps,
      );
    case 'offerContact': {
      if (parseYesNo(turn.slots.WantsCourierContact ?? turn.transcript) !== 'YES')
        return anythingElse([], session, deps);
      return anythingElse([await courierContact(state.courierId, deps)], session, deps);
    }
    case 'reference': {
      const read = readReference(turn.slots.BookingReference, state.failures, 'askTrackingReference', deps);
      switch (read.kind) {
        case 'ask':
          return {
            reply: { action: 'elicitSlot', intent: 'TrackDelivery', slot: 'BookingReference', say: read.say },
            session: { ...session, dialog: { flow: 'track', step: 'reference', failures: read.failures } },
          };
        case 'offerAgent':
          return {
            reply: { action: 'elicitSlot', intent: 'TrackDelivery', slot: 'WantsAgent', say: read.say },
            session: { ...session, dialog: { flow: 'track', step: 'offerAgent' } },
          };
        case 'ok':
          return trackReference(read.reference, turn, session, deps);
      }
    }
  }
}

/** Speaks a found booking's progress; unknown references go to customer service. */
export async function trackReference(
  reference: string,
  turn: Turn,
  session: VoiceSession,
  deps: VoiceDeps,
  preface: string[] = [],
): Promise<Outcome> {
  let booking: Booking;
  try {
    booking = await getBooking(reference, VOICEBOT, deps);
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
    return transfer(
      turn.intent,
      'NOT_FOUND',
      [say(deps.prompts, 'referenceNotFound', { reference: referenceSsml(reference) })],
      session,
    );
  }
  const sayings = [...preface, ...(await describeBooking(booking, deps))];
  const inProgress = IN_PROGRESS.has(booking.status) && booking.courierId !== undefined;
  if (inProgress && booking.courierId && ASKS_FOR_COURIER.test(turn.transcript)) {
    return anythingElse([...sayings, await courierContact(booking.courierId, deps)], session, deps);
  }
  if (inProgress && booking.courierId) {
    return {
      reply: {
        action: 'elicitSlot',
        intent: 'TrackDelivery',
        slot: 'WantsCourierContact',
        say: [...sayings, say(deps.prompts, 'offerCourierContact')],
      },
      session: { ...session, dialog: { flow: 'track', step: 'offerContact', courierId: booking.courierId } },
    };
  }
  return anythingElse(sayings, session, deps);
}
