// The local AppSync: one node:http server answering POST /graphql (Apollo Server over the deployed schema),
// the real-time WebSocket at /graphql/realtime, /amplify_outputs.json, /health, and the web app for the rest.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { describeError, formatAppSyncError, type AppSyncLog } from './appsync-errors';
import {
  createAuthenticator,
  type IamServiceSettings,
  type IamSettings,
  type LambdaAuthorizerSettings,
  type UserPoolSettings,
} from './authentication';
import type { AuthMode, IamOperationGrant } from './authorization';
import { buildExecutableSchema, type ResolveFn } from './executable-schema';
import { QUERY_LIMITS } from '../../api/query-limits';
import { GraphQLError } from './graphql-js';
import { checkTokenLimit, isIntrospection, queryLimitRules, type QueryLimits } from './query-limits';
import { createRealtime, sourceIpOf } from './realtime';
import type { RequestContext } from './resolver-event';

export type WebMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export type AppSyncServerOptions = {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The deployed (AppSync-transformed) schema: graphql/schema.graphql. */
  schemaSdl: string;
  /** The pre-transform schema with Amplify's @auth rules: graphql/model-schema.graphql. */
  authRulesSdl: string;
  /** The api Lambda's router: receives AppSync's direct-Lambda resolver event. */
  resolve: ResolveFn;
  apiKey: string;
  apiKeyExpiresAt?: Date | number;
  userPool: UserPoolSettings;
  iam: IamSettings;
  /** IAM identities outside the backend (the MCP service), each limited to the fields its policy grants. */
  iamServices?: readonly IamServiceSettings[];
  /** AWS_LAMBDA mode: the authorizer for tokens that are not Cognito JWTs (partner tokens). */
  lambdaAuthorizer?: LambdaAuthorizerSettings;
  /** Root operation types the IAM principal may call beyond rules naming IAM (Amplify's functionSchemaAccess). */
  iamGrants?: readonly IamOperationGrant[];
  /** AppSync's default authorization mode (Amplify's defaultAuthorizationMode). */
  defaultAuthMode?: AuthMode;
  /** Served at /amplify_outputs.json. */
  outputs: () => object;
  /** Handles every request the server does not answer itself (the web app). */
  web?: WebMiddleware;
  log?: AppSyncLog;
  /** Interval of real-time `ka` messages. */
  keepAliveMs?: number;
  /** Abuse limits; QUERY_LIMITS (the cloud's) unless a test narrows them. */
  limits?: QueryLimits;
};

export type AppSyncServer = {
  /** http://host:port/graphql */
  url: string;
  /** ws://host:port/graphql/realtime (Amplify derives wss://…: see LocalWebSocket). */
  realtimeUrl: string;
  port: number;
  /** Delivers a result to subscriptions as if `mutationField` had just returned it; resolves to the count. */
  publish(mutationField: string, result: unknown): Promise<number>;
  close(): Promise<void>;
};

const GRAPHQL_PATH = '/graphql';
const REALTIME_PATH = '/graphql/realtime';
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** The body, or undefined as soon as it is known to exceed `maxBytes` (by its content-length or while reading). */
function readBody(req: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off('data', onData);
        req.pause();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(text);
}

function applyCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin) return;
  const sameHost = req.headers.host !== undefined && new URL(origin).host === req.headers.host;
  if (!LOCAL_ORIGIN.test(origin) && !sameHost) return;
  res.setHeader('access-control-allow-origin', origin);
  res.setHeader('vary', 'Origin');
  res.setHeader('access-control-expose-headers', 'x-amzn-ErrorType, x-amzn-RequestId');
}

function plainHeaders(req: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  return headers;
}

