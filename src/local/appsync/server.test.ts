import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  FIXTURE_API_KEY,
  FIXTURE_CLIENT_ID,
  FIXTURE_IAM,
  signedPost,
  startFixtureStack,
  type FixtureStack,
} from './test-fixtures';

type GraphQLBody = { data?: Record<string, unknown> | null; errors?: Record<string, unknown>[] };

let stack: FixtureStack;
let adminToken: string;
let courierToken: string;
let partnerToken: string;

beforeAll(async () => {
  stack = await startFixtureStack({ keepAliveMs: 200 });
  adminToken = await stack.issuer.accessToken({ sub: 'sub-admin', username: 'ada', groups: ['admin'] });
  courierToken = await stack.issuer.accessToken({ sub: 'sub-courier', username: 'cory', groups: ['courier'] });
  partnerToken = await stack.issuer.accessToken({ sub: 'sub-partner', username: 'pat', groups: ['partner'] });
});

afterAll(async () => {
  await stack.close();
});

async function post(
  headers: Record<string, string>,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ status: number; headers: Headers; body: GraphQLBody }> {
  const res = await fetch(stack.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLBody };
}

const apiKey = { 'x-api-key': FIXTURE_API_KEY };
const bearerless = (token: string) => ({ authorization: token });

function eventsFor(field: string) {
  return stack.events.filter((e) => e.info.fieldName === field);
}

describe('queries by auth mode', () => {
  it('answers an API-key query with an AppSync Lambda event carrying no identity', async () => {
    // Prepare
    const before = eventsFor('track').length;

    // Act
    const res = await post(apiKey, 'query Track($r: String!) { track(reference: $r) { reference status } }', {
      r: 'CV-1',
    });

    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { track: { reference: 'CV-1', status: 'BOOKED' } } });
    const event = eventsFor('track')[before];
    expect(event).toMatchObject({
      arguments: { reference: 'CV-1' },
      identity: null,
      source: null,
      prev: null,
      stash: {},
      request: { domainName: null },
      info: {
        fieldName: 'track',
        parentTypeName: 'Query',
        variables: { r: 'CV-1' },
        selectionSetList: ['reference', 'status'],
      },
    });
    expect(event?.info.selectionSetGraphQL).toContain('reference');
    expect(event?.request.headers['x-api-key']).toBe(FIXTURE_API_KEY);
  });

  it('passes a user-pool access token through as a Cognito identity with groups and claims', async () => {
    // Prepare
    const before = eventsFor('me').length;

    // Act
    const res = await post(bearerless(courierToken), '{ me }');

    // Assess
    expect(res.body).toEqual({ data: { me: 'cory' } });
    const identity = eventsFor('me')[before]?.identity as unknown as Record<string, unknown>;
    expect(identity).toMatchObject({
      sub: 'sub-courier',
      username: 'cory',
      issuer: stack.issuer.issuer,
      groups: ['courier'],
      defaultAuthStrategy: 'ALLOW',
      sourceIp: ['127.0.0.1'],
    });
    expect((identity.claims as Record<string, unknown>).client_id).toBe(FIXTURE_CLIENT_ID);
  });

  it('accepts an id token as AppSync does', async () => {
    // Prepare
    const idToken = await stack.issuer.idToken({ sub: 'sub-admin', username: 'ada', groups: ['admin'] });

    // Act
    const res = await post(bearerless(idToken), '{ me }');

    // Assess
    expect(res.body).toEqual({ data: { me: 'ada' } });
  });

  it('builds selectionSetList with nested paths and fragments', async () => {
    // Prepare
    const before = eventsFor('getItem').length;

    // Act
    const res = await post(
      bearerless(adminToken),
      'query { getItem(id: "i1") { id ...F } } fragment F on Item { ownerId at meta }',
    );

    // Assess
    expect(res.body.data?.getItem).toEqual({
      id: 'i1',
      ownerId: null,
      at: '2025-03-01T09:30:00Z',
      meta: '{"tags":["a"]}',
    });
    expect(eventsFor('getItem')[before]?.info.selectionSetList).toEqual(['id', 'ownerId', 'at', 'meta']);
  });
});

