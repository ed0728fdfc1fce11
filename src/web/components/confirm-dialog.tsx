// Asks before an action that cannot simply be taken back (revoking a token, rolling back a deployment):
// a modal dialog that runs the action, stays open with the problem if it fails, and closes when it is done.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ProblemNotice } from './problem-notice';

export type ConfirmDialogProps = {
  title: ReactNode;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  testId: string;
  confirmTestId: string;
};

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, busyLabel, onConfirm, onClose, testId, confirmTestId } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const id = useId();

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
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      data-testid={testId}
    >
      <h2 id={`${id}-title`} className="confirm-dialog__title">
        {title}
      </h2>
      <div id={`${id}-text`} className="confirm-dialog__text">
        {children}
      </div>
      {failure !== null && <ProblemNotice compact error={failure} />}
      <div className="confirm-dialog__actions">
        <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={confirm}
          disabled={busy}
          data-testid={confirmTestId}
        >
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
