// AppSync's real-time protocol over WebSocket ('graphql-ws' subprotocol, auth in a `header-` subprotocol):
// connection_init/ack, ka, start/start_ack, data, stop/complete, errors; delivery like @aws_subscribe with
// AppSync's argument filtering and the subscriber's own selection set and authorization.
import { channel } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GraphQLError,
  Kind,
  execute,
  getArgumentValues,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
} from './graphql-js';
import { WebSocketServer, type WebSocket } from 'ws';
import { describeError, formatAppSyncError, toAppSyncError, type AppSyncLog } from './appsync-errors';
import type { Authenticator } from './authentication';
import { accessKeyOf, isRootAllowed, type Principal } from './authorization';
import type { ExecutableSchema, ResolveFn } from './executable-schema';
import { checkTokenLimit, queryLimitRules, type QueryLimits } from './query-limits';
import { buildResolverEvent, type RequestContext } from './resolver-event';

export const CONNECTION_TIMEOUT_MS = 300_000;
const DOCUMENT_CACHE_LIMIT = 500;

export type RealtimeOptions = {
  executable: ExecutableSchema;
  authenticator: Authenticator;
  resolve: ResolveFn;
  log: AppSyncLog;
  /** Path of the HTTP GraphQL endpoint: what IAM signatures of real-time messages are computed over. */
  graphqlPath: string;
  keepAliveMs: number;
  limits: QueryLimits;
};

type Subscription = {
  id: string;
  connection: Connection;
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  fieldName: string;
  args: Record<string, unknown>;
  context: RequestContext;
  /**
   * What a delivery depends on besides the published value: the query, operation, variables and the part of
   * the principal that authorization reads. Subscriptions with the same key receive the same payload, so a
   * publish executes and serialises it once per key, not once per subscriber.
   */
  deliveryKey: string;
  /** `{"id":…,"type":"data","payload":` — the frame around the shared payload. */
  framePrefix: string;
};

type Connection = {
  socket: WebSocket;
  handshake: Promise<{ ok: true; principal: Principal } | { ok: false; message: string }>;
  headers: Record<string, string | undefined>;
  sourceIp: string;
  initialised: boolean;
  /** Subscription ids whose start is still being processed, then those registered. */
  pending: Set<string>;
  subscriptions: Map<string, Subscription>;
  keepAlive?: NodeJS.Timeout;
};

type StartPayload = { data?: unknown; extensions?: { authorization?: unknown } };
type ClientMessage = { id?: unknown; type?: unknown; payload?: unknown };
type Prepared = { document: DocumentNode; errors: readonly GraphQLError[] };

/** One publish as timed for a listener of `publishTimings` (the `live` benchmark's breakdown); ms, performance.now(). */
export type PublishTiming = {
  mutationField: string;
  startedAt: number;
  /** Executing and serialising the payloads, one per delivery key. */
  renderMs: number;
  /** Framing and writing them to the subscribers' sockets. */
  writeMs: number;
  endedAt: number;
  payloads: number;
  delivered: number;
};

/** Timing of every publish, measured only while something subscribes to the channel (nothing otherwise). */
export const publishTimings = channel('courier:appsync:realtime-publish');

export type Realtime = {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Delivers a mutation result to the subscriptions listening to it; returns how many received it. */
  publish(mutationField: string, result: unknown): Promise<number>;
  subscriptionCount(): number;
  close(): Promise<void>;
};

function lowerCaseHeaders(raw: unknown): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  if (typeof raw !== 'object' || raw === null) return headers;
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  return headers;
}

function decodeHeaderBlob(encoded: string, base64url: boolean): Record<string, string | undefined> {
  try {
    return lowerCaseHeaders(JSON.parse(Buffer.from(encoded, base64url ? 'base64url' : 'base64').toString('utf8')));
  } catch {
    return {};
  }
}

