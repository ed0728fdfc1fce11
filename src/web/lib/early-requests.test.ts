import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AMPLIFY_OUTPUTS_PATH,
  EXPIRY_MARGIN_MS,
  fetchOutputsEarly,
  fetchWithEarlyOutputs,
  forgetEarlyRequests,
  sendEarlyRequests,
  storedSession,
  takeEarlyResult,
  type StoredSession,
} from './early-requests';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${base64url({ alg: 'RS256' })}.${base64url(claims)}.signature`;

/** A Storage over a plain map, in insertion order. */
function storage(items: Record<string, string>) {
  const keys = Object.keys(items);
  return { length: keys.length, key: (i: number) => keys[i] ?? null, getItem: (key: string) => items[key] ?? null };
}

const NOW = Date.parse('2026-12-07T12:00:00Z');
const inSeconds = (s: number) => Math.floor(NOW / 1000) + s;
const CLIENT = 'CognitoIdentityServiceProvider.client123';

function signedIn(options: { accessExp?: number; idExp?: number | null; drift?: string; sub?: string } = {}) {
  const { accessExp = inSeconds(3600), idExp = inSeconds(3600), drift, sub = 'sub-7' } = options;
  return storage({
    [`${CLIENT}.LastAuthUser`]: 'courier7',
    [`${CLIENT}.courier7.accessToken`]: jwt({ sub, exp: accessExp, 'cognito:groups': ['courier'] }),
    ...(idExp === null ? {} : { [`${CLIENT}.courier7.idToken`]: jwt({ sub, exp: idExp }) }),
    ...(drift === undefined ? {} : { [`${CLIENT}.courier7.clockDrift`]: drift }),
  });
}

const session: StoredSession = { clientId: 'client123', sub: 'sub-7', groups: ['courier'], accessToken: 'token-7' };
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => forgetEarlyRequests());

describe('storedSession', () => {
  it('reads the signed-in user, its client and its access token while both tokens are unexpired', () => {
    const found = storedSession(signedIn(), NOW);
    expect(found).toEqual({
      clientId: 'client123',
      sub: 'sub-7',
      groups: ['courier'],
      accessToken: expect.stringMatching(/^ey/) as unknown,
    });
    // Amplify may keep no ID token: the access token alone decides then.
    expect(storedSession(signedIn({ idExp: null }), NOW)?.sub).toBe('sub-7');
  });

  it('finds none when either token is expired or expires within the margin, on the stored clock drift', () => {
    const margin = EXPIRY_MARGIN_MS / 1000;
    expect(storedSession(signedIn({ accessExp: inSeconds(-1) }), NOW)).toBeUndefined();
    expect(storedSession(signedIn({ idExp: inSeconds(-1) }), NOW)).toBeUndefined();
    expect(storedSession(signedIn({ accessExp: inSeconds(margin) }), NOW)).toBeUndefined();
    expect(storedSession(signedIn({ accessExp: inSeconds(margin + 1) }), NOW)).toBeDefined();
    // The server's clock 10 minutes ahead of the phone's: a token with 5 minutes left by the phone is expired.
    expect(storedSession(signedIn({ accessExp: inSeconds(300), drift: '600000' }), NOW)).toBeUndefined();
  });

  it('finds none signed out, without an expiry, or from a damaged token', () => {
    expect(storedSession(storage({}), NOW)).toBeUndefined();
    expect(storedSession(signedIn({ accessExp: 'soon' as unknown as number }), NOW)).toBeUndefined();
    expect(
      storedSession(storage({ [`${CLIENT}.LastAuthUser`]: 'u', [`${CLIENT}.u.accessToken`]: 'not-a-jwt' }), NOW),
    ).toBeUndefined();
  });
});

describe('sendEarlyRequests and takeEarlyResult', () => {
  const me = { query: 'query Me { me { sub } }', variables: {} };
  const day = { query: 'query Day($day: AWSDate) { listBookings(day: $day) { nextToken } }', variables: { day: 'D' } };

  it("sends each request as Amplify's user-pool mode does and hands its data over once, with the user", async () => {
    // Prepare
    const fetchFn = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
      const { query } = JSON.parse(String(init?.body)) as { query: string };
      return Promise.resolve(json({ data: query === me.query ? { me: { sub: 'sub-7' } } : { listBookings: {} } }));
    });

    // Act
    sendEarlyRequests('https://api.example.com/graphql', session, [me, day], fetchFn as typeof fetch);
    const first = takeEarlyResult(day.query, { day: 'D' });
    const again = takeEarlyResult(day.query, { day: 'D' });

    // Assess
    expect(fetchFn).toHaveBeenCalledTimes(2);
    expect(fetchFn.mock.calls[1]).toEqual([
      'https://api.example.com/graphql',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'token-7' },
        body: JSON.stringify(day),
      },
    ]);
    expect(first?.sub).toBe('sub-7');
    await expect(first?.data).resolves.toEqual({ listBookings: {} });
    expect(again).toBeUndefined();
    await expect(takeEarlyResult(me.query, {})?.data).resolves.toEqual({ me: { sub: 'sub-7' } });
  });

  it('has nothing for a request it did not send, or with other variables', () => {
    sendEarlyRequests('https://api.example.com/graphql', session, [day], () => Promise.resolve(json({ data: {} })));
    expect(takeEarlyResult(day.query, { day: 'E' })).toBeUndefined();
    expect(takeEarlyResult(me.query, {})).toBeUndefined();
  });

  it('gives undefined data for errors, a refusal, a non-JSON answer or no network, so the app asks again', async () => {
    const answers: Array<() => Promise<Response>> = [
      () => Promise.resolve(json({ data: null, errors: [{ errorType: 'Unauthorized', message: 'no' }] })),
      () => Promise.resolve(json({ message: 'Unauthorized' }, 401)),
      () => Promise.resolve(new Response('<html>', { status: 200 })),
      () => Promise.reject(new TypeError('Failed to fetch')),
    ];
    for (const answer of answers) {
      sendEarlyRequests('https://api.example.com/graphql', session, [me], answer);
      await expect(takeEarlyResult(me.query, {})?.data).resolves.toBeUndefined();
    }
  });
});

describe('fetchOutputsEarly and fetchWithEarlyOutputs', () => {
  it("gives the entry the outputs and the app's first request of them the same response", async () => {
    // Prepare
    const outputs = { data: { url: 'https://api.example.com/graphql' } };
    const fetchFn = vi.fn(() => Promise.resolve(json(outputs)));

    // Act
    const early = await fetchOutputsEarly(fetchFn as typeof fetch);
    const appFetch = fetchWithEarlyOutputs(fetchFn as typeof fetch);
    const first = await appFetch(AMPLIFY_OUTPUTS_PATH);
    await appFetch(AMPLIFY_OUTPUTS_PATH);

    // Assess
    expect(early).toEqual(outputs);
    expect(await first.json()).toEqual(outputs);
    expect(fetchFn).toHaveBeenCalledTimes(2);
    expect(fetchFn).toHaveBeenCalledWith(AMPLIFY_OUTPUTS_PATH);
  });

  it('lets the app fetch on its own when the early fetch failed or never happened', async () => {
    const network = vi.fn(() => Promise.resolve(json({ ok: true })));
    expect(await (await fetchWithEarlyOutputs(network as typeof fetch)(AMPLIFY_OUTPUTS_PATH)).json()).toEqual({
      ok: true,
    });
    await expect(fetchOutputsEarly(() => Promise.reject(new TypeError('offline')))).resolves.toBeUndefined();
    expect(await (await fetchWithEarlyOutputs(network as typeof fetch)(AMPLIFY_OUTPUTS_PATH)).json()).toEqual({
      ok: true,
    });
    expect(network).toHaveBeenCalledTimes(2);
  });
});
