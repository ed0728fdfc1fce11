// Partner API tokens (Req 7.3): issued by admins with scopes, an expiry and a rate limit, shown once, stored
// only as a hash of their secret; verified on every partner request, directly or through the MCP server.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { actorFor } from './access';
import { ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from './errors';
import { parseInput, text } from './input-validation';
import { PARTNER_SCOPES, type PartnerScope, type PartnerToken, type PartnerTokenInfo, type Principal } from './model';
import type { Clock, PartnerRepository, PartnerTokenRepository, Random } from './ports';

export { PARTNER_SCOPES, type PartnerScope } from './model';

export const TOKEN_PREFIX = 'cvb';
/** Bytes of randomness in a token's secret: 256 bits. */
export const SECRET_BYTES = 32;
const TOKEN_ID_LENGTH = 12;
const TOKEN_ID_ALPHABET = 'abcdefghijkmnopqrstuvwxyz23456789';
const TOKEN_RE = /^cvb_([a-z0-9]{12})_([A-Za-z0-9_-]{43,})$/;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 60;
export const MAX_RATE_LIMIT_PER_MINUTE = 10_000;
const MAX_LIFETIME_MS = 2 * 366 * 24 * 60 * 60_000;

/** The messages of the four ways a token is refused: the caller learns what to do, never another partner's data. */
export const TOKEN_REFUSALS = {
  malformed: 'The partner token is malformed: expected cvb_<token id>_<secret>, exactly as it was issued.',
  unknown: 'The partner token is not recognised.',
  expired: 'The partner token has expired.',
  revoked: 'The partner token has been revoked.',
} as const;

/** What a verified token lets its holder do: the identity every adapter turns into a PARTNER principal. */
export type PartnerCredential = {
  tokenId: string;
  partnerId: string;
  partnerName: string;
  scopes: PartnerScope[];
  expiresAt: string;
  rateLimitPerMinute: number;
};

export type PartnerTokenDeps = {
  partners: PartnerRepository;
  partnerTokens: PartnerTokenRepository;
  clock: Clock;
  random: Random;
  /** Randomness for secrets; the operating system's CSPRNG unless a test supplies its own. */
  secretBytes?: (size: number) => Buffer;
};

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two hex digests in constant time, so response timing says nothing about how much matched. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Splits a token string into its id and secret, or undefined when it is not shaped like one of ours. */
export function parsePartnerToken(token: string): { tokenId: string; secret: string } | undefined {
  const m = TOKEN_RE.exec(token.trim());
  return m ? { tokenId: m[1]!, secret: m[2]! } : undefined;
}

function newTokenId(random: Random): string {
  let id = '';
  for (let i = 0; i < TOKEN_ID_LENGTH; i++) id += TOKEN_ID_ALPHABET[random.int(TOKEN_ID_ALPHABET.length)];
  return id;
}

export function toTokenInfo(token: PartnerToken): PartnerTokenInfo {
  const { secretHash: _hidden, ...info } = token;
  return info;
}

function assertAdmin(principal: Principal, what: string): void {
  if (principal.role !== 'ADMIN') {
    throw new ForbiddenError(`Only administrators can ${what}.`, {
      resolution: 'Sign in as an administrator.',
    });
  }
}

const issueSchema = z.object({
  partnerId: text('partnerId', 1, 64),
  name: text('name (what the token is for, e.g. "warehouse integration")', 1, 100),
  scopes: z
    .array(z.enum(PARTNER_SCOPES))
    .min(1, { message: `scopes must name at least one of ${PARTNER_SCOPES.join(', ')}.` })
    .transform((s) => [...new Set(s)]),
  expiresAt: z
    .string()
    .trim()
    .refine((s) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)), {
      message: 'expiresAt must be a date and time with a time zone, e.g. 2026-12-31T23:59:59Z.',
    }),
  rateLimitPerMinute: z
    .number()
    .int({ message: 'rateLimitPerMinute must be a whole number of requests per minute, e.g. 60.' })
    .min(1, { message: 'rateLimitPerMinute must be at least 1.' })
    .max(MAX_RATE_LIMIT_PER_MINUTE, { message: `rateLimitPerMinute can be at most ${MAX_RATE_LIMIT_PER_MINUTE}.` })
    .nullish()
    .transform((v) => v ?? DEFAULT_RATE_LIMIT_PER_MINUTE),
});

export type IssuePartnerTokenInput = z.input<typeof issueSchema>;

/**
 * Issues a token for a partner. The returned `token` is the only copy of the secret there will ever be:
 * only its hash is stored, so a lost token is revoked and replaced, never shown again.
 */
