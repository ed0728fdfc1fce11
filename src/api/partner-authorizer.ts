// AppSync Lambda authorizer for partner tokens (AWS_LAMBDA mode): a partner's backend calls GraphQL with
// `Authorization: cvb_…`; the token is verified and its credential travels to the resolvers as
// identity.resolverContext. The same function runs in the cloud (lambdas/partner-authorizer) and in-process
// in the local AppSync server.
import type { AppSyncAuthorizerEvent, AppSyncAuthorizerResult } from 'aws-lambda';
import { isDomainError } from '../core/errors';
import {
  PARTNER_SCOPES,
  verifyPartnerToken,
  type PartnerCredential,
  type PartnerTokenDeps,
} from '../core/partner-tokens';
import type { PartnerScope } from '../core/model';
import type { Log } from '../observability/telemetry';

/** AppSync caches an authorization for at most this long; revocation therefore takes effect within it. */
export const AUTHORIZER_TTL_SECONDS = 30;

/** resolverContext values are strings, as AppSync passes them on. */
export type PartnerResolverContext = {
  tokenId: string;
  partnerId: string;
  partnerName: string;
  /** Space-separated scopes. */
  scopes: string;
  expiresAt: string;
  rateLimitPerMinute: string;
};

export function toResolverContext(c: PartnerCredential): PartnerResolverContext {
  return {
    tokenId: c.tokenId,
    partnerId: c.partnerId,
    partnerName: c.partnerName,
    scopes: c.scopes.join(' '),
    expiresAt: c.expiresAt,
    rateLimitPerMinute: String(c.rateLimitPerMinute),
  };
}

/** The credential an authorizer put in resolverContext, or undefined when it is not one of ours. */
export function credentialFromResolverContext(raw: unknown): PartnerCredential | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const ctx = raw as Partial<Record<keyof PartnerResolverContext, unknown>>;
  const strings = [ctx.tokenId, ctx.partnerId, ctx.partnerName, ctx.scopes, ctx.expiresAt, ctx.rateLimitPerMinute];
  if (!strings.every((s) => typeof s === 'string')) return undefined;
  const scopes = String(ctx.scopes)
    .split(' ')
    .filter((s): s is PartnerScope => (PARTNER_SCOPES as readonly string[]).includes(s));
  const rate = Number(ctx.rateLimitPerMinute);
  if (!Number.isInteger(rate) || rate < 1) return undefined;
  return {
    tokenId: String(ctx.tokenId),
    partnerId: String(ctx.partnerId),
    partnerName: String(ctx.partnerName),
    scopes,
    expiresAt: String(ctx.expiresAt),
    rateLimitPerMinute: rate,
  };
}

export type PartnerAuthorizerDeps = Pick<PartnerTokenDeps, 'partners' | 'clock'> &
  Partial<Pick<PartnerTokenDeps, 'partnerTokens'>> & { log: Log };

/**
 * Decides one request. Refusals are `isAuthorized: false` (AppSync answers 401); why is logged, never told.
 * An authorization is cached no longer than AUTHORIZER_TTL_SECONDS, nor past the token's expiry.
 */
export async function authorizePartnerRequest(
  event: Pick<AppSyncAuthorizerEvent, 'authorizationToken'>,
  deps: PartnerAuthorizerDeps,
): Promise<AppSyncAuthorizerResult<PartnerResolverContext>> {
  try {
    if (!deps.partnerTokens) throw new Error('Partner tokens are not configured in this runtime');
    const credential = await verifyPartnerToken(event.authorizationToken ?? '', {
      ...deps,
      partnerTokens: deps.partnerTokens,
    });
    const untilExpiry = Math.floor((Date.parse(credential.expiresAt) - deps.clock.now().getTime()) / 1000);
    return {
      isAuthorized: true,
      resolverContext: toResolverContext(credential),
      ttlOverride: Math.max(0, Math.min(AUTHORIZER_TTL_SECONDS, untilExpiry)),
    };
  } catch (e) {
    if (isDomainError(e) && e.kind === 'user') deps.log.info('partner token refused', { reason: e.message });
    else deps.log.error('partner authorizer failed', e);
    return { isAuthorized: false, ttlOverride: 0 };
  }
}
