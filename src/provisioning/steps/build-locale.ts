// Step: BuildBotLocale on the draft and wait for Built. Skipped when the draft is already built (nothing
// changed since the last build); a Failed build fails the step with Lex's own reasons.
import { BuildBotLocaleCommand, DescribeBotLocaleCommand } from '@aws-sdk/client-lex-models-v2';
import { ProvisioningError } from '../aws-errors';
import { DRAFT } from '../lex-spec';
import { required, type ProvisioningStep } from '../step';
import { waitFor } from '../wait-for';

export const buildLocaleStep: ProvisioningStep = {
  key: 'build-locale',
  title: 'Build the bot',
  plan: (settings) => `Build the ${settings.localeId} locale and wait until Lex reports it Built`,
  async run(ctx) {
    const lex = ctx.clients.lex;
    const scope = { botId: required(ctx, 'botId'), botVersion: DRAFT, localeId: ctx.settings.localeId };
    const before = await lex.send(new DescribeBotLocaleCommand(scope));
    if (before.botLocaleStatus === 'Built') {
      ctx.note('already built, unchanged');
      return {};
    }
    if (before.botLocaleStatus !== 'Building') await lex.send(new BuildBotLocaleCommand(scope));
    await waitFor(`Build of ${scope.localeId}`, ctx.poll, async () => {
      const locale = await lex.send(new DescribeBotLocaleCommand(scope));
      if (locale.botLocaleStatus === 'Built') return { done: true, value: locale };
      if (locale.botLocaleStatus === 'Failed' || locale.botLocaleStatus === 'NotBuilt') {
        const reasons = locale.failureReasons?.length ? locale.failureReasons.join('; ') : 'Lex gave no reason';
        throw new ProvisioningError('BuildFailed', `Lex could not build ${scope.localeId}: ${reasons}`);
      }
      return { done: false, status: locale.botLocaleStatus };
    });
    ctx.note('built');
    return {};
  },
};