export async function issuePartnerToken(
  input: IssuePartnerTokenInput,
  actor: Principal,
  deps: PartnerTokenDeps,
): Promise<{ token: string; tokenInfo: PartnerTokenInfo }> {
  assertAdmin(actor, 'issue partner tokens');
  const parsed = parseInput(issueSchema, input, 'token request');
  const now = deps.clock.now();
  const expires = Date.parse(parsed.expiresAt);
  if (expires <= now.getTime()) {
    throw new ValidationError('expiresAt is in the past; choose a future expiry.', { field: 'expiresAt' });
  }
  if (expires - now.getTime() > MAX_LIFETIME_MS) {
    throw new ValidationError('expiresAt is more than 2 years ahead; issue tokens for 2 years at most.', {
      field: 'expiresAt',
    });
  }
  const partner = await deps.partners.get(parsed.partnerId);
  if (!partner) {
    throw new NotFoundError(`No partner with id ${parsed.partnerId} was found.`, {
      resolution: 'Create the partner first, or check the partner id.',
    });
  }
  const secret = (deps.secretBytes ?? randomBytes)(SECRET_BYTES).toString('base64url');
  const record: PartnerToken = {
    tokenId: newTokenId(deps.random),
    partnerId: partner.id,
    name: parsed.name,
    scopes: parsed.scopes,
    secretHash: hashSecret(secret),
    rateLimitPerMinute: parsed.rateLimitPerMinute,
    createdAt: now.toISOString(),
    createdBy: actorFor(actor),
    expiresAt: new Date(expires).toISOString(),
  };
  await deps.partnerTokens.create(record);
  return { token: `${TOKEN_PREFIX}_${record.tokenId}_${secret}`, tokenInfo: toTokenInfo(record) };
}

/** A partner's tokens for the admin's list: names, scopes, expiry, revocation, never a secret or its hash. */
export async function listPartnerTokens(
  partnerId: string,
  actor: Principal,
  deps: Pick<PartnerTokenDeps, 'partnerTokens'>,
): Promise<PartnerTokenInfo[]> {
  assertAdmin(actor, 'list partner tokens');
  const id = parseInput(z.object({ partnerId: text('partnerId', 1, 64) }), { partnerId }).partnerId;
  return (await deps.partnerTokens.listByPartner(id)).map(toTokenInfo);
}

/** Revokes a token at once: the next request made with it is refused (cached checks lapse within 30 s). */
export async function revokePartnerToken(
  tokenId: string,
  actor: Principal,
  deps: Pick<PartnerTokenDeps, 'partnerTokens' | 'clock'>,
): Promise<PartnerTokenInfo> {
  assertAdmin(actor, 'revoke partner tokens');
  const id = parseInput(z.object({ tokenId: text('tokenId', 1, 64) }), { tokenId }).tokenId;
  return toTokenInfo(await deps.partnerTokens.revoke(id, deps.clock.now().toISOString(), actorFor(actor)));
}

/** Why a stored token cannot be used now, if it cannot. */
export function tokenRefusal(record: PartnerToken, now: Date): keyof typeof TOKEN_REFUSALS | undefined {
  if (record.revokedAt !== undefined) return 'revoked';
  if (Date.parse(record.expiresAt) <= now.getTime()) return 'expired';
  return undefined;
}

function refuse(reason: keyof typeof TOKEN_REFUSALS): UnauthorizedError {
  const resolution: Record<keyof typeof TOKEN_REFUSALS, string> = {
    malformed: 'Send the whole token in the Authorization header, without "Bearer".',
    unknown: 'Check the token, or ask the courier company for a new one.',
    expired: 'Ask the courier company for a new token.',
    revoked: 'Ask the courier company for a new token.',
  };
  return new UnauthorizedError(TOKEN_REFUSALS[reason], { resolution: resolution[reason] });
}

async function credentialOf(
  record: PartnerToken,
  deps: Pick<PartnerTokenDeps, 'partners' | 'clock'>,
): Promise<PartnerCredential> {
  const refusal = tokenRefusal(record, deps.clock.now());
  if (refusal) throw refuse(refusal);
  const partner = await deps.partners.get(record.partnerId);
  if (!partner) throw refuse('unknown');
  return {
    tokenId: record.tokenId,
    partnerId: record.partnerId,
    partnerName: partner.name,
    scopes: [...record.scopes],
    expiresAt: record.expiresAt,
    rateLimitPerMinute: record.rateLimitPerMinute,
  };
}

/**
 * Checks a token string: its shape, its secret against the stored hash (in constant time), then expiry and
 * revocation. A wrong secret reads as "not recognised", so only the holder of a token learns its state.
 */
export async function verifyPartnerToken(
  token: string,
  deps: Pick<PartnerTokenDeps, 'partners' | 'partnerTokens' | 'clock'>,
): Promise<PartnerCredential> {
  const parsed = parsePartnerToken(token);
  if (!parsed) throw refuse('malformed');
  const record = await deps.partnerTokens.get(parsed.tokenId);
  // Hash even when the id is unknown, so both cases take the same time.
  const presented = hashSecret(parsed.secret);
  if (!record || !sameDigest(presented, record.secretHash)) throw refuse('unknown');
  return credentialOf(record, deps);
}

/**
 * The credential of a token by id alone, for the MCP server's calls: it has verified the secret itself and
 * acts under its own identity, so here only existence, expiry and revocation are checked.
 */
export async function loadPartnerCredential(
  tokenId: string,
  deps: Pick<PartnerTokenDeps, 'partners' | 'partnerTokens' | 'clock'>,
): Promise<PartnerCredential> {
  if (!/^[a-z0-9]{12}$/.test(tokenId)) throw refuse('malformed');
  const record = await deps.partnerTokens.get(tokenId);
  if (!record) throw refuse('unknown');
  return credentialOf(record, deps);
}

/** The principal a credential acts as. */
export function partnerPrincipal(credential: PartnerCredential): Extract<Principal, { role: 'PARTNER' }> {
  return {
    role: 'PARTNER',
    sub: `token:${credential.tokenId}`,
    partnerId: credential.partnerId,
    name: credential.partnerName,
    scopes: credential.scopes,
    tokenId: credential.tokenId,
  };
}
