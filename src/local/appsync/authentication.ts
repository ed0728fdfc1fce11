// AppSync's request authentication: Cognito user-pool JWTs (access or id token), API keys, SigV4 (IAM) and
// a Lambda authorizer (AWS_LAMBDA), checked the same way for HTTP requests and for real-time handshakes and
// subscription starts.
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { AppSyncAuthorizerEvent, AppSyncAuthorizerResult } from 'aws-lambda';
import { SignatureV4 } from '@smithy/signature-v4';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { NodeSha256 } from '../../data/node-sha256';
import type { CognitoPrincipal, IamPrincipal, LambdaPrincipal, Principal } from './authorization';

export type UserPoolSettings = { issuer: string; jwksUrl: string; clientId: string };

export type IamSettings = {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Account the local principal belongs to; shows up as identity.accountId. */
  accountId?: string;
  /** ARN the local principal reports as identity.userArn. */
  userArn?: string;
};

/** Another IAM identity (a service outside the backend, e.g. the MCP server) and the fields its policy grants. */
export type IamServiceSettings = {
  accessKeyId: string;
  secretAccessKey: string;
  userArn: string;
  accountId?: string;
  /** "Query.getBooking", … as an IAM policy's `types/<Type>/fields/<field>` resources would. */
  policyFields: readonly string[];
};

/** AWS_LAMBDA mode: the authorizer function, called in-process with AppSync's authorizer event. */
export type LambdaAuthorizerSettings = {
  authorize(event: AppSyncAuthorizerEvent): Promise<AppSyncAuthorizerResult<unknown>>;
  /** How long a result is cached when the authorizer gives no ttlOverride (the API's authorizerResultTtl). */
  ttlSeconds?: number;
};

export type AuthenticationSettings = {
  apiKey: string;
  /** When the API key stops working (AppSync keys expire); omitted means never. */
  apiKeyExpiresAt?: Date | number;
  userPool: UserPoolSettings;
  iam: IamSettings;
  iamServices?: readonly IamServiceSettings[];
  lambdaAuthorizer?: LambdaAuthorizerSettings;
};

/** What was signed, for SigV4: the HTTP request, or the request the real-time client signed in its place. */
export type SignedContent = { method: string; path: string; query?: string; body: string };

export type AuthenticationResult = { ok: true; principal: Principal } | { ok: false; message: string };

export type Authenticator = {
  /** Header names must be lower-case. */
  authenticate(
    headers: Readonly<Record<string, string | undefined>>,
    signed: SignedContent,
  ): Promise<AuthenticationResult>;
};

export const UNAUTHORIZED_MESSAGES = {
  missing: 'Valid authorization header not provided.',
  apiKey: 'You are not authorized to make this call.',
  expired: 'Token has expired.',
  signature:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  unknownKey: 'The security token included in the request is invalid.',
  signatureExpired: 'Signature expired: the request time is too far from the server time.',
} as const;

const SIGV4_PREFIX = 'AWS4-HMAC-SHA256 ';
const SIGV4_RE =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;
const AMZ_DATE_RE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const MAX_SKEW_MS = 5 * 60_000;
const TOKEN_CACHE_LIMIT = 2_000;

const fail = (message: string): AuthenticationResult => ({ ok: false, message });

/** A Cognito token is a JWT (three base64url parts); anything else in Authorization goes to the Lambda authorizer. */
const JWT_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const DEFAULT_LAMBDA_TTL_SECONDS = 60;

