// What the wizard offers from the company's Amazon Connect: its instances, and the chosen one's queues.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  fetchConnectInstances,
  fetchConnectQueues,
  type ConnectInstance,
  type ConnectQueue,
} from '../api/voicebot-api';

export type Choices<T> = {
  items: T[];
  phase: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  reload: () => void;
};

function useChoices<T>(load: (() => Promise<T[]>) | null): Choices<T> {
  const [items, setItems] = useState<T[]>([]);
  const [phase, setPhase] = useState<Choices<T>['phase']>(load ? 'loading' : 'idle');
  const [error, setError] = useState<unknown>(null);
  const loads = useRef(0);

  const run = useCallback(() => {
    const loadId = ++loads.current;
    if (!load) {
      setItems([]);
      setPhase('idle');
      return;
    }
    setPhase('loading');
    load().then(
      (found) => {
        if (loadId !== loads.current) return;
        setItems(found);
        setPhase('ready');
      },
      (failure: unknown) => {
        if (loadId !== loads.current) return;
        setError(failure);
        setPhase('error');
      },
    );
  }, [load]);

  useEffect(run, [run]);
  return { items, phase, error, reload: run };
}

export function useConnectInstances(): Choices<ConnectInstance> {
  return useChoices(fetchConnectInstances);
}

export function useConnectQueues(instanceId: string): Choices<ConnectQueue> {
  const load = useCallback(() => fetchConnectQueues(instanceId), [instanceId]);
  return useChoices(instanceId ? load : null);
}
