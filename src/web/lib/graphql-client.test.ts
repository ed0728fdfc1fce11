import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetEarlyRequests, sendEarlyRequests } from './early-requests';
import { runOperation, type TypedDocument } from './graphql-client';

const amplify = vi.hoisted(() => ({
  sub: 'sub-7' as string | undefined,
  calls: [] as Array<{ query: string; variables: unknown }>,
}));
vi.mock('aws-amplify/api', () => ({
  generateClient: () => ({
    graphql: (options: { query: string; variables: unknown }) => {
      amplify.calls.push(options);
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
