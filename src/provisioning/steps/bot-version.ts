// Step: an immutable bot version of the built draft. Each version's description carries the definition's
// fingerprint, so an unchanged bot finds its version again instead of numbering a new one.
import {
  CreateBotVersionCommand,
  DescribeBotVersionCommand,
  type LexModelsV2Client,
} from '@aws-sdk/client-lex-models-v2';
import { ProvisioningError } from '../aws-errors';
import { listBotVersions } from '../lex-lookup';
import { botFingerprint, versionDescription } from '../lex-spec';
import { required, type ProvisioningStep } from '../step';
import { waitFor, type PollSettings } from '../wait-for';

export const botVersionStep: ProvisioningStep = {
  key: 'bot-version',
  title: 'Bot version',
  plan: () => 'Publish a new bot version from the build (or reuse the version of an identical build)',
  async run(ctx) {
    const lex = ctx.clients.lex;
    const botId = required(ctx, 'botId');
    const fingerprint = botFingerprint(ctx.definition, ctx.settings, required(ctx, 'roleArn'));
    const description = versionDescription(fingerprint);
    const existing = (await listBotVersions(lex, botId)).find(
      (v) => v.description === description && v.botStatus !== 'Failed' && v.botStatus !== 'Deleting',
    );
    if (existing?.botVersion) {
      await waitForVersion(lex, botId, existing.botVersion, ctx.poll);
      ctx.record({
        kind: 'lexBotVersion',
        name: existing.botVersion,
        id: existing.botVersion,
        created: false,
        scope: { botId },
      });
      ctx.note(`version ${existing.botVersion} already has this definition, unchanged`);
      return { botVersion: existing.botVersion, fingerprint };
    }
    const out = await lex.send(
      new CreateBotVersionCommand({
        botId,
        description,
        botVersionLocaleSpecification: { [ctx.settings.localeId]: { sourceBotVersion: 'DRAFT' } },
      }),
    );
    const botVersion = out.botVersion;
    if (!botVersion) throw new Error('CreateBotVersion returned no version.');
    ctx.record({ kind: 'lexBotVersion', name: botVersion, id: botVersion, created: true, scope: { botId } });
    await waitForVersion(lex, botId, botVersion, ctx.poll);
    ctx.note(`created version ${botVersion}`);
    return { botVersion, fingerprint };
  },
};

async function waitForVersion(lex: LexModelsV2Client, botId: string, botVersion: string, poll: PollSettings) {
  await waitFor(`Bot version ${botVersion}`, poll, async () => {
    const v = await lex.send(new DescribeBotVersionCommand({ botId, botVersion }));
    if (v.botStatus === 'Available') return { done: true, value: v };
    if (v.botStatus === 'Failed')
      throw new ProvisioningError(
        'VersionFailed',
        `Lex could not create version ${botVersion}: ${v.failureReasons?.join('; ') || 'no reason given'}.`,
        { resolution: 'Retry; if it fails again, roll back and check the bot in the Lex console.' },
      );
    return { done: false, status: v.botStatus };
  });
}
