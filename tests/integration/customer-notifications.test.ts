// Customer SMS end to end on the local stack (Req 11.8): a booking, its assignment and every courier update
// through GraphQL each send the customer's message through the gateway's End User Messaging SMS, recorded in the
// outbox as sent, with the link to the public tracking page this stack serves; admins read them through sentMessages, nobody else can.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking } from '../../src/core/model';
import type { SentMessagesQuery } from '../../src/generated/graphql';
import type { Stack } from '../../src/local/stack';
import { assignCourier, bookCourier, sentMessages, updateDeliveryStatus } from '../../src/generated/graphql';
import { as, gql, pickupWindowSoon, startTestStack, type Caller } from '../support/test-stack';

type Message = SentMessagesQuery['sentMessages']['items'][number];

let stack: Stack;
let admin: Caller;
let courier: Caller;
beforeAll(async () => {
  stack = await startTestStack();
  admin = await as(stack, 'admin@example.com');
  courier = await as(stack, 'courier5@example.com');
});
afterAll(async () => stack?.close());

async function book(customerPhone: string): Promise<string> {
  const { start, end } = pickupWindowSoon(stack);
  const booked = await gql<{ bookCourier: Booking }>(stack, admin, bookCourier, {
    customerName: 'Ada Lovelace',
    customerPhone,
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
    delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109' },
    package: { size: 'SMALL', weightKg: 1.5, handling: [] },
    pickupWindowStart: start.toISOString(),
    pickupWindowEnd: end.toISOString(),
  });
  expect(booked.errors).toBeUndefined();
  const reference = booked.data!.bookCourier.reference;
  const assigned = await gql(stack, admin, assignCourier, { reference, courierId: 'courier-05' });
  expect(assigned.errors).toBeUndefined();
  return reference;
}

async function move(reference: string, status: string, extra: Record<string, unknown> = {}): Promise<void> {
  const r = await gql(stack, courier, updateDeliveryStatus, { reference, status, lat: 47.61, lng: -122.34, ...extra });
  expect(r.errors).toBeUndefined();
}

async function messagesFor(reference: string): Promise<Message[]> {
  const r = await gql<SentMessagesQuery>(stack, admin, sentMessages, { bookingReference: reference, limit: 20 });
  expect(r.errors).toBeUndefined();
  return r.data!.sentMessages.items;
}

describe('customer notifications', () => {
  it('puts the customer’s message for the booking and each update in the outbox, with the tracking link', async () => {
    // Prepare
    const delivered = await book('(206) 555-0161');
    const failed = await book('(206) 555-0162');

    // Act: one delivery walked to the door, one that fails
    for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']) await move(delivered, status);
    await move(delivered, 'DELIVERED', { recipientName: 'Grace Hopper' });
    for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']) await move(failed, status);
    await move(failed, 'FAILED_DELIVERY', { failureReason: 'RECIPIENT_ABSENT', note: 'Rang twice, nobody home.' });
    const forDelivered = await messagesFor(delivered);
    const forFailed = await messagesFor(failed);
    const latest = await gql<SentMessagesQuery>(stack, admin, sentMessages, { limit: 2 });

    // Assess: newest first, one per event, each linking to this stack's tracking page for its booking
    expect(forDelivered.map((m) => m.kind)).toEqual([
      'DELIVERED',
      'OUT_FOR_DELIVERY',
      'IN_TRANSIT',
      'COLLECTED',
      'BOOKED',
    ]);
    expect(forFailed.map((m) => m.kind)).toEqual([
      'FAILED_DELIVERY',
      'OUT_FOR_DELIVERY',
      'IN_TRANSIT',
      'COLLECTED',
      'BOOKED',
    ]);
    for (const [reference, list] of [
      [delivered, forDelivered],
      [failed, forFailed],
    ] as const) {
      for (const m of list) {
        const link = `${stack.webUrl}/track/${reference}`;
        expect(m.trackingUrl).toBe(link);
        expect(m.text.endsWith(`Track: ${link}`), m.text).toBe(true);
        expect(m).toMatchObject({ bookingReference: reference, delivery: 'SENT' });
      }
    }
    expect(forDelivered[0]?.text).toContain('received by Grace Hopper');
    expect(forDelivered[4]?.text).toContain(`Courier booked, ref ${delivered}. Pickup `);
    expect(forFailed[0]?.text).toContain(
      `Not delivered, ref ${failed}: nobody was in. We will contact you to rearrange.`,
    );
    expect(forDelivered.map((m) => m.phone)).toEqual(Array(5).fill('•••••••0161'));
    expect(latest.data?.sentMessages.items.map((m) => [m.bookingReference, m.kind])).toEqual([
      [failed, 'FAILED_DELIVERY'],
      [failed, 'OUT_FOR_DELIVERY'],
    ]);
    expect(latest.data?.sentMessages.nextToken).toEqual(expect.any(String));
  });

  it('lets only admins read the messages: couriers, partners, API keys and strangers are refused', async () => {
    // Prepare
    const callers: Caller[] = [
      courier,
      await as(stack, 'partner@example.com'),
      { apiKey: stack.apiKey },
      { anonymous: true },
    ];

    // Act
    const answers = await Promise.all(callers.map((caller) => gql(stack, caller, sentMessages, { limit: 5 })));
    const granted = await gql<SentMessagesQuery>(stack, admin, sentMessages, { limit: 1 });

    // Assess
    for (const r of answers) {
      expect(r.data?.sentMessages ?? null).toBeNull();
      expect(r.errors?.[0]?.errorType ?? `HTTP ${r.status}`).toMatch(/^(Unauthorized|UnauthorizedException|HTTP 401)$/);
    }
    expect(granted.errors).toBeUndefined();
    expect(granted.data?.sentMessages.items).toHaveLength(1);
  });

  it('names the field of a bad filter', async () => {
    const r = await gql(stack, admin, sentMessages, { bookingReference: 'NOT-A-REF', limit: 5 });
    expect(r.errors?.[0]).toMatchObject({ errorType: 'ValidationError' });
    expect(r.errors?.[0]?.message).toMatch(/not a valid booking reference/);
  });
});
