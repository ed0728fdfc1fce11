// The provisioning engine: runs the steps of a deployment in the background, records each step's state
// and resources on the deployment item after every change (progress for the wizard), and offers retry
// from the failed step and rollback of what the deployment created.
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors';
import type { Actor } from '../core/model';
import type { Clock, Page } from '../core/ports';
import {
  applyPromptOverrides,
  BOT_DEFINITION,
  LOCALES,
  type BotDefinition,
  type PromptOverrides,
} from '../voice/bot-definition';
import { latestSucceededDeployment } from './active-prompts';
import { describeAwsError } from './aws-errors';
import {
  isSettled,
  parseDeploymentRequest,
  type Deployment,
  type PromptEdits,
  type DeploymentRepository,
  type DeploymentStep,
  type StepError,
  type StepResource,
} from './deployment';
import { PROVISIONING_STEPS } from './plan';
import { needsUndo, undoResource } from './rollback';
import type { ContactFlowContent, ProvisioningClients, StepContext } from './step';
import { DEFAULT_POLL, type PollSettings } from './wait-for';

export type ProvisioningEngineDeps = {
  clients: ProvisioningClients;
  deployments: DeploymentRepository;
  clock: Clock;
  /** ARN of the lex-codehook Lambda the alias calls (from the runtime's configuration). */
  codeHookLambdaArn: string;
  /** The contact flow JSON for the alias (src/voice/contact-flow.ts's buildContactFlow). */
  contactFlowContent: ContactFlowContent;
  /** Called with the stored deployment after every change: the subscription feed of the wizard. */
  onProgress?: (deployment: Deployment) => void;
  /** Numbered bot versions kept besides those an alias uses (default 3). */
  versionsToKeep?: number;
  poll?: Partial<PollSettings>;
  /** The bot as shipped (default BOT_DEFINITION); each deployment applies its own prompt overrides on top. */
  definition?: BotDefinition;
  newId?: () => string;
  log?: { error(message: string, detail?: unknown): void };
  /**
   * Hands a deployment's run to another process (in the cloud: an asynchronous invoke of the provisioner
   * Lambda, which calls `resume`) instead of running it in this one — an API request must not wait for a
   * bot build, and a Lambda's background work stops when it returns.
   */
  dispatch?: (deploymentId: string) => Promise<void>;
};

export type ProvisioningEngine = {
  /** Records a new deployment and starts it in the background; resolves with the PENDING record. */
  start(settings: unknown, actor: Actor): Promise<Deployment>;
  /** Runs a FAILED deployment again from its failed step; resolves once it is RUNNING. */
  retry(id: string): Promise<Deployment>;
  /** Undoes, newest first, what a FAILED deployment created or changed; resolves once it is ROLLING_BACK. */
  rollback(id: string): Promise<Deployment>;
  get(id: string): Promise<Deployment | undefined>;
  list(page?: { limit: number; nextToken?: string }): Promise<Page<Deployment>>;
  /** The deployment once its current run or rollback has finished (at once if none is under way). */
  whenSettled(id: string): Promise<Deployment>;
  /**
   * Carries a dispatched deployment through to its end, in the process that received it: PENDING or
   * RUNNING from its first unfinished step, ROLLING_BACK to the end of the rollback. Anything else is
   * returned as it is (a repeated delivery of the same dispatch does nothing).
   */
  resume(id: string): Promise<Deployment>;
};

