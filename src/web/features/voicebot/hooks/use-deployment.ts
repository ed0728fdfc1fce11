// One deployment, followed live: the subscription delivers each change, and a poll every few seconds while
// it runs covers a socket that dropped or never came up. Retry and rollback act on it in place.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  fetchDeployment,
  retryDeployment,
  rollbackDeployment,
  subscribeToDeployment,
  type DeploymentFields,
} from '../api/voicebot-api';
import { isSettled, newerDeployment } from './deployment-view';

/** How often the fallback poll asks while the deployment is moving. */
export const POLL_INTERVAL_MS = 3000;

export type DeploymentState = {
  deployment: DeploymentFields | null;
  phase: 'loading' | 'ready' | 'missing' | 'error';
  error: unknown;
  /** The live subscription failed: the page is kept current by polling alone. */
  subscriptionError: unknown;
  reload: () => void;
  retry: () => Promise<void>;
  rollBack: () => Promise<void>;
};

export function useDeployment(id: string, initial: DeploymentFields | null = null): DeploymentState {
  const [deployment, setDeployment] = useState<DeploymentFields | null>(initial?.id === id ? initial : null);
  const [phase, setPhase] = useState<DeploymentState['phase']>(initial?.id === id ? 'ready' : 'loading');
  const [error, setError] = useState<unknown>(null);
  const [subscriptionError, setSubscriptionError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);
  const current = useRef(id);
  current.current = id;

  const accept = useCallback((incoming: DeploymentFields) => {
    if (incoming.id !== current.current) return;
    setDeployment((known) => newerDeployment(known, incoming));
    setPhase('ready');
  }, []);

  const read = useCallback(() => {
    fetchDeployment(id).then(
      (found) => {
        if (id !== current.current) return;
        if (found) accept(found);
        else setPhase((known) => (known === 'ready' ? known : 'missing'));
      },
      (failure: unknown) => {
        if (id !== current.current) return;
        setError(failure);
        setPhase((known) => (known === 'ready' ? known : 'error'));
      },
    );
  }, [id, accept]);

  useEffect(() => {
    setSubscriptionError(null);
    const stop = subscribeToDeployment(id, accept, setSubscriptionError);
    return stop;
  }, [id, accept, reloads]);

  useEffect(read, [read, reloads]);

  const settled = deployment ? isSettled(deployment.status) : false;
  useEffect(() => {
    if (settled) return;
    const timer = setInterval(read, POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [read, settled]);

  const reload = useCallback(() => {
    setError(null);
    setPhase((known) => (known === 'ready' ? known : 'loading'));
    setReloads((n) => n + 1);
  }, []);

  const retry = useCallback(async () => accept(await retryDeployment(id)), [id, accept]);
  const rollBack = useCallback(async () => accept(await rollbackDeployment(id)), [id, accept]);

  return { deployment, phase, error, subscriptionError, reload, retry, rollBack };
}
