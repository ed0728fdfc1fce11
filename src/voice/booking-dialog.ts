// Booking by phone: pickup → delivery → parcel → pickup window → contact, each address geocoded and clarified,
// then a read-back the caller can correct, then one booking however often Lex repeats the fulfilment.
import { createHash } from 'node:crypto';
import { bookCourier } from '../core/bookings';
import { ValidationError } from '../core/errors';
import { PACKAGE_SIZES, SPECIAL_HANDLING, type Principal, type SpecialHandling } from '../core/model';
import { normalizePhone } from '../core/phone-number';
import type { SlotName } from './bot-definition';
import type {
  BookingDialog,
  BookingDraft,
  Choice,
  Outcome,
  PendingDetails,
  Place,
  Reply,
  Turn,
  VoiceDeps,
  VoiceSession,
} from './dialog-types';
import { addDays, type BusinessCalendar } from '../core/business-calendar';
import { escapeSsml, referenceSsml, say, spokenClock, spokenDay, spokenWindow, type Ssml } from './speech';
import {
  collectionHoursOn,
  daysLabel,
  isAroundTheClock,
  nextCollectionWindow,
  sameDayCutoffOn,
  type CompanyRules,
} from '../core/company-settings';
import { parseSpokenAddress, parseSpokenNumber, parseYesNo, pickValue } from './spoken-input';

/** The code hook books as the voicebot service; the core records it as the actor and the channel as VOICE. */
export const VOICEBOT: Principal = { role: 'SERVICE', name: 'voicebot' };

export const BOOKING_FIELDS = ['PICKUP', 'DELIVERY', 'PACKAGE', 'WINDOW', 'NAME'] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number];

const TIMES = ['ASAP', 'MORNING', 'MIDDAY', 'AFTERNOON', 'EVENING'] as const;
type TimeOfDay = (typeof TIMES)[number];
/** Local hours [start, end) of each part of the day. */
const TIME_HOURS: Record<Exclude<TimeOfDay, 'ASAP'>, [number, number]> = {
  MORNING: [9, 12],
  MIDDAY: [11, 14],
  AFTERNOON: [13, 17],
  EVENING: [17, 20],
};
const ASAP_LEAD_MS = 15 * 60_000;
const ASAP_WINDOW_MS = 2 * 60 * 60_000;
const MIN_WINDOW_MS = 30 * 60_000;
const MAX_DAYS_AHEAD = 30;
const SEATTLE = 'Seattle';

type Step =
  { kind: 'next'; state: BookingDialog } | { kind: 'ask'; state: BookingDialog; slot: SlotName; say: string[] };

export function startBooking(): BookingDialog {
  return { flow: 'book', step: 'pickup', draft: {} };
}

function isComplete(d: Partial<BookingDraft>): d is BookingDraft {
  return !!(d.pickup && d.delivery && d.parcel && d.window && d.name && d.phone);
}

/** The first step whose detail is still missing, in the order callers are asked. */
function nextStep(draft: Partial<BookingDraft>): BookingDialog {
  if (!draft.pickup) return { flow: 'book', step: 'pickup', draft };
  if (!draft.delivery) return { flow: 'book', step: 'delivery', draft };
  if (!draft.parcel) return { flow: 'book', step: 'package', draft };
  if (!draft.window) return { flow: 'book', step: 'window', draft };
  if (!isComplete(draft)) return { flow: 'book', step: 'contact', draft };
  return { flow: 'book', step: 'confirm', draft };
}

function reopen(draft: Partial<BookingDraft>, field: BookingField): BookingDialog {
  const next = { ...draft };
  switch (field) {
    case 'PICKUP':
      delete next.pickup;
      break;
    case 'DELIVERY':
      delete next.delivery;
      break;
    case 'PACKAGE':
      delete next.parcel;
      break;
    case 'WINDOW':
      delete next.window;
      break;
    case 'NAME':
      delete next.name;
      break;
  }
  return nextStep(next);
}

