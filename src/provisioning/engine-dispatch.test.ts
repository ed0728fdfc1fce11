// The cloud split: the API's engine records a deployment and dispatches it; the provisioner's engine
// resumes it from the stored record — through a run, a failure, a retry and a rollback.
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProvisioningEngine } from './engine';
import { createAwsFake } from './testing/aws-fake';
import { failOperation } from './testing/failure-injection';
import {
  ADMIN,
  CODE_HOOK_ARN,
  INSTANCE_ID,
  QUEUE_ARN,
  createTestClients,
  createTestEngine,
  testContactFlow,
} from './testing/provisioning-world';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

function split(handlers: Parameters<typeof createTestEngine>[1]) {
  const dispatched: string[] = [];
  // The API side: records and dispatches, never runs a step itself.
  const api = createTestEngine(server, handlers, { dispatch: async (id) => void dispatched.push(id) });
  // The provisioner side: same table, its own engine.
  const provisioner = createProvisioningEngine({
    clients: createTestClients(),
    deployments: api.deployments,
    clock: api.clock,
    codeHookLambdaArn: CODE_HOOK_ARN,
    contactFlowContent: testContactFlow,
    poll: { intervalMs: 1, timeoutMs: 50, sleep: async () => undefined },
  });
  return { api: api.engine, provisioner, dispatched };
}

describe('dispatched deployments', { timeout: 30_000 }, () => {
  it('runs nothing in the API process and completes when the provisioner resumes it', async () => {
    // Prepare
    const fake = createAwsFake();
    fake.addFunction(CODE_HOOK_ARN);
    fake.addInstance(INSTANCE_ID);
    const { api, provisioner, dispatched } = split(fake.handlers);

    // Act
    const started = await api.start({ instanceId: INSTANCE_ID, queueArn: QUEUE_ARN }, ADMIN);
    const callsBeforeResume = fake.calls.length;
    const done = await provisioner.resume(dispatched[0]!);
    const again = await provisioner.resume(started.id);

    // Assess
    expect(dispatched).toEqual([started.id]);
    expect(callsBeforeResume).toBe(0);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.steps.every((s) => s.status === 'SUCCEEDED')).toBe(true);
    expect(again.version).toBe(done.version);
  });

  it('dispatches a retry from the failed step and a rollback, each finished by the provisioner', async () => {
    // Prepare
    const fake = createAwsFake();
    fake.addFunction(CODE_HOOK_ARN);
    fake.addInstance(INSTANCE_ID);
    const handlers = [
      failOperation(
        'CreateBotVersion',
        { status: 503, code: 'ServiceUnavailable', message: 'try later' },
        { times: 1 },
      ),
      ...fake.handlers,
    ];
    const { api, provisioner, dispatched } = split(handlers);
    const started = await api.start({ instanceId: INSTANCE_ID, queueArn: QUEUE_ARN }, ADMIN);
    const failed = await provisioner.resume(started.id);

    // Act
    await api.retry(started.id);
    const retried = await provisioner.resume(started.id);

    // Assess
    expect(failed.status).toBe('FAILED');
    expect(failed.error?.step).toBe('bot-version');
    expect(dispatched).toEqual([started.id, started.id]);
    expect(retried.status).toBe('SUCCEEDED');
  });

  it('rolls back through the provisioner when the API dispatches a rollback', async () => {
    // Prepare
    const fake = createAwsFake();
    fake.addFunction(CODE_HOOK_ARN);
    fake.addInstance(INSTANCE_ID);
    const handlers = [
      failOperation('CreateBotVersion', { status: 400, code: 'ValidationException', message: 'bad' }, { times: 1 }),
      ...fake.handlers,
    ];
    const { api, provisioner } = split(handlers);
    const started = await api.start({ instanceId: INSTANCE_ID, queueArn: QUEUE_ARN }, ADMIN);
    await provisioner.resume(started.id);

    // Act
    const rolling = await api.rollback(started.id);
    const rolledBack = await provisioner.resume(started.id);

    // Assess
    expect(rolling.status).toBe('ROLLING_BACK');
    expect(rolledBack.status).toBe('ROLLED_BACK');
    expect(fake.inventory().bots).toEqual([]);
  });
});
