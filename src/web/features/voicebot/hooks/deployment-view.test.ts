import { describe, expect, it } from 'vitest';
import { makeDeployment, makeStep, makeSteps } from '../testing/deployment-factory';
import {
  canRetry,
  canRollBack,
  createdResources,
  failedStep,
  formatDuration,
  isSettled,
  newerDeployment,
  resourceAction,
  stepDuration,
  stepLook,
  summariseResources,
} from './deployment-view';

const failure = (phase: 'deploy' | 'rollback') => ({
  step: 'intents',
  code: 'AccessDeniedException',
  message: 'User is not authorized to perform lex:CreateIntent',
  resolution: 'Give the provisioner lex:CreateIntent.',
  phase,
  at: '2025-03-03T10:00:02.000Z',
});

describe('newerDeployment', () => {
  it('keeps the higher version whichever arrives last', () => {
    // Prepare
    const older = makeDeployment({ status: 'RUNNING', version: 5 });
    const newer = makeDeployment({ status: 'SUCCEEDED', version: 9 });

    // Act
    const afterLatePoll = newerDeployment(newer, older);
    const afterPush = newerDeployment(older, newer);

    // Assess
    expect(afterLatePoll.version).toBe(9);
    expect(afterPush.version).toBe(9);
  });

  it('takes another deployment outright', () => {
    // Prepare
    const shown = makeDeployment({ id: 'a', version: 9 });
    const other = makeDeployment({ id: 'b', version: 1 });

    // Act
    const result = newerDeployment(shown, other);

    // Assess
    expect(result.id).toBe('b');
  });
});

describe('retry and rollback', () => {
  it('offers both after a failed deploy, and only rolling back again after a failed rollback', () => {
    // Prepare
    const failedDeploy = makeDeployment({ status: 'FAILED', steps: makeSteps(4, 'FAILED'), error: failure('deploy') });
    const failedRollback = makeDeployment({
      status: 'FAILED',
      steps: makeSteps(4, 'FAILED'),
      error: failure('rollback'),
    });
    const running = makeDeployment({ status: 'RUNNING', steps: makeSteps(4, 'RUNNING') });

    // Act
    const offers = [failedDeploy, failedRollback, running].map((d) => [canRetry(d), canRollBack(d)]);

    // Assess
    expect(offers).toEqual([
      [true, true],
      [false, true],
      [false, false],
    ]);
    expect(failedStep(failedDeploy)?.key).toBe('intents');
    expect(isSettled('FAILED')).toBe(true);
    expect(isSettled('ROLLING_BACK')).toBe(false);
  });
});

describe('timing', () => {
  it('formats short and long durations, and a running step against the clock', () => {
    // Prepare
    const running = makeStep('build-locale', 'RUNNING', { startedAt: '2025-03-03T10:00:00.000Z' });
    const now = new Date('2025-03-03T10:02:05.000Z');

    // Act
    const texts = [formatDuration(800), formatDuration(12_400), formatDuration(120_000), stepDuration(running, now)];

    // Assess
    expect(texts).toEqual(['0.8 s', '12 s', '2 min', '2 min 5 s']);
    expect(stepDuration(makeStep('bot', 'PENDING'), now)).toBeUndefined();
    expect(stepDuration({ ...running, status: 'ROLLED_BACK', endedAt: now.toISOString() }, now)).toBeUndefined();
  });
});

describe('resources', () => {
  it('lists what the deployment created and not yet removed, and says what happened to each', () => {
    // Prepare
    const bot = {
      kind: 'lexBot',
      name: 'CourierVoicebot',
      id: 'BOT1',
      arn: null,
      created: true,
      updated: null,
      rolledBack: null,
    };
    const alias = {
      kind: 'lexBotAlias',
      name: 'live',
      id: 'AL1',
      arn: null,
      created: false,
      updated: true,
      rolledBack: null,
    };
    const role = {
      kind: 'iamRole',
      name: 'CourierVoicebot-lex-role',
      id: 'r',
      arn: null,
      created: true,
      updated: null,
      rolledBack: true,
    };
    const deployment = makeDeployment({
      steps: [
        makeStep('bot-role', 'ROLLED_BACK', { resources: [role] }),
        makeStep('bot', 'SUCCEEDED', { resources: [bot] }),
        makeStep('bot-alias', 'SUCCEEDED', { resources: [alias] }),
      ],
    });

    // Act
    const created = createdResources(deployment);

    // Assess
    expect(created.map((r) => r.id)).toEqual(['BOT1']);
    expect([bot, alias, role].map(resourceAction)).toEqual(['created', 'updated', 'removed']);
    expect(summariseResources([role, bot, alias, bot])).toBe('2 created, 1 updated, 1 removed');
  });
});

describe('stepLook', () => {
  it('shows a step a rolled-back deployment never reached as not run, and a failed one as waiting for retry', () => {
    // Prepare
    const pending = makeStep('contact-flow', 'PENDING');

    // Act
    const labels = [stepLook(pending, 'ROLLED_BACK').label, stepLook(pending, 'FAILED').label];

    // Assess
    expect(labels).toEqual(['Not run', 'Waiting']);
    expect(stepLook(makeStep('bot', 'ROLLED_BACK'), 'ROLLED_BACK').label).toBe('Undone');
  });
});
