// Asks before revoking a token: revocation cannot be undone, and the partner's integration stops.
import { useEffect, useRef, useState } from 'react';
import { ProblemNotice } from '../../../components/problem-notice';
import type { PartnerTokenFields } from '../api/partners-api';

export type RevokeTokenDialogProps = {
  token: PartnerTokenFields;
  partnerName: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
};

/** How long an authorization may stay cached after revocation (the API's authorizer TTL). */
const REVOCATION_DELAY_SECONDS = 30;

export function RevokeTokenDialog({ token, partnerName, onConfirm, onClose }: RevokeTokenDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

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
      aria-labelledby="revoke-title"
      aria-describedby="revoke-text"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      data-testid="revoke-dialog"
    >
      <h2 id="revoke-title" className="confirm-dialog__title">
        Revoke “{token.name}”?
      </h2>
      <p id="revoke-text" className="confirm-dialog__text">
        Calls from {partnerName} with this token (<span className="mono">{token.tokenId}</span>) will be refused within{' '}
        {REVOCATION_DELAY_SECONDS} seconds, through MCP and GraphQL alike. This cannot be undone: to reconnect, the
        partner needs a new token.
      </p>
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
          data-testid="revoke-confirm"
        >
          {busy ? 'Revoking…' : 'Revoke token'}
        </button>
      </div>
    </dialog>
  );
}
