import {
  AssociateBotCommand,
  AssociatePhoneNumberContactFlowCommand,
  ConnectClient,
  CreateContactFlowCommand,
  ListInstancesCommand,
} from '@aws-sdk/client-connect';
import type { RecognizeTextCommandOutput } from '@aws-sdk/client-lex-runtime-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_DEFINITION } from '../../voice/bot-definition';
import { buildContactFlow, contactFlowContent } from '../../voice/contact-flow';
import { startGateway, type Gateway } from '../gateway';
import type { LexRuntime } from './call-simulator';
import { CALL_API_PATH, createConnectService } from './connect-service';
import { SEED } from './connect-state';

const REGION = 'us-east-1';
const ALIAS_ARN = `arn:aws:lex:${REGION}:000000000000:bot-alias/BOTID12345/ALIAS12345`;
const QUEUE_ARN = `arn:aws:connect:${REGION}:000000000000:instance/${SEED.instanceId}/queue/${SEED.basicQueueId}`;

/** A bot that hands every caller to an agent, as the code hook does for "agent". */
const agentBot: LexRuntime = {
  send: async (command) =>
    ({
      sessionId: command.input.sessionId,
      messages: [{ contentType: 'SSML', content: '<speak>Let me put you through.</speak>' }],
      sessionState: {
        dialogAction: { type: 'Close' },
        intent: { name: 'SpeakToAgent', state: 'Fulfilled' },
        sessionAttributes: { botOutcome: 'TRANSFER', transferReason: 'AGENT_REQUESTED' },
      },
      $metadata: {},
    }) as RecognizeTextCommandOutput,
};

let gateway: Gateway;
let client: ConnectClient;

beforeAll(async () => {
  gateway = await startGateway({ port: 0, services: [createConnectService({ region: REGION, lex: agentBot })] });
  client = new ConnectClient({
    region: REGION,
    endpoint: gateway.url,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});
afterAll(async () => {
  client.destroy();
  await gateway.close();
});

async function callApi(path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${gateway.url}${CALL_API_PATH}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('Connect on the gateway', () => {
  it('answers the AWS SDK for requests signed for connect', async () => {
    // Prepare
    const command = new ListInstancesCommand({});

    // Act
    const listed = await client.send(command);

    // Assess
    expect(listed.InstanceSummaryList?.map((i) => i.InstanceAlias)).toEqual(['courier-demo']);
  });

  it('provisions through the SDK, then takes a call to the number over the local call API', async () => {
    // Prepare
    await client.send(new AssociateBotCommand({ InstanceId: SEED.instanceId, LexV2Bot: { AliasArn: ALIAS_ARN } }));
    const created = await client.send(
      new CreateContactFlowCommand({
        InstanceId: SEED.instanceId,
        Name: 'Courier voicebot',
        Type: 'CONTACT_FLOW',
        Content: contactFlowContent(buildContactFlow({ botAliasArn: ALIAS_ARN, queueId: QUEUE_ARN })),
      }),
    );
    await client.send(
      new AssociatePhoneNumberContactFlowCommand({
        PhoneNumberId: SEED.phoneNumberId,
        InstanceId: SEED.instanceId,
        ContactFlowId: created.ContactFlowId,
      }),
    );

    // Act
    const started = await callApi('/calls', { phoneNumber: SEED.phoneNumber, from: '+12065550199' });
    const contactId = (started.json.call as { contactId: string }).contactId;
    const said = await callApi(`/calls/${contactId}/say`, { text: 'agent' });
    const read = await callApi(`/calls/${contactId}`);
    const hungUp = await callApi(`/calls/${contactId}/hang-up`, {});

    // Assess
    expect(started.status).toBe(201);
    expect(started.json.heard).toEqual([BOT_DEFINITION.prompts.en_US.welcome]);
    expect(said.json.heard).toEqual(['Let me put you through.']);
    expect(read.json.call).toMatchObject({ state: 'QUEUED', queue: { name: 'BasicQueue' } });
    expect(hungUp.json.call).toMatchObject({ state: 'DISCONNECTED', disconnectReason: 'CUSTOMER_DISCONNECT' });
  });

  it('explains bad requests: a missing field, an unknown call', async () => {
    // Prepare
    const path = '/calls';

    // Act
    const missing = await callApi(path, { phoneNumber: SEED.phoneNumber });
    const unknown = await callApi('/calls/no-such-call/say', { text: 'hello' });

    // Assess
    expect(missing.status).toBe(400);
    expect(missing.json).toMatchObject({ error: 'ValidationError', field: 'from' });
    expect(missing.json.message).toMatch(/from is required/);
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({
      error: 'NotFoundError',
      resolution: `Start one with POST ${CALL_API_PATH}/calls.`,
    });
  });
});
