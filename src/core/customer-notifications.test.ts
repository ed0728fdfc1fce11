import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar';
import { customerMessage, gsm7Length, notifyCustomer, smsSegments, toGsm7 } from './customer-notifications';
import { createMemoryOutbox } from './memory-outbox';
import type { Booking, BookingStatus, StatusEvent } from './model';
import { createTrackingLinks } from './tracking-links';

const seattle = createBusinessCalendar('America/Los_Angeles');
const berlin = createBusinessCalendar('Europe/Berlin');
/** A CloudFront-length base URL: the longest link a message must still fit in one segment with. */
const links = createTrackingLinks('https://d111111abcdef8.cloudfront.net');
const ctx = { calendar: seattle, trackingLinks: links };
const LINK = 'https://d111111abcdef8.cloudfront.net/track/K7M-4QX-9';

function booking(status: BookingStatus, last: Partial<StatusEvent> = {}, overrides: Partial<Booking> = {}): Booking {
  return {
    reference: 'K7M-4QX-9',
    customerName: 'Grace Hopper',
    customerPhone: '+12065550134',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101', country: 'US' },
    delivery: { line1: '3400 Stone Way N', city: 'Seattle', postcode: '98103', country: 'US' },
    package: { size: 'SMALL', weightKg: 2, handling: [] },
    // Tue 10 June 2025, 16:00-18:00 UTC = 9-11 AM in Seattle, 6-8 PM in Berlin.
    pickupWindow: { start: '2025-06-10T16:00:00.000Z', end: '2025-06-10T18:00:00.000Z' },
    status,
    history: [
      { status: 'BOOKED', at: '2025-06-10T15:00:00.000Z', actor: { type: 'ADMIN', id: 'a' } },
      ...(status === 'BOOKED'
        ? []
        : [{ status, at: '2025-06-10T21:15:00.000Z', actor: { type: 'COURIER' as const, id: 'c' }, ...last }]),
    ],
    eta: '2025-06-10T20:30:00.000Z',
    channel: 'WEB',
    createdAt: '2025-06-10T15:00:00.000Z',
    updatedAt: '2025-06-10T21:15:00.000Z',
    version: 2,
    ...overrides,
  } as Booking;
}

