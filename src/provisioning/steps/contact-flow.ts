// Step: the inbound contact flow that greets callers and hands them to the bot, created or its content
// updated in place (UpdateContactFlowContent). An updated flow keeps its old content for rollback.
import {
  CreateContactFlowCommand,
  DescribeContactFlowCommand,
  ListContactFlowsCommand,
  UpdateContactFlowContentCommand,
  type ConnectClient,
} from '@aws-sdk/client-connect';
import { required, type ProvisioningStep } from '../step';

async function findFlow(connect: ConnectClient, instanceId: string, name: string) {
  let token: string | undefined;
  do {
    const out = await connect.send(
      new ListContactFlowsCommand({ InstanceId: instanceId, ContactFlowTypes: ['CONTACT_FLOW'], NextToken: token }),
    );
    const found = (out.ContactFlowSummaryList ?? []).find((f) => f.Name === name);
    if (found) return found;
    token = out.NextToken;
  } while (token);
  return undefined;
}

/** Same flow whatever the key order or whitespace Connect returns it with. */
function sameContent(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return a === b;
  }
}

export const contactFlowStep: ProvisioningStep = {
  key: 'contact-flow',
  title: 'Contact flow',
  plan: (settings) =>
    `Create or update the contact flow "${settings.contactFlowName}"${settings.queueArn ? ' with the agent queue' : ''}`,
  async run(ctx) {
    const connect = ctx.clients.connect;
    const instanceId = ctx.settings.instanceId;
    const name = ctx.settings.contactFlowName;
    const content = ctx.contactFlowContent({
      botAliasArn: required(ctx, 'botAliasArn'),
      ...(ctx.settings.queueArn ? { queueArn: ctx.settings.queueArn } : {}),
      settings: ctx.settings,
    });
    const found = await findFlow(connect, instanceId, name);
    if (!found?.Id) {
      const out = await connect.send(
        new CreateContactFlowCommand({
          InstanceId: instanceId,
          Name: name,
          Type: 'CONTACT_FLOW',
          Description: `Inbound calls to ${ctx.settings.botName}`,
          Content: content,
        }),
      );
      if (!out.ContactFlowId) throw new Error('CreateContactFlow returned no id.');
      ctx.record({
        kind: 'connectContactFlow',
        name,
        id: out.ContactFlowId,
        arn: out.ContactFlowArn,
        created: true,
        scope: { instanceId },
      });
      ctx.note('created');
      return {
        contactFlowId: out.ContactFlowId,
        ...(out.ContactFlowArn ? { contactFlowArn: out.ContactFlowArn } : {}),
      };
    }
    const resource = {
      kind: 'connectContactFlow' as const,
      name,
      id: found.Id,
      arn: found.Arn,
      scope: { instanceId },
    };
    const { ContactFlow } = await connect.send(
      new DescribeContactFlowCommand({ InstanceId: instanceId, ContactFlowId: found.Id }),
    );
    if (sameContent(ContactFlow?.Content, content)) {
      ctx.record({ ...resource, created: false });
      ctx.note('found, unchanged');
    } else {
      await connect.send(
        new UpdateContactFlowContentCommand({ InstanceId: instanceId, ContactFlowId: found.Id, Content: content }),
      );
      ctx.record({
        ...resource,
        created: false,
        updated: true,
        ...(ContactFlow?.Content !== undefined ? { previous: ContactFlow.Content } : {}),
      });
      ctx.note('found, content updated');
    }
    return { contactFlowId: found.Id, ...(found.Arn ? { contactFlowArn: found.Arn } : {}) };
  },
};
