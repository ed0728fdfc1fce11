// Who is calling, from AppSync's identity: Cognito user (by group, plus their courier/partner membership),
// IAM (our own services), or nobody (API key: public tracking only).
import type { AppSyncIdentity } from 'aws-lambda';
import { ForbiddenError } from '../core/errors';
import type { Principal } from '../core/model';
import type { MembershipRepository } from '../core/ports';

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
      return { role: 'PARTNER', sub: identity.sub, partnerId: m.partnerId, name: m.name ?? email };
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
