// Step: the bot's locale (en_US) in the draft, with the chosen Polly voice and the definition's intent
// confidence threshold. Described first; created or updated only when it differs.
import {
  CreateBotLocaleCommand,
  DescribeBotLocaleCommand,
  UpdateBotLocaleCommand,
  type DescribeBotLocaleCommandOutput,
} from '@aws-sdk/client-lex-models-v2';
import { isAwsError } from '../aws-errors';
import { DRAFT, matchesSpec } from '../lex-spec';
import { required, type ProvisioningStep } from '../step';
import { waitFor } from '../wait-for';

/** Statuses in which Lex is still working on the locale. */
const BUSY = new Set(['Creating', 'Building', 'Processing', 'Importing']);

export const botLocaleStep: ProvisioningStep = {
  key: 'bot-locale',
  title: 'Bot locale',
  plan: (settings) => `Add the ${settings.localeId} locale with the ${settings.voiceId} voice`,
  async run(ctx) {
    const lex = ctx.clients.lex;
    const botId = required(ctx, 'botId');
    const localeId = ctx.settings.localeId;
    const desired = {
      localeId,
      description: `${ctx.definition.description} (${localeId})`,
      nluIntentConfidenceThreshold: ctx.definition.locales[localeId].nluIntentConfidenceThreshold,
      voiceSettings: { voiceId: ctx.settings.voiceId },
    };
    const scope = { botId, botVersion: DRAFT, localeId };
    let current: DescribeBotLocaleCommandOutput | undefined;
    try {
      current = await lex.send(new DescribeBotLocaleCommand(scope));
    } catch (error) {
      if (!isAwsError(error, 'ResourceNotFoundException')) throw error;
    }
    const resource = { kind: 'lexBotLocale' as const, name: localeId, id: localeId, scope: { botId } };
    if (!current) {
      await lex.send(new CreateBotLocaleCommand({ botId, botVersion: DRAFT, ...desired }));
      ctx.record({ ...resource, created: true });
      ctx.note('created');
    } else if (matchesSpec(desired, current)) {
      ctx.record({ ...resource, created: false });
      ctx.note('found, unchanged');
    } else {
      await lex.send(new UpdateBotLocaleCommand({ ...scope, ...desired }));
      ctx.record({ ...resource, created: false, updated: true });
      ctx.note('found, updated');
    }
    await waitFor(`Lex locale ${localeId} of bot ${botId}`, ctx.poll, async () => {
      const locale = await lex.send(new DescribeBotLocaleCommand(scope));
      return locale.botLocaleStatus && !BUSY.has(locale.botLocaleStatus)
        ? { done: true, value: locale.botLocaleStatus }
        : { done: false, status: locale.botLocaleStatus };
    });
    return { localeId };
  },
};