/**
 * A correction said at the read-back: "no, the delivery address is 500 Pine St 98101" names the field and
 * may carry the new value; "the time is wrong" names only the field.
 */
export function parseCorrection(transcript: string): { field: BookingField; value?: string } | undefined {
  const t = transcript.trim();
  const address =
    /\b(pick ?up|collection|delivery|drop[- ]?off|destination)\b(?: address)?(?:\s+(?:is|should be|to|at))?\s*(.*)$/i.exec(
      t,
    );
  if (address?.[1]) {
    const field: BookingField = /pick|collect/i.test(address[1]) ? 'PICKUP' : 'DELIVERY';
    const value = (address[2] ?? '').replace(/^(is|should be|to|at)\s+/i, '').trim();
    return /\d/.test(value) ? { field, value } : { field };
  }
  if (/\b(size|parcel|package|weight|fragile|handling)\b/i.test(t)) return { field: 'PACKAGE' };
  if (/\b(time|day|date|window|tomorrow|today|morning|afternoon|evening)\b/i.test(t)) return { field: 'WINDOW' };
  if (/\bname\b/i.test(t)) return { field: 'NAME' };
  return undefined;
}

function placeSsml(p: Place): Ssml {
  return { ssml: `${escapeSsml(p.line1)}, <say-as interpret-as="digits">${p.postcode}</say-as>` };
}

/**
 * The option the caller picked: named by its postcode or street ("the one in 98103") before any position,
 * since "the one in …" says "one" without meaning the first.
 */
function pickChoice(value: string, choices: Choice[]): Choice | undefined {
  const v = value.toLowerCase();
  const named = choices.filter((c) => v.includes(c.postcode) || v.includes(c.line1.toLowerCase()));
  if (named.length === 1) return named[0];
  const ordinals = [/\b(first|1st)\b/, /\b(second|2nd)\b/, /\b(third|3rd)\b/];
  const numbers = [/^(?:number )?one$/, /^(?:number )?two$/, /^(?:number )?three$/];
  let byOrdinal = ordinals.findIndex((re) => re.test(v));
  if (byOrdinal < 0) byOrdinal = numbers.findIndex((re) => re.test(v.trim()));
  if (byOrdinal >= 0 && choices[byOrdinal]) return choices[byOrdinal];
  return undefined;
}

function choiceLine(label: string): string {
  return label.replace(/\s*\(.*\)\s*$/, '').trim();
}

async function resolveAddress(
  side: 'pickup' | 'delivery',
  state: Extract<BookingDialog, { step: 'pickup' | 'delivery' }>,
  slots: Partial<Record<SlotName, string>>,
  deps: VoiceDeps,
): Promise<Step> {
  const slot: SlotName = side === 'pickup' ? 'PickupAddress' : 'DeliveryAddress';
  const value = slots[slot];
  delete slots[slot];
  const ask = (text: string, choices?: Choice[]): Step => ({
    kind: 'ask',
    state: choices ? { ...state, choices } : { flow: 'book', step: side, draft: state.draft },
    slot,
    say: [text],
  });
  if (value === undefined || value.trim() === '') {
    return ask(say(deps.prompts, side === 'pickup' ? 'askPickupAddress' : 'askDeliveryAddress'), state.choices);
  }
  const chosen = state.choices ? pickChoice(value, state.choices) : undefined;
  let place: Place | undefined = chosen ? { line1: chosen.line1, postcode: chosen.postcode } : undefined;
  if (!place) {
    const spoken = parseSpokenAddress(value);
    const result = await deps.geocoder.geocode({ ...spoken, city: SEATTLE });
    switch (result.status) {
      case 'FOUND':
        if (result.normalized.line1 === '') return ask(say(deps.prompts, 'addressNotFound', { address: value }));
        place = { line1: result.normalized.line1, postcode: result.normalized.postcode };
        break;
      case 'AMBIGUOUS': {
        const choices = result.candidates
          .slice(0, 3)
          .map((c) => ({ label: c.label, line1: choiceLine(c.label), postcode: c.postcode }));
        const options = choices.map(
          (c) => `${escapeSsml(c.line1)} in <say-as interpret-as="digits">${c.postcode}</say-as>`,
        );
        const spokenOptions =
          options.length > 1 ? `${options.slice(0, -1).join(', ')} or ${options.at(-1)}` : options[0];
        return ask(say(deps.prompts, 'addressAmbiguous', { options: { ssml: spokenOptions ?? '' } }), choices);
      }
      case 'NOT_FOUND':
        switch (result.reason) {
          case 'UNKNOWN_POSTCODE':
            return ask(
              say(deps.prompts, 'addressUnknownPostcode', {
                postcode: { ssml: `<say-as interpret-as="digits">${escapeSsml(spoken.postcode ?? '')}</say-as>` },
              }),
            );
          case 'UNKNOWN_CITY':
            return ask(say(deps.prompts, 'addressOutsideArea'));
          case 'UNKNOWN_STREET':
          case 'EMPTY':
            return ask(say(deps.prompts, 'addressNotFound', { address: value }));
        }
    }
  }
  return { kind: 'next', state: nextStep({ ...state.draft, [side]: place }) };
}

