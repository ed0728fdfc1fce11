// Requests the page's entry sends before the app's code has arrived, and their hand-over to the app's GraphQL
// client (issue 10, cold first load): a signed-in user's first API round trip overlaps the download of React
// and Amplify instead of following it. Only with tokens Amplify would itself send as they are (unexpired), and a
// result is handed only to the same signed-in user, once. Plain DOM only: this module is part of the entry.
import { decodeClaims, readGroups } from './token-claims';

/** Where the hosting serves the deployment's outputs: beside index.html, locally and in the cloud. */
export const AMPLIFY_OUTPUTS_PATH = '/amplify_outputs.json';

/** A request the app will make: a generated document's text and its variables. */
export type EarlyRequest = { query: string; variables: Record<string, unknown> };

/** The session Amplify keeps on this device, when its tokens may still be sent as they are. */
export type StoredSession = { clientId: string; sub: string; groups: string[]; accessToken: string };

type KeyValueStore = Pick<Storage, 'getItem' | 'key' | 'length'>;

/** Amplify's token storage: `CognitoIdentityServiceProvider.<client id>.LastAuthUser` names the signed-in user. */
const TOKEN_PREFIX = 'CognitoIdentityServiceProvider.';
const LAST_AUTH_USER = '.LastAuthUser';
/**
 * Tokens this close to expiry are left to Amplify to refresh, so none expires on the way (Amplify itself
 * refreshes 5 s before, on the same clock drift it stores).
 */
export const EXPIRY_MARGIN_MS = 60_000;

/**
 * The signed-in user's stored session, if its access token (and the ID token, when stored) is unexpired by
 * more than the margin at `nowMs`, on Amplify's clock drift; anything else (signed out, expired, damaged) is none.
 */
export function storedSession(storage: KeyValueStore, nowMs: number): StoredSession | undefined {
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (!key?.startsWith(TOKEN_PREFIX) || !key.endsWith(LAST_AUTH_USER)) continue;
    const clientId = key.slice(TOKEN_PREFIX.length, -LAST_AUTH_USER.length);
    const user = storage.getItem(key);
    if (!user || !clientId) continue;
    const prefix = `${TOKEN_PREFIX}${clientId}.${user}`;
    const accessToken = storage.getItem(`${prefix}.accessToken`);
    const idToken = storage.getItem(`${prefix}.idToken`);
    const drift = Number.parseInt(storage.getItem(`${prefix}.clockDrift`) ?? '0', 10);
    const clock = nowMs + (Number.isFinite(drift) ? drift : 0) + EXPIRY_MARGIN_MS;
    const claims = accessToken ? decodeClaims(accessToken) : undefined;
    if (!accessToken || typeof claims?.sub !== 'string' || !claims.sub || !unexpired(claims, clock)) continue;
    if (idToken !== null && !unexpired(decodeClaims(idToken), clock)) continue;
    return { clientId, sub: claims.sub, groups: readGroups(claims), accessToken };
  }
  return undefined;
}

const unexpired = (claims: Record<string, unknown> | undefined, clockMs: number) =>
  typeof claims?.exp === 'number' && claims.exp * 1000 > clockMs;

let outputs: Promise<Response> | undefined;

/** Fetches the outputs (index.html's preload of them) for the entry; the app's start takes the same response. */
export function fetchOutputsEarly(fetchFn: typeof fetch = fetch): Promise<unknown> {
  const response = fetchFn(AMPLIFY_OUTPUTS_PATH);
  outputs = response;
  return response.then(
    (r) => (r.ok ? (r.clone().json() as Promise<unknown>) : undefined),
    () => undefined,
  );
}

/**
 * A fetch for the app's configuration: the first request of the outputs gets the response the entry already
 * has (the preload is answered once; the outputs are never cached, so a second request would cross the network
 * again); a failed one, and any other request, goes to the network.
 */
export function fetchWithEarlyOutputs(fetchFn: typeof fetch = fetch): typeof fetch {
  return (input, init) => {
    const early = outputs;
    if (!early || input !== AMPLIFY_OUTPUTS_PATH || init !== undefined) return fetchFn(input, init);
    outputs = undefined;
    return early.catch(() => fetchFn(input));
  };
}

type Sent = { sub: string; results: Map<string, Promise<unknown>> };
let sent: Sent | undefined;

const keyOf = (query: string, variables: Record<string, unknown>) => `${query}\n${JSON.stringify(variables)}`;

/**
 * Sends `requests` to the GraphQL endpoint as Amplify's user-pool mode does (the access token as it is in
 * Authorization). Each result is kept for `takeEarlyResult`: the data when the server answered without errors,
 * otherwise undefined (the app then asks again on its own path, where errors are handled).
 */
export function sendEarlyRequests(
  endpoint: string,
  session: StoredSession,
  requests: EarlyRequest[],
  fetchFn: typeof fetch = fetch,
): void {
  const results = new Map<string, Promise<unknown>>();
  for (const { query, variables } of requests) {
    const result = fetchFn(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: session.accessToken },
      body: JSON.stringify({ query, variables }),
    })
      .then(async (response) => {
        if (!response.ok) return undefined;
        const body = (await response.json()) as { data?: unknown; errors?: unknown[] } | null;
        return body && !body.errors?.length && body.data != null ? body.data : undefined;
      })
      .catch(() => undefined);
    results.set(keyOf(query, variables), result);
  }
  sent = { sub: session.sub, results };
}

/**
 * The early result of exactly this request, once: the user it was sent for and its data (undefined when it
 * failed). The caller hands it on only if that user is still the session's.
 */
export function takeEarlyResult(
  query: string,
  variables: Record<string, unknown>,
): { sub: string; data: Promise<unknown> } | undefined {
  const key = keyOf(query, variables);
  const data = sent?.results.get(key);
  if (!sent || !data) return undefined;
  sent.results.delete(key);
  return { sub: sent.sub, data };
}

/** Forgets everything sent early (signing out, tests). */
export function forgetEarlyRequests(): void {
  sent = undefined;
  outputs = undefined;
}