describe('customer messages', () => {
  it('books: the reference, the pickup window in the company’s time and the tracking link', () => {
    // Act
    const n = customerMessage(booking('BOOKED'), ctx);

    // Assess
    expect(n).toEqual({
      kind: 'BOOKED',
      to: { phone: '+12065550134' },
      bookingReference: 'K7M-4QX-9',
      trackingUrl: LINK,
      message: `Courier booked, ref K7M-4QX-9. Pickup Tue Jun 10, 9:00 AM-11:00 AM PDT at 1201 3rd Ave. Track: ${LINK}`,
    });
  });

  it('tells the times of a company in another time zone on that company’s calendar', () => {
    // Act
    const booked = customerMessage(booking('BOOKED'), { calendar: berlin, trackingLinks: links });
    const out = customerMessage(booking('OUT_FOR_DELIVERY'), { calendar: berlin, trackingLinks: links });
    // 23:30 UTC on 10 June is already Wednesday in Berlin.
    const late = customerMessage(booking('DELIVERED', { at: '2025-06-10T23:30:00.000Z' }), {
      calendar: berlin,
      trackingLinks: links,
    });

    // Assess
    expect(booked.message).toContain('Pickup Tue Jun 10, 6:00 PM-8:00 PM GMT+2');
    expect(out.message).toContain('expected around Tue Jun 10, 10:30 PM GMT+2');
    expect(late.message).toContain('delivered Wed Jun 11, 1:30 AM GMT+2');
  });

  it('collected and in transit give the expected delivery time', () => {
    // Act
    const collected = customerMessage(booking('COLLECTED'), ctx);
    const moving = customerMessage(booking('IN_TRANSIT'), ctx);

    // Assess
    expect(collected.message).toBe(
      `Parcel K7M-4QX-9 was collected. Expected delivery Tue Jun 10, 1:30 PM PDT. Track: ${LINK}`,
    );
    expect(moving.message).toBe(
      `Parcel K7M-4QX-9 is on its way. Expected delivery Tue Jun 10, 1:30 PM PDT. Track: ${LINK}`,
    );
    expect([collected.kind, moving.kind]).toEqual(['COLLECTED', 'IN_TRANSIT']);
  });

  it('out for delivery gives the ETA, or "today" without one', () => {
    // Act
    const withEta = customerMessage(booking('OUT_FOR_DELIVERY'), ctx);
    const withoutEta = customerMessage(booking('OUT_FOR_DELIVERY', {}, { eta: undefined }), ctx);

    // Assess
    expect(withEta.message).toBe(
      `Parcel K7M-4QX-9 is out for delivery, expected around Tue Jun 10, 1:30 PM PDT. Track: ${LINK}`,
    );
    expect(withoutEta.message).toBe(`Parcel K7M-4QX-9 is out for delivery today. Track: ${LINK}`);
  });

  it('delivered says when, and who received it when the proof names them', () => {
    // Act
    const named = customerMessage(booking('DELIVERED', { proof: { recipientName: 'Ann Lee' } }), ctx);
    const signed = customerMessage(booking('DELIVERED', { proof: { signatureKey: 'proofs/K7M-4QX-9/s.png' } }), ctx);

    // Assess
    expect(named.message).toBe(
      `Parcel K7M-4QX-9 was delivered Tue Jun 10, 2:15 PM PDT, received by Ann Lee. Track: ${LINK}`,
    );
    expect(signed.message).toBe(`Parcel K7M-4QX-9 was delivered Tue Jun 10, 2:15 PM PDT. Track: ${LINK}`);
  });

  it('failed says why in plain words and what happens next, for every reason', () => {
    // Act
    const absent = customerMessage(booking('FAILED_DELIVERY', { failureReason: 'RECIPIENT_ABSENT' }), ctx);
    const refused = customerMessage(booking('FAILED_DELIVERY', { failureReason: 'REFUSED_BY_RECIPIENT' }), ctx);
    const all = (['ADDRESS_NOT_FOUND', 'ACCESS_DENIED', 'DAMAGED', 'WEATHER_OR_ROAD', 'OTHER'] as const).map(
      (failureReason) => customerMessage(booking('FAILED_DELIVERY', { failureReason }), ctx),
    );

    // Assess
    expect(absent).toMatchObject({ kind: 'FAILED_DELIVERY', trackingUrl: LINK });
    expect(absent.message).toBe(
      `Not delivered, ref K7M-4QX-9: nobody was in. We will contact you to rearrange. Track: ${LINK}`,
    );
    expect(refused.message).toContain(': the recipient refused it. It will go back to the sender.');
    for (const n of all) expect(n.message).toMatch(/^Not delivered, ref K7M-4QX-9: [a-z].+\. We .+\. Track: /);
  });

  it('returned and cancelled carry the link too', () => {
    // Act
    const returned = customerMessage(booking('RETURNED'), ctx);
    const cancelled = customerMessage(booking('CANCELLED'), ctx);

    // Assess
    expect(returned.message).toBe(
      `Parcel K7M-4QX-9 could not be delivered and was returned to 1201 3rd Ave. Track: ${LINK}`,
    );
    expect(cancelled.message).toBe(`Booking K7M-4QX-9 is cancelled; no courier will come. Track: ${LINK}`);
  });

  it('keeps every message to one GSM-7 segment, dropping details before the link when text is long', () => {
    // Prepare: a long pickup street and a long recipient name, typed with non-GSM characters
    const long = {
      pickup: { line1: 'Ünterwäßer-Straße 1234, Hinterhof, 3. Stock links', city: 'Seattle', postcode: '98101' },
    } as Partial<Booking>;
    const statuses: BookingStatus[] = [
      'BOOKED',
      'COLLECTED',
      'IN_TRANSIT',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
      'FAILED_DELIVERY',
      'RETURNED',
      'CANCELLED',
    ];

    // Act
    const messages = statuses.map((s) =>
      customerMessage(
        booking(
          s,
          { proof: { recipientName: 'Zoë “Ziggy” Łukasiewicz-Żółtowska' }, failureReason: 'ACCESS_DENIED' },
          long,
        ),
        ctx,
      ),
    );

    // Assess
    for (const n of messages) {
      expect(gsm7Length(n.message), n.message).toBeDefined();
      expect(smsSegments(n.message), n.message).toBe(1);
      expect(n.message.endsWith(`Track: ${LINK}`)).toBe(true);
    }
    expect(messages.map((n) => n.kind)).toEqual(statuses);
    expect(messages[4]?.message).toContain('received by Zoe "Ziggy" Lukasiewicz-Zoltow. Track');
  });
});

