// Test fixtures for the local AppSync server: a small schema pair shaped like Amplify's output (deployed
// schema + pre-transform @auth rules), a local Cognito-style token issuer with a JWKS endpoint, a recording
// fake router, and a SigV4 signer for IAM calls.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AppSyncResolverEvent } from 'aws-lambda';
import { SignJWT, exportJWK, generateKeyPair, type JWTPayload } from 'jose';
import { FaultError, ForbiddenError, ValidationError } from '../../core/errors';
import { createAppSyncServer, type AppSyncServer, type AppSyncServerOptions } from './server';
import type { AppSyncLogEntry } from './appsync-errors';

/** Shaped like graphql/schema.graphql: mode directives on types and fields, no groups on fields. */
export const FIXTURE_SCHEMA_SDL = /* GraphQL */ `
  type Item @aws_iam @aws_cognito_user_pools(cognito_groups: ["admin", "courier"]) {
    id: ID!
    ownerId: ID
    secret: String
    adminNote: String @aws_cognito_user_pools(cognito_groups: ["admin"])
    at: AWSDateTime
    meta: AWSJSON
  }

  type Tracking @aws_api_key @aws_cognito_user_pools @aws_iam {
    reference: String!
    status: String!
    secretNote: String @aws_cognito_user_pools
  }

  type Query @aws_iam {
    me: String! @aws_iam @aws_cognito_user_pools
    track(reference: String!): Tracking @aws_iam @aws_api_key @aws_cognito_user_pools
    getItem(id: ID!): Item @aws_iam @aws_cognito_user_pools
    fail(kind: String!): String @aws_iam @aws_api_key @aws_cognito_user_pools
    since(day: AWSDate!): String @aws_api_key
  }

  type Mutation @aws_iam {
    saveItem(id: ID!, ownerId: ID): Item! @aws_iam @aws_cognito_user_pools
    publishItem(id: ID!, ownerId: ID): Item @aws_iam
    setStatus(reference: String!, status: String!): Tracking @aws_iam @aws_api_key @aws_cognito_user_pools
  }

  type Subscription @aws_iam {
    onItem(ownerId: ID): Item @aws_subscribe(mutations: ["publishItem", "saveItem"]) @aws_iam @aws_cognito_user_pools
    onItemAdmin: Item @aws_subscribe(mutations: ["publishItem"]) @aws_iam @aws_cognito_user_pools
    onStatus(reference: String): Tracking
      @aws_subscribe(mutations: ["setStatus"])
      @aws_iam
      @aws_api_key
      @aws_cognito_user_pools
  }
`;

/** Shaped like graphql/model-schema.graphql: Amplify's @auth rules on each custom operation. */
export const FIXTURE_AUTH_RULES_SDL = /* GraphQL */ `
  type Query {
    me: String! @function(name: "FnMe") @auth(rules: [{ allow: groups, groups: ["admin", "courier"] }])
    track(reference: String!): Tracking
      @function(name: "FnTrack")
      @auth(rules: [{ allow: public, provider: apiKey }, { allow: private }])
    getItem(id: ID!): Item @function(name: "FnGetItem") @auth(rules: [{ allow: groups, groups: ["admin", "courier"] }])
    fail(kind: String!): String
      @function(name: "FnFail")
      @auth(rules: [{ allow: public, provider: apiKey }, { allow: private }])
    since(day: AWSDate!): String @function(name: "FnSince") @auth(rules: [{ allow: public, provider: apiKey }])
  }

  type Mutation {
    saveItem(id: ID!, ownerId: ID): Item!
      @function(name: "FnSaveItem")
      @auth(rules: [{ allow: groups, groups: ["admin"] }])
    publishItem(id: ID!, ownerId: ID): Item
      @function(name: "FnPublishItem")
      @auth(rules: [{ allow: private, provider: identityPool }])
    setStatus(reference: String!, status: String!): Tracking
      @function(name: "FnSetStatus")
      @auth(rules: [{ allow: public, provider: apiKey }])
  }

  type Subscription {
    onItem(ownerId: ID): Item
      @function(name: "FnOnItem")
      @aws_subscribe(mutations: ["publishItem", "saveItem"])
      @auth(rules: [{ allow: groups, groups: ["admin", "courier"] }])
    onItemAdmin: Item
      @function(name: "FnOnItemAdmin")
      @aws_subscribe(mutations: ["publishItem"])
      @auth(rules: [{ allow: groups, groups: ["admin"] }])
    onStatus(reference: String): Tracking
      @function(name: "FnOnStatus")
      @aws_subscribe(mutations: ["setStatus"])
      @auth(rules: [{ allow: public, provider: apiKey }])
  }
`;

export const FIXTURE_API_KEY = 'da2-localfixturekey0000000000';
export const FIXTURE_CLIENT_ID = 'fixture-client';
export const FIXTURE_IAM = { accessKeyId: 'AKIDLOCALFIXTURE', secretAccessKey: 'fixture-secret', region: 'eu-west-2' };

