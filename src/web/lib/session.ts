// Who is signed in and which workspace they get: the access token's groups, then the API's `me`.
import { fetchAuthSession } from 'aws-amplify/auth';
import { runOperation } from './graphql-client';
import { MeDocument } from '../../generated/graphql';
import type { Me } from './api-types';
import { describeProblem } from './graphql-errors';
import { readGroups } from './token-claims';

export type Workspace =
  | { kind: 'admin'; me: Me }
  | { kind: 'courier'; me: Me; courierId: string }
  | { kind: 'partner'; me: Me; partnerId: string }
  | { kind: 'no-access'; reason: string };

const APP_GROUPS = ['admin', 'courier', 'partner'] as const;

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

const SAVED_WORKSPACE = 'courier-workspace';

type SavedWorkspace = { sub: string; workspace: Workspace };

/** A courier's workspace as last loaded, kept so the courier app opens on a phone with no network. */
function readSavedWorkspace(sub: string | undefined): Workspace | undefined {
  try {
    const saved = JSON.parse(localStorage.getItem(SAVED_WORKSPACE) ?? 'null') as SavedWorkspace | null;
    if (!saved || saved.workspace.kind !== 'courier') return undefined;
    return sub === undefined || saved.sub === sub ? saved.workspace : undefined;
  } catch {
    return undefined;
  }
}

/** Who is signed in on this device, from the stored tokens (the network only when they need refreshing). */
export async function readSignedInUser(): Promise<{ sub?: string; groups: string[] }> {
  const session = await fetchAuthSession().catch(() => undefined);
  const payload = session?.tokens?.accessToken.payload;
  return { ...(typeof payload?.sub === 'string' ? { sub: payload.sub } : {}), groups: readGroups(payload) };
}

/**
 * The courier's workspace as last loaded, for the same user still in the courier group: the courier app opens
 * with it at once instead of after a round trip for `me`, which `loadWorkspace` then makes to confirm it.
 */
export function savedCourierWorkspace(user: { sub?: string; groups: string[] }): Workspace | undefined {
  if (!user.sub || !user.groups.includes('courier')) return undefined;
  return readSavedWorkspace(user.sub);
}

/** Reads the current session and asks the API who this user is (offline: a courier's last known answer). */
export async function loadWorkspace(): Promise<Workspace> {
  const session = await fetchAuthSession().catch((error: unknown) => {
    if (!navigator.onLine) return undefined;
    throw error;
  });
  const payload = session?.tokens?.accessToken.payload;
  const sub = typeof payload?.sub === 'string' ? payload.sub : undefined;
  if (!payload && !navigator.onLine) {
    const saved = readSavedWorkspace(undefined);
    if (saved) return saved;
  }
  const groups = readGroups(payload);
  if (!hasAppGroup(groups)) {
    return { kind: 'no-access', reason: 'Your account has no role in this app yet.' };
  }
  let me: Me;
  try {
    ({ me } = await runOperation(MeDocument, {}));
  } catch (error) {
    const saved = describeProblem(error).kind === 'network' ? readSavedWorkspace(sub) : undefined;
    if (saved) return saved;
    throw error;
  }
  const workspace = resolveWorkspace(groups, me);
  try {
    if (workspace.kind === 'courier' && sub) {
      localStorage.setItem(SAVED_WORKSPACE, JSON.stringify({ sub, workspace } satisfies SavedWorkspace));
    } else {
      localStorage.removeItem(SAVED_WORKSPACE);
    }
  } catch {
    // Without storage the app still works online.
  }
  return workspace;
}

/** The name to greet the user by. */
export function displayNameOf(me: Me): string {
  return me.displayName ?? me.email ?? me.sub;
}

/** Signing out forgets the courier's offline copy of who they are. */
export function forgetSavedWorkspace(): void {
  try {
    localStorage.removeItem(SAVED_WORKSPACE);
  } catch {
    // Nothing was kept.
  }
}
