// The prompts callers hear now, with their defaults, and the deployment whose settings a redeploy reuses.
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchBotPrompts, fetchDeployments, type BotPrompt, type DeploymentFields } from '../api/voicebot-api';
import { liveDeployment } from './use-deployments';

export type BotPromptsState = {
  prompts: BotPrompt[];
  /** The live deployment (else the newest): its settings are what "Save and deploy" sends again. */
  base: DeploymentFields | undefined;
  phase: 'loading' | 'ready' | 'error';
  error: unknown;
  reload: () => void;
};

export function useBotPrompts(localeId: string): BotPromptsState {
  const [prompts, setPrompts] = useState<BotPrompt[]>([]);
  const [base, setBase] = useState<DeploymentFields | undefined>();
  const [phase, setPhase] = useState<BotPromptsState['phase']>('loading');
  const [error, setError] = useState<unknown>(null);
  const loads = useRef(0);

  const load = useCallback(() => {
    const loadId = ++loads.current;
    setPhase('loading');
    Promise.all([fetchBotPrompts(localeId), fetchDeployments()]).then(
      ([found, deployments]) => {
        if (loadId !== loads.current) return;
        setPrompts(found);
        setBase(liveDeployment(deployments) ?? deployments[0]);
        setPhase('ready');
      },
      (failure: unknown) => {
        if (loadId !== loads.current) return;
        setError(failure);
        setPhase('error');
      },
    );
  }, [localeId]);

  useEffect(load, [load]);
  return { prompts, base, phase, error, reload: load };
}