export function createProvisioningEngine(deps: ProvisioningEngineDeps): ProvisioningEngine {
  const poll: PollSettings = { ...DEFAULT_POLL, ...deps.poll };
  const versionsToKeep = deps.versionsToKeep ?? 3;
  if (!Number.isInteger(versionsToKeep) || versionsToKeep < 1)
    throw new ValidationError('versionsToKeep must be a whole number of at least 1.', { field: 'versionsToKeep' });
  const baseDefinition = deps.definition ?? BOT_DEFINITION;
  const newId = deps.newId ?? randomUUID;
  const active = new Map<string, Promise<Deployment>>();
  /** Bots (instance and name) whose start is under way: taken before the first await, so two starts never pass. */
  const starting = new Set<string>();
  const now = () => deps.clock.now().toISOString();

  async function save(current: Deployment, change: (d: Deployment) => Deployment): Promise<Deployment> {
    const next = change(structuredClone(current));
    next.updatedAt = now();
    const stored = await deps.deployments.update(next, current.version);
    try {
      deps.onProgress?.(stored);
    } catch (error) {
      deps.log?.error('Deployment progress listener failed', { id: stored.id, error });
    }
    return stored;
  }

  function withStep(d: Deployment, index: number, change: Partial<DeploymentStep>): Deployment {
    const step = d.steps[index];
    if (!step) throw new Error(`Deployment ${d.id} has no step ${index}.`);
    d.steps[index] = { ...step, ...change };
    return d;
  }

  function stepError(error: unknown, phase: StepError['phase']): StepError {
    return { ...describeAwsError(error), phase, at: now() };
  }

  async function runSteps(start: Deployment, from: number): Promise<Deployment> {
    let current = start;
    const definition = applyPromptOverrides(baseDefinition, current.settings.promptOverrides);
    const region = await deps.clients.lex.config.region();
    for (let index = from; index < PROVISIONING_STEPS.length; index++) {
      const step = PROVISIONING_STEPS[index]!;
      current = await save(current, (d) =>
        withStep(d, index, { status: 'RUNNING', startedAt: now(), endedAt: undefined, error: undefined }),
      );
      const resources: StepResource[] = [...(current.steps[index]?.resources ?? [])];
      let detail: string | undefined;
      const values = Object.assign({}, ...current.steps.slice(0, index).map((s) => s.outputs)) as Record<
        string,
        string
      >;
      const ctx: StepContext = {
        clients: deps.clients,
        settings: current.settings,
        definition,
        values,
        region,
        poll,
        codeHookLambdaArn: deps.codeHookLambdaArn,
        versionsToKeep,
        contactFlowContent: deps.contactFlowContent,
        record: (resource) => mergeResource(resources, resource),
        recorded: (kind, id) => resources.find((r) => r.kind === kind && r.id === id),
        resourcesOf: (key) => current.steps.find((s) => s.key === key)?.resources ?? [],
        note: (text) => (detail = text),
      };
      try {
        const outputs = await step.run(ctx);
        current = await save(current, (d) =>
          withStep(d, index, { status: 'SUCCEEDED', endedAt: now(), resources, outputs, detail }),
        );
      } catch (error) {
        const failure = stepError(error, 'deploy');
        current = await save(current, (d) => {
          withStep(d, index, { status: 'FAILED', endedAt: now(), resources, detail, error: failure });
          return { ...d, status: 'FAILED', error: { ...failure, step: step.key } };
        });
        return current;
      }
    }
    return save(current, (d) => ({ ...d, status: 'SUCCEEDED', error: undefined }));
  }

  async function rollBackSteps(start: Deployment): Promise<Deployment> {
    let current = start;
    for (let index = current.steps.length - 1; index >= 0; index--) {
      const step = current.steps[index]!;
      if (step.status === 'PENDING' || step.status === 'ROLLED_BACK') continue;
      current = await save(current, (d) => withStep(d, index, { status: 'ROLLING_BACK', error: undefined }));
      const resources = structuredClone(step.resources);
      try {
        for (const resource of [...resources].reverse()) {
          if (!needsUndo(resource)) continue;
          await undoResource(resource, { clients: deps.clients, settings: current.settings, poll });
          resource.rolledBack = true;
        }
      } catch (error) {
        const failure = stepError(error, 'rollback');
        current = await save(current, (d) => {
          withStep(d, index, { status: 'FAILED', endedAt: now(), resources, error: failure });
          return { ...d, status: 'FAILED', error: { ...failure, step: step.key } };
        });
        return current;
      }
      current = await save(current, (d) => withStep(d, index, { status: 'ROLLED_BACK', endedAt: now(), resources }));
    }
    return save(current, (d) => ({ ...d, status: 'ROLLED_BACK', error: undefined }));
  }

  /** Runs `work` in the background, never rejecting: a failure outside any step is logged and recorded. */
  function launch(deployment: Deployment, work: (d: Deployment) => Promise<Deployment>): void {
    const run = work(deployment)
      .catch(async (error: unknown) => {
        deps.log?.error('Deployment run failed outside a step', { id: deployment.id, error });
        const latest = (await deps.deployments.get(deployment.id).catch(() => undefined)) ?? deployment;
        const failure = stepError(error, latest.status === 'ROLLING_BACK' ? 'rollback' : 'deploy');
        const step = latest.steps.find((s) => s.status === 'RUNNING' || s.status === 'ROLLING_BACK');
        return save(latest, (d) => ({
          ...d,
          status: 'FAILED',
          error: { ...failure, step: step?.key ?? 'bot-role' },
          steps: d.steps.map((s) => (s.key === step?.key ? { ...s, status: 'FAILED', error: failure } : s)),
        })).catch(() => latest);
      })
      // A retry may already have launched the next run under this id; only this run's own entry is removed.
      .finally(() => {
        if (active.get(deployment.id) === run) active.delete(deployment.id);
      });
    active.set(deployment.id, run);
  }

  /** Runs `work` here, or hands the deployment to the dispatcher; a failed hand-over is recorded. */
  async function go(deployment: Deployment, work: (d: Deployment) => Promise<Deployment>): Promise<void> {
    if (!deps.dispatch) return launch(deployment, work);
    try {
      await deps.dispatch(deployment.id);
    } catch (error) {
      deps.log?.error('Deployment could not be handed to the provisioner', { id: deployment.id, error });
      const failure = stepError(error, deployment.status === 'ROLLING_BACK' ? 'rollback' : 'deploy');
      const latest = (await deps.deployments.get(deployment.id)) ?? deployment;
      await save(latest, (d) => ({ ...d, status: 'FAILED', error: { ...failure, step: d.error?.step ?? 'bot-role' } }));
      throw error;
    }
  }

  async function load(id: string): Promise<Deployment> {
    const deployment = await deps.deployments.get(id);
    if (!deployment)
      throw new NotFoundError(`Deployment ${id} does not exist.`, { resolution: 'Pick one from the list.' });
    return deployment;
  }

  /**
   * The live prompts with the request's changes: its plain texts set as given, and each edit applied only if
   * the prompt still says what the editor showed (`was`) — else a conflict naming the prompt and its text now,
   * and nothing is deployed. Prompts the request does not name keep their live text: two admins editing
   * different prompts never drop each other's edit.
   */
  async function mergePromptEdits(plain: PromptOverrides, edits: PromptEdits): Promise<PromptOverrides> {
    const live = await latestSucceededDeployment(deps.deployments);
    const merged = structuredClone(live?.settings.promptOverrides ?? {});
    const current = applyPromptOverrides(baseDefinition, merged).prompts;
    const conflicts: string[] = [];
    for (const locale of LOCALES) {
      const target: Record<string, string> = { ...merged[locale], ...plain[locale] } as Record<string, string>;
      const defaults = baseDefinition.prompts[locale] as Record<string, string>;
      const texts = current[locale] as Record<string, string>;
      for (const [key, edit] of Object.entries(edits[locale] ?? {})) {
        const field = `promptOverrides.${locale}.${key}`;
        if (!(key in defaults))
          throw new ValidationError(`${field}: the bot has no prompt called "${key}".`, {
            field,
            resolution: 'Edit one of the prompts botPrompts lists.',
          });
        if (texts[key]!.trim() !== edit.was.trim()) {
          conflicts.push(`"${key}" now says "${texts[key]}"`);
          continue;
        }
        if (edit.text.trim() === defaults[key]!.trim()) delete target[key];
        else target[key] = edit.text.trim();
      }
      if (Object.keys(target).length > 0) merged[locale] = target;
      else delete merged[locale];
    }
    if (conflicts.length > 0)
      throw new ConflictError(
        `Someone else changed ${conflicts.length === 1 ? 'a prompt' : 'prompts'} you edited since you read ${conflicts.length === 1 ? 'it' : 'them'}: ${conflicts.join('; ')}. Nothing was saved or deployed.`,
        { resolution: 'Reload the prompts, check their new text, and make your edit again.' },
      );
    return merged;
  }

  /**
   * Whether a run of this deployment is under way here. The stored status decides: a run whose last save
   * (FAILED, SUCCEEDED, ROLLED_BACK) is already stored has finished its work, though its promise may not have
   * settled yet — an admin who reads that status may act on it at once.
   */
  function isRunning(deployment: Deployment): boolean {
    return active.has(deployment.id) && !isSettled(deployment.status);
  }

  async function loadIdle(id: string): Promise<Deployment> {
    const deployment = await load(id);
    if (isRunning(deployment))
      throw new ConflictError(`Deployment ${id} is still running.`, { resolution: 'Wait for it to finish.' });
    return deployment;
  }

  return {
    async start(input, actor) {
      const { settings, edits } = parseDeploymentRequest(input);
      const bot = `${settings.instanceId}/${settings.botName}`;
      if (starting.has(bot))
        throw new ConflictError(`A deployment of ${settings.botName} to this instance is being started.`, {
          resolution: 'Wait for it to finish, then start again.',
        });
      starting.add(bot);
      try {
        for (const id of active.keys()) {
          const other = await deps.deployments.get(id);
          if (
            other &&
            isRunning(other) &&
            other.instanceId === settings.instanceId &&
            other.settings.botName === settings.botName
          )
            throw new ConflictError(`Deployment ${id} of ${settings.botName} to this instance is still running.`, {
              resolution: 'Wait for it to finish, then start again.',
            });
        }
        // No other deployment of this bot runs now: the live one holds the prompts every editor started from.
        if (edits) settings.promptOverrides = await mergePromptEdits(settings.promptOverrides, edits);
        const at = now();
        const deployment: Deployment = {
          id: newId(),
          instanceId: settings.instanceId,
          settings,
          status: 'PENDING',
          steps: PROVISIONING_STEPS.map((s) => ({
            key: s.key,
            title: s.title,
            status: 'PENDING',
            resources: [],
            outputs: {},
          })),
          createdBy: actor,
          createdAt: at,
          updatedAt: at,
          version: 1,
        };
        await deps.deployments.create(deployment);
        deps.onProgress?.(deployment);
        await go(deployment, async (d) => runSteps(await save(d, (x) => ({ ...x, status: 'RUNNING' })), 0));
        return deployment;
      } finally {
        starting.delete(bot);
      }
    },

    async retry(id) {
      const deployment = await loadIdle(id);
      const failed = deployment.steps.findIndex((s) => s.status === 'FAILED');
      if (deployment.status !== 'FAILED' || failed < 0 || deployment.error?.phase === 'rollback')
        throw new ConflictError(
          `Deployment ${id} is ${deployment.status}${deployment.error?.phase === 'rollback' ? ' (its rollback failed)' : ''}; only a failed deployment can be retried.`,
          {
            resolution:
              deployment.error?.phase === 'rollback'
                ? 'Roll back again to finish the rollback.'
                : 'Start a new deployment instead.',
          },
        );
      const running = await save(deployment, (d) => ({ ...d, status: 'RUNNING', error: undefined }));
      await go(running, (d) => runSteps(d, failed));
      return running;
    },

    async rollback(id) {
      const deployment = await loadIdle(id);
      if (deployment.status !== 'FAILED')
        throw new ConflictError(
          `Deployment ${id} is ${deployment.status}; only a failed deployment can be rolled back.`,
          {
            resolution: 'To change a working bot, start a new deployment with the settings you want.',
          },
        );
      const rolling = await save(deployment, (d) => ({ ...d, status: 'ROLLING_BACK', error: undefined }));
      await go(rolling, rollBackSteps);
      return rolling;
    },

    get: (id) => deps.deployments.get(id),

    list: (page = { limit: 20 }) => deps.deployments.list(page),

    async whenSettled(id) {
      return (await active.get(id)) ?? load(id);
    },

    async resume(id) {
      const deployment = await loadIdle(id);
      const unfinished = deployment.steps.findIndex((s) => s.status !== 'SUCCEEDED');
      switch (deployment.status) {
        case 'PENDING':
          return runSteps(await save(deployment, (d) => ({ ...d, status: 'RUNNING' })), 0);
        case 'RUNNING':
          return unfinished < 0
            ? save(deployment, (d) => ({ ...d, status: 'SUCCEEDED', error: undefined }))
            : runSteps(deployment, unfinished);
        case 'ROLLING_BACK':
          return rollBackSteps(deployment);
        case 'FAILED':
        case 'SUCCEEDED':
        case 'ROLLED_BACK':
          return deployment;
      }
    },
  };
}

/** Same resource again (a retried step found what its first attempt made): keep what the first record knew. */
function mergeResource(list: StepResource[], next: StepResource): void {
  const index = list.findIndex((r) => r.kind === next.kind && r.id === next.id);
  const earlier = index >= 0 ? list[index] : undefined;
  if (!earlier) {
    list.push(next);
    return;
  }
  const merged: StepResource = { ...next, created: earlier.created || next.created };
  if (earlier.updated || next.updated) merged.updated = true;
  const previous = earlier.previous ?? next.previous;
  if (previous !== undefined) merged.previous = previous;
  list[index] = merged;
}
