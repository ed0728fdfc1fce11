// What customers are told by SMS when their booking is made and each time it moves (Req 11.8): plain words,
// times in the company's calendar, the public tracking link, GSM-7 characters and one SMS segment where it fits.
import type { BusinessCalendar } from './business-calendar';
import type { Booking, FailureReason } from './model';
import type { Notification, Notifier } from './ports';
import type { TrackingLinks } from './tracking-links';

export type CustomerMessageContext = { calendar: BusinessCalendar; trackingLinks: TrackingLinks };

// ---- GSM-7 ----

/** GSM 03.38 basic character set: one septet each. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** The extension table: two septets each (an escape, then the character). */
const GSM_EXTENDED = new Set('^{}\\[~]|€\f');
/** Look-alikes a phone keyboard or Intl produces, in their GSM-7 spelling. */
const GSM_LOOKALIKES: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00A0': ' ',
  '\u202F': ' ',
  '\u2009': ' ',
  '\u2007': ' ',
  '\t': ' ',
  // Letters NFD does not take apart.
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Ħ: 'H',
  ħ: 'h',
  ı: 'i',
  Œ: 'OE',
  œ: 'oe',
};

export const SMS_SEGMENT_SEPTETS = 160;
const CONCATENATED_SEGMENT_SEPTETS = 153;

/**
 * Text in GSM-7 characters only: typographic quotes and dashes become their plain forms, accented letters
 * outside the alphabet lose their accent, anything else becomes "?". One non-GSM character would otherwise
 * switch the whole SMS to UCS-2 and cut a segment from 160 characters to 70.
 */
export function toGsm7(text: string): string {
  let out = '';
  for (const ch of text) {
    if (GSM_BASIC.has(ch) || GSM_EXTENDED.has(ch)) {
      out += ch;
      continue;
    }
    const lookalike = GSM_LOOKALIKES[ch];
    if (lookalike !== undefined) {
      out += lookalike;
      continue;
    }
    const bare = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    out += [...bare].every((c) => GSM_BASIC.has(c)) && bare !== '' ? bare : '?';
  }
  return out;
}

/** Septets a GSM-7 text takes (extension characters count twice); undefined if it is not GSM-7. */
export function gsm7Length(text: string): number | undefined {
  let n = 0;
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) n += 1;
    else if (GSM_EXTENDED.has(ch)) n += 2;
    else return undefined;
  }
  return n;
}

/** How many SMS segments a GSM-7 text is sent as. */
export function smsSegments(text: string): number {
  const n = gsm7Length(text);
  if (n === undefined) throw new RangeError('Not GSM-7 text: run it through toGsm7 first');
  return n <= SMS_SEGMENT_SEPTETS ? 1 : Math.ceil(n / CONCATENATED_SEGMENT_SEPTETS);
}

/** The first candidate that fits one segment, else the last (shortest): details go before the link does. */
function fitted(candidates: string[]): string {
  const texts = candidates.map(toGsm7);
  return texts.find((t) => smsSegments(t) === 1) ?? texts[texts.length - 1]!;
}

const clip = (text: string, max: number) => (text.length <= max ? text : text.slice(0, max).trimEnd());

// ---- times in the company's calendar ----

