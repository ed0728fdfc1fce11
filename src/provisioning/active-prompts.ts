// The prompts callers hear now: the bot definition's texts with the admin's edits from the latest
// successful deployment. The responses editor starts from them, and the code hook speaks them — so an
// edit reaches callers once its deployment succeeds, not before.
import { applyPromptOverrides, BOT_DEFINITION, type BotDefinition, type Locale } from '../voice/bot-definition';
import type { Deployment, DeploymentRepository } from './deployment';

/** The newest SUCCEEDED deployment, looking back through a bounded number of pages. */
export async function latestSucceededDeployment(deployments: DeploymentRepository): Promise<Deployment | undefined> {
  let nextToken: string | undefined;
  for (let page = 0; page < 5; page++) {
    const result = await deployments.list({ limit: 20, ...(nextToken ? { nextToken } : {}) });
    const found = result.items.find((d) => d.status === 'SUCCEEDED');
    if (found) return found;
    nextToken = result.nextToken;
    if (!nextToken) return undefined;
  }
  return undefined;
}

export type BotPromptView = { key: string; text: string; defaultText: string; overridden: boolean };

export async function activePrompts(
  deployments: DeploymentRepository,
  locale: Locale,
  definition: BotDefinition = BOT_DEFINITION,
): Promise<BotPromptView[]> {
  const live = await latestSucceededDeployment(deployments);
  const edited = applyPromptOverrides(definition, live?.settings.promptOverrides ?? {});
  const defaults = definition.prompts[locale] as Record<string, string>;
  const current = edited.prompts[locale] as Record<string, string>;
  return Object.keys(defaults).map((key) => ({
    key,
    text: current[key] ?? defaults[key]!,
    defaultText: defaults[key]!,
    overridden: (current[key] ?? defaults[key]) !== defaults[key],
  }));
}

/**
 * The bot definition the code hook speaks, refreshed at most every `ttlMs`: deployments are rare, calls
 * are many. A failed read keeps the last known definition (the shipped one at worst) — a caller never
 * waits on it.
 */
export function createActiveDefinitionSource(
  deployments: DeploymentRepository,
  options: { ttlMs?: number; now?: () => number; onError?: (error: unknown) => void } = {},
): () => Promise<BotDefinition> {
  const ttl = options.ttlMs ?? 60_000;
  const now = options.now ?? Date.now;
  let cached: { at: number; definition: BotDefinition } | undefined;
  return async () => {
    if (cached && now() - cached.at < ttl) return cached.definition;
    try {
      const live = await latestSucceededDeployment(deployments);
      cached = { at: now(), definition: applyPromptOverrides(BOT_DEFINITION, live?.settings.promptOverrides ?? {}) };
    } catch (error) {
      options.onError?.(error);
      cached = { at: now(), definition: cached?.definition ?? BOT_DEFINITION };
    }
    return cached.definition;
  };
}
