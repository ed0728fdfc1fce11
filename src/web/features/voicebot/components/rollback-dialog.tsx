// Asks before a rollback: it deletes what this deployment created (listed), and puts back what it changed.
import { ConfirmDialog } from '../../../components/confirm-dialog';
import type { DeploymentFields } from '../api/voicebot-api';
import { createdResources, resourceKindName } from '../hooks/deployment-view';

export type RollbackDialogProps = {
  deployment: DeploymentFields;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
};

/** Enough to see what goes; the rest is counted. */
const LISTED = 8;

export function RollbackDialog({ deployment, onConfirm, onClose }: RollbackDialogProps) {
  const created = createdResources(deployment);
  return (
    <ConfirmDialog
      title="Roll back this deployment?"
      confirmLabel="Roll back"
      busyLabel="Starting rollback…"
      onConfirm={onConfirm}
      onClose={onClose}
      testId="rollback-dialog"
      confirmTestId="rollback-confirm"
    >
      <p>
        This deletes what this deployment created in AWS, newest first, and puts back what it changed (the alias&apos;s
        previous version, the contact flow&apos;s previous content). Resources that were already there before it started
        are kept.
        {created.length === 0 ? ' It created nothing, so only changes are put back.' : ` It created ${created.length}:`}
      </p>
      {created.length > 0 && (
        <ul className="confirm-dialog__list">
          {created.slice(0, LISTED).map((r) => (
            <li key={`${r.kind}:${r.id}`}>
              {resourceKindName(r.kind)} <strong>{r.name}</strong>
            </li>
          ))}
          {created.length > LISTED && <li className="muted">and {created.length - LISTED} more</li>}
        </ul>
      )}
    </ConfirmDialog>
  );
}
