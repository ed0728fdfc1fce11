// One read of the performance page, redone when what it depends on (`key`) changes: the latest answer wins.
import { useEffect, useState } from 'react';

export type Loaded<T> =
  | { phase: 'loading'; data?: T; reload: () => void }
  | { phase: 'ready'; data: T; reload: () => void }
  | { phase: 'error'; data?: T; error: unknown; reload: () => void };

export function useLoaded<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string; data?: T; error?: unknown; done: boolean }>({ key, done: false });
  useEffect(() => {
    let current = true;
    setState((s) => ({ key, data: s.data, done: false }));
    load().then(
      (data) => current && setState({ key, data, done: true }),
      (error: unknown) => current && setState((s) => ({ key, data: s.data, error: error ?? 'failed', done: true })),
    );
    return () => {
      current = false;
    };
    // `key` names everything `load` reads.
  }, [key, attempt]);
  const reload = () => setAttempt((n) => n + 1);
  if (!state.done || state.key !== key) return { phase: 'loading', data: state.data, reload };
  if (state.error !== undefined) return { phase: 'error', data: state.data, error: state.error, reload };
  return { phase: 'ready', data: state.data as T, reload };
}
