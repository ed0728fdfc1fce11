import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../core/errors';
import { BOT_DEFINITION } from '../voice/bot-definition';
import type { Deployment, DeploymentRepository, StepKey } from './deployment';
import { planDeployment } from './plan';
import { createAwsFake, type AwsFake } from './testing/aws-fake';
import { failOperation, type FailingOperation, type InjectedError } from './testing/failure-injection';
import { createMemoryDeploymentRepository } from './testing/memory-deployment-repository';
import { ADMIN, CODE_HOOK_ARN, INSTANCE_ID, QUEUE_ARN, createTestEngine } from './testing/provisioning-world';

// The handler list is the only thing tied to the in-memory fake: swap createAwsFake's handlers for the
// Lex and Connect emulators' (src/local) to run the same scenarios against them.
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const SETTINGS = { instanceId: INSTANCE_ID, queueArn: QUEUE_ARN };
const ROLE_NAME = `${BOT_DEFINITION.name}-lex-role`;

function world(options: { preexistingRole?: boolean; versionsToKeep?: number } = {}) {
  const fake = createAwsFake();
  fake.addFunction(CODE_HOOK_ARN);
  fake.addInstance(INSTANCE_ID);
  if (options.preexistingRole) fake.addRole(ROLE_NAME);
  const test = createTestEngine(server, fake.handlers, {
    ...(options.versionsToKeep ? { versionsToKeep: options.versionsToKeep } : {}),
  });
  return { fake, ...test };
}

async function deploy(w: ReturnType<typeof world>, settings: object = SETTINGS): Promise<Deployment> {
  const started = await w.engine.start(settings, ADMIN);
  return w.engine.whenSettled(started.id);
}

const writes = (fake: AwsFake, from = 0) =>
  fake.calls.slice(from).filter((c) => /^(Create|Update|Delete|Build|Put|Add|Associate|Disassociate|Remove)/.test(c));

function expectCleanBot(fake: AwsFake, versions: string[] = ['1']) {
  const inventory = fake.inventory();
  expect(inventory.roles).toEqual([ROLE_NAME]);
  expect(inventory.bots).toHaveLength(1);
  const [bot] = inventory.bots;
  expect(bot?.locales).toHaveLength(1);
  expect(bot?.locales[0]?.status).toBe('Built');
  expect(bot?.locales[0]?.slotTypes).toHaveLength(BOT_DEFINITION.slotTypes.length);
  expect(bot?.locales[0]?.intents.map((i) => i.name)).toEqual(BOT_DEFINITION.intents.map((i) => i.name).sort());
  expect(bot?.versions).toEqual(versions);
  expect(bot?.aliases).toEqual([{ name: 'live', version: versions.at(-1) }]);
  expect(inventory.lambdaStatements).toHaveLength(1);
  expect(inventory.connect.bots).toHaveLength(1);
  expect(inventory.connect.flows.map((f) => f.name)).toEqual([`${BOT_DEFINITION.name} inbound`]);
}