export type TokenIssuer = {
  issuer: string;
  jwksUrl: string;
  /** A Cognito-style access token (raw, as Amplify sends it). */
  accessToken(user: { sub: string; username: string; groups?: string[] }, overrides?: JWTPayload): Promise<string>;
  idToken(user: { sub: string; username: string; groups?: string[] }, overrides?: JWTPayload): Promise<string>;
  close(): Promise<void>;
};

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** A user pool stand-in: an RSA key, its JWKS served over HTTP, and token minting like Cognito's. */
export async function startTokenIssuer(): Promise<TokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'fixture-key', alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://127.0.0.1:${port}/local_fixturepool`;
  const mint = (claims: JWTPayload) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'fixture-key' })
      .setIssuer(issuer)
      .setIssuedAt()
      .setExpirationTime(typeof claims.exp === 'number' ? claims.exp : '1h')
      .sign(privateKey);
  return {
    issuer,
    jwksUrl: `http://127.0.0.1:${port}/local_fixturepool/.well-known/jwks.json`,
    accessToken: (user, overrides = {}) =>
      mint({
        sub: user.sub,
        username: user.username,
        client_id: FIXTURE_CLIENT_ID,
        token_use: 'access',
        scope: 'aws.cognito.signin.user.admin',
        ...(user.groups ? { 'cognito:groups': user.groups } : {}),
        ...overrides,
      }),
    idToken: (user, overrides = {}) =>
      mint({
        sub: user.sub,
        'cognito:username': user.username,
        aud: FIXTURE_CLIENT_ID,
        token_use: 'id',
        email: `${user.username}@example.com`,
        ...(user.groups ? { 'cognito:groups': user.groups } : {}),
        ...overrides,
      }),
    close: () => closeServer(server),
  };
}

export type ResolverEvent = AppSyncResolverEvent<Record<string, unknown>>;

/** Answers the fixture schema like a router would, and records every event it receives. */
export function createFakeRouter(): { events: ResolverEvent[]; resolve: (event: ResolverEvent) => Promise<unknown> } {
  const events: ResolverEvent[] = [];
  const item = (args: Record<string, unknown>) => ({
    id: args.id,
    ownerId: args.ownerId ?? null,
    secret: 'classified',
    at: '2025-03-01T09:30:00Z',
    meta: { tags: ['a'] },
  });
  const resolve = async (event: ResolverEvent): Promise<unknown> => {
    events.push(event);
    const args = event.arguments;
    switch (`${event.info.parentTypeName}.${event.info.fieldName}`) {
      case 'Query.me':
        return (event.identity as { username?: string } | null)?.username ?? 'anonymous';
      case 'Query.track':
        return { reference: args.reference, status: 'BOOKED', secretNote: 'gate code 1234' };
      case 'Query.getItem':
        return item(args);
      case 'Query.since':
        return `since ${String(args.day)}`;
      case 'Query.fail':
        if (args.kind === 'user') {
          throw new ValidationError('The postcode is not valid.', {
            field: 'pickup.postcode',
            resolution: 'Use a UK postcode such as SW1A 1AA.',
          });
        }
        if (args.kind === 'forbidden') throw new ForbiddenError('Not your booking.');
        if (args.kind === 'fault') throw new FaultError('table missing: secret-internal-name');
        throw new TypeError("Cannot read properties of undefined (reading 'x')");
      case 'Mutation.saveItem':
      case 'Mutation.publishItem':
        return item(args);
      case 'Mutation.setStatus':
        return { reference: args.reference, status: args.status, secretNote: null };
      case 'Subscription.onItem':
        if (args.ownerId === 'forbidden') throw new ForbiddenError('You may not watch this owner.');
        return null;
      case 'Subscription.onItemAdmin':
      case 'Subscription.onStatus':
        return null;
      default:
        throw new Error(`unexpected ${event.info.parentTypeName}.${event.info.fieldName}`);
    }
  };
  return { events, resolve };
}

export type FixtureStack = {
  server: AppSyncServer;
  issuer: TokenIssuer;
  events: ResolverEvent[];
  logs: AppSyncLogEntry[];
  close(): Promise<void>;
};

/** The server on a free port over the fixture schema, with its issuer, recorded events and log. */
export async function startFixtureStack(overrides: Partial<AppSyncServerOptions> = {}): Promise<FixtureStack> {
  const issuer = await startTokenIssuer();
  const router = createFakeRouter();
  const logs: AppSyncLogEntry[] = [];
  const server = await createAppSyncServer({
    port: 0,
    schemaSdl: FIXTURE_SCHEMA_SDL,
    authRulesSdl: FIXTURE_AUTH_RULES_SDL,
    resolve: router.resolve,
    apiKey: FIXTURE_API_KEY,
    userPool: { issuer: issuer.issuer, jwksUrl: issuer.jwksUrl, clientId: FIXTURE_CLIENT_ID },
    iam: FIXTURE_IAM,
    outputs: () => ({ version: '1.4', data: { url: 'fixture' } }),
    log: (entry) => logs.push(entry),
    ...overrides,
  });
  return {
    server,
    issuer,
    events: router.events,
    logs,
    async close() {
      await server.close();
      await issuer.close();
    },
  };
}

/** SigV4-signs a POST to the server as @smithy/signature-v4 clients (and Amplify) do. */
export async function signedPost(
  url: string,
  body: string,
  credentials: { accessKeyId: string; secretAccessKey: string } = FIXTURE_IAM,
  extraHeaders: Record<string, string> = { 'content-type': 'application/json' },
): Promise<{ headers: Record<string, string> }> {
  const target = new URL(url);
  const signer = new SignatureV4({ credentials, region: FIXTURE_IAM.region, service: 'appsync', sha256: Sha256 });
  const signed = await signer.sign({
    method: 'POST',
    protocol: target.protocol,
    hostname: target.hostname,
    port: Number(target.port),
    path: target.pathname,
    query: {},
    headers: { host: target.host, ...extraHeaders },
    body,
  });
  return { headers: signed.headers as Record<string, string> };
}