describe('authorization from the schema', () => {
  it('denies a signed-in user outside the allowed groups without calling the resolver', async () => {
    // Prepare
    const before = eventsFor('me').length;

    // Act
    const res = await post(bearerless(partnerToken), '{ me }');

    // Assess
    expect(res.status).toBe(200);
    expect(res.body.data).toBeNull();
    expect(res.body.errors).toEqual([
      {
        path: ['me'],
        data: null,
        errorType: 'Unauthorized',
        errorInfo: null,
        locations: [{ line: 1, column: 3, sourceName: null }],
        message: 'Not Authorized to access me on type Query',
      },
    ]);
    expect(eventsFor('me')).toHaveLength(before);
  });

  it('denies an API key on a field without @aws_api_key', async () => {
    // Act
    const res = await post(apiKey, '{ getItem(id: "i1") { id } }');

    // Assess
    expect(res.body.data).toEqual({ getItem: null });
    expect(res.body.errors?.[0]).toMatchObject({
      errorType: 'Unauthorized',
      message: 'Not Authorized to access getItem on type Query',
    });
  });

  it('serves an API-key-only field to API keys and refuses it to signed-in users', async () => {
    // Act
    const byKey = await post(apiKey, '{ since(day: "2025-01-31") }');
    const byUser = await post(bearerless(adminToken), '{ since(day: "2025-01-31") }');

    // Assess
    expect(byKey.body).toEqual({ data: { since: 'since 2025-01-31' } });
    expect(byUser.body.errors?.[0]?.message).toBe('Not Authorized to access since on type Query');
  });

  it('nulls a nested field whose mode directive excludes the caller, keeping the rest', async () => {
    // Act
    const byKey = await post(apiKey, '{ track(reference: "CV-2") { reference secretNote } }');
    const byUser = await post(bearerless(partnerToken), '{ track(reference: "CV-2") { reference secretNote } }');

    // Assess
    expect(byKey.body.data).toEqual({ track: { reference: 'CV-2', secretNote: null } });
    expect(byKey.body.errors?.[0]).toMatchObject({
      path: ['track', 'secretNote'],
      errorType: 'Unauthorized',
      message: 'Not Authorized to access secretNote on type Tracking',
    });
    expect(byUser.body).toEqual({ data: { track: { reference: 'CV-2', secretNote: 'gate code 1234' } } });
  });

  it('rejects an invalid AWSDate argument before calling the resolver', async () => {
    // Prepare
    const before = eventsFor('since').length;

    // Act
    const res = await post(apiKey, '{ since(day: "2025-02-30") }');

    // Assess
    expect(res.status).toBe(200);
    expect(res.body.errors?.[0]?.message).toContain('AWSDate');
    expect(eventsFor('since')).toHaveLength(before);
  });
});

