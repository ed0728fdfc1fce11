import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AssociateBotCommand,
  AssociatePhoneNumberContactFlowCommand,
  ConnectClient,
  CreateContactFlowCommand,
  DeleteContactFlowCommand,
  DescribeContactFlowCommand,
  DescribeInstanceCommand,
  DisassociateBotCommand,
  InvalidContactFlowException,
  ListBotsCommand,
  ListContactFlowsCommand,
  ListInstancesCommand,
  ListPhoneNumbersCommand,
  ListQueuesCommand,
  UpdateContactFlowContentCommand,
  UpdateContactFlowMetadataCommand,
} from '@aws-sdk/client-connect';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildContactFlow, contactFlowContent } from '../../voice/contact-flow';
import { createConnectHandlers } from './connect-handlers';
import { createConnectState, SEED, type ConnectState } from './connect-state';

const REGION = 'eu-west-2';
const ALIAS_ARN = `arn:aws:lex:${REGION}:000000000000:bot-alias/BOTID12345/ALIAS12345`;
const QUEUE_ARN = `arn:aws:connect:${REGION}:000000000000:instance/${SEED.instanceId}/queue/${SEED.basicQueueId}`;
const FLOW = contactFlowContent(buildContactFlow({ botAliasArn: ALIAS_ARN, queueId: QUEUE_ARN }));

