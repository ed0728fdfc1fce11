// The deployment record: what the wizard asked for, each provisioning step's state and the AWS resources
// it found or created, so progress can be shown, a failed run retried and a run rolled back.
import { z } from 'zod';
import type { Actor } from '../core/model';
import type { Page } from '../core/ports';
import { parseInput } from '../core/input-validation';
import { BOT_DEFINITION, LOCALES, type Locale, type PromptOverrides } from '../voice/bot-definition';

export type DeploymentStatus = 'PENDING' | 'RUNNING' | 'FAILED' | 'SUCCEEDED' | 'ROLLING_BACK' | 'ROLLED_BACK';
/** Whether a deployment with this status has ended its run: no change comes without an admin's action. */
export function isSettled(status: DeploymentStatus): boolean {
  return status === 'SUCCEEDED' || status === 'FAILED' || status === 'ROLLED_BACK';
}
export type StepStatus = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ROLLING_BACK' | 'ROLLED_BACK';

export const STEP_KEYS = [
  'bot-role',
  'bot',
  'bot-locale',
  'slot-types',
  'intents',
  'build-locale',
  'bot-version',
  'bot-alias',
  'prune-versions',
  'lambda-permission',
  'connect-association',
  'contact-flow',
] as const;
export type StepKey = (typeof STEP_KEYS)[number];

export type ResourceKind =
  | 'iamRole'
  | 'lexBot'
  | 'lexBotLocale'
  | 'lexSlotType'
  | 'lexIntent'
  | 'lexSlot'
  | 'lexBotVersion'
  | 'lexBotAlias'
  | 'lambdaPermission'
  | 'connectBotAssociation'
  | 'connectContactFlow';

/**
 * One AWS resource a step touched. `created` says THIS deployment made it (rollback deletes it); a found
 * resource that was changed keeps `previous` (the alias's old version, the flow's old content) so rollback
 * can put it back. `scope` holds the parent ids a delete call needs (botId, localeId, intentId, …).
 */
export type StepResource = {
  kind: ResourceKind;
  name: string;
  id: string;
  arn?: string;
  created: boolean;
  updated?: boolean;
  previous?: string;
  scope?: Record<string, string>;
  /** Set once rollback has undone it, so a rollback that is resumed does not try again. */
  rolledBack?: boolean;
};

export type StepError = {
  /** The AWS error name (AccessDeniedException, NoSuchEntity…) or ours (BuildFailed, ProvisioningTimeout). */
  code: string;
  message: string;
  /** What the admin can do about it, in plain words. */
  resolution: string;
  phase: 'deploy' | 'rollback';
  at: string;
};

export type DeploymentStep = {
  key: StepKey;
  title: string;
  status: StepStatus;
  startedAt?: string;
  endedAt?: string;
  /** What happened, for the progress view: "created", "unchanged", "updated 2 intents"… */
  detail?: string;
  resources: StepResource[];
  /** Values later steps need (botId, botVersion, botAliasArn…), so a retry can resume from this step. */
  outputs: Record<string, string>;
  error?: StepError;
};

export type DeploymentSettings = {
  /** Amazon Connect instance id. */
  instanceId: string;
  botName: string;
  localeId: Locale;
  /** Amazon Polly voice for the locale. */
  voiceId: string;
  botAliasName: string;
  contactFlowName: string;
  /** Queue the contact flow transfers to for agent requests and failures. */
  queueArn?: string;
  promptOverrides: PromptOverrides;
};

export type Deployment = {
  id: string;
  instanceId: string;
  settings: DeploymentSettings;
  status: DeploymentStatus;
  steps: DeploymentStep[];
  /** The error that stopped the run (the failed step's), while status is FAILED. */
  error?: StepError & { step: StepKey };
  createdBy: Actor;
  createdAt: string;
  updatedAt: string;
  /** Optimistic-locking counter: every stored write increments it. */
  version: number;
};

export type DeploymentRepository = {
  /** Stores a new deployment; ConflictError when the id exists. */
  create(deployment: Deployment): Promise<void>;
  get(id: string): Promise<Deployment | undefined>;
  /** Newest first. */
  list(page: { limit: number; nextToken?: string }): Promise<Page<Deployment>>;
  /**
   * Replaces the deployment if its stored version is `expectedVersion`; the stored copy gets
   * `version: expectedVersion + 1`. ConflictError when someone else wrote first.
   */
  update(deployment: Deployment, expectedVersion: number): Promise<Deployment>;
};

