// Asks before revoking a token: revocation cannot be undone, and the partner's integration stops.
import { ConfirmDialog } from '../../../components/confirm-dialog';
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
  return (
    <ConfirmDialog
      title={`Revoke “${token.name}”?`}
      confirmLabel="Revoke token"
      busyLabel="Revoking…"
      onConfirm={onConfirm}
      onClose={onClose}
      testId="revoke-dialog"
      confirmTestId="revoke-confirm"
    >
      <p>
        Calls from {partnerName} with this token (<span className="mono">{token.tokenId}</span>) will be refused within{' '}
        {REVOCATION_DELAY_SECONDS} seconds, through MCP and GraphQL alike. This cannot be undone: to reconnect, the
        partner needs a new token.
      </p>
    </ConfirmDialog>
  );
}