function resolvePackage(
  state: Extract<BookingDialog, { step: 'package' }>,
  slots: Partial<Record<SlotName, string>>,
  deps: VoiceDeps,
): Step {
  const size = state.size ?? pickValue(slots.PackageSize, PACKAGE_SIZES);
  const spokenWeight = parseSpokenNumber(slots.PackageWeight);
  const weightKg = state.weightKg ?? (spokenWeight !== undefined && spokenWeight > 0 ? spokenWeight : undefined);
  const handlingValue = slots.SpecialHandling;
  delete slots.PackageSize;
  delete slots.PackageWeight;
  delete slots.SpecialHandling;
  const keep = {
    flow: 'book',
    step: 'package',
    draft: state.draft,
    size,
    weightKg,
    ...(state.handling ? { handling: state.handling } : {}),
  } as const;
  if (!size) return { kind: 'ask', state: keep, slot: 'PackageSize', say: [say(deps.prompts, 'askPackageSize')] };
  if (weightKg === undefined) {
    return { kind: 'ask', state: keep, slot: 'PackageWeight', say: [say(deps.prompts, 'askPackageWeight')] };
  }
  const handling: SpecialHandling[] | undefined =
    state.handling ??
    (pickValue(handlingValue, ['NONE'] as const) === 'NONE' || parseYesNo(handlingValue) === 'NO'
      ? []
      : (() => {
          const h = pickValue(handlingValue, SPECIAL_HANDLING);
          return h ? [h] : undefined;
        })());
  if (!handling) {
    return { kind: 'ask', state: keep, slot: 'SpecialHandling', say: [say(deps.prompts, 'askSpecialHandling')] };
  }
  return { kind: 'next', state: nextStep({ ...state.draft, parcel: { size, weightKg, handling } }) };
}

