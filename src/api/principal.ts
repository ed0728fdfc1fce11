// Who is calling, from AppSync's identity: Cognito user (by group, plus their courier/partner membership),
// a partner token (Lambda authorizer, or the MCP service naming the token it acts for), IAM (our own
// services), or nobody (API key: public tracking only).
import type { AppSyncIdentity, AppSyncResolverEvent } from 'aws-lambda';
import { ForbiddenError, UnauthorizedError } from '../core/errors';
import { PARTNER_SCOPES, type AuditSource, type Principal } from '../core/model';
import {
  loadPartnerCredential,
  partnerPrincipal,
  TOKEN_REFUSALS,
  type PartnerCredential,
  type PartnerTokenDeps,
} from '../core/partner-tokens';
import type { Clock, MembershipRepository } from '../core/ports';
import { credentialFromResolverContext } from './partner-authorizer';
import { PARTNER_TOKEN_ID_HEADER } from './partner-operations';

type CognitoIdentity = { sub: string; username?: string; groups?: string[] | null; claims?: Record<string, unknown> };
type IamIdentity = { userArn: string; accountId?: string; username?: string };

function isCognito(identity: object): identity is CognitoIdentity {
  return 'sub' in identity && typeof (identity as { sub: unknown }).sub === 'string';
}
function isIam(identity: object): identity is IamIdentity {
  return 'userArn' in identity || 'accountId' in identity;
}

function groupsOf(identity: CognitoIdentity): string[] {
  if (identity.groups && identity.groups.length > 0) return identity.groups;
  const claim = identity.claims?.['cognito:groups'];
  return Array.isArray(claim) ? claim.map(String) : [];
}

const MEMBERSHIP_TTL_MS = 60_000;
const membershipCache = new Map<string, { at: number; courierId?: string; partnerId?: string; name?: string }>();

/** Memberships rarely change; a minute's cache keeps a lookup off most requests. */
async function membershipOf(sub: string, memberships: MembershipRepository) {
  const hit = membershipCache.get(sub);
  if (hit && Date.now() - hit.at < MEMBERSHIP_TTL_MS) return hit;
  const m = await memberships.get(sub);
  const entry = { at: Date.now(), courierId: m?.courierId, partnerId: m?.partnerId, name: m?.displayName ?? m?.email };
  membershipCache.set(sub, entry);
  return entry;
}

export async function resolvePrincipal(
  identity: AppSyncIdentity | null | undefined,
  deps: { memberships: MembershipRepository },
): Promise<Principal> {
  if (!identity) return { role: 'PUBLIC' };
  if (isCognito(identity)) {
    const groups = groupsOf(identity);
    const email = typeof identity.claims?.email === 'string' ? identity.claims.email : undefined;
    if (groups.includes('admin')) {
      const m = await membershipOf(identity.sub, deps.memberships);
      return { role: 'ADMIN', sub: identity.sub, name: m.name ?? email };
    }
    if (groups.includes('courier')) {
      const m = await membershipOf(identity.sub, deps.memberships);
      if (!m.courierId)
        throw new ForbiddenError('Your sign-in is not linked to a courier profile.', {
          resolution: 'Ask an administrator to link your account to your courier profile.',
        });
      return { role: 'COURIER', sub: identity.sub, courierId: m.courierId, name: m.name ?? email };
    }
    if (groups.includes('partner')) {
      const m = await membershipOf(identity.sub, deps.memberships);
      if (!m.partnerId)
        throw new ForbiddenError('Your sign-in is not linked to a partner.', {
          resolution: 'Ask an administrator to link your account to your partner company.',
        });
      return {
        role: 'PARTNER',
        sub: identity.sub,
        partnerId: m.partnerId,
        name: m.name ?? email,
        scopes: [...PARTNER_SCOPES],
      };
    }
    throw new ForbiddenError('Your account has no role in this system.', {
      resolution: 'Ask an administrator to add you to the admin, courier or partner group.',
    });
  }
  if (isIam(identity)) return { role: 'SERVICE', name: identity.userArn };
  return { role: 'PUBLIC' };
}

/** For tests: forget cached memberships. */
export function clearMembershipCache(): void {
  membershipCache.clear();
}

// ---- partner tokens ----

/** A call made with a partner token: through GraphQL directly, or by the MCP server on the partner's behalf. */
export type PartnerAccess = { credential: PartnerCredential; source: AuditSource };
export type Caller = { principal: Principal; partnerAccess?: PartnerAccess };

