// One analytics report loaded for the current range: loading, the figures, or the problem, with a retry.
import { useEffect, useRef, useState } from 'react';

export type ReportState<T> = { phase: 'loading' | 'ready' | 'error'; data?: T; error: unknown; reload: () => void };

export function useAnalyticsReport<T>(load: () => Promise<T>, key: string): ReportState<T> {
  const [state, setState] = useState<Omit<ReportState<T>, 'reload'>>({ phase: 'loading', error: null });
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const id = ++latest.current;
    setState((s) => ({ ...s, phase: 'loading' }));
    load().then(
      (data) => id === latest.current && setState({ phase: 'ready', data, error: null }),
      (error: unknown) => id === latest.current && setState({ phase: 'error', error }),
    );
    // `key` names everything `load` depends on.
  }, [key, attempt]);
  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
