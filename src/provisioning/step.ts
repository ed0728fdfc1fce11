// What a provisioning step is and what it gets to work with: the AWS clients, the settings, the bot
// definition with the admin's prompt edits, the outputs of earlier steps, and a place to record resources.
import type { ConnectClient } from '@aws-sdk/client-connect';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { LexModelsV2Client } from '@aws-sdk/client-lex-models-v2';
import type { BotDefinition } from '../voice/bot-definition';
import type { DeploymentSettings, StepKey, StepResource } from './deployment';
import type { PollSettings } from './wait-for';

export type ProvisioningClients = {
  lex: LexModelsV2Client;
  connect: ConnectClient;
  iam: IAMClient;
  lambda: LambdaClient;
};

/** Builds the contact flow JSON (Connect flow language) for the provisioned bot alias. */
/** The flow's JSON for a bot alias; `settings` carry the locale, voice and the admin's prompt edits. */
export type ContactFlowContent = (ctx: {
  botAliasArn: string;
  queueArn?: string;
  settings: DeploymentSettings;
}) => string;

export type StepContext = {
  clients: ProvisioningClients;
  settings: DeploymentSettings;
  /** The bot definition with the settings' prompt overrides applied. */
  definition: BotDefinition;
  /** Outputs of the steps before this one (botId, roleArn, botVersion…). */
  values: Readonly<Record<string, string>>;
  region: string;
  poll: PollSettings;
  codeHookLambdaArn: string;
  versionsToKeep: number;
  contactFlowContent: ContactFlowContent;
  /**
   * Records a resource on this step. Recording the same resource again (a retried step finding what its
   * first attempt created) keeps `created` and the first `previous`, so rollback still undoes it.
   */
  record(resource: StepResource): void;
  /** This step's record of a resource from an earlier attempt (a retry), if any. */
  recorded(kind: StepResource['kind'], id: string): StepResource | undefined;
  /** Resources recorded by an earlier step of this deployment. */
  resourcesOf(step: StepKey): readonly StepResource[];
  /** A short summary for the progress view. */
  note(detail: string): void;
};

export type ProvisioningStep = {
  key: StepKey;
  title: string;
  /** One line for the wizard's review page: what this step will do with these settings. */
  plan(settings: DeploymentSettings): string;
  /** Does the work, idempotently; returns outputs later steps need. */
  run(ctx: StepContext): Promise<Record<string, string>>;
};

/** A value an earlier step must have produced; its absence is a bug in the step order, not bad input. */
export function required(ctx: StepContext, key: string): string {
  const value = ctx.values[key];
  if (value === undefined) throw new Error(`Provisioning step needs "${key}" from an earlier step, which is missing.`);
  return value;
}

/** "created 2, updated 1, unchanged 10" from per-resource outcomes. */
export function summarize(outcomes: Array<'created' | 'updated' | 'unchanged'>): string {
  const counts = { created: 0, updated: 0, unchanged: 0 };
  for (const o of outcomes) counts[o]++;
  return (['created', 'updated', 'unchanged'] as const)
    .filter((k) => counts[k] > 0)
    .map((k) => `${k} ${counts[k]}`)
    .join(', ');
}