describe('GSM-7', () => {
  it('keeps the GSM alphabet, plain-spells typography and accents, and marks the rest', () => {
    expect(toGsm7('Café – “Zoë’s” … Łódź 10\u202fAM 🚚')).toBe('Café - "Zoe\'s" ... Lodz 10 AM ?');
    expect(gsm7Length('a€[')).toBe(5);
    expect(gsm7Length('Łódź')).toBeUndefined();
    expect(smsSegments('x'.repeat(160))).toBe(1);
    expect(smsSegments('x'.repeat(161))).toBe(2);
    expect(() => smsSegments('🚚')).toThrow(/GSM-7/);
  });
});

describe('notifyCustomer', () => {
  it('sends the message for the booking’s status, and reports failures with the reference instead of throwing', async () => {
    // Prepare
    const outbox = createMemoryOutbox();
    const failures: { error: unknown; about: unknown }[] = [];
    const onNotifyError = (error: unknown, about: unknown) => failures.push({ error, about });

    // Act
    await notifyCustomer(booking('COLLECTED'), { notifier: outbox, trackingLinks: links, calendar: seattle });
    await notifyCustomer(booking('DELIVERED'), {
      notifier: { send: () => Promise.reject(new Error('SMS down')) },
      trackingLinks: links,
      calendar: seattle,
      onNotifyError,
    });
    await notifyCustomer(booking('RETURNED'), { notifier: outbox, calendar: seattle, onNotifyError });

    // Assess
    expect(outbox.sent.map((n) => n.kind)).toEqual(['COLLECTED']);
    expect(failures.map((f) => [String(f.error), f.about])).toEqual([
      ['Error: SMS down', { kind: 'DELIVERED', bookingReference: 'K7M-4QX-9' }],
      [
        'Error: No tracking link base URL is configured: customer messages need one',
        { kind: 'RETURNED', bookingReference: 'K7M-4QX-9' },
      ],
    ]);
  });
});

describe('tracking links', () => {
  it('builds /track/<reference> under the base and names what is wrong with a bad base', () => {
    expect(createTrackingLinks('http://localhost:4000/').forBooking('K7M-4QX-9')).toBe(
      'http://localhost:4000/track/K7M-4QX-9',
    );
    expect(createTrackingLinks('https://example.com/courier').forBooking('K7M-4QX-9')).toBe(
      'https://example.com/courier/track/K7M-4QX-9',
    );
    expect(() => createTrackingLinks('d111.cloudfront.net')).toThrow(/not an absolute URL/);
    expect(() => createTrackingLinks('ftp://example.com')).toThrow(/must start with https:\/\//);
    expect(() => createTrackingLinks('https://example.com/?a=1')).toThrow(/query or a fragment/);
    const served: { url?: string } = {};
    const late = createTrackingLinks(() => served.url);
    expect(() => late.forBooking('K7M-4QX-9')).toThrow(/not known yet/);
    served.url = 'http://localhost:54321';
    expect(late.forBooking('K7M-4QX-9')).toBe('http://localhost:54321/track/K7M-4QX-9');
  });
});
