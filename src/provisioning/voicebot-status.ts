// The dashboard's voicebot line: the newest deployment's state, in the dashboard's terms.
import type { VoicebotState, VoicebotStatusSource } from '../core/dashboard';
import type { DeploymentRepository } from './deployment';

export function createVoicebotStatusSource(deployments: DeploymentRepository): VoicebotStatusSource {
  return {
    async status(): Promise<VoicebotState> {
      const [latest] = (await deployments.list({ limit: 1 })).items;
      if (!latest) return { state: 'NOT_DEPLOYED', detail: 'The voicebot has not been deployed yet.' };
      const bot = `${latest.settings.botName} (${latest.settings.botAliasName})`;
      switch (latest.status) {
        case 'SUCCEEDED':
          return { state: 'DEPLOYED', detail: `${bot} deployed ${latest.updatedAt}.` };
        case 'PENDING':
        case 'RUNNING':
        case 'ROLLING_BACK': {
          const step = latest.steps.find((s) => s.status === 'RUNNING' || s.status === 'ROLLING_BACK');
          return { state: 'DEPLOYING', detail: `${bot}: ${step ? step.title : 'starting'}.` };
        }
        case 'FAILED':
          return {
            state: 'FAILED',
            detail: `${bot} failed at ${latest.error?.step ?? 'a step'}: ${latest.error?.message ?? 'see the deployment'}.`,
          };
        case 'ROLLED_BACK':
          return { state: 'NOT_DEPLOYED', detail: `The last deployment of ${bot} was rolled back.` };
      }
    },
  };
}