async function resolveWindow(
  state: Extract<BookingDialog, { step: 'window' }>,
  slots: Partial<Record<SlotName, string>>,
  deps: VoiceDeps,
): Promise<Step> {
  const now = deps.clock.now();
  const rules = await deps.rules.current();
  const today = deps.calendar.dayOf(now);
  const time = (state.time as TimeOfDay | undefined) ?? pickValue(slots.PickupTime, TIMES);
  const saidDay = slots.PickupDay?.trim();
  const day = state.day ?? (saidDay && /^\d{4}-\d{2}-\d{2}$/.test(saidDay) ? saidDay : undefined);
  delete slots.PickupTime;
  delete slots.PickupDay;
  const hoursSaid = () => collectionHoursSaying(rules, deps);
  const ask = (slot: SlotName, text: string[], keep: { day?: string; time?: string }): Step => ({
    kind: 'ask',
    state: { flow: 'book', step: 'window', draft: state.draft, ...keep },
    slot,
    say: text,
  });
  if (time === 'ASAP' && (day === undefined || day === today)) {
    const next = asapPickupWindow(rules, deps.calendar, now);
    if (!next) return ask('PickupDay', [...hoursSaid(), say(deps.prompts, 'askPickupDay')], {});
    return {
      kind: 'next',
      state: nextStep({ ...state.draft, window: { start: next.start.toISOString(), end: next.end.toISOString() } }),
    };
  }
  const keepTime = time && time !== 'ASAP' ? { time } : {};
  if (day !== undefined && day > addDays(today, MAX_DAYS_AHEAD)) {
    return ask('PickupDay', [say(deps.prompts, 'pickupTooFarAhead')], keepTime);
  }
  if (day !== undefined && day < today) return ask('PickupDay', [say(deps.prompts, 'pickupTimePassed')], keepTime);
  if (day === undefined) return ask('PickupDay', [say(deps.prompts, 'askPickupDay')], keepTime);
  const hours = collectionHoursOn(rules, deps.calendar, day);
  if (!hours) {
    return ask(
      'PickupDay',
      [
        say(deps.prompts, 'noCollectionOnDay', { day: spokenDay(deps.calendar.at(day, 12), now, deps.calendar) }),
        ...hoursSaid(),
        say(deps.prompts, 'askPickupDay'),
      ],
      keepTime,
    );
  }
  const cutoff = sameDayCutoffOn(rules, deps.calendar, day);
  if (day === today && cutoff && now > cutoff) {
    return ask(
      'PickupDay',
      [say(deps.prompts, 'sameDayClosed', { cutoff: spokenClock(rules.sameDayCutoff!) })],
      keepTime,
    );
  }
  if (!time) return ask('PickupTime', [...hoursSaid(), say(deps.prompts, 'askPickupTime')], { day });
  // As soon as possible on a later day: from when collection opens that day.
  const partStart = time === 'ASAP' ? hours.open : deps.calendar.at(day, TIME_HOURS[time][0]);
  const partEnd =
    time === 'ASAP' ? new Date(hours.open.getTime() + ASAP_WINDOW_MS) : deps.calendar.at(day, TIME_HOURS[time][1]);
  const earliest = new Date(Math.ceil(now.getTime() / (15 * 60_000)) * 15 * 60_000);
  const start = new Date(Math.max(partStart.getTime(), hours.open.getTime(), earliest.getTime()));
  const end = new Date(Math.min(partEnd.getTime(), hours.close.getTime()));
  if (end.getTime() - start.getTime() < MIN_WINDOW_MS) {
    if (day === today && earliest.getTime() + MIN_WINDOW_MS > Math.min(partEnd.getTime(), hours.close.getTime())) {
      return ask('PickupTime', [say(deps.prompts, 'pickupTimePassed'), ...hoursSaid()], { day: today });
    }
    return ask(
      'PickupTime',
      [say(deps.prompts, 'outsideCollectionHours', collectionHoursValues(rules)), say(deps.prompts, 'askPickupTime')],
      { day },
    );
  }
  return {
    kind: 'next',
    state: nextStep({ ...state.draft, window: { start: start.toISOString(), end: end.toISOString() } }),
  };
}

/**
 * The window a caller who asks for a pickup "as soon as possible" is offered: as soon as the company collects —
 * now (after the lead time, on a quarter hour), or when collection next opens.
 */
export function asapPickupWindow(
  rules: CompanyRules,
  calendar: BusinessCalendar,
  now: Date,
): { start: Date; end: Date } | undefined {
  const earliest = new Date(Math.ceil((now.getTime() + ASAP_LEAD_MS) / 60_000 / 15) * 15 * 60_000);
  return nextCollectionWindow(rules, calendar, now, {
    earliest,
    lengthMs: ASAP_WINDOW_MS,
    minMs: MIN_WINDOW_MS,
    maxDays: MAX_DAYS_AHEAD,
  });
}

/** {days}, {open} and {close} of the company's collection hours, as a caller hears them. */
function collectionHoursValues(rules: CompanyRules): Record<string, string> {
  return {
    days: daysLabel(rules.collectionDays),
    open: spokenClock(rules.collectionHours.open),
    close: spokenClock(rules.collectionHours.close),
  };
}

