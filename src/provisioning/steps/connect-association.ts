// Step: the bot alias associated with the Connect instance, so contact flows may use it. Looked up with
// ListBots first; "already associated" from AssociateBot counts as found.
import { AssociateBotCommand, ListBotsCommand, type ConnectClient } from '@aws-sdk/client-connect';
import { isAwsError } from '../aws-errors';
import { required, type ProvisioningStep } from '../step';

async function isAssociated(connect: ConnectClient, instanceId: string, aliasArn: string): Promise<boolean> {
  let token: string | undefined;
  do {
    const out = await connect.send(new ListBotsCommand({ InstanceId: instanceId, LexVersion: 'V2', NextToken: token }));
    if ((out.LexBots ?? []).some((b) => b.LexV2Bot?.AliasArn === aliasArn)) return true;
    token = out.NextToken;
  } while (token);
  return false;
}

export const connectAssociationStep: ProvisioningStep = {
  key: 'connect-association',
  title: 'Connect association',
  plan: (settings) => `Associate the bot alias with the Connect instance ${settings.instanceId}`,
  async run(ctx) {
    const aliasArn = required(ctx, 'botAliasArn');
    const instanceId = ctx.settings.instanceId;
    const resource = {
      kind: 'connectBotAssociation' as const,
      name: aliasArn,
      id: aliasArn,
      arn: aliasArn,
      scope: { instanceId },
    };
    if (await isAssociated(ctx.clients.connect, instanceId, aliasArn)) {
      ctx.record({ ...resource, created: false });
      ctx.note('already associated');
      return {};
    }
    try {
      await ctx.clients.connect.send(
        new AssociateBotCommand({ InstanceId: instanceId, LexV2Bot: { AliasArn: aliasArn } }),
      );
      ctx.record({ ...resource, created: true });
      ctx.note('associated');
    } catch (error) {
      if (!isAwsError(error, 'ResourceConflictException', 'DuplicateResourceException')) throw error;
      ctx.record({ ...resource, created: false });
      ctx.note('already associated');
    }
    return {};
  },
};
