// Loads the signed-in user's workspace once per sign-in. A courier's phone opens the workspace it had last time
// at once, while the API confirms who this is (main.tsx has already started fetching the courier app's code).
import { useCallback, useEffect, useState } from 'react';
import { prefetchCourierDay } from '../features/courier-day/hooks/use-courier-day';
import { useCompanyCalendar } from '../lib/company-calendar';
import { loadWorkspace, readSignedInUser, savedCourierWorkspace, type Workspace } from '../lib/session';

export type WorkspaceState =
  { phase: 'loading' } | { phase: 'error'; error: unknown } | { phase: 'ready'; workspace: Workspace };

export function useWorkspace(): WorkspaceState & { retry: () => void } {
  const [state, setState] = useState<WorkspaceState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const calendar = useCompanyCalendar();

  useEffect(() => {
    let active = true;
    setState({ phase: 'loading' });
    void readSignedInUser().then((user) => {
      // A courier's day loads beside `me`, not after it.
      if (user.groups.includes('courier')) prefetchCourierDay(calendar.today());
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
  }, [attempt, calendar]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