describe('provisioning engine', { timeout: 30_000 }, () => {
  it('provisions the whole bot into Connect and records every step with its resources', async () => {
    // Prepare
    const w = world();

    // Act
    const started = await w.engine.start(SETTINGS, ADMIN);
    const done = await w.engine.whenSettled(started.id);

    // Assess
    expect(started.status).toBe('PENDING');
    expect(done.status).toBe('SUCCEEDED');
    expect(done.createdBy).toEqual(ADMIN);
    expect(done.steps.map((s) => [s.key, s.status])).toEqual(planDeployment(SETTINGS).map((p) => [p.key, 'SUCCEEDED']));
    for (const step of done.steps) {
      expect(step.startedAt, step.key).toBeDefined();
      expect(step.endedAt, step.key).toBeDefined();
    }
    const created = done.steps.flatMap((s) => s.resources.filter((r) => r.created).map((r) => r.kind));
    expect(new Set(created)).toEqual(
      new Set([
        'iamRole',
        'lexBot',
        'lexBotLocale',
        'lexSlotType',
        'lexIntent',
        'lexSlot',
        'lexBotVersion',
        'lexBotAlias',
        'lambdaPermission',
        'connectBotAssociation',
        'connectContactFlow',
      ]),
    );
    // Lex makes FallbackIntent with the locale: it is found and given code hooks, not created.
    const fallback = done.steps.flatMap((s) => s.resources).find((r) => r.name === 'FallbackIntent');
    expect(fallback).toMatchObject({ created: false, updated: true });
    const alias = done.steps.find((s) => s.key === 'bot-alias')?.outputs.botAliasArn;
    expect(alias).toMatch(/^arn:aws:lex:us-east-1:123456789012:bot-alias\/\w+\/\w+$/);
    expectCleanBot(w.fake);
    expect(w.fake.inventory().connect.bots).toEqual([alias]);
    expect(JSON.parse(w.fake.inventory().connect.flows[0]?.content ?? '{}')).toMatchObject({
      Actions: [{ Parameters: { LexV2Bot: { AliasArn: alias } } }, { Parameters: { QueueId: QUEUE_ARN } }],
    });
    // Progress was published for every stored change, in order.
    const versions = w.progress.map((d) => d.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(w.progress.at(-1)).toEqual(done);
    expect(await w.engine.list()).toEqual({ items: [done] });
  });

  it('changes nothing when a completed deployment is run again', async () => {
    // Prepare
    const w = world();
    await deploy(w);
    const before = w.fake.calls.length;
    const inventory = w.fake.inventory();
    w.clock.advance(60_000);

    // Act
    const again = await deploy(w);

    // Assess
    expect(again.status).toBe('SUCCEEDED');
    expect(writes(w.fake, before)).toEqual([]);
    expect(again.steps.flatMap((s) => s.resources).filter((r) => r.created || r.updated)).toEqual([]);
    expect(w.fake.inventory()).toEqual(inventory);
    expect((await w.engine.list()).items.map((d) => d.id)).toEqual([again.id, expect.any(String)]);
  });

  type Injection = {
    step: StepKey;
    operation: FailingOperation;
    skip?: number;
    error: InjectedError;
    resolution: RegExp;
    preexistingRole: boolean;
  };
  const e = (status: number, code: string, message: string): InjectedError => ({ status, code, message });
  const INJECTIONS: Injection[] = [
    // The role is created, then its policy call fails: rollback must still delete the role.
    {
      step: 'bot-role',
      operation: 'PutRolePolicy',
      error: e(403, 'AccessDenied', 'User is not authorized to perform: iam:PutRolePolicy'),
      resolution: /not allowed/,
      preexistingRole: false,
    },
    {
      step: 'bot',
      operation: 'CreateBot',
      error: e(402, 'ServiceQuotaExceededException', 'Bots per account exceeded'),
      resolution: /quota/,
      preexistingRole: true,
    },
    {
      step: 'bot-locale',
      operation: 'CreateBotLocale',
      error: e(400, 'ValidationException', 'voiceId is not valid'),
      resolution: /rejected a value/,
      preexistingRole: true,
    },
    {
      step: 'slot-types',
      operation: 'CreateSlotType',
      skip: 4,
      error: e(409, 'ConflictException', 'Slot type is being modified'),
      resolution: /settle/,
      preexistingRole: true,
    },
    {
      step: 'intents',
      operation: 'CreateSlot',
      skip: 5,
      error: e(429, 'ThrottlingException', 'Rate exceeded'),
      resolution: /throttling/,
      preexistingRole: true,
    },
    {
      step: 'build-locale',
      operation: 'BuildBotLocale',
      error: e(500, 'InternalServerException', 'Internal failure'),
      resolution: /internal error/,
      preexistingRole: true,
    },
    {
      step: 'bot-version',
      operation: 'CreateBotVersion',
      error: e(402, 'ServiceQuotaExceededException', 'Versions per bot exceeded'),
      resolution: /quota/,
      preexistingRole: true,
    },
    {
      step: 'bot-alias',
      operation: 'CreateBotAlias',
      error: e(412, 'PreconditionFailedException', 'Bot is being versioned'),
      resolution: /settle/,
      preexistingRole: true,
    },
    {
      step: 'prune-versions',
      operation: 'ListBotVersions',
      skip: 1,
      error: e(429, 'ThrottlingException', 'Rate exceeded'),
      resolution: /throttling/,
      preexistingRole: true,
    },
    {
      step: 'lambda-permission',
      operation: 'AddPermission',
      error: e(403, 'AccessDeniedException', 'not authorized to perform: lambda:AddPermission'),
      resolution: /not allowed/,
      preexistingRole: true,
    },
    {
      step: 'connect-association',
      operation: 'AssociateBot',
      error: e(404, 'ResourceNotFoundException', 'Instance not found'),
      resolution: /does not exist/,
      preexistingRole: true,
    },
    {
      step: 'contact-flow',
      operation: 'CreateContactFlow',
      error: e(400, 'InvalidContactFlowException', 'The flow is not valid'),
      resolution: /rejected a value/,
      preexistingRole: true,
    },
  ];

  it('has an injected failure for every step', () => {
    expect(INJECTIONS.map((i) => i.step)).toEqual(planDeployment(SETTINGS).map((p) => p.key));
  });

  async function failAt(injection: Injection) {
    const w = world({ preexistingRole: injection.preexistingRole });
    server.use(failOperation(injection.operation, injection.error, { skip: injection.skip }));
    const failed = await deploy(w);
    return { w, failed };
  }

  it.each(INJECTIONS)(
    'fails at $step with the AWS code, message and a resolution, then retry finishes it',
    async (injection) => {
      // Prepare
      const { w, failed } = await failAt(injection);

      // Assess the failure
      expect(failed.status).toBe('FAILED');
      const index = failed.steps.findIndex((s) => s.key === injection.step);
      expect(failed.steps.map((s) => s.status)).toEqual(
        failed.steps.map((_, i) => (i < index ? 'SUCCEEDED' : i === index ? 'FAILED' : 'PENDING')),
      );
      expect(failed.error).toMatchObject({
        step: injection.step,
        code: injection.error.code,
        message: injection.error.message,
        phase: 'deploy',
      });
      expect(failed.error?.resolution).toMatch(injection.resolution);
      expect(failed.steps[index]?.error).toMatchObject({ code: injection.error.code });

      // Act
      server.resetHandlers();
      const retried = await w.engine.retry(failed.id);
      const done = await w.engine.whenSettled(failed.id);

      // Assess
      expect(retried.status).toBe('RUNNING');
      expect(done.status).toBe('SUCCEEDED');
      expect(done.error).toBeUndefined();
      expectCleanBot(w.fake);
    },
  );

  it.each(INJECTIONS)(
    'after a failure at $step, rollback removes everything the deployment created and nothing else',
    async (injection) => {
      // Prepare
      const { w, failed } = await failAt(injection);
      server.resetHandlers();

      // Act
      const rolling = await w.engine.rollback(failed.id);
      const done = await w.engine.whenSettled(failed.id);

      // Assess
      expect(rolling.status).toBe('ROLLING_BACK');
      expect(done.status).toBe('ROLLED_BACK');
      expect(done.steps.map((s) => s.status)).toEqual(
        failed.steps.map((s) => (s.status === 'PENDING' ? 'PENDING' : 'ROLLED_BACK')),
      );
      expect(done.steps.flatMap((s) => s.resources).filter((r) => r.created && !r.rolledBack)).toEqual([]);
      expect(w.fake.inventory()).toEqual({
        roles: injection.preexistingRole ? [ROLE_NAME] : [],
        bots: [],
        lambdaStatements: [],
        connect: { bots: [], flows: [] },
      });
    },
  );

  it('updates a prompt in place on redeploy, moves the alias and prunes old versions', async () => {
    // Prepare
    const w = world({ versionsToKeep: 2 });
    await deploy(w);
    const edits = ['Where shall we pick it up?', 'Which address should we collect from?', 'Pickup address please?'];

    // Act
    const runs: Deployment[] = [];
    for (const text of edits) {
      const before = w.fake.calls.length;
      runs.push(await deploy(w, { ...SETTINGS, promptOverrides: { en_US: { askPickupAddress: text } } }));
      // Assess: an update in place, never a second intent or slot
      expect(writes(w.fake, before).filter((c) => c.startsWith('Create'))).toEqual(['CreateBotVersion']);
      expect(writes(w.fake, before)).toEqual(
        expect.arrayContaining(['UpdateSlot', 'BuildBotLocale', 'UpdateBotAlias']),
      );
      expect(w.fake.slotPrompt(BOT_DEFINITION.name, 'BookCourier', 'PickupAddress')).toBe(text);
    }

    // Assess
    expect(runs.map((r) => r.status)).toEqual(['SUCCEEDED', 'SUCCEEDED', 'SUCCEEDED']);
    const last = runs.at(-1)!;
    expect(last.steps.find((s) => s.key === 'bot-alias')?.detail).toBe('moved from version 3 to 4');
    expect(last.steps.find((s) => s.key === 'prune-versions')?.outputs).toEqual({ prunedVersions: '2' });
    expectCleanBot(w.fake, ['3', '4']);
  });

  it('on rollback of a failed redeploy, moves the alias back and keeps what it found', async () => {
    // Prepare
    const w = world();
    await deploy(w);
    server.use(failOperation('ListBotVersions', e(429, 'ThrottlingException', 'Rate exceeded'), { skip: 1 }));
    const failed = await deploy(w, { ...SETTINGS, promptOverrides: { en_US: { askPickupAddress: 'Pickup?' } } });
    server.resetHandlers();
    expect(failed.error?.step).toBe('prune-versions');
    expect(w.fake.inventory().bots[0]?.aliases).toEqual([{ name: 'live', version: '2' }]);

    // Act
    await w.engine.rollback(failed.id);
    const done = await w.engine.whenSettled(failed.id);

    // Assess
    expect(done.status).toBe('ROLLED_BACK');
    expectCleanBot(w.fake, ['1']);
  });

  it('fails the build step with the reasons Lex gives', async () => {
    // Prepare
    const w = world();
    w.fake.failNextBuild(['Slot PickupAddress in intent BookCourier has no prompt']);

    // Act
    const failed = await deploy(w);

    // Assess
    expect(failed.error).toMatchObject({ step: 'build-locale', code: 'BuildFailed' });
    expect(failed.error?.message).toContain('Slot PickupAddress in intent BookCourier has no prompt');
    expect(failed.error?.resolution).toMatch(/could not build/);
  });

  it('gives up waiting after the bounded time with a timeout the admin can act on', async () => {
    // Prepare: Lex never finishes creating the bot within 3 polls
    const fake = createAwsFake({ settlePolls: 1000 });
    fake.addFunction(CODE_HOOK_ARN);
    fake.addInstance(INSTANCE_ID);
    const w = createTestEngine(server, fake.handlers, {
      poll: { intervalMs: 10, timeoutMs: 30, sleep: async () => undefined },
    });

    // Act
    const started = await w.engine.start(SETTINGS, ADMIN);
    const failed = await w.engine.whenSettled(started.id);

    // Assess
    expect(failed.error).toMatchObject({ step: 'bot', code: 'ProvisioningTimeout' });
    expect(failed.error?.message).toMatch(/did not finish within .* \(last status Creating\)/);
  });

  it('only retries or rolls back a failed deployment', async () => {
    // Prepare
    const w = world();
    const done = await deploy(w);

    // Act / Assess
    await expect(w.engine.retry(done.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(w.engine.rollback(done.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(w.engine.retry('nope')).rejects.toThrow(/does not exist/);
  });

  it('lets an admin act on a failure as soon as it is stored, though the run has not yet heard back from the store', async () => {
    // Prepare: the store keeps the FAILED record at once but is slow to answer the run that wrote it —
    // the window in which an admin polling getDeployment already reads FAILED.
    const fake = createAwsFake();
    fake.addFunction(CODE_HOOK_ARN);
    fake.addInstance(INSTANCE_ID);
    fake.failNextBuild(['Slot PickupAddress in intent BookCourier has no prompt']);
    const store = createMemoryDeploymentRepository();
    let reply: () => void = () => undefined;
    const replied = new Promise<void>((resolve) => (reply = resolve));
    const slow: DeploymentRepository = {
      ...store,
      async update(deployment, expectedVersion) {
        const stored = await store.update(deployment, expectedVersion);
        if (stored.status === 'FAILED') await replied;
        return stored;
      },
    };
    const w = createTestEngine(server, fake.handlers, { deployments: slow });
    const first = await w.engine.start(SETTINGS, ADMIN);
    while ((await w.engine.get(first.id))?.status !== 'FAILED') await new Promise((r) => setTimeout(r, 1));

    // Act: retry the failed deployment, and start another, before the first run has heard back.
    const retried = await w.engine.retry(first.id);
    reply();
    const afterRetry = await w.engine.whenSettled(first.id);
    const next = await w.engine.start(SETTINGS, ADMIN);
    const nextDone = await w.engine.whenSettled(next.id);

    // Assess: neither was refused as "still running", and whenSettled waited for the retry, not the old run.
    expect(retried.status).toBe('RUNNING');
    expect(afterRetry.status).toBe('SUCCEEDED');
    expect(nextDone.status).toBe('SUCCEEDED');
  });

  it('merges prompt edits into the live prompts and refuses one made over a change its editor did not see', async () => {
    // Prepare: the live bot has an edited goodbye; two starts are sent at once.
    const w = world();
    const prompts = BOT_DEFINITION.prompts.en_US as Record<string, string>;
    await deploy(w, { ...SETTINGS, promptOverrides: { en_US: { goodbye: 'Bye now!' } } });
    w.clock.advance(60_000);
    const edit = (key: string, text: string, was: string) => ({
      ...SETTINGS,
      promptOverrides: { en_US: { [key]: { text, was } } },
    });

    // Act
    const [first, second] = await Promise.allSettled([
      w.engine.start(edit('welcome', 'Hello there.', prompts.welcome!), ADMIN),
      w.engine.start(edit('help', 'I help with parcels.', prompts.help!), ADMIN),
    ]);
    const merged = await w.engine.whenSettled((first as PromiseFulfilledResult<Deployment>).value.id);
    w.clock.advance(60_000);
    const stale = await w.engine.start(edit('welcome', 'Hi.', prompts.welcome!), ADMIN).catch((e: unknown) => e);
    const reset = await deploy(w, edit('goodbye', prompts.goodbye!, 'Bye now!'));

    // Assess
    expect(second.status === 'rejected' && (second.reason as Error).message).toMatch(/being started/);
    expect(merged.settings.promptOverrides).toEqual({ en_US: { goodbye: 'Bye now!', welcome: 'Hello there.' } });
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as Error).message).toContain('"welcome" now says "Hello there."');
    expect(reset.settings.promptOverrides).toEqual({ en_US: { welcome: 'Hello there.' } });
  });
});

describe('planDeployment', () => {
  it('lists every step with what it will do for these settings', () => {
    // Act
    const plan = planDeployment({ ...SETTINGS, botName: 'ParcelBot', voiceId: 'Matthew' });

    // Assess
    expect(plan).toHaveLength(12);
    expect(plan[0]).toEqual({
      key: 'bot-role',
      title: 'Bot IAM role',
      description: 'Use the IAM role ParcelBot-lex-role, creating it if it does not exist',
    });
    expect(plan.map((p) => p.description)).toEqual(
      expect.arrayContaining([
        'Add the en_US locale with the Matthew voice',
        'Create or update the contact flow "ParcelBot inbound" with the agent queue',
      ]),
    );
  });

  it('names the bad field and how to fix it', () => {
    // Act
    const attempt = () => planDeployment({ instanceId: 'abc', botName: 'no spaces allowed', localeId: 'fr_FR' });

    // Assess
    expect(attempt).toThrow(ValidationError);
    try {
      attempt();
    } catch (error) {
      expect((error as ValidationError).issues.map((i) => i.field)).toEqual(['botName', 'localeId']);
      expect((error as ValidationError).message).toMatch(/botName may use letters, digits/);
    }
  });
});
