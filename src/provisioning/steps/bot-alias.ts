// Step: the alias callers reach (Connect calls the alias, never a version), created or moved to the new
// version, with the locale's code hook wired to the lex-codehook Lambda. A moved alias remembers its old
// version so rollback can move it back.
import {
  CreateBotAliasCommand,
  DescribeBotAliasCommand,
  UpdateBotAliasCommand,
  type BotAliasLocaleSettings,
  type LexModelsV2Client,
} from '@aws-sdk/client-lex-models-v2';
import { ProvisioningError } from '../aws-errors';
import { listBotAliases } from '../lex-lookup';
import { accountOfArn, botAliasArn, matchesSpec } from '../lex-spec';
import { required, type ProvisioningStep } from '../step';
import { waitFor, type PollSettings } from '../wait-for';

export const botAliasStep: ProvisioningStep = {
  key: 'bot-alias',
  title: 'Bot alias',
  plan: (settings) => `Point the alias ${settings.botAliasName} at the new version, with the code hook Lambda`,
  async run(ctx) {
    const lex = ctx.clients.lex;
    const botId = required(ctx, 'botId');
    const botVersion = required(ctx, 'botVersion');
    const botAliasName = ctx.settings.botAliasName;
    const localeSettings: Record<string, BotAliasLocaleSettings> = {
      [ctx.settings.localeId]: {
        enabled: true,
        codeHookSpecification: {
          lambdaCodeHook: { lambdaARN: ctx.codeHookLambdaArn, codeHookInterfaceVersion: '1.0' },
        },
      },
    };
    const desired = {
      botAliasName,
      botVersion,
      description: `${ctx.settings.botName} for Amazon Connect`,
      botAliasLocaleSettings: localeSettings,
    };
    const found = (await listBotAliases(lex, botId)).find((a) => a.botAliasName === botAliasName);
    let botAliasId = found?.botAliasId;
    const arnOf = (id: string) => botAliasArn(ctx.region, accountOfArn(required(ctx, 'roleArn')), botId, id);

    if (!botAliasId) {
      const out = await lex.send(new CreateBotAliasCommand({ botId, ...desired }));
      botAliasId = out.botAliasId;
      if (!botAliasId) throw new Error('CreateBotAlias returned no id.');
      ctx.record({
        kind: 'lexBotAlias',
        name: botAliasName,
        id: botAliasId,
        arn: arnOf(botAliasId),
        created: true,
        scope: { botId },
      });
      ctx.note(`created, on version ${botVersion}`);
    } else {
      const current = await waitForAlias(lex, botId, botAliasId, ctx.poll);
      const resource = {
        kind: 'lexBotAlias' as const,
        name: botAliasName,
        id: botAliasId,
        arn: arnOf(botAliasId),
        scope: { botId },
      };
      if (matchesSpec(desired, current)) {
        ctx.record({ ...resource, created: false });
        ctx.note(`found, already on version ${botVersion}`);
      } else {
        await lex.send(new UpdateBotAliasCommand({ botId, botAliasId, ...desired }));
        ctx.record({
          ...resource,
          created: false,
          updated: true,
          ...(current.botVersion ? { previous: current.botVersion } : {}),
        });
        ctx.note(`moved from version ${current.botVersion ?? 'none'} to ${botVersion}`);
      }
    }
    await waitForAlias(lex, botId, botAliasId, ctx.poll);
    return { botAliasId, botAliasArn: arnOf(botAliasId) };
  },
};

export async function waitForAlias(lex: LexModelsV2Client, botId: string, botAliasId: string, poll: PollSettings) {
  return waitFor(`Bot alias ${botAliasId}`, poll, async () => {
    const alias = await lex.send(new DescribeBotAliasCommand({ botId, botAliasId }));
    if (alias.botAliasStatus === 'Available') return { done: true, value: alias };
    if (alias.botAliasStatus === 'Failed')
      throw new ProvisioningError('AliasFailed', `Lex bot alias ${botAliasId} is Failed.`, {
        resolution: 'Retry; if it fails again, roll back and check the alias in the Lex console.',
      });
    return { done: false, status: alias.botAliasStatus };
  });
}
