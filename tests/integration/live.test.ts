// The change feed end to end: a write through the API reaches the right subscribers over AppSync's
// real-time protocol, and only them — admins see everything, a courier only their own deliveries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, Courier } from '../../src/core/model';
import type { Stack } from '../../src/local/stack';
import {
  onBookingChanged,
  onCourierMoved,
  updateCourierLocation,
  updateDeliveryStatus,
} from '../../src/generated/graphql';
import { accessTokenFor, companyDay, gql, startTestStack } from '../support/test-stack';
import { subscribeRealtime } from '../support/realtime-client';

let stack: Stack;
let host: string;
beforeAll(async () => {
  stack = await startTestStack();
  host = new URL(stack.graphqlUrl).host;
});
afterAll(async () => stack?.close());

const auth = async (email: string) => ({ host, Authorization: await accessTokenFor(stack, email) });

describe('live updates', () => {
  it("delivers a courier's status change to admins and to that courier, not to another courier", async () => {
    const today = companyDay(stack);
    const inTransit = await stack.deps.bookings.query({ by: 'day', day: today, status: 'IN_TRANSIT' }, { limit: 100 });
    const own = inTransit.items.find((b) => b.courierId);
    expect(own, 'the seed has parcels in transit today').toBeDefined();
    const courierId = own!.courierId!;
    const otherId = courierId === 'courier-05' ? 'courier-06' : 'courier-05';
    const emailOf = (id: string) => `courier${Number(id.slice('courier-'.length))}@example.com`;

    const admin = await subscribeRealtime<Booking>(
      stack.realtimeUrl,
      await auth('admin@example.com'),
      onBookingChanged,
    );
    const mine = await subscribeRealtime<Booking>(stack.realtimeUrl, await auth(emailOf(courierId)), onBookingChanged, {
      courierId,
    });
    const other = await subscribeRealtime<Booking>(stack.realtimeUrl, await auth(emailOf(otherId)), onBookingChanged, {
      courierId: otherId,
    });

    const r = await gql(stack, { token: await accessTokenFor(stack, emailOf(courierId)) }, updateDeliveryStatus, {
      reference: own!.reference,
      status: 'OUT_FOR_DELIVERY',
      lat: own!.delivery.point!.lat,
      lng: own!.delivery.point!.lng,
    });
    expect(r.errors).toBeUndefined();

    const [seenByAdmin, seenByCourier] = await Promise.all([admin.next(), mine.next()]);
    expect(seenByAdmin).toMatchObject({
      reference: own!.reference,
      status: 'OUT_FOR_DELIVERY',
      courierId,
    });
    expect(seenByCourier.history.at(-1)).toMatchObject({ status: 'OUT_FOR_DELIVERY', actor: { id: courierId } });
    await stack.flushChangeFeed();
    expect(other.received).toEqual([]);
    for (const s of [admin, mine, other]) s.close();
  });

  it('refuses a courier who subscribes to another courier', async () => {
    await expect(
      subscribeRealtime(stack.realtimeUrl, await auth('courier4@example.com'), onBookingChanged, {
        courierId: 'courier-05',
      }),
    ).rejects.toThrow(/ForbiddenError|own deliveries/);
  });

  it("moves the courier on the admins' map when the courier reports a position", async () => {
    const moves = await subscribeRealtime<Courier & { courierId: string; lat: number }>(
      stack.realtimeUrl,
      await auth('admin@example.com'),
      onCourierMoved,
    );
    const r = await gql(stack, { token: await accessTokenFor(stack, 'courier6@example.com') }, updateCourierLocation, {
      lat: 47.6097,
      lng: -122.3422,
      speedKph: 18,
    });
    expect(r.errors).toBeUndefined();
    expect(await moves.next()).toMatchObject({ courierId: 'courier-06', lat: 47.6097, lng: -122.3422 });
    moves.close();
  });
});
