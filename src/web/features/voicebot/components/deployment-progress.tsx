// A deployment as it runs: its status, each provisioning step with its icon, detail, timing and the AWS
// resources it touched, and on failure the error with retry and rollback (whose progress shows here too).
import { useState } from 'react';
import { Loading, EmptyState } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { useNow } from '../../../lib/use-now';
import type { DeploymentFields, DeploymentStepFields } from '../api/voicebot-api';
import {
  DEPLOYMENT_LOOK,
  isSettled,
  resourceAction,
  resourceKindName,
  stepDuration,
  stepLook,
  summariseResources,
} from '../hooks/deployment-view';
import type { DeploymentState } from '../hooks/use-deployment';
import { DeploymentFailure } from './deployment-failure';
import { DeploymentStatusBadge } from './deployment-status-badge';
import { RollbackDialog } from './rollback-dialog';

/** Above this many, a step's resources fold into a summary line (the intents step touches dozens). */
const RESOURCES_SHOWN = 6;

function StepResources({ step }: { step: DeploymentStepFields }) {
  if (step.resources.length === 0) return null;
  const chips = (
    <ul className="vb-step__resources" aria-label={`Resources of ${step.title}`}>
      {step.resources.map((r) => (
        <li key={`${r.kind}:${r.id}`} className="vb-resource" data-action={resourceAction(r)}>
          <span className="vb-resource__action">{resourceAction(r)}</span> {resourceKindName(r.kind)}{' '}
          <span className="mono">{r.name}</span>
        </li>
      ))}
    </ul>
  );
  if (step.resources.length <= RESOURCES_SHOWN) return chips;
  return (
    <details className="vb-step__more">
      <summary>
        {step.resources.length} resources: {summariseResources(step.resources)}
      </summary>
      {chips}
    </details>
  );
}

function StepRow({ step, deployment, now }: { step: DeploymentStepFields; deployment: DeploymentFields; now: Date }) {
  const look = stepLook(step, deployment.status);
  const duration = stepDuration(step, now);
  return (
    <li
      className="vb-step"
      data-tone={look.tone}
      data-testid="deployment-step"
      data-step={step.key}
      data-status={step.status}
    >
      <span className="vb-step__icon" aria-hidden="true">
        {look.icon}
      </span>
      <div className="vb-step__body">
        <div className="vb-step__head">
          <span className="vb-step__title">{step.title}</span>
          <span className="vb-step__state">
            {look.label}
            {duration && <span className="vb-step__time"> · {duration}</span>}
          </span>
        </div>
        {step.detail && <p className="vb-step__detail">{step.detail}</p>}
        {step.error && (
          <p className="vb-step__error">
            <code>{step.error.code}</code> {step.error.message}
          </p>
        )}
        <StepResources step={step} />
      </div>
    </li>
  );
}

export function DeploymentSteps({ deployment }: { deployment: DeploymentFields }) {
  const now = useNow(isSettled(deployment.status) ? 60_000 : 1000);
  return (
    <ol className="vb-steps" data-testid="deployment-steps">
      {deployment.steps.map((step) => (
        <StepRow key={step.key} step={step} deployment={deployment} now={now} />
      ))}
    </ol>
  );
}

export function DeploymentProgress({ state }: { state: DeploymentState }) {
  const calendar = useCompanyCalendar();
  const [confirming, setConfirming] = useState(false);
  const [acting, setActing] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const { deployment } = state;

  if (state.phase === 'loading') return <Loading label="Loading the deployment…" />;
  if (state.phase === 'error') return <ProblemNotice error={state.error} onRetry={state.reload} />;
  if (state.phase === 'missing' || !deployment) {
    return (
      <EmptyState title="No such deployment.">
        It may have been made in another environment. Open the voicebot overview to see the history.
      </EmptyState>
    );
  }

  const retry = () => {
    setActing(true);
    setActionError(null);
    state.retry().then(
      () => setActing(false),
      (error: unknown) => {
        setActing(false);
        setActionError(error);
      },
    );
  };

  const done = deployment.steps.filter((s) => s.status === 'SUCCEEDED').length;
  const look = DEPLOYMENT_LOOK[deployment.status];
  return (
    <div
      className="vb-progress"
      data-testid="deployment-progress"
      data-status={deployment.status}
      data-deployment-id={deployment.id}
    >
      <div className="vb-progress__summary">
        <DeploymentStatusBadge status={deployment.status} testId="deployment-status" />
        <span className="vb-progress__text">{look.summary}</span>
        <span className="vb-progress__count muted">
          {done} of {deployment.steps.length} steps done · started {calendar.formatDateTime(deployment.createdAt)}
        </span>
      </div>
      {!isSettled(deployment.status) && (
        <div
          className="vb-progress__bar"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={deployment.steps.length}
          aria-valuenow={done}
        >
          <span style={{ width: `${(100 * done) / Math.max(1, deployment.steps.length)}%` }} />
        </div>
      )}
      {state.subscriptionError !== null && !isSettled(deployment.status) && (
        <p className="vb-note" data-testid="deployment-polling">
          Live updates are unavailable; this page checks for progress every few seconds instead.
        </p>
      )}
      <DeploymentFailure deployment={deployment} busy={acting} onRetry={retry} onRollBack={() => setConfirming(true)} />
      {actionError !== null && <ProblemNotice compact error={actionError} />}
      <DeploymentSteps deployment={deployment} />
      {confirming && (
        <RollbackDialog deployment={deployment} onConfirm={state.rollBack} onClose={() => setConfirming(false)} />
      )}
    </div>
  );
}