const name = (label: string, pattern: RegExp, rule: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: `${label} is empty; please fill it in.` })
    .max(max, { message: `${label} is too long; keep it to ${max} characters.` })
    .regex(pattern, { message: `${label} ${rule}` });

const settingsSchema = z
  .object({
    instanceId: name(
      'instanceId',
      /^[A-Za-z0-9-]+$/,
      'is the Connect instance id (letters, digits and hyphens, as in the instance ARN after "instance/").',
      100,
    ),
    botName: name(
      'botName',
      /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
      'may use letters, digits, "-" and "_" only, starting with a letter or digit (Lex bot names).',
      40,
    ).default(BOT_DEFINITION.name),
    localeId: z.enum(LOCALES).default('en_US'),
    voiceId: name('voiceId', /^[A-Za-z]+$/, 'is an Amazon Polly voice name such as Joanna.', 40).optional(),
    botAliasName: name(
      'botAliasName',
      /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
      'may use letters, digits, "-" and "_" only (Lex alias names).',
      100,
    ).default('live'),
    contactFlowName: name('contactFlowName', /^[^\\/]+$/, 'must not contain slashes.', 127).optional(),
    queueArn: name(
      'queueArn',
      /^arn:aws[a-z-]*:connect:[a-z0-9-]+:\d{12}:instance\/[A-Za-z0-9-]+\/queue\/[A-Za-z0-9-]+$/,
      'must be a Connect queue ARN (arn:aws:connect:<region>:<account>:instance/<id>/queue/<id>).',
      300,
    ).optional(),
    promptOverrides: z
      .record(
        z.enum(LOCALES),
        z.record(
          z.string(),
          z.union([z.string().max(1000), z.object({ text: z.string().max(1000), was: z.string().max(1000) }).strict()]),
        ),
      )
      .default({}),
  })
  .strict();

export type DeploymentSettingsInput = z.input<typeof settingsSchema>;

/**
 * One prompt edited in the responses editor: the new text, and the text the editor showed when the admin began
 * (`was`), which must still be the prompt's text when the edit is saved — an edit is never saved over a change
 * the admin did not see.
 */
export type PromptEdit = { text: string; was: string };
export type PromptEdits = Partial<Record<Locale, Record<string, PromptEdit>>>;

/**
 * A startDeployment request: the settings (with the overrides given as plain texts) and the prompt edits, if any
 * override was sent as `{ text, was }`. Without edits the overrides replace the live ones (the setup wizard sends
 * them all); with edits they are merged into the live ones (see mergePromptEdits in engine.ts).
 */
export function parseDeploymentRequest(input: unknown): { settings: DeploymentSettings; edits?: PromptEdits } {
  const parsed = parseInput(settingsSchema, input, 'deployment settings');
  const overrides: PromptOverrides = {};
  const edits: PromptEdits = {};
  let edited = false;
  for (const [locale, prompts] of Object.entries(parsed.promptOverrides) as [
    Locale,
    Record<string, string | PromptEdit>,
  ][]) {
    for (const [key, value] of Object.entries(prompts)) {
      if (typeof value === 'string') (overrides[locale] ??= {})[key] = value;
      else {
        (edits[locale] ??= {})[key] = value;
        edited = true;
      }
    }
  }
  const settings: DeploymentSettings = {
    instanceId: parsed.instanceId,
    botName: parsed.botName,
    localeId: parsed.localeId,
    voiceId: parsed.voiceId ?? BOT_DEFINITION.locales[parsed.localeId].voiceId,
    botAliasName: parsed.botAliasName,
    contactFlowName: parsed.contactFlowName ?? `${parsed.botName} inbound`,
    ...(parsed.queueArn ? { queueArn: parsed.queueArn } : {}),
    promptOverrides: overrides,
  };
  return edited ? { settings, edits } : { settings };
}

/** Checks what the wizard sends and fills the defaults (bot name, locale, voice, alias and flow names). */
export function parseDeploymentSettings(input: unknown): DeploymentSettings {
  return parseDeploymentRequest(input).settings;
}

/** Names the engine gives the resources it owns, derived from the settings so every run finds them again. */
export function resourceNames(settings: DeploymentSettings) {
  return {
    roleName: `${settings.botName}-lex-role`.slice(0, 64),
    rolePolicyName: 'polly-synthesize-speech',
  };
}