export type CallerDeps = { memberships: MembershipRepository; clock: Clock } & Partial<
  Pick<PartnerTokenDeps, 'partners' | 'partnerTokens'>
> & {
    /** The MCP service's IAM role (or user) ARN: the only identity allowed to act for a partner. */
    mcpServiceArn?: string;
  };

/**
 * Whether an IAM caller is the configured service. A role's sessions arrive as
 * `arn:aws:sts::<account>:assumed-role/<role name>/<session>`, so those match the role's ARN by account and name.
 */
export function isServiceIdentity(userArn: string | undefined, serviceArn: string | undefined): boolean {
  if (!userArn || !serviceArn) return false;
  if (userArn === serviceArn) return true;
  const role = /^arn:(aws[\w-]*):iam::(\d{12}):role\/(?:.*\/)?([\w+=,.@-]+)$/.exec(serviceArn);
  const session = /^arn:(aws[\w-]*):sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\/[^/]+$/.exec(userArn);
  return !!role && !!session && role[1] === session[1] && role[2] === session[2] && role[3] === session[3];
}

const CREDENTIAL_TTL_MS = 30_000;
const credentialCache = new Map<string, { at: number; credential: PartnerCredential }>();

/** The token behind an MCP call, re-read at most every 30 s: revocation reaches the MCP path within that. */
async function cachedCredential(tokenId: string, deps: CallerDeps): Promise<PartnerCredential> {
  const now = deps.clock.now();
  const hit = credentialCache.get(tokenId);
  if (hit && now.getTime() - hit.at < CREDENTIAL_TTL_MS) {
    if (Date.parse(hit.credential.expiresAt) <= now.getTime()) {
      throw new UnauthorizedError(TOKEN_REFUSALS.expired, { resolution: 'Ask the courier company for a new token.' });
    }
    return hit.credential;
  }
  if (!deps.partners || !deps.partnerTokens) throw new Error('Partner tokens are not configured in this runtime');
  const credential = await loadPartnerCredential(tokenId, {
    partners: deps.partners,
    partnerTokens: deps.partnerTokens,
    clock: deps.clock,
  });
  if (credentialCache.size >= 10_000) credentialCache.clear();
  credentialCache.set(tokenId, { at: now.getTime(), credential });
  return credential;
}

function headerOf(event: Pick<AppSyncResolverEvent<unknown>, 'request'>, name: string): string | undefined {
  const headers = event.request?.headers ?? {};
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === name && v) return v;
  return undefined;
}

/**
 * The caller of one resolver event. Partner-token callers come with their credential, which the router
 * uses for scopes, the rate limit and the audit trail.
 */
export async function resolveCaller(
  event: Pick<AppSyncResolverEvent<unknown>, 'identity' | 'request'>,
  deps: CallerDeps,
): Promise<Caller> {
  const identity = event.identity;
  const actingFor = headerOf(event, PARTNER_TOKEN_ID_HEADER);
  const iamArn =
    identity && 'userArn' in identity && typeof identity.userArn === 'string' ? identity.userArn : undefined;
  const isMcp = isServiceIdentity(iamArn, deps.mcpServiceArn);

  if (identity && 'resolverContext' in identity) {
    // Only our Lambda authorizer produces Lambda identities; it verified the token moments ago (or within its TTL).
    const credential = credentialFromResolverContext(identity.resolverContext);
    if (!credential) throw new UnauthorizedError(TOKEN_REFUSALS.unknown);
    if (Date.parse(credential.expiresAt) <= deps.clock.now().getTime()) {
      throw new UnauthorizedError(TOKEN_REFUSALS.expired, { resolution: 'Ask the courier company for a new token.' });
    }
    return { principal: partnerPrincipal(credential), partnerAccess: { credential, source: 'graphql' } };
  }
  if (actingFor !== undefined) {
    if (!isMcp) {
      throw new ForbiddenError(`Only the MCP service may send ${PARTNER_TOKEN_ID_HEADER}.`, {
        resolution: 'Call the API with the partner token itself in the Authorization header.',
      });
    }
    const credential = await cachedCredential(actingFor.trim(), deps);
    return { principal: partnerPrincipal(credential), partnerAccess: { credential, source: 'mcp' } };
  }
  if (isMcp) {
    throw new ForbiddenError('The MCP service acts only for partners.', {
      resolution: `Name the partner token it acts for in ${PARTNER_TOKEN_ID_HEADER}.`,
    });
  }
  return { principal: await resolvePrincipal(identity, deps) };
}

/** For tests: forget cached partner credentials. */
export function clearPartnerCredentialCache(): void {
  credentialCache.clear();
}
