// The voicebot end to end on the local stack: provisioned on first start through the engine into the
// emulated Connect and Lex, reached by a simulated phone call, administered through GraphQL (admins only),
// and redeployed after a prompt edit with its progress published to subscribers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from '../../src/local/stack';
import {
  botPrompts,
  dashboard,
  listConnectInstances,
  listConnectQueues,
  listDeployments,
  onDeploymentChanged,
  planDeployment,
  rollbackDeployment,
  startDeployment,
} from '../../src/generated/graphql';
import { accessTokenFor, as, gql, startTestStack } from '../support/test-stack';
import { subscribeRealtime } from '../support/realtime-client';

let stack: Stack;
type CallView = { contactId: string; state: string };

beforeAll(async () => {
  stack = await startTestStack({ provisionVoicebot: true });
}, 180_000);
afterAll(async () => {
  await stack?.close();
});

async function callApi(path: string, body: unknown = {}) {
  const res = await fetch(`${stack.outputs.custom.callSimulator!.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { heard: string[]; call: CallView; error?: string };
}

async function call(from: string, lines: string[]) {
  const started = await callApi('/calls', { from, phoneNumber: stack.outputs.custom.callSimulator!.phoneNumber });
  const heard = [...started.heard];
  let state = started.call.state;
  for (const text of lines) {
    const turn = await callApi(`/calls/${started.call.contactId}/say`, { text });
    heard.push(...turn.heard);
    state = turn.call.state;
  }
  return { heard: heard.join(' '), state };
}

describe('voicebot', () => {
  it('is provisioned on first start: every step succeeded and a call to the demo number reaches the bot', async () => {
    // Prepare
    const admin = await as(stack, 'admin@example.com');

    // Act
    const deployments = await gql<{ listDeployments: { items: { status: string; steps: { status: string }[] }[] } }>(
      stack,
      admin,
      listDeployments,
      { limit: 5 },
    );
    const { heard, state } = await call('+12065550123', ['I want to track a parcel', 'K 7 M 4 X R 7']);
    const board = await gql<{ dashboard: { health: { voicebot: { state: string } } } }>(stack, admin, dashboard, {});

    // Assess
    const [first] = deployments.data!.listDeployments.items;
    expect(first?.status).toBe('SUCCEEDED');
    expect(first?.steps).toHaveLength(12);
    expect(first?.steps.every((s) => s.status === 'SUCCEEDED')).toBe(true);
    expect(heard).toMatch(/^Thanks for calling\. You can book a courier/);
    expect(heard).toMatch(/Please tell me your booking reference/);
    expect(heard).toMatch(/couldn't find a booking with reference K7M-4XR-7/);
    expect(state).toBe('QUEUED');
    expect(board.data!.dashboard.health.voicebot.state).toBe('DEPLOYED');
  });

  it('lets only administrators see or change the voicebot', async () => {
    // Prepare
    const courier = { token: await accessTokenFor(stack, 'courier1@example.com') };
    const partner = { token: await accessTokenFor(stack, 'partner@example.com') };

    // Act
    const asCourier = await gql(stack, courier, listDeployments, {});
    const asPartner = await gql(stack, partner, startDeployment, { settings: { instanceId: 'x' } });
    const anonymous = await gql(stack, { apiKey: stack.apiKey }, listConnectInstances, {});

    // Assess
    for (const refused of [asCourier, asPartner, anonymous]) {
      expect(refused.data ?? null).toBeNull();
      expect(refused.errors?.[0]?.errorType).toMatch(/Unauthorized/);
    }
  });

  it('offers the instance and its queues, plans in plain words, and refuses bad settings naming the field', async () => {
    // Prepare
    const admin = await as(stack, 'admin@example.com');

    // Act
    const instances = await gql<{ listConnectInstances: { id: string; alias: string }[] }>(
      stack,
      admin,
      listConnectInstances,
    );
    const instance = instances.data!.listConnectInstances.find((i) => i.alias === 'courier-demo')!;
    const queues = await gql<{ listConnectQueues: { name: string }[] }>(stack, admin, listConnectQueues, {
      instanceId: instance.id,
    });
    const plan = await gql<{ planDeployment: { key: string; description: string }[] }>(stack, admin, planDeployment, {
      settings: { instanceId: instance.id, botName: 'CourierBot' },
    });
    const bad = await gql(stack, admin, startDeployment, {
      settings: { instanceId: instance.id, botName: 'no spaces!' },
    });
    const rollbackSucceeded = await gql(stack, admin, rollbackDeployment, { id: 'missing-deployment' });

    // Assess
    expect(queues.data!.listConnectQueues.map((q) => q.name)).toContain('BasicQueue');
    expect(plan.data!.planDeployment.map((s) => s.key)).toEqual([
      'bot-role',
      'bot',
      'bot-locale',
      'slot-types',
      'intents',
      'build-locale',
      'bot-version',
      'bot-alias',
      'prune-versions',
      'lambda-permission',
      'connect-association',
      'contact-flow',
    ]);
    expect(bad.errors?.[0]?.errorType).toBe('ValidationError');
    expect(bad.errors?.[0]?.message).toMatch(/botName/);
    expect(rollbackSucceeded.errors?.[0]?.errorType).toBe('NotFoundError');
  });

  it('redeploys a prompt edit in place, publishing each step, and the next caller hears it', async () => {
    // Prepare
    const admin = await as(stack, 'admin@example.com');
    const token = await accessTokenFor(stack, 'admin@example.com');
    const live = await subscribeRealtime<{ id: string; status: string }>(
      stack.realtimeUrl,
      { host: new URL(stack.graphqlUrl).host, Authorization: token },
      onDeploymentChanged,
    );
    const [current] = (
      await gql<{ listDeployments: { items: { settings: { instanceId: string; queueArn: string } }[] } }>(
        stack,
        admin,
        listDeployments,
        { limit: 1 },
      )
    ).data!.listDeployments.items;
    const welcome = 'Welcome to Seattle Couriers. Book, track, or tell us how we did.';

    // Act
    const started = await gql<{ startDeployment: { id: string } }>(stack, admin, startDeployment, {
      settings: {
        instanceId: current!.settings.instanceId,
        queueArn: current!.settings.queueArn,
        promptOverrides: JSON.stringify({ en_US: { welcome } }),
      },
    });
    const id = started.data!.startDeployment.id;
    let status = '';
    const seen: string[] = [];
    while (status !== 'SUCCEEDED' && status !== 'FAILED') {
      const event = await live.next(60_000);
      if (event.id !== id) continue;
      status = event.status;
      seen.push(status);
    }
    live.close();
    const prompts = await gql<{ botPrompts: { key: string; text: string; overridden: boolean }[] }>(
      stack,
      admin,
      botPrompts,
    );
    const { heard } = await call('+12065550124', []);
    const history = await gql<{ listDeployments: { items: { steps: { key: string; detail: string }[] }[] } }>(
      stack,
      admin,
      listDeployments,
      { limit: 1 },
    );

    // Assess
    expect(status).toBe('SUCCEEDED');
    expect(seen.filter((s) => s === 'RUNNING').length).toBeGreaterThan(3);
    expect(prompts.data!.botPrompts.find((p) => p.key === 'welcome')).toMatchObject({
      text: welcome,
      overridden: true,
    });
    expect(heard).toBe(welcome);
    const steps = Object.fromEntries(history.data!.listDeployments.items[0]!.steps.map((s) => [s.key, s.detail]));
    expect(steps['bot']).toMatch(/found|unchanged/);
    // The greeting is the contact flow's, not Lex's: the flow is updated, the bot keeps its version.
    expect(steps['bot-version']).toMatch(/version 1 already has this definition/);
    expect(steps['contact-flow']).toMatch(/updated/);
  });
});
