// The voicebot feature's calls to the API: the company's Connect instances and queues, the plan and the
// deployments of the bot (start, retry, roll back, follow), and the prompts callers hear.
import { collectPages, runOperation, subscribeTo } from '../../../lib/graphql-client';
import {
  BotPromptsDocument,
  GetDeploymentDocument,
  ListConnectInstancesDocument,
  ListConnectQueuesDocument,
  ListDeploymentsDocument,
  OnDeploymentChangedDocument,
  PlanDeploymentDocument,
  RetryDeploymentDocument,
  RollbackDeploymentDocument,
  StartDeploymentDocument,
  type BotPromptsQuery,
  type DeploymentFieldsFragment,
  type ListConnectInstancesQuery,
  type ListConnectQueuesQuery,
  type NewDeploymentSettingsInput,
  type PlanDeploymentQuery,
} from '../../../../generated/graphql';

export type DeploymentFields = DeploymentFieldsFragment;
export type DeploymentStepFields = DeploymentFields['steps'][number];
export type ConnectInstance = ListConnectInstancesQuery['listConnectInstances'][number];
export type ConnectQueue = ListConnectQueuesQuery['listConnectQueues'][number];
export type PlannedStep = PlanDeploymentQuery['planDeployment'][number];
export type BotPrompt = BotPromptsQuery['botPrompts'][number];
export type DeploymentSettingsInput = NewDeploymentSettingsInput;

/** A page of history is small: deployments are rare, and the overview reads every page. */
const PAGE_SIZE = 50;

export async function fetchConnectInstances(): Promise<ConnectInstance[]> {
  return (await runOperation(ListConnectInstancesDocument, {})).listConnectInstances;
}

export async function fetchConnectQueues(instanceId: string): Promise<ConnectQueue[]> {
  return (await runOperation(ListConnectQueuesDocument, { instanceId })).listConnectQueues;
}

export async function fetchPlan(settings: DeploymentSettingsInput): Promise<PlannedStep[]> {
  return (await runOperation(PlanDeploymentDocument, { settings })).planDeployment;
}

export async function startDeployment(settings: DeploymentSettingsInput): Promise<DeploymentFields> {
  return (await runOperation(StartDeploymentDocument, { settings })).startDeployment;
}

export async function retryDeployment(id: string): Promise<DeploymentFields> {
  return (await runOperation(RetryDeploymentDocument, { id })).retryDeployment;
}

export async function rollbackDeployment(id: string): Promise<DeploymentFields> {
  return (await runOperation(RollbackDeploymentDocument, { id })).rollbackDeployment;
}

export async function fetchDeployment(id: string): Promise<DeploymentFields | null> {
  return (await runOperation(GetDeploymentDocument, { id })).getDeployment;
}

/** Every deployment, newest first (the API's order). */
export function fetchDeployments(): Promise<DeploymentFields[]> {
  return collectPages(
    async (nextToken) => (await runOperation(ListDeploymentsDocument, { limit: PAGE_SIZE, nextToken })).listDeployments,
  );
}

export async function fetchBotPrompts(localeId: string): Promise<BotPrompt[]> {
  return (await runOperation(BotPromptsDocument, { localeId })).botPrompts;
}

/** Each stored change of one deployment, as the whole deployment; returns the function that stops listening. */
export function subscribeToDeployment(
  id: string,
  onChange: (deployment: DeploymentFields) => void,
  onError: (error: unknown) => void,
): () => void {
  return subscribeTo(
    OnDeploymentChangedDocument,
    { id },
    {
      next: (data) => {
        if (data.onDeploymentChanged) onChange(data.onDeploymentChanged);
      },
      error: onError,
    },
  );
}
