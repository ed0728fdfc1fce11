import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { LocalWebSocket } from './local-websocket';
import { FIXTURE_API_KEY, FIXTURE_IAM, startFixtureStack, type FixtureStack } from './test-fixtures';

type Tracking = { reference: string; status: string };

let stack: FixtureStack;
const originalWebSocket = globalThis.WebSocket;

beforeAll(async () => {
  stack = await startFixtureStack();
  // Amplify derives wss://127.0.0.1:<port>/graphql/realtime; Node 20 has no global WebSocket at all.
  globalThis.WebSocket = LocalWebSocket as unknown as typeof WebSocket;
  Amplify.configure({
    API: {
      GraphQL: {
        endpoint: stack.server.url,
        region: FIXTURE_IAM.region,
        defaultAuthMode: 'apiKey',
        apiKey: FIXTURE_API_KEY,
      },
    },
  });
});

afterAll(async () => {
  globalThis.WebSocket = originalWebSocket;
  await stack.close();
});

describe('the unmodified aws-amplify v6 client', () => {
  it('runs a query with an API key', async () => {
    // Prepare
    const client = generateClient();

    // Act
    const result = (await client.graphql({
      query: 'query Track($reference: String!) { track(reference: $reference) { reference status } }',
      variables: { reference: 'CV-42' },
    })) as { data: { track: Tracking } };

    // Assess
    expect(result.data.track).toEqual({ reference: 'CV-42', status: 'BOOKED' });
  });

  it('surfaces an AppSync error as Amplify does', async () => {
    // Prepare
    const client = generateClient();

    // Act
    const failure = await (client.graphql({ query: '{ fail(kind: "user") }' }) as Promise<unknown>).then(
      () => undefined,
      (e: unknown) => e as { errors?: { errorType?: string; message: string }[] },
    );

    // Assess
    expect(failure?.errors?.[0]).toMatchObject({ errorType: 'ValidationError', message: 'The postcode is not valid.' });
  });

  it('receives a subscription event triggered by a mutation', async () => {
    // Prepare
    const client = generateClient();
    const received: Tracking[] = [];
    let ready!: () => void;
    const started = new Promise<void>((resolve) => (ready = resolve));
    const arrived = new Promise<Tracking>((resolve, reject) => {
      const observable = client.graphql({
        query: 'subscription OnStatus($reference: String) { onStatus(reference: $reference) { reference status } }',
        variables: { reference: 'CV-7' },
      }) as unknown as {
        subscribe(o: { next(v: { data: { onStatus: Tracking } }): void; error(e: unknown): void }): {
          unsubscribe(): void;
        };
      };
      const subscription = observable.subscribe({
        next: ({ data }) => {
          received.push(data.onStatus);
          subscription.unsubscribe();
          resolve(data.onStatus);
        },
        error: reject,
      });
      const poll = setInterval(() => {
        if (stack.events.some((e) => e.info.fieldName === 'onStatus')) {
          clearInterval(poll);
          ready();
        }
      }, 20);
    });
    await started;
    const setStatus = (reference: string, status: string) =>
      client.graphql({
        query:
          'mutation S($reference: String!, $status: String!) { setStatus(reference: $reference, status: $status) { reference status } }',
        variables: { reference, status },
      });

    // Act
    await setStatus('CV-8', 'IGNORED');
    // The start is acknowledged just after the resolver ran: publish until the first delivery arrives.
    for (let i = 0; i < 30 && received.length === 0; i += 1) {
      await setStatus('CV-7', 'DELIVERED');
      await new Promise((r) => setTimeout(r, 50));
    }
    const event = await arrived;

    // Assess
    expect(event).toEqual({ reference: 'CV-7', status: 'DELIVERED' });
    expect(received).toHaveLength(1);
  });
});
