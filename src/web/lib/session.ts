// Who is signed in and which workspace they get: the access token's groups, then the API's `me`.
import { fetchAuthSession } from 'aws-amplify/auth';
import { runOperation } from './graphql-client';
import { MeDocument } from '../../generated/graphql';
import type { Me } from './api-types';

export type Workspace =
  | { kind: 'admin'; me: Me }
  | { kind: 'courier'; me: Me; courierId: string }
  | { kind: 'partner'; me: Me; partnerId: string }
  | { kind: 'no-access'; reason: string };

const APP_GROUPS = ['admin', 'courier', 'partner'] as const;

/** The `cognito:groups` claim of an access token payload, as strings. */
export function readGroups(payload: Record<string, unknown> | undefined): string[] {
  const claim = payload?.['cognito:groups'];
  if (!Array.isArray(claim)) return [];
  return claim.filter((group): group is string => typeof group === 'string');
}

/** Whether the groups allow calling `me` at all: it answers only members of the app's groups. */
export function hasAppGroup(groups: string[]): boolean {
  return groups.some((group) => (APP_GROUPS as readonly string[]).includes(group));
}

/**
 * The workspace for a signed-in user. The API's `me.role` decides; the token's groups must agree,
 * so a stale token never opens a workspace the server would refuse.
 */
export function resolveWorkspace(groups: string[], me: Me): Workspace {
  switch (me.role) {
    case 'ADMIN':
      if (!groups.includes('admin')) break;
      return { kind: 'admin', me };
    case 'COURIER':
      if (!groups.includes('courier')) break;
      if (!me.courierId) {
        return { kind: 'no-access', reason: 'Your sign-in is not linked to a courier profile yet.' };
      }
      return { kind: 'courier', me, courierId: me.courierId };
    case 'PARTNER':
      if (!groups.includes('partner')) break;
      if (!me.partnerId) {
        return { kind: 'no-access', reason: 'Your sign-in is not linked to a partner company yet.' };
      }
      return { kind: 'partner', me, partnerId: me.partnerId };
  }
  return { kind: 'no-access', reason: 'Your role changed since you signed in.' };
}

/** Reads the current session and asks the API who this user is. */
export async function loadWorkspace(): Promise<Workspace> {
  const session = await fetchAuthSession();
  const groups = readGroups(session.tokens?.accessToken.payload);
  if (!hasAppGroup(groups)) {
    return { kind: 'no-access', reason: 'Your account has no role in this app yet.' };
  }
  const { me } = await runOperation(MeDocument, {});
  return resolveWorkspace(groups, me);
}

/** The name to greet the user by. */
export function displayNameOf(me: Me): string {
  return me.displayName ?? me.email ?? me.sub;
}