function requestContextOf(
  body: string,
): Pick<AppSyncAuthorizerEvent['requestContext'], 'queryString' | 'operationName' | 'variables'> {
  try {
    const parsed = JSON.parse(body) as { query?: unknown; operationName?: unknown; variables?: unknown };
    return {
      queryString: typeof parsed.query === 'string' ? parsed.query : '',
      ...(typeof parsed.operationName === 'string' ? { operationName: parsed.operationName } : {}),
      variables:
        typeof parsed.variables === 'object' && parsed.variables !== null
          ? (parsed.variables as Record<string, unknown>)
          : {},
    };
  } catch {
    return { queryString: '', variables: {} };
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cognitoPrincipal(payload: JWTPayload, issuer: string): CognitoPrincipal {
  const rawGroups = payload['cognito:groups'];
  const username = payload['cognito:username'] ?? payload.username ?? payload.sub;
  return {
    mode: 'userPool',
    sub: String(payload.sub),
    username: String(username),
    issuer,
    groups: Array.isArray(rawGroups) ? rawGroups.filter((g): g is string => typeof g === 'string') : [],
    claims: payload as Record<string, unknown>,
    tokenUse: payload.token_use === 'id' ? 'id' : 'access',
    expiresAt: (payload.exp ?? 0) * 1000,
  };
}

export function createAuthenticator(settings: AuthenticationSettings): Authenticator {
  const jwks = createRemoteJWKSet(new URL(settings.userPool.jwksUrl), {
    cacheMaxAge: 10 * 60_000,
    cooldownDuration: 5_000,
  });
  /** Verified tokens: a user's every request carries the same token, so it is verified once until it expires. */
  const verified = new Map<string, CognitoPrincipal>();
  const iamAccountId = settings.iam.accountId ?? '000000000000';
  const iamPrincipal: IamPrincipal = {
    mode: 'iam',
    accessKeyId: settings.iam.accessKeyId,
    accountId: iamAccountId,
    userArn: settings.iam.userArn ?? `arn:aws:iam::${iamAccountId}:user/local`,
    username: settings.iam.accessKeyId,
  };
  const signerFor = (accessKeyId: string, secretAccessKey: string) =>
    new SignatureV4({
      credentials: { accessKeyId, secretAccessKey },
      region: settings.iam.region,
      service: 'appsync',
      sha256: NodeSha256,
      applyChecksum: false,
    });
  /** Every IAM identity by access key id: the backend functions' and the outside services'. */
  const iamIdentities = new Map<string, { signer: SignatureV4; principal: IamPrincipal }>([
    [
      settings.iam.accessKeyId,
      { signer: signerFor(settings.iam.accessKeyId, settings.iam.secretAccessKey), principal: iamPrincipal },
    ],
  ]);
  for (const service of settings.iamServices ?? []) {
    iamIdentities.set(service.accessKeyId, {
      signer: signerFor(service.accessKeyId, service.secretAccessKey),
      principal: {
        mode: 'iam',
        accessKeyId: service.accessKeyId,
        accountId: service.accountId ?? iamAccountId,
        userArn: service.userArn,
        username: service.accessKeyId,
        policyFields: service.policyFields,
      },
    });
  }
  /** Authorizer results by token, kept for their TTL as AppSync keeps them. */
  const authorized = new Map<string, { until: number; principal: LambdaPrincipal }>();
  const apiKeyExpiry = settings.apiKeyExpiresAt === undefined ? Infinity : new Date(settings.apiKeyExpiresAt).getTime();

  async function verifyJwt(token: string): Promise<AuthenticationResult> {
    const cached = verified.get(token);
    if (cached) {
      if (cached.expiresAt > Date.now()) return { ok: true, principal: cached };
      verified.delete(token);
      return fail(UNAUTHORIZED_MESSAGES.expired);
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer: settings.userPool.issuer }));
    } catch (e) {
      return fail(e instanceof joseErrors.JWTExpired ? UNAUTHORIZED_MESSAGES.expired : UNAUTHORIZED_MESSAGES.missing);
    }
    const audience =
      payload.token_use === 'access' ? payload.client_id : payload.token_use === 'id' ? payload.aud : undefined;
    const audiences = Array.isArray(audience) ? audience : [audience];
    if (!audiences.includes(settings.userPool.clientId) || typeof payload.sub !== 'string') {
      return fail(UNAUTHORIZED_MESSAGES.missing);
    }
    const principal = cognitoPrincipal(payload, settings.userPool.issuer);
    if (verified.size >= TOKEN_CACHE_LIMIT) verified.clear();
    verified.set(token, principal);
    return { ok: true, principal };
  }

  async function verifySigV4(
    authorization: string,
    headers: Readonly<Record<string, string | undefined>>,
    signed: SignedContent,
  ): Promise<AuthenticationResult> {
    const m = SIGV4_RE.exec(authorization.trim());
    if (!m) return fail(UNAUTHORIZED_MESSAGES.signature);
    const [, accessKeyId = '', scopeDate, region, service, signedHeaderList = '', signature = ''] = m;
    const identity = iamIdentities.get(accessKeyId);
    if (!identity) return fail(UNAUTHORIZED_MESSAGES.unknownKey);
    if (region !== settings.iam.region || service !== 'appsync') return fail(UNAUTHORIZED_MESSAGES.signature);
    const amzDate = headers['x-amz-date'];
    const d = amzDate ? AMZ_DATE_RE.exec(amzDate) : null;
    if (!d || !amzDate?.startsWith(scopeDate ?? '')) return fail(UNAUTHORIZED_MESSAGES.signature);
    const signingDate = new Date(Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +d[4]!, +d[5]!, +d[6]!));
    if (Math.abs(Date.now() - signingDate.getTime()) > MAX_SKEW_MS) return fail(UNAUTHORIZED_MESSAGES.signatureExpired);

    const names = signedHeaderList.split(';');
    const toSign: Record<string, string> = {};
    for (const name of names) {
      const value = headers[name];
      if (value === undefined) return fail(UNAUTHORIZED_MESSAGES.signature);
      toSign[name] = value;
    }
    const host = toSign.host ?? '';
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of new URLSearchParams(signed.query ?? '')) {
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    const expected = await identity.signer.sign(
      {
        method: signed.method,
        protocol: 'https:',
        hostname: host,
        path: signed.path,
        query,
        headers: toSign,
        body: signed.body,
      },
      { signingDate, signableHeaders: new Set(names) },
    );
    const expectedSignature = /Signature=([0-9a-f]{64})/.exec(String(expected.headers.authorization ?? ''))?.[1] ?? '';
    return sameText(expectedSignature, signature)
      ? { ok: true, principal: identity.principal }
      : fail(UNAUTHORIZED_MESSAGES.signature);
  }

  async function callAuthorizer(
    authorizer: LambdaAuthorizerSettings,
    token: string,
    headers: Readonly<Record<string, string | undefined>>,
    signed: SignedContent,
  ): Promise<AuthenticationResult> {
    const cached = authorized.get(token);
    if (cached && cached.until > Date.now()) return { ok: true, principal: cached.principal };
    authorized.delete(token);
    let result: AppSyncAuthorizerResult<unknown>;
    try {
      result = await authorizer.authorize({
        authorizationToken: token,
        requestContext: {
          apiId: 'local',
          accountId: iamAccountId,
          requestId: randomUUID(),
          ...requestContextOf(signed.body),
        },
        requestHeaders: { ...headers },
      });
    } catch {
      // AppSync treats an authorizer that fails like one that says no.
      return fail(UNAUTHORIZED_MESSAGES.apiKey);
    }
    if (!result.isAuthorized) return fail(UNAUTHORIZED_MESSAGES.apiKey);
    const principal: LambdaPrincipal = {
      mode: 'lambda',
      resolverContext:
        typeof result.resolverContext === 'object' && result.resolverContext !== null
          ? (result.resolverContext as Record<string, unknown>)
          : {},
      deniedFields: (result.deniedFields ?? []).map((f) => f.replace(/^arn:.*:types\/(\w+)\/fields\/(\w+)$/, '$1.$2')),
    };
    const ttlSeconds = result.ttlOverride ?? authorizer.ttlSeconds ?? DEFAULT_LAMBDA_TTL_SECONDS;
    if (ttlSeconds > 0) {
      if (authorized.size >= TOKEN_CACHE_LIMIT) authorized.clear();
      authorized.set(token, { until: Date.now() + ttlSeconds * 1000, principal });
    }
    return { ok: true, principal };
  }

  return {
    async authenticate(headers, signed) {
      const authorization = headers.authorization;
      if (authorization) {
        if (authorization.startsWith(SIGV4_PREFIX)) return verifySigV4(authorization, headers, signed);
        if (settings.lambdaAuthorizer && !JWT_RE.test(authorization.trim())) {
          return callAuthorizer(settings.lambdaAuthorizer, authorization, headers, signed);
        }
        return verifyJwt(authorization);
      }
      const apiKey = headers['x-api-key'];
      if (apiKey !== undefined) {
        if (!sameText(apiKey, settings.apiKey) || Date.now() >= apiKeyExpiry) return fail(UNAUTHORIZED_MESSAGES.apiKey);
        return { ok: true, principal: { mode: 'apiKey' } };
      }
      return fail(UNAUTHORIZED_MESSAGES.missing);
    },
  };
}
