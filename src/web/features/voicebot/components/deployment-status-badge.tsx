// A deployment's status as a coloured badge, in the admin's words ("Live", "Rolling back").
import type { DeploymentStatus } from '../../../../generated/graphql';
import { DEPLOYMENT_LOOK } from '../hooks/deployment-view';

export type DeploymentStatusBadgeProps = {
  status: DeploymentStatus;
  /** A succeeded deployment a later one replaced: no longer what callers reach, so not "Live". */
  replaced?: boolean;
  testId?: string;
};

export function DeploymentStatusBadge({ status, replaced = false, testId }: DeploymentStatusBadgeProps) {
  const look = DEPLOYMENT_LOOK[status];
  const superseded = replaced && status === 'SUCCEEDED';
  return (
    <span
      className="vb-status"
      data-tone={superseded ? 'replaced' : look.tone}
      data-status={status}
      data-testid={testId}
      title={superseded ? 'A later deployment replaced it.' : undefined}
    >
      <span className="vb-status__dot" aria-hidden="true" />
      {superseded ? 'Succeeded' : look.label}
    </span>
  );
}
