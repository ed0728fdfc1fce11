// The unmodified aws-amplify client, configured only from /amplify_outputs.json: SRP sign-in through
// the gateway, a mutation, and the subscription event the change feed delivers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Amplify } from 'aws-amplify';
import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { generateClient } from 'aws-amplify/api';
import type { Stack } from '../../src/local/stack';
import { LocalWebSocket } from '../../src/local/appsync';
import { toResourcesConfig } from '../../src/web/lib/amplify-config';
import { bookCourier, me, onBookingChanged, trackBooking } from '../../src/generated/graphql';
import { DEMO_PASSWORD, startTestStack, tomorrowAt } from '../support/test-stack';

let stack: Stack;

beforeAll(async () => {
  // Node 20 has no WebSocket, and Amplify always dials wss://: the same substitution the web app makes.
  (globalThis as { WebSocket?: unknown }).WebSocket = LocalWebSocket;
  stack = await startTestStack();
  // Exactly what the web app does with the file: Amplify's own parser plus the gateway endpoint.
  const outputs: unknown = await (await fetch(`${stack.webUrl}/amplify_outputs.json`)).json();
  Amplify.configure(toResourcesConfig(outputs));
});
afterAll(async () => {
  await signOut().catch(() => {});
  await stack?.close();
});

describe('aws-amplify against the local stack', () => {
  it('signs in with the default SRP flow and carries the group in the token', async () => {
    const result = await signIn({ username: 'admin@example.com', password: DEMO_PASSWORD });
    expect(result.isSignedIn).toBe(true);
    const session = await fetchAuthSession();
    expect(session.tokens?.accessToken.payload['cognito:groups']).toContain('admin');
  });

  it('runs queries and mutations as the signed-in user and receives the subscription event', async () => {
    const client = generateClient();
    const who = await client.graphql({ query: me });
    expect(who.data.me.role).toBe('ADMIN');

    const received: { reference: string; status: string }[] = [];
    const subscribed = new Promise<void>((resolve, reject) => {
      const sub = client.graphql({ query: onBookingChanged, variables: {} }).subscribe({
        next: ({ data }) => {
          received.push(data.onBookingChanged as { reference: string; status: string });
          sub.unsubscribe();
          resolve();
        },
        error: reject,
      });
    });
    // Give the subscription its start_ack before the change happens.
    await new Promise((r) => setTimeout(r, 500));

    const start = new Date(tomorrowAt(stack, 10));
    const booked = await client.graphql({
      query: bookCourier,
      variables: {
        customerName: 'Avery Hill',
        customerPhone: '+12065550199',
        pickup: { line1: '2300 NW Market St', city: 'Seattle', postcode: '98107' },
        delivery: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
        package: { size: 'SMALL', weightKg: 1.2 },
        pickupWindowStart: start.toISOString(),
        pickupWindowEnd: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
      },
    });
    const reference = booked.data.bookCourier.reference;

    await Promise.race([
      subscribed,
      new Promise((_, reject) => setTimeout(() => reject(new Error('no event in 10 s')), 10_000)),
    ]);
    expect(received[0]).toMatchObject({ reference, status: 'BOOKED' });
  });

  it('tracks a parcel with the public API key', async () => {
    const client = generateClient({ authMode: 'apiKey' });
    const [seeded] = (await stack.deps.bookings.query({ by: 'partner', partnerId: 'acme' }, { limit: 1 })).items;
    const r = await client.graphql({ query: trackBooking, variables: { reference: seeded!.reference } });
    expect(r.data.trackBooking?.status).toBe(seeded!.status);
  });
});
