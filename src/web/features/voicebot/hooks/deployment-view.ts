// How a deployment reads on screen: status words and tones, a step's icon and timing, which of two copies
// is newer (subscription and polling both deliver), and what the admin may do next.
import type { DeploymentStatus, DeploymentStepStatus } from '../../../../generated/graphql';
import type { DeploymentFields, DeploymentStepFields } from '../api/voicebot-api';

export type Tone = 'neutral' | 'busy' | 'ok' | 'bad' | 'muted';

export const DEPLOYMENT_LOOK: Record<DeploymentStatus, { label: string; tone: Tone; summary: string }> = {
  PENDING: { label: 'Waiting to start', tone: 'neutral', summary: 'The deployment is queued and starts in a moment.' },
  RUNNING: { label: 'Deploying', tone: 'busy', summary: 'The bot is being set up in Amazon Connect, step by step.' },
  SUCCEEDED: { label: 'Live', tone: 'ok', summary: 'The bot is live: calls to the contact flow reach it.' },
  FAILED: { label: 'Failed', tone: 'bad', summary: 'A step failed. Retry it once fixed, or roll back.' },
  ROLLING_BACK: { label: 'Rolling back', tone: 'busy', summary: 'Removing what this deployment created.' },
  ROLLED_BACK: { label: 'Rolled back', tone: 'muted', summary: 'What this deployment created has been removed.' },
};

/** Icons are characters, so they read in screen readers' text and in screenshots alike. */
export const STEP_LOOK: Record<DeploymentStepStatus, { icon: string; label: string; tone: Tone }> = {
  PENDING: { icon: '○', label: 'Waiting', tone: 'neutral' },
  RUNNING: { icon: '◔', label: 'In progress', tone: 'busy' },
  SUCCEEDED: { icon: '✓', label: 'Done', tone: 'ok' },
  FAILED: { icon: '✕', label: 'Failed', tone: 'bad' },
  ROLLING_BACK: { icon: '↺', label: 'Undoing', tone: 'busy' },
  ROLLED_BACK: { icon: '↩', label: 'Undone', tone: 'muted' },
};

const NOT_RUN = {
  icon: '–',
  label: 'Not run',
  tone: 'neutral',
} as const satisfies (typeof STEP_LOOK)[DeploymentStepStatus];

/** A step a rolled-back deployment never reached is not waiting for anything: it will never run. */
export function stepLook(step: DeploymentStepFields, deploymentStatus: DeploymentStatus) {
  return deploymentStatus === 'ROLLED_BACK' && step.status === 'PENDING' ? NOT_RUN : STEP_LOOK[step.status];
}

/** No change is coming without an admin's action. */
export function isSettled(status: DeploymentStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'ROLLED_BACK';
}

/**
 * The copy to show of two: the stored version counter only grows, so the higher one is newer; a late poll
 * answer never takes back what the subscription already showed.
 */
export function newerDeployment(current: DeploymentFields | null, incoming: DeploymentFields): DeploymentFields {
  if (!current || current.id !== incoming.id) return incoming;
  if (incoming.version !== current.version) return incoming.version > current.version ? incoming : current;
  return incoming.updatedAt > current.updatedAt ? incoming : current;
}

/** "0.8 s", "12 s", "2 min 5 s": how long a step took, or has taken so far while it runs. */
export function formatDuration(milliseconds: number): string {
  const ms = Math.max(0, milliseconds);
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 === 0 ? `${minutes} min` : `${minutes} min ${seconds % 60} s`;
}

/**
 * An undone step's times span its run and the rollback that undid it, which reads as neither: it shows none.
 */
export function stepDuration(step: DeploymentStepFields, now: Date): string | undefined {
  if (!step.startedAt || step.status === 'ROLLED_BACK' || step.status === 'ROLLING_BACK') return undefined;
  const end = step.endedAt ? Date.parse(step.endedAt) : now.getTime();
  return formatDuration(end - Date.parse(step.startedAt));
}

/** Retry resumes a failed deployment at its failed step; a failed rollback can only be rolled back again. */
export function canRetry(deployment: DeploymentFields): boolean {
  return deployment.status === 'FAILED' && deployment.error?.phase !== 'rollback';
}

export function canRollBack(deployment: DeploymentFields): boolean {
  return deployment.status === 'FAILED';
}

export function failedStep(deployment: DeploymentFields): DeploymentStepFields | undefined {
  return (
    deployment.steps.find((s) => s.key === deployment.error?.step) ??
    deployment.steps.find((s) => s.status === 'FAILED')
  );
}

const RESOURCE_NAMES: Record<string, string> = {
  iamRole: 'IAM role',
  lexBot: 'Lex bot',
  lexBotLocale: 'Bot language',
  lexSlotType: 'Slot type',
  lexIntent: 'Intent',
  lexSlot: 'Slot',
  lexBotVersion: 'Bot version',
  lexBotAlias: 'Bot alias',
  lambdaPermission: 'Lambda permission',
  connectBotAssociation: 'Connect bot association',
  connectContactFlow: 'Contact flow',
};

export function resourceKindName(kind: string): string {
  return RESOURCE_NAMES[kind] ?? kind;
}

/** What happened to a resource, in a word: rollback and creation matter most to the admin. */
export function resourceAction(resource: DeploymentStepFields['resources'][number]): string {
  if (resource.rolledBack) return resource.created ? 'removed' : 'restored';
  if (resource.created) return 'created';
  if (resource.updated) return 'updated';
  return 'found';
}

/** Every resource this deployment created (and not yet removed): what a rollback would delete. */
export function createdResources(deployment: DeploymentFields): DeploymentStepFields['resources'] {
  return deployment.steps.flatMap((s) => s.resources.filter((r) => r.created && !r.rolledBack));
}

/** "28 created, 1 updated": a step's resources counted by what happened to them, in a fixed order. */
export function summariseResources(resources: DeploymentStepFields['resources']): string {
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(resourceAction(r), (counts.get(resourceAction(r)) ?? 0) + 1);
  return ['created', 'updated', 'found', 'removed', 'restored']
    .filter((action) => counts.has(action))
    .map((action) => `${counts.get(action)} ${action}`)
    .join(', ');
}
