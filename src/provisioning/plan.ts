// The provisioning steps in the order they run, and the plan the wizard's review page shows before a
// deployment starts.
import { parseDeploymentSettings, type StepKey } from './deployment';
import type { ProvisioningStep } from './step';
import { botAliasStep } from './steps/bot-alias';
import { botLocaleStep } from './steps/bot-locale';
import { botRoleStep } from './steps/bot-role';
import { botStep } from './steps/bot';
import { botVersionStep } from './steps/bot-version';
import { buildLocaleStep } from './steps/build-locale';
import { connectAssociationStep } from './steps/connect-association';
import { contactFlowStep } from './steps/contact-flow';
import { intentsStep } from './steps/intents';
import { lambdaPermissionStep } from './steps/lambda-permission';
import { pruneVersionsStep } from './steps/prune-versions';
import { slotTypesStep } from './steps/slot-types';

/** Order matters: each step uses outputs of the ones before it, and rollback walks it backwards. */
export const PROVISIONING_STEPS: readonly ProvisioningStep[] = [
  botRoleStep,
  botStep,
  botLocaleStep,
  slotTypesStep,
  intentsStep,
  buildLocaleStep,
  botVersionStep,
  botAliasStep,
  pruneVersionsStep,
  lambdaPermissionStep,
  connectAssociationStep,
  contactFlowStep,
];

export type PlannedStep = { key: StepKey; title: string; description: string };

/** What a deployment with these settings will do, step by step; throws ValidationError on bad settings. */
export function planDeployment(settings: unknown): PlannedStep[] {
  const parsed = parseDeploymentSettings(settings);
  return PROVISIONING_STEPS.map((step) => ({ key: step.key, title: step.title, description: step.plan(parsed) }));
}