export function sourceIpOf(req: IncomingMessage): string {
  const ip = req.socket.remoteAddress ?? '';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

/** The auth headers a client put in the `header-<base64url(JSON)>` subprotocol (or the legacy `header` query). */
function handshakeHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const protocols = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  const blob = protocols.find((p) => p.startsWith('header-'));
  if (blob) return decodeHeaderBlob(blob.slice('header-'.length), true);
  const query = new URL(req.url ?? '/', 'http://local').searchParams.get('header');
  return query ? decodeHeaderBlob(query, false) : {};
}

function filterMatches(args: Record<string, unknown>, result: unknown): boolean {
  if (typeof result !== 'object' || result === null) return false;
  const record = result as Record<string, unknown>;
  for (const [name, expected] of Object.entries(args)) {
    if (expected === null || expected === undefined) continue;
    const actual = record[name];
    if (actual === expected) continue;
    if (typeof expected === 'object' && JSON.stringify(actual) === JSON.stringify(expected)) continue;
    return false;
  }
  return true;
}

export function createRealtime(options: RealtimeOptions): Realtime {
  const { executable, authenticator, log } = options;
  const { schema } = executable;
  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('graphql-ws') ? 'graphql-ws' : false),
  });
  const byField = new Map<string, Set<Subscription>>();
  const documents = new Map<string, Prepared>();
  const limitRules = queryLimitRules(options.limits);
  const connections = new Set<Connection>();

  const send = (socket: WebSocket, message: object): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const sendError = (conn: Connection, id: string | undefined, errorType: string, message: string): void => {
    send(conn.socket, {
      ...(id === undefined ? {} : { id }),
      type: 'error',
      payload: { errors: [{ errorType, message }] },
    });
  };

  function prepare(query: string): Prepared {
    const cached = documents.get(query);
    if (cached) return cached;
    let prepared: Prepared;
    try {
      const tooManyTokens = checkTokenLimit(query, options.limits.tokens);
      if (tooManyTokens) throw tooManyTokens;
      const document = parse(query);
      prepared = { document, errors: validate(schema, document, [...specifiedRules, ...limitRules]) };
    } catch (e) {
      prepared = { document: { kind: Kind.DOCUMENT, definitions: [] }, errors: [e as GraphQLError] };
    }
    if (documents.size >= DOCUMENT_CACHE_LIMIT) documents.clear();
    documents.set(query, prepared);
    return prepared;
  }

  function unregister(sub: Subscription): void {
    sub.connection.subscriptions.delete(sub.id);
    const set = byField.get(sub.fieldName);
    set?.delete(sub);
    if (set?.size === 0) byField.delete(sub.fieldName);
  }

  async function start(conn: Connection, id: string, payload: StartPayload): Promise<void> {
    const data = typeof payload.data === 'string' ? payload.data : '';
    const authHeaders = payload.extensions?.authorization;
    const headers = { ...conn.headers, ...lowerCaseHeaders(authHeaders) };
    const auth =
      authHeaders === undefined
        ? await conn.handshake
        : await authenticator.authenticate(headers, { method: 'POST', path: options.graphqlPath, body: data });
    if (!auth.ok) return sendError(conn, id, 'UnauthorizedException', auth.message);

    let request: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      request = JSON.parse(data) as typeof request;
    } catch {
      return sendError(conn, id, 'BadRequestException', 'The subscription payload data is not valid JSON.');
    }
    if (typeof request.query !== 'string')
      return sendError(conn, id, 'BadRequestException', 'The subscription has no query.');
    const { document, errors } = prepare(request.query);
    if (errors.length > 0) return sendError(conn, id, 'ValidationError', errors.map((e) => e.message).join(' '));

    const operationName = typeof request.operationName === 'string' ? request.operationName : undefined;
    const operations = document.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations[0];
    if (!operation || (operationName === undefined && operations.length > 1)) {
      return sendError(conn, id, 'ValidationError', 'The document must contain exactly one operation, or name one.');
    }
    if (operation.operation !== 'subscription') {
      return sendError(conn, id, 'UnsupportedOperation', 'Operation not supported through the realtime channel');
    }
    const subscriptionType = schema.getSubscriptionType();
    const fieldNode = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
    const field = fieldNode && subscriptionType?.getFields()[fieldNode.name.value];
    if (!subscriptionType || !fieldNode || !field) {
      return sendError(conn, id, 'ValidationError', 'The subscription must select one field of type Subscription.');
    }

    const rawVariables = typeof request.variables === 'object' && request.variables !== null ? request.variables : {};
    const coerced = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      rawVariables as Record<string, unknown>,
    );
    if (coerced.errors) return sendError(conn, id, 'ValidationError', coerced.errors.map((e) => e.message).join(' '));
    const variables = coerced.coerced;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, fieldNode, variables);
    } catch (e) {
      return sendError(conn, id, 'ValidationError', (e as Error).message);
    }

    const fieldName = field.name;
    if (!isRootAllowed(executable.authorization.root('Subscription', fieldName), auth.principal)) {
      return sendError(conn, id, 'Unauthorized', `Not Authorized to access ${fieldName} on type Subscription`);
    }
    const context: RequestContext = { principal: auth.principal, headers, sourceIp: conn.sourceIp };
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
    try {
      await options.resolve(
        buildResolverEvent(
          args,
          { fieldName, parentType: subscriptionType, fieldNodes: [fieldNode], fragments, variableValues: variables },
          context,
        ),
      );
    } catch (e) {
      const error = toAppSyncError(e, `Subscription.${fieldName}`, log);
      return sendError(conn, id, error.errorType, error.message);
    }

    if (!conn.pending.has(id) || conn.socket.readyState !== conn.socket.OPEN) return;
    conn.pending.delete(id);
    const previous = conn.subscriptions.get(id);
    if (previous) unregister(previous);
    const deliveryKey = [
      accessKeyOf(auth.principal),
      operationName ?? '',
      JSON.stringify(variables),
      request.query,
    ].join('\n');
    const framePrefix = `{"id":${JSON.stringify(id)},"type":"data","payload":`;
    const sub: Subscription = {
      id,
      connection: conn,
      document,
      operationName,
      variables,
      fieldName,
      args,
      context,
      deliveryKey,
      framePrefix,
    };
    conn.subscriptions.set(id, sub);
    const set = byField.get(fieldName) ?? new Set<Subscription>();
    set.add(sub);
    byField.set(fieldName, set);
    send(conn.socket, { id, type: 'start_ack' });
  }

  async function onMessage(conn: Connection, raw: string): Promise<void> {
    let message: ClientMessage;
    try {
      message = JSON.parse(raw) as ClientMessage;
    } catch {
      return sendError(conn, undefined, 'BadRequestException', 'Message is not valid JSON.');
    }
    const id = typeof message.id === 'string' ? message.id : undefined;
    switch (message.type) {
      case 'connection_init': {
        const auth = await conn.handshake;
        if (!auth.ok) {
          send(conn.socket, {
            type: 'connection_error',
            payload: { errors: [{ errorType: 'UnauthorizedException', errorCode: 401, message: auth.message }] },
          });
          conn.socket.close(1000, 'Unauthorized');
          return;
        }
        if (conn.initialised) return;
        conn.initialised = true;
        send(conn.socket, { type: 'connection_ack', payload: { connectionTimeoutMs: CONNECTION_TIMEOUT_MS } });
        send(conn.socket, { type: 'ka' });
        conn.keepAlive = setInterval(() => send(conn.socket, { type: 'ka' }), options.keepAliveMs);
        conn.keepAlive.unref();
        return;
      }
      case 'start': {
        if (!id) return sendError(conn, undefined, 'BadRequestException', 'A start message needs an id.');
        if (!conn.initialised) return sendError(conn, id, 'BadRequestException', 'Send connection_init first.');
        conn.pending.add(id);
        try {
          await start(conn, id, (message.payload ?? {}) as StartPayload);
        } finally {
          conn.pending.delete(id);
        }
        return;
      }
      case 'stop': {
        if (!id) return;
        conn.pending.delete(id);
        const sub = conn.subscriptions.get(id);
        if (sub) unregister(sub);
        send(conn.socket, { id, type: 'complete' });
        return;
      }
      default:
        return sendError(conn, id, 'UnsupportedOperation', 'Operation not supported through the realtime channel');
    }
  }

  function accept(socket: WebSocket, req: IncomingMessage): void {
    const headers = handshakeHeaders(req);
    const handshake = authenticator.authenticate(headers, {
      method: 'POST',
      path: `${options.graphqlPath}/connect`,
      body: '{}',
    });
    const conn: Connection = {
      socket,
      handshake,
      headers,
      sourceIp: sourceIpOf(req),
      initialised: false,
      pending: new Set(),
      subscriptions: new Map(),
    };
    connections.add(conn);
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      onMessage(conn, data.toString()).catch((e: unknown) =>
        log({ level: 'error', message: 'real-time message failed', error: describeError(e) }),
      );
    });
    socket.on('close', () => {
      clearInterval(conn.keepAlive);
      for (const sub of [...conn.subscriptions.values()]) unregister(sub);
      connections.delete(conn);
    });
    socket.on('error', () => socket.terminate());
  }

  /** The `data` payload of `sub` (and of every subscription sharing its delivery key) as JSON; undefined if denied. */
  async function render(sub: Subscription, result: unknown): Promise<string | undefined> {
    if (!isRootAllowed(executable.authorization.root('Subscription', sub.fieldName), sub.context.principal))
      return undefined;
    const response = await execute({
      schema,
      document: sub.document,
      rootValue: { [sub.fieldName]: result },
      contextValue: sub.context,
      variableValues: sub.variables,
      operationName: sub.operationName,
    });
    const payload: { data: unknown; errors?: GraphQLFormattedError[] } = { data: response.data ?? null };
    if (response.errors?.length) payload.errors = response.errors.map((e) => formatAppSyncError(e.toJSON(), e));
    return JSON.stringify(payload);
  }

  return {
    handleUpgrade(req, socket, head) {
      wss.handleUpgrade(req, socket, head, (ws) => accept(ws, req));
    },
    async publish(mutationField, result) {
      if (result === null || result === undefined) return 0;
      const timed = publishTimings.hasSubscribers;
      const startedAt = timed ? performance.now() : 0;
      let renderMs = 0;
      let writeMs = 0;
      let payloads = 0;
      let delivered = 0;
      for (const fieldName of executable.subscribersOf.get(mutationField) ?? []) {
        // Subscribers whose filter matches, grouped by what their payload depends on: one execution and one
        // serialisation per group, then the same payload framed with each subscription's id.
        const groups = new Map<string, Subscription[]>();
        for (const sub of byField.get(fieldName) ?? []) {
          if (!filterMatches(sub.args, result)) continue;
          const group = groups.get(sub.deliveryKey);
          if (group) group.push(sub);
          else groups.set(sub.deliveryKey, [sub]);
        }
        for (const group of groups.values()) {
          try {
            const renderStart = timed ? performance.now() : 0;
            const payload = await render(group[0]!, result);
            const writeStart = timed ? performance.now() : 0;
            if (timed) renderMs += writeStart - renderStart;
            if (payload === undefined) continue;
            payloads += 1;
            for (const sub of group) {
              const { socket } = sub.connection;
              if (socket.readyState === socket.OPEN) socket.send(`${sub.framePrefix}${payload}}`);
              delivered += 1;
            }
            if (timed) writeMs += performance.now() - writeStart;
          } catch (e) {
            log({
              level: 'error',
              message: `delivery of ${fieldName} failed`,
              field: `Subscription.${fieldName}`,
              error: describeError(e),
            });
          }
        }
      }
      if (timed) {
        const endedAt = performance.now();
        const timing: PublishTiming = { mutationField, startedAt, renderMs, writeMs, endedAt, payloads, delivered };
        publishTimings.publish(timing);
      }
      return delivered;
    },
    subscriptionCount() {
      let n = 0;
      for (const set of byField.values()) n += set.size;
      return n;
    },
    async close() {
      for (const conn of connections) conn.socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
