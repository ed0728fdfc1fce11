// Step: the Lex V2 bot itself. Found by name (ListBots), updated when its role, session timeout or
// description differ, created otherwise; then waited on until Lex reports it Available.
import {
  CreateBotCommand,
  DescribeBotCommand,
  UpdateBotCommand,
  type LexModelsV2Client,
} from '@aws-sdk/client-lex-models-v2';
import { ProvisioningError } from '../aws-errors';
import { findBotId } from '../lex-lookup';
import { matchesSpec } from '../lex-spec';
import { required, type ProvisioningStep } from '../step';
import { waitFor, type PollSettings } from '../wait-for';

export const botStep: ProvisioningStep = {
  key: 'bot',
  title: 'Lex bot',
  plan: (settings) => `Create or update the Lex V2 bot ${settings.botName}`,
  async run(ctx) {
    const lex = ctx.clients.lex;
    const desired = {
      botName: ctx.settings.botName,
      description: ctx.definition.description,
      roleArn: required(ctx, 'roleArn'),
      dataPrivacy: { childDirected: ctx.definition.childDirected },
      idleSessionTTLInSeconds: ctx.definition.idleSessionTtlSeconds,
    };
    let botId = await findBotId(lex, ctx.settings.botName);
    if (botId) {
      const current = await waitForBot(lex, botId, ctx.poll);
      if (matchesSpec(desired, current)) {
        ctx.note('found, unchanged');
        ctx.record({ kind: 'lexBot', name: desired.botName, id: botId, created: false });
      } else {
        await lex.send(new UpdateBotCommand({ botId, ...desired }));
        ctx.note('found, updated');
        ctx.record({ kind: 'lexBot', name: desired.botName, id: botId, created: false, updated: true });
      }
    } else {
      const out = await lex.send(new CreateBotCommand(desired));
      botId = out.botId;
      if (!botId) throw new Error('CreateBot returned no botId.');
      ctx.record({ kind: 'lexBot', name: desired.botName, id: botId, created: true });
      ctx.note('created');
    }
    await waitForBot(lex, botId, ctx.poll);
    return { botId };
  },
};

async function waitForBot(lex: LexModelsV2Client, botId: string, poll: PollSettings) {
  return waitFor(`Lex bot ${botId}`, poll, async () => {
    const bot = await lex.send(new DescribeBotCommand({ botId }));
    if (bot.botStatus === 'Available') return { done: true, value: bot };
    if (bot.botStatus === 'Failed' || bot.botStatus === 'Inactive')
      throw new ProvisioningError('BotFailed', `Lex bot ${botId} is ${bot.botStatus}.`, {
        resolution: 'Open the bot in the Lex console to see why, fix or delete it, then retry.',
      });
    return { done: false, status: bot.botStatus };
  });
}