/** "We collect Monday to Saturday, from 8 AM until 6 PM." — said only when the company has hours. */
function collectionHoursSaying(rules: CompanyRules, deps: VoiceDeps): string[] {
  if (isAroundTheClock(rules) && rules.collectionDays.length === 7) return [];
  return [say(deps.prompts, 'collectionHours', collectionHoursValues(rules))];
}

function resolveContact(
  state: Extract<BookingDialog, { step: 'contact' }>,
  slots: Partial<Record<SlotName, string>>,
  session: VoiceSession,
  deps: VoiceDeps,
): Step {
  const draft = { ...state.draft };
  const name = slots.CustomerName?.trim();
  delete slots.CustomerName;
  if (!draft.name && name && name.length >= 2) draft.name = name.slice(0, 100);
  if (!draft.name) {
    return {
      kind: 'ask',
      state: { ...state, draft },
      slot: 'CustomerName',
      say: [say(deps.prompts, 'askCustomerName')],
    };
  }
  if (!draft.phone && session.caller) draft.phone = session.caller;
  const spokenPhone = slots.CallbackNumber;
  delete slots.CallbackNumber;
  if (!draft.phone && spokenPhone) {
    const phone = normalizePhone(spokenPhone);
    if (!phone.ok) {
      return {
        kind: 'ask',
        state: { ...state, draft },
        slot: 'CallbackNumber',
        say: [say(deps.prompts, 'invalidCallbackNumber')],
      };
    }
    draft.phone = phone.e164;
  }
  if (!draft.phone) {
    return {
      kind: 'ask',
      state: { ...state, draft },
      slot: 'CallbackNumber',
      say: [say(deps.prompts, 'askCallbackNumber')],
    };
  }
  return { kind: 'next', state: nextStep(draft) };
}

const HANDLING_WORDS: Record<SpecialHandling, string> = {
  FRAGILE: 'fragile',
  PERISHABLE: 'perishable',
  SIGNATURE_REQUIRED: 'signature required',
  KEEP_UPRIGHT: 'keep upright',
  HAZARDOUS: 'hazardous',
};

function readBack(draft: BookingDraft, deps: VoiceDeps): Reply {
  const handling = draft.parcel.handling.map((h) => HANDLING_WORDS[h]).join(' and ');
  return {
    action: 'confirmIntent',
    intent: 'BookCourier',
    say: [
      say(deps.prompts, 'confirmBooking', {
        pickup: placeSsml(draft.pickup),
        delivery: placeSsml(draft.delivery),
        size: draft.parcel.size.toLowerCase(),
        weight: draft.parcel.weightKg,
        handling: handling ? `, marked ${handling}` : '',
        window: spokenWindow(new Date(draft.window.start), new Date(draft.window.end), deps.clock.now(), deps.calendar),
        name: draft.name,
      }),
    ],
  };
}

/** Idempotency key of the booking made on this session's turn: a repeated fulfilment sends the same turn. */
export function bookingIdempotencyKey(sessionId: string, turn: number): string {
  return `voice:${createHash('sha256').update(sessionId).digest('hex').slice(0, 32)}:${turn}`;
}

const FIELD_OF_INPUT: [RegExp, BookingField][] = [
  [/^pickup\./, 'PICKUP'],
  [/^delivery\./, 'DELIVERY'],
  [/^package\./, 'PACKAGE'],
  [/^pickupWindow/, 'WINDOW'],
  [/^customerName/, 'NAME'],
];

/**
 * The core refused the weight for the size: say so and ask the size again, keeping the weight (unless it is
 * over even the oversized limit) and the handling, so the caller only says what changes.
 */
