// Undoing one recorded resource: deletes what a deployment created, and puts back what it changed in a
// resource it found (an alias's version, a flow's content). Anything already gone counts as undone.
import {
  DisassociateBotCommand,
  DeleteContactFlowCommand,
  UpdateContactFlowContentCommand,
} from '@aws-sdk/client-connect';
import { DeleteRoleCommand, DeleteRolePolicyCommand } from '@aws-sdk/client-iam';
import { RemovePermissionCommand } from '@aws-sdk/client-lambda';
import {
  DeleteBotAliasCommand,
  DeleteBotCommand,
  DeleteBotLocaleCommand,
  DeleteBotVersionCommand,
  DeleteIntentCommand,
  DeleteSlotCommand,
  DeleteSlotTypeCommand,
  DescribeBotAliasCommand,
  UpdateBotAliasCommand,
} from '@aws-sdk/client-lex-models-v2';
import { isAwsError } from './aws-errors';
import { resourceNames, type DeploymentSettings, type StepResource } from './deployment';
import { DRAFT } from './lex-spec';
import type { ProvisioningClients } from './step';
import { waitForAlias } from './steps/bot-alias';
import type { PollSettings } from './wait-for';

const GONE = ['ResourceNotFoundException', 'NoSuchEntity', 'NoSuchEntityException', 'NotFoundException'];

/** Whether rollback has anything to do for this resource. */
export function needsUndo(resource: StepResource): boolean {
  if (resource.rolledBack) return false;
  if (resource.created) return true;
  return (
    resource.updated === true &&
    resource.previous !== undefined &&
    (resource.kind === 'lexBotAlias' || resource.kind === 'connectContactFlow')
  );
}

function scoped(resource: StepResource, key: string): string {
  const value = resource.scope?.[key];
  if (value === undefined)
    throw new Error(`Cannot undo ${resource.kind} ${resource.name}: its ${key} was not recorded.`);
  return value;
}

export async function undoResource(
  resource: StepResource,
  deps: { clients: ProvisioningClients; settings: DeploymentSettings; poll: PollSettings },
): Promise<void> {
  try {
    await undo(resource, deps);
  } catch (error) {
    if (!isAwsError(error, ...GONE)) throw error;
  }
}

async function undo(
  r: StepResource,
  { clients, settings, poll }: { clients: ProvisioningClients; settings: DeploymentSettings; poll: PollSettings },
): Promise<void> {
  const { lex, iam, lambda, connect } = clients;
  switch (r.kind) {
    case 'iamRole': {
      try {
        await iam.send(
          new DeleteRolePolicyCommand({ RoleName: r.id, PolicyName: resourceNames(settings).rolePolicyName }),
        );
      } catch (error) {
        if (!isAwsError(error, ...GONE)) throw error;
      }
      await iam.send(new DeleteRoleCommand({ RoleName: r.id }));
      return;
    }
    case 'lexBot':
      await lex.send(new DeleteBotCommand({ botId: r.id, skipResourceInUseCheck: true }));
      return;
    case 'lexBotLocale':
      await lex.send(new DeleteBotLocaleCommand({ botId: scoped(r, 'botId'), botVersion: DRAFT, localeId: r.id }));
      return;
    case 'lexSlotType':
      await lex.send(
        new DeleteSlotTypeCommand({
          botId: scoped(r, 'botId'),
          botVersion: DRAFT,
          localeId: scoped(r, 'localeId'),
          slotTypeId: r.id,
        }),
      );
      return;
    case 'lexIntent':
      await lex.send(
        new DeleteIntentCommand({
          botId: scoped(r, 'botId'),
          botVersion: DRAFT,
          localeId: scoped(r, 'localeId'),
          intentId: r.id,
        }),
      );
      return;
    case 'lexSlot':
      await lex.send(
        new DeleteSlotCommand({
          botId: scoped(r, 'botId'),
          botVersion: DRAFT,
          localeId: scoped(r, 'localeId'),
          intentId: scoped(r, 'intentId'),
          slotId: r.id,
        }),
      );
      return;
    case 'lexBotVersion':
      await lex.send(new DeleteBotVersionCommand({ botId: scoped(r, 'botId'), botVersion: r.id }));
      return;
    case 'lexBotAlias': {
      const botId = scoped(r, 'botId');
      if (r.created) {
        await lex.send(new DeleteBotAliasCommand({ botId, botAliasId: r.id, skipResourceInUseCheck: true }));
        return;
      }
      // A found alias that this deployment moved: back to the version it was on.
      const current = await lex.send(new DescribeBotAliasCommand({ botId, botAliasId: r.id }));
      await lex.send(
        new UpdateBotAliasCommand({
          botId,
          botAliasId: r.id,
          botAliasName: current.botAliasName ?? r.name,
          botVersion: r.previous,
          description: current.description,
          botAliasLocaleSettings: current.botAliasLocaleSettings,
          conversationLogSettings: current.conversationLogSettings,
          sentimentAnalysisSettings: current.sentimentAnalysisSettings,
        }),
      );
      await waitForAlias(lex, botId, r.id, poll);
      return;
    }
    case 'lambdaPermission':
      await lambda.send(new RemovePermissionCommand({ FunctionName: scoped(r, 'functionName'), StatementId: r.id }));
      return;
    case 'connectBotAssociation':
      await connect.send(
        new DisassociateBotCommand({ InstanceId: scoped(r, 'instanceId'), LexV2Bot: { AliasArn: r.id } }),
      );
      return;
    case 'connectContactFlow': {
      const instanceId = scoped(r, 'instanceId');
      if (r.created) {
        await connect.send(new DeleteContactFlowCommand({ InstanceId: instanceId, ContactFlowId: r.id }));
        return;
      }
      if (r.previous !== undefined)
        await connect.send(
          new UpdateContactFlowContentCommand({ InstanceId: instanceId, ContactFlowId: r.id, Content: r.previous }),
        );
      return;
    }
  }
}