function formatDay(iso: string, calendar: BusinessCalendar): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: calendar.timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('month')} ${part('day')}`;
}

function formatClock(iso: string, calendar: BusinessCalendar): string {
  const { hour, minute } = calendar.timeOf(iso);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** "Tue Jun 10, 2:15 PM PDT": a moment as the company's customers read clocks. */
export function formatMoment(iso: string, calendar: BusinessCalendar): string {
  return `${formatDay(iso, calendar)}, ${formatClock(iso, calendar)} ${calendar.zoneName(iso)}`;
}

/** "Tue Jun 10, 9:00 AM-11:00 AM PDT" (the end's day is named too when the window crosses midnight). */
export function formatWindow(start: string, end: string, calendar: BusinessCalendar): string {
  const sameDay = calendar.dayOf(start) === calendar.dayOf(end);
  const endText = sameDay ? formatClock(end, calendar) : `${formatDay(end, calendar)}, ${formatClock(end, calendar)}`;
  return `${formatDay(start, calendar)}, ${formatClock(start, calendar)}-${endText} ${calendar.zoneName(end)}`;
}

// ---- the messages ----

/** Why a delivery failed, and what happens next, in the customer's words. */
const FAILURE_WORDS: Readonly<Record<FailureReason, { why: string; next: string }>> = {
  RECIPIENT_ABSENT: { why: 'nobody was in', next: 'We will contact you to rearrange.' },
  ADDRESS_NOT_FOUND: { why: 'the address could not be found', next: 'We will call you to check it.' },
  ACCESS_DENIED: { why: 'no access to the building', next: 'We will contact you to arrange access.' },
  REFUSED_BY_RECIPIENT: { why: 'the recipient refused it', next: 'It will go back to the sender.' },
  DAMAGED: { why: 'the parcel was damaged', next: 'We will contact you about next steps.' },
  WEATHER_OR_ROAD: { why: 'weather or road conditions', next: 'We will try again when it is safe.' },
  OTHER: { why: 'a problem on the way', next: 'We will contact you to rearrange.' },
};

function texts(b: Booking, ctx: CustomerMessageContext, link: string): string[] {
  const ref = b.reference;
  const track = `Track: ${link}`;
  const eta = b.eta ? formatMoment(b.eta, ctx.calendar) : undefined;
  const last = b.history.at(-1);
  switch (b.status) {
    case 'BOOKED': {
      const window = formatWindow(b.pickupWindow.start, b.pickupWindow.end, ctx.calendar);
      return [
        `Courier booked, ref ${ref}. Pickup ${window} at ${clip(b.pickup.line1, 40)}. ${track}`,
        `Courier booked, ref ${ref}. Pickup ${window}. ${track}`,
      ];
    }
    case 'COLLECTED':
      return eta
        ? [`Parcel ${ref} was collected. Expected delivery ${eta}. ${track}`, `Parcel ${ref} was collected. ${track}`]
        : [`Parcel ${ref} was collected. ${track}`];
    case 'IN_TRANSIT':
      return eta
        ? [`Parcel ${ref} is on its way. Expected delivery ${eta}. ${track}`, `Parcel ${ref} is on its way. ${track}`]
        : [`Parcel ${ref} is on its way. ${track}`];
    case 'OUT_FOR_DELIVERY':
      return eta
        ? [
            `Parcel ${ref} is out for delivery, expected around ${eta}. ${track}`,
            `Parcel ${ref} is out for delivery. ${track}`,
          ]
        : [`Parcel ${ref} is out for delivery today. ${track}`];
    case 'DELIVERED': {
      const when = formatMoment(last?.at ?? b.updatedAt, ctx.calendar);
      const name = last?.proof?.recipientName?.trim();
      return name
        ? [
            `Parcel ${ref} was delivered ${when}, received by ${clip(name, 30)}. ${track}`,
            `Parcel ${ref} was delivered ${when}. ${track}`,
          ]
        : [`Parcel ${ref} was delivered ${when}. ${track}`];
    }
    case 'FAILED_DELIVERY': {
      const words = FAILURE_WORDS[last?.failureReason ?? 'OTHER'];
      return [
        `Not delivered, ref ${ref}: ${words.why}. ${words.next} ${track}`,
        `Not delivered, ref ${ref}. ${words.next} ${track}`,
      ];
    }
    case 'RETURNED':
      return [
        `Parcel ${ref} could not be delivered and was returned to ${clip(b.pickup.line1, 40)}. ${track}`,
        `Parcel ${ref} could not be delivered and was returned to the sender. ${track}`,
      ];
    case 'CANCELLED':
      return [`Booking ${ref} is cancelled; no courier will come. ${track}`];
  }
}

/** The SMS for a booking as it now stands (its status decides which): to the phone it was booked with. */
export function customerMessage(b: Booking, ctx: CustomerMessageContext): Notification {
  const trackingUrl = ctx.trackingLinks.forBooking(b.reference);
  return {
    kind: b.status,
    to: { phone: b.customerPhone },
    bookingReference: b.reference,
    trackingUrl,
    message: fitted(texts(b, ctx, trackingUrl)),
  };
}

export type NotifyErrorHandler = (
  error: unknown,
  notification: Pick<Notification, 'kind' | 'bookingReference'>,
) => void;

export type CustomerNotificationDeps = {
  notifier?: Notifier;
  /** The web app's public tracking page: every message links to it. */
  trackingLinks?: TrackingLinks;
  calendar: BusinessCalendar;
  onNotifyError?: NotifyErrorHandler;
};

/**
 * Tells the customer about a booking's new state without letting a messaging failure undo it: the write
 * already happened, and failing the request would invite a duplicate. Failures go to onNotifyError (the
 * runtime logs them with the booking reference).
 */
export async function notifyCustomer(booking: Booking, deps: CustomerNotificationDeps): Promise<void> {
  if (!deps.notifier) return;
  const about = { kind: booking.status, bookingReference: booking.reference };
  try {
    if (!deps.trackingLinks) throw new Error('No tracking link base URL is configured: customer messages need one');
    await deps.notifier.send(customerMessage(booking, { calendar: deps.calendar, trackingLinks: deps.trackingLinks }));
  } catch (e) {
    deps.onNotifyError?.(e, about);
  }
}