/** Starts the local AppSync-compatible server; the returned promise resolves once it listens. */
export async function createAppSyncServer(options: AppSyncServerOptions): Promise<AppSyncServer> {
  const host = options.host ?? '127.0.0.1';
  const limits = options.limits ?? QUERY_LIMITS;
  const log: AppSyncLog = options.log ?? (() => undefined);
  const authenticator = createAuthenticator(options);

  let publishResult: (mutationField: string, result: unknown) => void = () => undefined;
  const executable = buildExecutableSchema({
    schemaSdl: options.schemaSdl,
    authRulesSdl: options.authRulesSdl,
    resolve: options.resolve,
    log,
    defaultAuthMode: options.defaultAuthMode,
    iamGrants: options.iamGrants,
    onMutationResult: (field, result) => publishResult(field, result),
  });
  const realtime = createRealtime({
    executable,
    authenticator,
    resolve: options.resolve,
    log,
    graphqlPath: GRAPHQL_PATH,
    keepAliveMs: options.keepAliveMs ?? 60_000,
    limits,
  });
  publishResult = (field, result) => {
    setImmediate(() => void realtime.publish(field, result));
  };

  const apollo = new ApolloServer<RequestContext>({
    schema: executable.schema,
    formatError: formatAppSyncError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    validationRules: queryLimitRules(limits),
    // Whoever runs this server stops it (the local stack drains its change feed through it first); Apollo's
    // own SIGINT/SIGTERM handler would stop it at once, outside NODE_ENV=test.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      {
        // AppSync has one introspection switch for the whole API (off in the cloud); locally the schema stays
        // readable to the company's own callers and is refused to the public key and partner tokens.
        requestDidStart: () =>
          Promise.resolve({
            didResolveOperation: ({ operation, contextValue }) => {
              const mode = contextValue.principal.mode;
              if ((mode === 'apiKey' || mode === 'lambda') && operation && isIntrospection(operation)) {
                throw new GraphQLError('Introspection is disabled for this authorization mode.', {
                  extensions: {
                    errorType: 'IntrospectionDisabled',
                    errorInfo: { resolution: 'The schema is published with the API (graphql/schema.graphql).' },
                  },
                });
              }
              return Promise.resolve();
            },
          }),
      },
    ],
    logger: {
      debug: () => undefined,
      info: (message) => log({ level: 'info', message: String(message) }),
      warn: (message) => log({ level: 'warn', message: String(message) }),
      error: (message) => log({ level: 'error', message: String(message) }),
    },
  });
  await apollo.start();

  async function handleGraphql(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, limits.bodyBytes);
    if (raw === undefined) {
      // Answered before the rest of the body is read; the connection is closed behind the answer.
      sendJson(
        res,
        413,
        {
          errors: [
            {
              errorType: 'PayloadTooLargeException',
              message: `The request body is larger than ${limits.bodyBytes} bytes. Send a smaller request; files go through upload URLs (requestProofUpload).`,
            },
          ],
        },
        { connection: 'close', 'x-amzn-ErrorType': 'PayloadTooLargeException' },
      );
      res.on('finish', () => req.destroy());
      return;
    }
    const headers = plainHeaders(req);
    const url = new URL(req.url ?? '/', 'http://local');
    const auth = await authenticator.authenticate(headers, {
      method: req.method ?? 'POST',
      path: url.pathname,
      query: url.search.slice(1),
      body: raw,
    });
    if (!auth.ok) {
      sendJson(
        res,
        401,
        { errors: [{ errorType: 'UnauthorizedException', message: auth.message }] },
        {
          'x-amzn-ErrorType': 'UnauthorizedException',
        },
      );
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      sendJson(
        res,
        400,
        { errors: [{ errorType: 'MalformedHttpRequestException', message: 'Unable to parse JSON document' }] },
        {
          'x-amzn-ErrorType': 'MalformedHttpRequestException',
        },
      );
      return;
    }
    const query = (body as { query?: unknown } | null)?.query;
    const tooManyTokens = typeof query === 'string' ? checkTokenLimit(query, limits.tokens) : undefined;
    if (tooManyTokens) {
      sendJson(res, 200, {
        data: null,
        errors: [formatAppSyncError({ message: tooManyTokens.message }, tooManyTokens)],
      });
      return;
    }
    const headerMap = new HeaderMap();
    for (const [k, v] of Object.entries(headers)) if (v !== undefined) headerMap.set(k, v);
    const sourceIp = sourceIpOf(req);
    // As AppSync does, the address it received the request from is appended to x-forwarded-for.
    const forwarded = headers['x-forwarded-for'];
    const context: RequestContext = {
      principal: auth.principal,
      headers: { ...headers, 'x-forwarded-for': forwarded ? `${forwarded}, ${sourceIp}` : sourceIp },
      sourceIp,
    };
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: headerMap, search: url.search, body },
      context: () => Promise.resolve(context),
    });
    // AppSync answers GraphQL-level failures (parse, validation) with 200 and an errors list.
    let status = response.status ?? 200;
    if (status === 400 && response.headers.get('content-type')?.startsWith('application/json')) status = 200;
    for (const [k, v] of response.headers) res.setHeader(k, v);
    res.statusCode = status;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  function notFound(res: ServerResponse): void {
    sendJson(res, 404, { errors: [{ errorType: 'NotFoundException', message: 'Not found.' }] });
  }

  const server = createServer((req, res) => {
    applyCors(req, res);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method === 'OPTIONS' && (path === GRAPHQL_PATH || path === '/amplify_outputs.json')) {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': String(req.headers['access-control-request-headers'] ?? '*'),
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    if (path === GRAPHQL_PATH && req.method === 'POST') {
      handleGraphql(req, res).catch((e: unknown) => {
        log({
          level: 'error',
          message: 'GraphQL request failed',
          error: describeError(e),
        });
        if (!res.headersSent)
          sendJson(res, 500, { errors: [{ errorType: 'InternalFailure', message: 'An internal error occurred.' }] });
        else res.end();
      });
      return;
    }
    if (path === '/health' && req.method === 'GET') return sendJson(res, 200, { ok: true });
    if (path === '/amplify_outputs.json' && req.method === 'GET') return sendJson(res, 200, options.outputs());
    if (options.web) return options.web(req, res, () => notFound(res));
    notFound(res);
  });
  server.keepAliveTimeout = 65_000;
  server.on('upgrade', (req: IncomingMessage, socket, head: Buffer) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === REALTIME_PATH) realtime.handleUpgrade(req, socket, head);
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${urlHost}:${port}${GRAPHQL_PATH}`,
    realtimeUrl: `ws://${urlHost}:${port}${REALTIME_PATH}`,
    port,
    publish: (mutationField, result) => realtime.publish(mutationField, result),
    async close() {
      await realtime.close();
      await apollo.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
