import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetEarlyRequests, sendEarlyRequests } from './early-requests';
import { runOperation, subscribeTo, type TypedDocument } from './graphql-client';

const amplify = vi.hoisted(() => ({
  sub: 'sub-7' as string | undefined,
  calls: [] as Array<{ query: string; variables: unknown }>,
  subscribed: [] as string[],
  unsubscribed: [] as string[],
}));
vi.mock('aws-amplify/api', () => ({
  generateClient: () => ({
    graphql: (options: { query: string; variables: unknown }) => {
      amplify.calls.push(options);
      if (options.query.startsWith('subscription')) {
        return {
          subscribe(observer: { next: (message: { data: unknown }) => void }) {
            amplify.subscribed.push(options.query);
            observer.next({ data: { changed: 1 } });
            return { unsubscribe: () => amplify.unsubscribed.push(options.query) };
          },
        };
      }
      return Promise.resolve({ data: { me: { sub: 'from-amplify' } } });
    },
  }),
}));
vi.mock('aws-amplify/auth', () => ({
  fetchAuthSession: () =>
    Promise.resolve(amplify.sub ? { tokens: { accessToken: { payload: { sub: amplify.sub } } } } : {}),
}));

const Me = { toString: () => 'query Me { me { sub } }' } as TypedDocument<{ me: { sub: string } }, object>;
const answered = (data: unknown) => () =>
  Promise.resolve(new Response(JSON.stringify({ data }), { headers: { 'Content-Type': 'application/json' } }));
const session = { clientId: 'c', sub: 'sub-7', groups: ['courier'], accessToken: 'token-7' };

afterEach(() => {
  forgetEarlyRequests();
  amplify.calls.length = 0;
  amplify.subscribed.length = 0;
  amplify.unsubscribed.length = 0;
  amplify.sub = 'sub-7';
});

describe('runOperation with a request sent early', () => {
  it('answers from the early request once, for the same user, then goes through Amplify', async () => {
    sendEarlyRequests(
      'https://api/graphql',
      session,
      [{ query: Me.toString(), variables: {} }],
      answered({ me: { sub: 'early' } }),
    );

    await expect(runOperation(Me, {})).resolves.toEqual({ me: { sub: 'early' } });
    await expect(runOperation(Me, {})).resolves.toEqual({ me: { sub: 'from-amplify' } });
    expect(amplify.calls).toHaveLength(1);
  });

  it("drops the early answer when the session's user is another one or nobody, and asks through Amplify", async () => {
    for (const sub of ['sub-8', undefined]) {
      amplify.sub = sub;
      sendEarlyRequests(
        'https://api/graphql',
        session,
        [{ query: Me.toString(), variables: {} }],
        answered({ me: { sub: 'early' } }),
      );
      await expect(runOperation(Me, {})).resolves.toEqual({ me: { sub: 'from-amplify' } });
    }
    expect(amplify.calls).toHaveLength(2);
  });

  it('asks through Amplify when the early request failed', async () => {
    sendEarlyRequests('https://api/graphql', session, [{ query: Me.toString(), variables: {} }], () =>
      Promise.reject(new TypeError('Failed to fetch')),
    );
    await expect(runOperation(Me, {})).resolves.toEqual({ me: { sub: 'from-amplify' } });
    expect(amplify.calls).toHaveLength(1);
  });
});

describe('subscribeTo, with the API category loaded on first use', () => {
  const Changed = { toString: () => 'subscription Changed { changed }' } as TypedDocument<{ changed: number }, object>;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('subscribes once the client has loaded, delivers messages, and stops', async () => {
    const received: unknown[] = [];
    const stop = subscribeTo(Changed, {}, { next: (data) => received.push(data), error: () => undefined });
    await settle();
    expect(amplify.subscribed).toEqual([Changed.toString()]);
    expect(received).toEqual([{ changed: 1 }]);
    stop();
    expect(amplify.unsubscribed).toEqual([Changed.toString()]);
  });

  it('never subscribes when stopped before the client has loaded', async () => {
    const received: unknown[] = [];
    const stop = subscribeTo(Changed, {}, { next: (data) => received.push(data), error: () => undefined });
    stop();
    await settle();
    expect(amplify.subscribed).toEqual([]);
    expect(received).toEqual([]);
  });
});
