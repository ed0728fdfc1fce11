// The voicebot's admin operations: the Connect instances and queues to choose from, the plan, deployments
// (start, retry, roll back, read, list) and the prompts callers hear; plus the change feed's publish of a
// deployment's progress and who may follow it. Every field is for administrators only.
import { FaultError, ForbiddenError, ValidationError } from '../../core/errors';
import { actorFor } from '../../core/access';
import type { Principal } from '../../core/model';
import type { Deployment } from '../../provisioning/deployment';
import { planDeployment } from '../../provisioning/plan';
import { activePrompts } from '../../provisioning/active-prompts';
import { LOCALES, type Locale } from '../../voice/bot-definition';
import type { ApiDeps } from '../deps';
import { Router } from '../router';

function requireAdmin(principal: Principal, what: string): void {
  if (principal.role !== 'ADMIN')
    throw new ForbiddenError(`Only administrators can ${what}.`, { resolution: 'Sign in as an administrator.' });
}

function voicebot(deps: ApiDeps) {
  const { provisioning, connectDirectory, deployments } = deps;
  if (!provisioning || !connectDirectory || !deployments)
    throw new FaultError('Voicebot provisioning is not configured in this runtime.');
  return { provisioning, connectDirectory, deployments };
}

/** Ids are looked up by key: text of a sane length, or a refusal that names the argument (not a fault of the store). */
function identifier(value: unknown, field: string, example: string): string {
  const id = typeof value === 'string' ? value.trim() : '';
  if (id === '') throw new ValidationError(`${field} is required, e.g. ${example}.`, { field });
  if (id.length > 128)
    throw new ValidationError(`${field} is too long (${id.length} characters); ids have at most 128.`, { field });
  return id;
}

/** AWSJSON arrives as a JSON string (or already parsed, from some clients); settings take an object. */
function settingsFrom(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null)
    throw new ValidationError('settings are required.', { field: 'settings' });
  const settings = { ...(raw as Record<string, unknown>) };
  for (const [key, value] of Object.entries(settings)) if (value === null) delete settings[key];
  if (typeof settings.promptOverrides === 'string') {
    try {
      settings.promptOverrides = JSON.parse(settings.promptOverrides) as unknown;
    } catch {
      throw new ValidationError('promptOverrides is not valid JSON.', {
        field: 'settings.promptOverrides',
        resolution: 'Send an object like {"en_US": {"welcome": "Hello!"}}.',
      });
    }
  }
  return settings;
}

/** The GraphQL shape: overrides as AWSJSON, optional fields as null, resources without internal scopes. */
export function presentDeployment(d: Deployment) {
  return {
    id: d.id,
    instanceId: d.instanceId,
    status: d.status,
    settings: {
      ...d.settings,
      queueArn: d.settings.queueArn ?? null,
      promptOverrides: JSON.stringify(d.settings.promptOverrides ?? {}),
    },
    steps: d.steps.map((s) => ({
      key: s.key,
      title: s.title,
      status: s.status,
      startedAt: s.startedAt ?? null,
      endedAt: s.endedAt ?? null,
      detail: s.detail ?? null,
      resources: s.resources.map((r) => ({
        kind: r.kind,
        name: r.name,
        id: r.id,
        arn: r.arn ?? null,
        created: r.created,
        updated: r.updated ?? null,
        rolledBack: r.rolledBack ?? null,
      })),
      error: s.error ?? null,
    })),
    error: d.error ?? null,
    createdBy: { ...d.createdBy, name: d.createdBy.name ?? null },
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    version: d.version,
  };
}

function localeFrom(raw: unknown): Locale {
  if (raw === undefined || raw === null) return 'en_US';
  if (typeof raw === 'string' && (LOCALES as readonly string[]).includes(raw)) return raw as Locale;
  throw new ValidationError(`localeId "${String(raw)}" is not a locale of the bot.`, {
    field: 'localeId',
    resolution: `Use one of: ${LOCALES.join(', ')}.`,
  });
}

export const voicebotRouter = new Router()
  .onQuery('listConnectInstances', async (_args, { principal, deps }) => {
    requireAdmin(principal, 'list Amazon Connect instances');
    return voicebot(deps).connectDirectory.listInstances();
  })
  .onQuery('listConnectQueues', async (args, { principal, deps }) => {
    requireAdmin(principal, 'list Amazon Connect queues');
    return voicebot(deps).connectDirectory.listQueues(identifier(args.instanceId, 'instanceId', 'a1b2c3d4-…'));
  })
  .onQuery('planDeployment', async (args, { principal }) => {
    requireAdmin(principal, 'plan a voicebot deployment');
    return planDeployment(settingsFrom(args.settings));
  })
  .onQuery('getDeployment', async (args, { principal, deps }) => {
    requireAdmin(principal, 'read voicebot deployments');
    const found = await voicebot(deps).provisioning.get(
      identifier(args.id, 'id', 'a deployment id from listDeployments'),
    );
    return found ? presentDeployment(found) : null;
  })
  .onQuery('listDeployments', async (args, { principal, deps }) => {
    requireAdmin(principal, 'list voicebot deployments');
    const limit = typeof args.limit === 'number' ? Math.min(Math.max(1, args.limit), 50) : 20;
    const page = await voicebot(deps).provisioning.list({
      limit,
      ...(typeof args.nextToken === 'string' ? { nextToken: args.nextToken } : {}),
    });
    return { items: page.items.map(presentDeployment), nextToken: page.nextToken ?? null };
  })
  .onQuery('botPrompts', async (args, { principal, deps }) => {
    requireAdmin(principal, "read the bot's prompts");
    return activePrompts(voicebot(deps).deployments, localeFrom(args.localeId));
  })
  .onMutation('startDeployment', async (args, { principal, deps }) => {
    requireAdmin(principal, 'deploy the voicebot');
    return presentDeployment(await voicebot(deps).provisioning.start(settingsFrom(args.settings), actorFor(principal)));
  })
  .onMutation('retryDeployment', async (args, { principal, deps }) => {
    requireAdmin(principal, 'retry a voicebot deployment');
    return presentDeployment(
      await voicebot(deps).provisioning.retry(identifier(args.id, 'id', 'a deployment id from listDeployments')),
    );
  })
  .onMutation('rollbackDeployment', async (args, { principal, deps }) => {
    requireAdmin(principal, 'roll back a voicebot deployment');
    return presentDeployment(
      await voicebot(deps).provisioning.rollback(identifier(args.id, 'id', 'a deployment id from listDeployments')),
    );
  })
  .onMutation('publishDeploymentChanged', async (args, { principal, deps }) => {
    if (principal.role !== 'SERVICE')
      throw new ForbiddenError('publishDeploymentChanged is reserved for the change-feed notifier.', {
        resolution: 'Subscribe to onDeploymentChanged instead.',
      });
    const found = await deps.deployments?.get(String(args.id));
    return found ? presentDeployment(found) : null;
  })
  .onSubscription('onDeploymentChanged', async (_args, { principal }) => {
    requireAdmin(principal, 'follow voicebot deployments');
    return null;
  });