let state: ConnectState = createConnectState({ region: REGION });
const server = setupServer();
const client = new ConnectClient({
  region: REGION,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  maxAttempts: 1,
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  state = createConnectState({ region: REGION });
  server.use(...createConnectHandlers(state));
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

async function errorOf(promise: Promise<unknown>): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (e) {
    const error = e as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: error.name, message: error.message, status: error.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

const associate = () =>
  client.send(new AssociateBotCommand({ InstanceId: SEED.instanceId, LexV2Bot: { AliasArn: ALIAS_ARN } }));

describe('Connect emulator: the existing instance', () => {
  it('lists the courier company instance with its queue and phone number', async () => {
    // Prepare
    const instanceId = SEED.instanceId;

    // Act
    const instances = await client.send(new ListInstancesCommand({}));
    const described = await client.send(new DescribeInstanceCommand({ InstanceId: instanceId }));
    const queues = await client.send(new ListQueuesCommand({ InstanceId: instanceId, QueueTypes: ['STANDARD'] }));
    const numbers = await client.send(new ListPhoneNumbersCommand({ InstanceId: instanceId }));

    // Assess
    expect(instances.InstanceSummaryList).toEqual([
      expect.objectContaining({
        Id: instanceId,
        Arn: `arn:aws:connect:${REGION}:000000000000:instance/${instanceId}`,
        InstanceAlias: 'courier-demo',
        InstanceStatus: 'ACTIVE',
        InboundCallsEnabled: true,
      }),
    ]);
    expect(instances.InstanceSummaryList?.[0]?.CreatedTime).toBeInstanceOf(Date);
    expect(described.Instance?.InstanceAlias).toBe('courier-demo');
    expect(queues.QueueSummaryList?.map((q) => [q.Name, q.Arn])).toEqual([['BasicQueue', QUEUE_ARN]]);
    expect(numbers.PhoneNumberSummaryList?.map((p) => p.PhoneNumber)).toEqual(['+12065550100']);
  });

  it('answers an unknown instance with ResourceNotFoundException', async () => {
    // Prepare
    const command = new ListQueuesCommand({ InstanceId: 'no-such-instance' });

    // Act
    const error = await errorOf(client.send(command));

    // Assess
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', status: 404 });
    expect(error.message).toMatch(/Instance not found: no-such-instance/);
  });
});

describe('Connect emulator: Lex V2 bots', () => {
  it('associates, lists and disassociates a bot alias', async () => {
    // Prepare
    await associate();

    // Act
    const listed = await client.send(new ListBotsCommand({ InstanceId: SEED.instanceId, LexVersion: 'V2' }));
    const duplicate = await errorOf(associate());
    await client.send(new DisassociateBotCommand({ InstanceId: SEED.instanceId, LexV2Bot: { AliasArn: ALIAS_ARN } }));
    const after = await client.send(new ListBotsCommand({ InstanceId: SEED.instanceId, LexVersion: 'V2' }));
    const again = await errorOf(
      client.send(new DisassociateBotCommand({ InstanceId: SEED.instanceId, LexV2Bot: { AliasArn: ALIAS_ARN } })),
    );

    // Assess
    expect(listed.LexBots).toEqual([{ LexV2Bot: { AliasArn: ALIAS_ARN } }]);
    expect(duplicate).toMatchObject({ name: 'ResourceConflictException', status: 409 });
    expect(after.LexBots).toEqual([]);
    expect(again.name).toBe('ResourceNotFoundException');
  });

  it('refuses something that is not a Lex V2 alias ARN', async () => {
    // Prepare
    const command = new AssociateBotCommand({ InstanceId: SEED.instanceId, LexV2Bot: { AliasArn: 'my-bot' } });

    // Act
    const error = await errorOf(client.send(command));

    // Assess
    expect(error).toMatchObject({ name: 'InvalidRequestException', status: 400 });
    expect(error.message).toMatch(/LexV2Bot.AliasArn must be a Lex V2 bot alias ARN/);
  });
});

describe('Connect emulator: contact flows', () => {
  it('creates, describes, lists, updates and deletes the generated flow', async () => {
    // Prepare
    await associate();

    // Act
    const created = await client.send(
      new CreateContactFlowCommand({
        InstanceId: SEED.instanceId,
        Name: 'Courier voicebot',
        Type: 'CONTACT_FLOW',
        Content: FLOW,
      }),
    );
    const described = await client.send(
      new DescribeContactFlowCommand({ InstanceId: SEED.instanceId, ContactFlowId: created.ContactFlowId }),
    );
    const edited = contactFlowContent(
      buildContactFlow({
        botAliasArn: ALIAS_ARN,
        queueId: QUEUE_ARN,
        promptOverrides: { en_US: { welcome: 'Hi there!' } },
      }),
    );
    await client.send(
      new UpdateContactFlowContentCommand({
        InstanceId: SEED.instanceId,
        ContactFlowId: created.ContactFlowId,
        Content: edited,
      }),
    );
    await client.send(
      new UpdateContactFlowMetadataCommand({
        InstanceId: SEED.instanceId,
        ContactFlowId: created.ContactFlowId,
        Name: 'Courier voicebot v2',
      }),
    );
    const updated = await client.send(
      new DescribeContactFlowCommand({ InstanceId: SEED.instanceId, ContactFlowId: created.ContactFlowId }),
    );
    const listed = await client.send(
      new ListContactFlowsCommand({ InstanceId: SEED.instanceId, ContactFlowTypes: ['CONTACT_FLOW'] }),
    );
    await client.send(
      new DeleteContactFlowCommand({ InstanceId: SEED.instanceId, ContactFlowId: created.ContactFlowId }),
    );
    const gone = await errorOf(
      client.send(
        new DescribeContactFlowCommand({ InstanceId: SEED.instanceId, ContactFlowId: created.ContactFlowId }),
      ),
    );

    // Assess
    expect(created.ContactFlowArn).toBe(
      `arn:aws:connect:${REGION}:000000000000:instance/${SEED.instanceId}/contact-flow/${created.ContactFlowId}`,
    );
    expect(described.ContactFlow).toMatchObject({
      Name: 'Courier voicebot',
      Content: FLOW,
      Status: 'PUBLISHED',
      State: 'ACTIVE',
    });
    expect(updated.ContactFlow).toMatchObject({ Name: 'Courier voicebot v2', Content: edited, Version: 2 });
    expect(updated.ContactFlow?.FlowContentSha256).not.toBe(created.FlowContentSha256);
    expect(listed.ContactFlowSummaryList?.map((f) => f.Name).sort()).toEqual([
      'Courier voicebot v2',
      'Default inbound',
    ]);
    expect(gone.name).toBe('ResourceNotFoundException');
  });

  it('refuses a flow whose bot is not associated with the instance yet', async () => {
    // Prepare
    const command = new CreateContactFlowCommand({
      InstanceId: SEED.instanceId,
      Name: 'Courier voicebot',
      Type: 'CONTACT_FLOW',
      Content: FLOW,
    });

    // Act
    let error: unknown;
    try {
      await client.send(command);
    } catch (e) {
      error = e;
    }

    // Assess
    expect(error).toBeInstanceOf(InvalidContactFlowException);
    expect((error as InvalidContactFlowException).problems).toEqual([
      { message: expect.stringMatching(/bot alias .* is not associated with instance .*; call AssociateBot first/) },
    ]);
  });

  it('refuses broken content with the problems listed, and keeps the flow as it was', async () => {
    // Prepare
    await associate();
    const created = await client.send(
      new CreateContactFlowCommand({
        InstanceId: SEED.instanceId,
        Name: 'Courier voicebot',
        Type: 'CONTACT_FLOW',
        Content: FLOW,
      }),
    );
    const broken = JSON.parse(FLOW) as { Actions: { Identifier: string; Transitions: { NextAction?: string } }[] };
    broken.Actions.find((a) => a.Identifier === 'greeting')!.Transitions.NextAction = 'nowhere';

    // Act
    let error: unknown;
    try {
      await client.send(
        new UpdateContactFlowContentCommand({
          InstanceId: SEED.instanceId,
          ContactFlowId: created.ContactFlowId,
          Content: JSON.stringify(broken),
        }),
      );
    } catch (e) {
      error = e;
    }
    const kept = await client.send(
      new DescribeContactFlowCommand({ InstanceId: SEED.instanceId, ContactFlowId: created.ContactFlowId }),
    );

    // Assess
    expect(error).toBeInstanceOf(InvalidContactFlowException);
    expect((error as InvalidContactFlowException).problems).toContainEqual({
      message: 'Action "greeting" transitions to "nowhere", which does not exist',
    });
    expect(kept.ContactFlow?.Content).toBe(FLOW);
  });

  it('refuses a second flow with the same name', async () => {
    // Prepare
    const command = new CreateContactFlowCommand({
      InstanceId: SEED.instanceId,
      Name: 'Default inbound',
      Type: 'CONTACT_FLOW',
      Content: FLOW,
    });

    // Act
    const error = await errorOf(client.send(command));

    // Assess
    expect(error).toMatchObject({ name: 'DuplicateResourceException', status: 409 });
  });

  it('pages through flows with NextToken', async () => {
    // Prepare
    await associate();
    await client.send(
      new CreateContactFlowCommand({
        InstanceId: SEED.instanceId,
        Name: 'Courier voicebot',
        Type: 'CONTACT_FLOW',
        Content: FLOW,
      }),
    );

    // Act
    const first = await client.send(new ListContactFlowsCommand({ InstanceId: SEED.instanceId, MaxResults: 1 }));
    const second = await client.send(
      new ListContactFlowsCommand({ InstanceId: SEED.instanceId, MaxResults: 1, NextToken: first.NextToken }),
    );

    // Assess
    expect(first.ContactFlowSummaryList).toHaveLength(1);
    expect(first.NextToken).toBeDefined();
    expect(second.ContactFlowSummaryList).toHaveLength(1);
    expect(second.NextToken).toBeUndefined();
    expect(second.ContactFlowSummaryList?.[0]?.Id).not.toBe(first.ContactFlowSummaryList?.[0]?.Id);
  });

  it('routes the phone number to a new flow and persists it to the state file', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'connect-state-'));
    const file = join(dir, 'connect.json');
    state = createConnectState({ region: REGION, file });
    server.resetHandlers(...createConnectHandlers(state));
    await associate();
    const created = await client.send(
      new CreateContactFlowCommand({
        InstanceId: SEED.instanceId,
        Name: 'Courier voicebot',
        Type: 'CONTACT_FLOW',
        Content: FLOW,
      }),
    );

    // Act
    await client.send(
      new AssociatePhoneNumberContactFlowCommand({
        PhoneNumberId: SEED.phoneNumberId,
        InstanceId: SEED.instanceId,
        ContactFlowId: created.ContactFlowId,
      }),
    );
    const reloaded = createConnectState({ region: REGION, file });

    // Assess
    const record = reloaded.findInstance(SEED.instanceId);
    expect(record?.lexV2Bots).toEqual([ALIAS_ARN]);
    expect(record?.flows.map((f) => f.name)).toContain('Courier voicebot');
    expect(reloaded.findPhoneNumber(SEED.phoneNumber)?.phoneNumber.contactFlowId).toBe(created.ContactFlowId);
    rmSync(dir, { recursive: true, force: true });
  });
});