function tooHeavy(draft: BookingDraft, session: VoiceSession, deps: VoiceDeps): Outcome {
  const { parcel, ...rest } = draft;
  const keepWeight = parcel.size !== 'OVERSIZED';
  const state: BookingDialog = {
    flow: 'book',
    step: 'package',
    draft: rest,
    ...(keepWeight ? { weightKg: parcel.weightKg } : {}),
    handling: parcel.handling,
  };
  deps.log.warn('parcel too heavy for its size', { size: parcel.size, weightKg: parcel.weightKg });
  return {
    reply: {
      action: 'elicitSlot',
      intent: 'BookCourier',
      slot: 'PackageSize',
      say: [say(deps.prompts, 'packageTooHeavy', { weight: parcel.weightKg, size: parcel.size.toLowerCase() })],
    },
    session: { ...session, dialog: state },
  };
}

async function fulfil(draft: BookingDraft, turn: Turn, session: VoiceSession, deps: VoiceDeps): Promise<Outcome> {
  const address = (p: Place) => ({ line1: p.line1, city: SEATTLE, postcode: p.postcode, country: 'US' });
  try {
    const booking = await bookCourier(
      {
        customerName: draft.name,
        customerPhone: draft.phone,
        pickup: address(draft.pickup),
        delivery: address(draft.delivery),
        package: draft.parcel,
        pickupWindowStart: draft.window.start,
        pickupWindowEnd: draft.window.end,
        channel: 'VOICE',
        idempotencyKey: bookingIdempotencyKey(turn.sessionId, session.turn),
      },
      VOICEBOT,
      deps,
    );
    return {
      reply: {
        action: 'elicitSlot',
        intent: 'BookCourier',
        slot: 'WantsRepeat',
        say: [say(deps.prompts, 'bookingConfirmed', { reference: referenceSsml(booking.reference) })],
      },
      session: {
        ...session,
        lastReference: booking.reference,
        dialog: { flow: 'book', step: 'booked', reference: booking.reference },
      },
    };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    if (e.field === 'package.weightKg') return tooHeavy(draft, session, deps);
    const field = FIELD_OF_INPUT.find(([re]) => re.test(e.field ?? ''))?.[1];
    if (field === undefined) throw e;
    deps.log.warn('booking rejected at fulfilment', { field: e.field, message: e.message });
    return continueBooking(reopen(draft, field), { ...turn, slots: {}, confirmation: 'None' }, session, deps);
  }
}

/** Re-asks whatever the booking dialog is waiting for (after help, or a turn the bot did not understand). */
export function askBooking(state: BookingDialog, deps: VoiceDeps): Reply {
  const elicit = (slot: SlotName, key: Parameters<typeof say>[1]): Reply => ({
    action: 'elicitSlot',
    intent: 'BookCourier',
    slot,
    say: [say(deps.prompts, key)],
  });
  switch (state.step) {
    case 'pickup':
      return elicit('PickupAddress', 'askPickupAddress');
    case 'delivery':
      return elicit('DeliveryAddress', 'askDeliveryAddress');
    case 'package':
      if (!state.size) return elicit('PackageSize', 'askPackageSize');
      return state.weightKg === undefined
        ? elicit('PackageWeight', 'askPackageWeight')
        : elicit('SpecialHandling', 'askSpecialHandling');
    case 'window':
      return state.day ? elicit('PickupTime', 'askPickupTime') : elicit('PickupDay', 'askPickupDay');
    case 'contact':
      return state.draft.name
        ? elicit('CallbackNumber', 'askCallbackNumber')
        : elicit('CustomerName', 'askCustomerName');
    case 'confirm':
      return readBack(state.draft, deps);
    case 'change':
      return elicit('FieldToChange', 'askFieldToChange');
    case 'booked':
      return {
        action: 'elicitSlot',
        intent: 'BookCourier',
        slot: 'WantsRepeat',
        say: [say(deps.prompts, 'bookingConfirmed', { reference: referenceSsml(state.reference) })],
      };
  }
}

/** Booking details a caller may give before they are asked; anything else said early is not kept. */
const DETAIL_SLOTS: readonly SlotName[] = [
  'PickupAddress',
  'DeliveryAddress',
  'PackageSize',
  'PackageWeight',
  'SpecialHandling',
  'PickupDay',
  'PickupTime',
  'CustomerName',
];