describe('401 like AppSync', () => {
  const cases: [string, () => Promise<Record<string, string>>, string][] = [
    ['no credentials', async () => ({}), 'Valid authorization header not provided.'],
    ['an unknown API key', async () => ({ 'x-api-key': 'da2-wrong' }), 'You are not authorized to make this call.'],
    [
      'an expired token',
      async () =>
        bearerless(
          await stack.issuer.accessToken(
            { sub: 's', username: 'u', groups: ['admin'] },
            { exp: Math.floor(Date.now() / 1000) - 60 },
          ),
        ),
      'Token has expired.',
    ],
    [
      'a token of another app client',
      async () => bearerless(await stack.issuer.accessToken({ sub: 's', username: 'u' }, { client_id: 'other' })),
      'Valid authorization header not provided.',
    ],
    ['a garbage token', async () => bearerless('not-a-jwt'), 'Valid authorization header not provided.'],
  ];

  for (const [name, headers, message] of cases) {
    it(`answers ${name} with 401 UnauthorizedException`, async () => {
      // Act
      const res = await post(await headers(), '{ me }');

      // Assess
      expect(res.status).toBe(401);
      expect(res.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
      expect(res.body).toEqual({ errors: [{ errorType: 'UnauthorizedException', message }] });
    });
  }

  it('answers a SigV4 request signed with the wrong secret with 401', async () => {
    // Prepare
    const body = JSON.stringify({ query: 'mutation { publishItem(id: "x") { id } }' });
    const { headers } = await signedPost(stack.server.url, body, { ...FIXTURE_IAM, secretAccessKey: 'wrong' });

    // Act
    const res = await fetch(stack.server.url, { method: 'POST', headers, body });

    // Assess
    expect(res.status).toBe(401);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnauthorizedException');
  });
});

describe('errors from the resolver', () => {
  it('maps a user error to its name and errorInfo', async () => {
    // Act
    const res = await post(apiKey, '{ fail(kind: "user") }');

    // Assess
    expect(res.body).toEqual({
      data: { fail: null },
      errors: [
        {
          path: ['fail'],
          data: null,
          errorType: 'ValidationError',
          errorInfo: {
            field: 'pickup.postcode',
            resolution: 'Use a UK postcode such as SW1A 1AA.',
            issues: [{ field: 'pickup.postcode', message: 'The postcode is not valid.' }],
          },
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: 'The postcode is not valid.',
        },
      ],
    });
  });

  it('keeps other user errors typed', async () => {
    // Act
    const res = await post(apiKey, '{ fail(kind: "forbidden") }');

    // Assess
    expect(res.body.errors?.[0]).toMatchObject({
      errorType: 'ForbiddenError',
      message: 'Not your booking.',
      errorInfo: null,
    });
  });

  it.each(['fault', 'crash'])('hides a %s behind InternalFailure and logs its stack', async (kind) => {
    // Prepare
    const logged = stack.logs.length;

    // Act
    const res = await post(apiKey, `{ fail(kind: "${kind}") }`);

    // Assess
    expect(res.body.errors?.[0]).toMatchObject({
      errorType: 'InternalFailure',
      message: 'An internal error occurred. It has been logged; please try again.',
    });
    expect(JSON.stringify(res.body)).not.toMatch(/secret-internal-name|reading 'x'/);
    const entry = stack.logs.slice(logged).find((l) => l.level === 'error');
    expect(entry?.field).toBe('Query.fail');
    expect(entry?.error?.stack).toContain('test-fixtures');
  });
});

type WsMessage = { id?: string; type: string; payload?: Record<string, unknown> };

/** A raw AppSync real-time client: the subprotocol handshake and a message queue. */
async function connect(authHeaders: Record<string, string>): Promise<{
  ws: WebSocket;
  next(predicate?: (m: WsMessage) => boolean, timeoutMs?: number): Promise<WsMessage>;
  seen: WsMessage[];
}> {
  const header = Buffer.from(JSON.stringify({ host: new URL(stack.server.url).host, ...authHeaders })).toString(
    'base64url',
  );
  const ws = new WebSocket(stack.server.realtimeUrl, ['graphql-ws', `header-${header}`]);
  const seen: WsMessage[] = [];
  const unclaimed: WsMessage[] = [];
  const waiters: { predicate: (m: WsMessage) => boolean; resolve: (m: WsMessage) => void }[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as WsMessage;
    seen.push(message);
    const i = waiters.findIndex((w) => w.predicate(message));
    if (i >= 0) waiters.splice(i, 1)[0]?.resolve(message);
    else unclaimed.push(message);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  /** The first message (already received or still to come) that matches and was not claimed before. */
  const next = (predicate: (m: WsMessage) => boolean = (m) => m.type !== 'ka', timeoutMs = 3000) => {
    const i = unclaimed.findIndex(predicate);
    if (i >= 0) return Promise.resolve(unclaimed.splice(i, 1)[0] as WsMessage);
    return new Promise<WsMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching message')), timeoutMs);
      waiters.push({
        predicate,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  };
  return { ws, next, seen };
}

function startMessage(
  id: string,
  query: string,
  variables: Record<string, unknown>,
  authorization: Record<string, string>,
) {
  return JSON.stringify({
    id,
    type: 'start',
    payload: { data: JSON.stringify({ query, variables }), extensions: { authorization } },
  });
}

async function iamPublish(id: string, ownerId: string): Promise<GraphQLBody> {
  const body = JSON.stringify({
    query: 'mutation P($id: ID!, $o: ID) { publishItem(id: $id, ownerId: $o) { id ownerId } }',
    variables: { id, o: ownerId },
  });
  const { headers } = await signedPost(stack.server.url, body);
  const res = await fetch(stack.server.url, { method: 'POST', headers, body });
  return (await res.json()) as GraphQLBody;
}

describe('real-time subscriptions', () => {
  it('acks, keeps alive, and delivers an IAM-signed publish to matching subscriptions only', async () => {
    // Prepare
    const auth = bearerless(adminToken);
    const client = await connect(auth);
    client.ws.send(JSON.stringify({ type: 'connection_init' }));
    const ack = await client.next((m) => m.type === 'connection_ack');
    await client.next((m) => m.type === 'ka');
    const query = 'subscription S($o: ID) { onItem(ownerId: $o) { id ownerId secret } }';
    client.ws.send(startMessage('sub-o1', query, { o: 'o1' }, auth));
    client.ws.send(startMessage('sub-all', query, {}, auth));
    await client.next((m) => m.type === 'start_ack' && m.id === 'sub-o1');
    await client.next((m) => m.type === 'start_ack' && m.id === 'sub-all');
    const subscribeEvent = eventsFor('onItem').at(-1);

    // Act
    const published = await iamPublish('item-9', 'o2');
    const toAll = await client.next((m) => m.type === 'data');
    await iamPublish('item-10', 'o1');
    const first = await client.next((m) => m.type === 'data');
    const second = await client.next((m) => m.type === 'data');

    // Assess
    expect(ack.payload).toEqual({ connectionTimeoutMs: 300000 });
    expect(subscribeEvent?.info.parentTypeName).toBe('Subscription');
    expect(published.data).toEqual({ publishItem: { id: 'item-9', ownerId: 'o2' } });
    expect(stack.events.find((e) => e.info.fieldName === 'publishItem')?.identity).toMatchObject({
      accountId: '000000000000',
      username: FIXTURE_IAM.accessKeyId,
    });
    expect(toAll).toEqual({
      id: 'sub-all',
      type: 'data',
      payload: { data: { onItem: { id: 'item-9', ownerId: 'o2', secret: 'classified' } } },
    });
    expect([first.id, second.id].sort()).toEqual(['sub-all', 'sub-o1']);
    expect(client.seen.filter((m) => m.type === 'data' && m.id === 'sub-o1')).toHaveLength(1);
    client.ws.close();
  });

  it('refuses a subscription outside the allowed groups, and one the resolver rejects', async () => {
    // Prepare
    const auth = bearerless(courierToken);
    const client = await connect(auth);
    client.ws.send(JSON.stringify({ type: 'connection_init' }));
    await client.next((m) => m.type === 'connection_ack');

    // Act
    client.ws.send(startMessage('admin-only', 'subscription { onItemAdmin { id } }', {}, auth));
    const denied = await client.next((m) => m.id === 'admin-only');
    client.ws.send(startMessage('refused', 'subscription { onItem(ownerId: "forbidden") { id } }', {}, auth));
    const refused = await client.next((m) => m.id === 'refused');

    // Assess
    expect(denied).toEqual({
      id: 'admin-only',
      type: 'error',
      payload: {
        errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onItemAdmin on type Subscription' }],
      },
    });
    expect(refused.payload).toEqual({
      errors: [{ errorType: 'ForbiddenError', message: 'You may not watch this owner.' }],
    });
    client.ws.close();
  });

  it('stops a subscription with complete and delivers nothing after', async () => {
    // Prepare
    const auth = bearerless(adminToken);
    const client = await connect(auth);
    client.ws.send(JSON.stringify({ type: 'connection_init' }));
    await client.next((m) => m.type === 'connection_ack');
    client.ws.send(startMessage('s1', 'subscription { onItemAdmin { id } }', {}, auth));
    await client.next((m) => m.type === 'start_ack');

    // Act
    client.ws.send(JSON.stringify({ id: 's1', type: 'stop' }));
    const complete = await client.next((m) => m.type === 'complete');
    const delivered = await stack.server.publish('publishItem', { id: 'late', ownerId: null });

    // Assess
    expect(complete).toEqual({ id: 's1', type: 'complete' });
    expect(delivered).toBe(0);
    client.ws.close();
  });

  it('renders one payload per kind of subscriber: a field only admins may read is withheld from a courier', async () => {
    // Prepare
    const query = 'subscription { onItem { id adminNote } }';
    const subscriber = async (token: string, ids: string[]) => {
      const auth = bearerless(token);
      const client = await connect(auth);
      client.ws.send(JSON.stringify({ type: 'connection_init' }));
      await client.next((m) => m.type === 'connection_ack');
      for (const id of ids) {
        client.ws.send(startMessage(id, query, {}, auth));
        await client.next((m) => m.type === 'start_ack' && m.id === id);
      }
      return client;
    };
    const admin = await subscriber(adminToken, ['a1', 'a2']);
    const otherAdmin = await subscriber(adminToken, ['a3']);
    const courier = await subscriber(courierToken, ['c1']);

    // Act
    const delivered = await stack.server.publish('publishItem', { id: 'item-n', ownerId: null, adminNote: 'gate 4' });
    const toAdmins = [
      await admin.next((m) => m.id === 'a1'),
      await admin.next((m) => m.id === 'a2'),
      await otherAdmin.next((m) => m.id === 'a3'),
    ];
    const toCourier = await courier.next((m) => m.id === 'c1');

    // Assess
    expect(delivered).toBe(4);
    const full = { data: { onItem: { id: 'item-n', adminNote: 'gate 4' } } };
    expect(toAdmins).toEqual(['a1', 'a2', 'a3'].map((id) => ({ id, type: 'data', payload: full })));
    expect(toCourier.payload?.data).toEqual({ onItem: { id: 'item-n', adminNote: null } });
    expect(toCourier.payload?.errors).toMatchObject([{ errorType: 'Unauthorized', path: ['onItem', 'adminNote'] }]);
    for (const client of [admin, otherAdmin, courier]) client.ws.close();
  });

  it('answers a handshake with bad credentials with connection_error 401', async () => {
    // Prepare
    const client = await connect({ 'x-api-key': 'da2-wrong' });

    // Act
    client.ws.send(JSON.stringify({ type: 'connection_init' }));
    const error = await client.next();

    // Assess
    expect(error).toEqual({
      type: 'connection_error',
      payload: {
        errors: [
          { errorType: 'UnauthorizedException', errorCode: 401, message: 'You are not authorized to make this call.' },
        ],
      },
    });
  });

  it('verifies IAM signatures of the handshake and of each start as Amplify computes them', async () => {
    // Prepare
    const realtimeHeaders = {
      accept: 'application/json, text/javascript',
      'content-encoding': 'amz-1.0',
      'content-type': 'application/json; charset=UTF-8',
    };
    const connectSigned = await signedPost(`${stack.server.url}/connect`, '{}', FIXTURE_IAM, realtimeHeaders);
    const client = await connect(connectSigned.headers);
    client.ws.send(JSON.stringify({ type: 'connection_init' }));
    await client.next((m) => m.type === 'connection_ack');
    const data = JSON.stringify({ query: 'subscription { onItemAdmin { id } }', variables: {} });
    const good = await signedPost(stack.server.url, data, FIXTURE_IAM, realtimeHeaders);
    const forged = await signedPost(stack.server.url, data, { ...FIXTURE_IAM, secretAccessKey: 'x' }, realtimeHeaders);

    // Act
    client.ws.send(
      JSON.stringify({ id: 'good', type: 'start', payload: { data, extensions: { authorization: good.headers } } }),
    );
    const allowedByKey = await client.next((m) => m.id === 'good');
    client.ws.send(
      JSON.stringify({ id: 'bad', type: 'start', payload: { data, extensions: { authorization: forged.headers } } }),
    );
    const forgedReply = await client.next((m) => m.id === 'bad');

    // Assess
    expect(allowedByKey.payload).toEqual({
      errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onItemAdmin on type Subscription' }],
    });
    expect((forgedReply.payload?.errors as { errorType: string }[])[0]?.errorType).toBe('UnauthorizedException');
    client.ws.close();
  });

  it('refuses queries over the real-time channel', async () => {
    // Prepare
    const client = await connect(apiKey);
    client.ws.send(JSON.stringify({ type: 'connection_init' }));
    await client.next((m) => m.type === 'connection_ack');

    // Act
    client.ws.send(startMessage('q', '{ track(reference: "x") { reference } }', {}, apiKey));
    const error = await client.next((m) => m.id === 'q');

    // Assess
    expect(error.payload).toEqual({
      errors: [{ errorType: 'UnsupportedOperation', message: 'Operation not supported through the realtime channel' }],
    });
    client.ws.close();
  });
});

describe('other routes', () => {
  it('serves health and amplify_outputs.json, and 404s the rest without a web middleware', async () => {
    // Act
    const base = new URL(stack.server.url).origin;
    const health = await fetch(`${base}/health`);
    const outputs = await fetch(`${base}/amplify_outputs.json`);
    const missing = await fetch(`${base}/nowhere`);

    // Assess
    expect(await health.json()).toEqual({ ok: true });
    expect(await outputs.json()).toEqual({ version: '1.4', data: { url: 'fixture' } });
    expect(missing.status).toBe(404);
  });

  it('answers CORS preflights for localhost origins', async () => {
    // Act
    const res = await fetch(stack.server.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-amz-user-agent',
      },
    });

    // Assess
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-amz-user-agent');
  });

  it('hands unknown paths to the web middleware', async () => {
    // Prepare
    const withWeb = await startFixtureStack({
      web: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html>app</html>');
      },
    });

    // Act
    const res = await fetch(`${new URL(withWeb.server.url).origin}/bookings/CV-1`);
    const text = await res.text();
    await withWeb.close();

    // Assess
    expect(text).toBe('<html>app</html>');
  });
});
