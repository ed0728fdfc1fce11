// AppSync's request authentication: Cognito user-pool JWTs (access or id token), API keys, and SigV4 (IAM),
// checked the same way for HTTP requests and for real-time handshakes and subscription starts.
import { timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { CognitoPrincipal, IamPrincipal, Principal } from './authorization';

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

export type AuthenticationSettings = {
  apiKey: string;
  /** When the API key stops working (AppSync keys expire); omitted means never. */
  apiKeyExpiresAt?: Date | number;
  userPool: UserPoolSettings;
  iam: IamSettings;
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
  const signer = new SignatureV4({
    credentials: { accessKeyId: settings.iam.accessKeyId, secretAccessKey: settings.iam.secretAccessKey },
    region: settings.iam.region,
    service: 'appsync',
    sha256: Sha256,
    applyChecksum: false,
  });
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
    const [, accessKeyId, scopeDate, region, service, signedHeaderList = '', signature = ''] = m;
    if (accessKeyId !== settings.iam.accessKeyId) return fail(UNAUTHORIZED_MESSAGES.unknownKey);
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
    const expected = await signer.sign(
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
      ? { ok: true, principal: iamPrincipal }
      : fail(UNAUTHORIZED_MESSAGES.signature);
  }

  return {
    async authenticate(headers, signed) {
      const authorization = headers.authorization;
      if (authorization) {
        if (authorization.startsWith(SIGV4_PREFIX)) return verifySigV4(authorization, headers, signed);
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
