// The deployment history, newest first: the overview's current state is its first entry.
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchDeployments, type DeploymentFields } from '../api/voicebot-api';

export type DeploymentsList = {
  deployments: DeploymentFields[];
  phase: 'loading' | 'ready' | 'error';
  error: unknown;
  reload: () => void;
};

export function useDeployments(): DeploymentsList {
  const [deployments, setDeployments] = useState<DeploymentFields[]>([]);
  const [phase, setPhase] = useState<DeploymentsList['phase']>('loading');
  const [error, setError] = useState<unknown>(null);
  const loads = useRef(0);

  const load = useCallback(() => {
    const loadId = ++loads.current;
    setPhase('loading');
    fetchDeployments().then(
      (list) => {
        if (loadId !== loads.current) return;
        setDeployments([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
        setPhase('ready');
      },
      (failure: unknown) => {
        if (loadId !== loads.current) return;
        setError(failure);
        setPhase('error');
      },
    );
  }, []);

  useEffect(load, [load]);
  return { deployments, phase, error, reload: load };
}

/** The deployment that decides what callers get: the newest that succeeded. */
export function liveDeployment(deployments: DeploymentFields[]): DeploymentFields | undefined {
  return deployments.find((d) => d.status === 'SUCCEEDED');
}
