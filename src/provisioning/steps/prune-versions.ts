// Step: keeps the bot's version list bounded. Deletes numbered versions beyond the newest N, never one an
// alias points to, nor the version the alias left in this run (rollback may need to move it back).
import { DeleteBotVersionCommand } from '@aws-sdk/client-lex-models-v2';
import { isAwsError } from '../aws-errors';
import { listBotAliases, listBotVersions } from '../lex-lookup';
import { required, type ProvisioningStep } from '../step';

export const pruneVersionsStep: ProvisioningStep = {
  key: 'prune-versions',
  title: 'Remove old versions',
  plan: () => 'Delete old bot versions beyond the newest few that no alias uses',
  async run(ctx): Promise<Record<string, string>> {
    const lex = ctx.clients.lex;
    const botId = required(ctx, 'botId');
    const versions = await listBotVersions(lex, botId);
    const keep = new Set(versions.slice(0, ctx.versionsToKeep).map((v) => v.botVersion));
    for (const alias of await listBotAliases(lex, botId)) if (alias.botVersion) keep.add(alias.botVersion);
    for (const r of ctx.resourcesOf('bot-alias')) if (r.previous) keep.add(r.previous);
    keep.add(required(ctx, 'botVersion'));
    const pruned: string[] = [];
    for (const v of versions) {
      if (!v.botVersion || keep.has(v.botVersion)) continue;
      try {
        await lex.send(new DeleteBotVersionCommand({ botId, botVersion: v.botVersion, skipResourceInUseCheck: false }));
      } catch (error) {
        if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
      }
      pruned.push(v.botVersion);
    }
    ctx.note(
      pruned.length > 0 ? `deleted version${pruned.length > 1 ? 's' : ''} ${pruned.join(', ')}` : 'nothing to remove',
    );
    return pruned.length > 0 ? { prunedVersions: pruned.join(',') } : {};
  },
};
