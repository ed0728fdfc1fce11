// Component-level: the failure panel, the rollback confirmation and the step list rendered to HTML, so the
// retry/rollback UI is covered without injecting a failure into a running stack.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { makeDeployment, makeStep, makeSteps } from '../testing/deployment-factory';
import { DeploymentFailure } from './deployment-failure';
import { DeploymentSteps } from './deployment-progress';
import { RollbackDialog } from './rollback-dialog';

const noop = () => undefined;

const failedAt = (phase: 'deploy' | 'rollback') =>
  makeDeployment({
    status: 'FAILED',
    steps: makeSteps(4, 'FAILED').map((s) =>
      s.key === 'intents'
        ? { ...s, error: { code: 'AccessDeniedException', message: 'not authorized', resolution: 'r', phase, at: 'x' } }
        : s,
    ),
    error: {
      step: 'intents',
      code: 'AccessDeniedException',
      message: 'User is not authorized to perform lex:CreateIntent',
      resolution: 'Give the provisioning role lex:CreateIntent, then retry.',
      phase,
      at: '2025-03-03T10:00:02.000Z',
    },
  });

describe('DeploymentFailure', () => {
  it('shows the AWS code and message, the resolution, and both ways on', () => {
    // Prepare
    const deployment = failedAt('deploy');

    // Act
    const html = renderToStaticMarkup(
      createElement(DeploymentFailure, { deployment, busy: false, onRetry: noop, onRollBack: noop }),
    );

    // Assess
    expect(html).toContain('The deployment stopped at “Intents”');
    expect(html).toContain('AccessDeniedException');
    expect(html).toContain('User is not authorized to perform lex:CreateIntent');
    expect(html).toContain('Give the provisioning role lex:CreateIntent, then retry.');
    expect(html).toContain('Retry from this step');
    expect(html).toContain('data-testid="deployment-rollback"');
  });

  it('after a failed rollback offers only rolling back again', () => {
    // Prepare
    const deployment = failedAt('rollback');

    // Act
    const html = renderToStaticMarkup(
      createElement(DeploymentFailure, { deployment, busy: false, onRetry: noop, onRollBack: noop }),
    );

    // Assess
    expect(html).toContain('The rollback stopped');
    expect(html).not.toContain('Retry from this step');
    expect(html).toContain('Roll back again');
  });

  it('shows nothing while the deployment is running', () => {
    // Prepare
    const deployment = makeDeployment({ status: 'RUNNING', steps: makeSteps(3, 'RUNNING') });

    // Act
    const html = renderToStaticMarkup(
      createElement(DeploymentFailure, { deployment, busy: false, onRetry: noop, onRollBack: noop }),
    );

    // Assess
    expect(html).toBe('');
  });
});

describe('RollbackDialog', () => {
  it('explains that it deletes what this deployment created, and lists it', () => {
    // Prepare
    const bot = {
      kind: 'lexBot',
      name: 'CourierVoicebot',
      id: 'B1',
      arn: null,
      created: true,
      updated: null,
      rolledBack: null,
    };
    const found = {
      kind: 'iamRole',
      name: 'existing-role',
      id: 'R1',
      arn: null,
      created: false,
      updated: null,
      rolledBack: null,
    };
    const deployment = {
      ...failedAt('deploy'),
      steps: [
        makeStep('bot-role', 'SUCCEEDED', { resources: [found] }),
        makeStep('bot', 'SUCCEEDED', { resources: [bot] }),
      ],
    };

    // Act
    const html = renderToStaticMarkup(
      createElement(RollbackDialog, { deployment, onConfirm: async () => undefined, onClose: noop }),
    );

    // Assess
    expect(html).toContain('This deletes what this deployment created');
    expect(html).toContain('Lex bot <strong>CourierVoicebot</strong>');
    expect(html).not.toContain('existing-role');
  });
});

describe('DeploymentSteps', () => {
  it('shows every step with its status, detail and timing', () => {
    // Prepare
    const deployment = makeDeployment({ status: 'FAILED', steps: makeSteps(2, 'FAILED') });

    // Act
    const html = renderToStaticMarkup(createElement(DeploymentSteps, { deployment }));

    // Assess
    expect(html.match(/data-testid="deployment-step"/g)).toHaveLength(12);
    expect(html).toContain('data-step="bot-locale" data-status="FAILED"');
    expect(html).toContain('Done<span class="vb-step__time"> · 1.5 s</span>');
    expect(html).toContain('created');
  });
});
