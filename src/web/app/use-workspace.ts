// Loads the signed-in user's workspace once per sign-in.
import { useCallback, useEffect, useState } from 'react';
import { loadWorkspace, type Workspace } from '../lib/session';

export type WorkspaceState =
  { phase: 'loading' } | { phase: 'error'; error: unknown } | { phase: 'ready'; workspace: Workspace };

export function useWorkspace(): WorkspaceState & { retry: () => void } {
  const [state, setState] = useState<WorkspaceState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    setState({ phase: 'loading' });
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
