// Test data: a deployment as the API returns it — twelve steps in the engine's order, each in the status
// asked for — with any fields overridden.
import type { DeploymentStepStatus } from '../../../../generated/graphql';
import type { DeploymentFields, DeploymentStepFields } from '../api/voicebot-api';

export const STEP_TITLES: [string, string][] = [
  ['bot-role', 'Bot role'],
  ['bot', 'Lex bot'],
  ['bot-locale', 'Bot language'],
  ['slot-types', 'Slot types'],
  ['intents', 'Intents'],
  ['build-locale', 'Build'],
  ['bot-version', 'Bot version'],
  ['bot-alias', 'Bot alias'],
  ['prune-versions', 'Old versions'],
  ['lambda-permission', 'Code hook permission'],
  ['connect-association', 'Connect association'],
  ['contact-flow', 'Contact flow'],
];

export function makeStep(key: string, status: DeploymentStepStatus, overrides: Partial<DeploymentStepFields> = {}) {
  const title = STEP_TITLES.find(([k]) => k === key)?.[1] ?? key;
  const started = status !== 'PENDING';
  const ended = status === 'SUCCEEDED' || status === 'FAILED' || status === 'ROLLED_BACK';
  return {
    key,
    title,
    status,
    startedAt: started ? '2025-03-03T10:00:00.000Z' : null,
    endedAt: ended ? '2025-03-03T10:00:01.500Z' : null,
    detail: status === 'SUCCEEDED' ? 'created' : null,
    resources: [],
    error: null,
    ...overrides,
  } satisfies DeploymentStepFields;
}

/** Steps before `at` succeeded, the one at `at` has `status`, the rest wait. */
export function makeSteps(at: number, status: DeploymentStepStatus): DeploymentStepFields[] {
  return STEP_TITLES.map(([key], index) => makeStep(key, index < at ? 'SUCCEEDED' : index === at ? status : 'PENDING'));
}

export function makeDeployment(overrides: Partial<DeploymentFields> = {}): DeploymentFields {
  return {
    id: 'dep-01',
    instanceId: 'a1b2c3d4-0000-4000-8000-000000000001',
    status: 'SUCCEEDED',
    settings: {
      instanceId: 'a1b2c3d4-0000-4000-8000-000000000001',
      botName: 'CourierVoicebot',
      localeId: 'en_US',
      voiceId: 'Joanna',
      botAliasName: 'live',
      contactFlowName: 'CourierVoicebot inbound',
      queueArn: null,
      promptOverrides: '{}',
    },
    steps: makeSteps(STEP_TITLES.length, 'SUCCEEDED'),
    error: null,
    createdBy: { type: 'ADMIN', id: 'admin-1', name: 'Ada Admin' },
    createdAt: '2025-03-03T10:00:00.000Z',
    updatedAt: '2025-03-03T10:01:00.000Z',
    version: 14,
    ...overrides,
  };
}