/** The step waiting for `asked`, carrying the details the caller already gave for later steps. */
function withPending(state: BookingDialog, unused: Partial<Record<SlotName, string>>, asked: SlotName): BookingDialog {
  const { pending: _previous, ...rest } = state as BookingDialog & PendingDetails;
  const pending = Object.fromEntries(
    DETAIL_SLOTS.filter((name) => name !== asked && unused[name] !== undefined).map((name) => [name, unused[name]]),
  );
  return (Object.keys(pending).length > 0 ? { ...rest, pending } : rest) as BookingDialog;
}

/** Advances the booking dialog by one caller turn. */
export async function continueBooking(
  state: BookingDialog,
  turn: Turn,
  session: VoiceSession,
  deps: VoiceDeps,
): Promise<Outcome> {
  const slots = { ...('pending' in state ? state.pending : {}), ...turn.slots };
  let current = state;
  switch (current.step) {
    case 'confirm': {
      const answer = turn.confirmation === 'None' ? parseYesNo(turn.transcript) : undefined;
      if (turn.confirmation === 'Confirmed' || answer === 'YES') return fulfil(current.draft, turn, session, deps);
      const correction = parseCorrection(turn.transcript);
      if (correction) {
        current = reopen(current.draft, correction.field);
        if (correction.value)
          slots[correction.field === 'PICKUP' ? 'PickupAddress' : 'DeliveryAddress'] = correction.value;
      } else if (turn.confirmation === 'Denied' || answer === 'NO') {
        const change: BookingDialog = { flow: 'book', step: 'change', draft: current.draft };
        return { reply: askBooking(change, deps), session: { ...session, dialog: change } };
      } else {
        return { reply: readBack(current.draft, deps), session: { ...session, dialog: current } };
      }
      break;
    }
    case 'change': {
      const field = pickValue(slots.FieldToChange, BOOKING_FIELDS) ?? parseCorrection(turn.transcript)?.field;
      delete slots.FieldToChange;
      if (!field) return { reply: askBooking(current, deps), session: { ...session, dialog: current } };
      const value = parseCorrection(turn.transcript)?.value;
      current = reopen(current.draft, field);
      if (value && (field === 'PICKUP' || field === 'DELIVERY')) {
        slots[field === 'PICKUP' ? 'PickupAddress' : 'DeliveryAddress'] = value;
      }
      break;
    }
    case 'booked': {
      const again = parseYesNo(slots.WantsRepeat ?? turn.transcript) === 'YES';
      const sayings = again
        ? [say(deps.prompts, 'repeatReference', { reference: referenceSsml(current.reference) })]
        : [];
      sayings.push(say(deps.prompts, 'anythingElse'));
      const { dialog: _done, ...rest } = session;
      return { reply: { action: 'elicitIntent', say: sayings }, session: rest };
    }
    case 'pickup':
    case 'delivery':
    case 'package':
    case 'window':
    case 'contact':
      break;
  }

  for (;;) {
    let step: Step;
    switch (current.step) {
      case 'pickup':
        step = await resolveAddress('pickup', current, slots, deps);
        break;
      case 'delivery':
        step = await resolveAddress('delivery', current, slots, deps);
        break;
      case 'package':
        step = resolvePackage(current, slots, deps);
        break;
      case 'window':
        step = await resolveWindow(current, slots, deps);
        break;
      case 'contact':
        step = resolveContact(current, slots, session, deps);
        break;
      case 'confirm':
        return { reply: readBack(current.draft, deps), session: { ...session, dialog: current } };
      case 'change':
      case 'booked':
        return { reply: askBooking(current, deps), session: { ...session, dialog: current } };
    }
    if (step.kind === 'ask') {
      return {
        reply: { action: 'elicitSlot', intent: 'BookCourier', slot: step.slot, say: step.say },
        session: { ...session, dialog: withPending(step.state, slots, step.slot) },
      };
    }
    current = step.state;
  }
}
