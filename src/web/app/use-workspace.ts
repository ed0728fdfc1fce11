// Loads the signed-in user's workspace once per sign-in. A courier's phone opens the workspace it had last time
// at once (and starts fetching the courier app's code while the API confirms who this is).
import { useCallback, useEffect, useState } from 'react';
import { loadWorkspace, readSignedInUser, savedCourierWorkspace, type Workspace } from '../lib/session';

export type WorkspaceState =
  { phase: 'loading' } | { phase: 'error'; error: unknown } | { phase: 'ready'; workspace: Workspace };

export function useWorkspace(): WorkspaceState & { retry: () => void } {
  const [state, setState] = useState<WorkspaceState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    setState({ phase: 'loading' });
    void readSignedInUser().then((user) => {
      // The courier app's code downloads alongside `me` instead of after it.
      if (user.groups.includes('courier')) import('./routes/courier-app').catch(() => undefined);
      const saved = savedCourierWorkspace(user);
      if (active && saved) setState((s) => (s.phase === 'loading' ? { phase: 'ready', workspace: saved } : s));
    });
    loadWorkspace().then(
      (workspace) => {
        if (active) setState({ phase: 'ready', workspace });
      },
      (error: unknown) => {
        if (active) setState({ phase: 'error', error });
      },
    );
    return () => {
      active = false;
    };
  }, [attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
