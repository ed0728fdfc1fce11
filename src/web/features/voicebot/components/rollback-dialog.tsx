// Asks before a rollback: it deletes what this deployment created (listed), and puts back what it changed.
import { useEffect, useRef, useState } from 'react';
import { ProblemNotice } from '../../../components/problem-notice';
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
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const created = createdResources(deployment);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const confirm = () => {
    setBusy(true);
    setFailure(null);
    onConfirm().then(
      () => onClose(),
      (error: unknown) => {
        setBusy(false);
        setFailure(error);
      },
    );
  };

  return (
    <dialog
      ref={dialog}
      className="vb-dialog"
      aria-labelledby="vb-rollback-title"
      aria-describedby="vb-rollback-text"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      data-testid="rollback-dialog"
    >
      <h2 id="vb-rollback-title" className="vb-dialog__title">
        Roll back this deployment?
      </h2>
      <p id="vb-rollback-text" className="vb-dialog__text">
        This deletes what this deployment created in AWS, newest first, and puts back what it changed (the alias&apos;s
        previous version, the contact flow&apos;s previous content). Resources that were already there before it started
        are kept.
        {created.length === 0 ? ' It created nothing, so only changes are put back.' : ` It created ${created.length}:`}
      </p>
      {created.length > 0 && (
        <ul className="vb-dialog__list">
          {created.slice(0, LISTED).map((r) => (
            <li key={`${r.kind}:${r.id}`}>
              {resourceKindName(r.kind)} <strong>{r.name}</strong>
            </li>
          ))}
          {created.length > LISTED && <li className="muted">and {created.length - LISTED} more</li>}
        </ul>
      )}
      {failure !== null && <ProblemNotice compact error={failure} />}
      <div className="vb-dialog__actions">
        <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={confirm}
          disabled={busy}
          data-testid="rollback-confirm"
        >
          {busy ? 'Starting rollback…' : 'Roll back'}
        </button>
      </div>
    </dialog>
  );
}
