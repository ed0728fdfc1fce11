// What stopped a deployment, as AWS said it and in plain words, and the two ways on: retry from the failed
// step once the cause is fixed, or roll back what this deployment created.
import type { DeploymentFields } from '../api/voicebot-api';
import { canRetry, canRollBack, failedStep } from '../hooks/deployment-view';

export type DeploymentFailureProps = {
  deployment: DeploymentFields;
  busy: boolean;
  onRetry: () => void;
  onRollBack: () => void;
};

export function DeploymentFailure({ deployment, busy, onRetry, onRollBack }: DeploymentFailureProps) {
  const error = deployment.error;
  if (deployment.status !== 'FAILED' || !error) return null;
  const step = failedStep(deployment);
  const inRollback = error.phase === 'rollback';
  return (
    <section className="vb-failure" role="alert" aria-labelledby="vb-failure-title" data-testid="deployment-failure">
      <h2 id="vb-failure-title" className="vb-failure__title">
        {inRollback ? 'The rollback stopped' : 'The deployment stopped'}
        {step ? ` at “${step.title}”` : ''}
      </h2>
      <dl className="vb-failure__facts">
        <dt>AWS said</dt>
        <dd>
          <code className="vb-failure__code" data-testid="deployment-error-code">
            {error.code}
          </code>{' '}
          <span data-testid="deployment-error-message">{error.message}</span>
        </dd>
        <dt>What to do</dt>
        <dd data-testid="deployment-error-resolution">{error.resolution}</dd>
      </dl>
      <div className="vb-failure__actions">
        {canRetry(deployment) && (
          <button
            type="button"
            className="button button--primary"
            onClick={onRetry}
            disabled={busy}
            data-testid="deployment-retry"
          >
            Retry from this step
          </button>
        )}
        {canRollBack(deployment) && (
          <button
            type="button"
            className={inRollback ? 'button button--primary' : 'button button--danger-quiet'}
            onClick={onRollBack}
            disabled={busy}
            data-testid="deployment-rollback"
          >
            {inRollback ? 'Roll back again' : 'Roll back'}
          </button>
        )}
      </div>
      <p className="vb-failure__hint">
        {inRollback
          ? 'Some of what this deployment created is still there. Fix the cause above, then roll back again to finish.'
          : 'Retry carries on from the failed step and keeps what the earlier steps did. Roll back deletes what this deployment created and puts back what it changed.'}
      </p>
    </section>
  );
}
