// Proof of delivery as recorded by the courier: who received the parcel and the stored signature and photo.
import type { StatusEventFields } from '../../../lib/api-types';
import { formatDateTime } from '../../../lib/date-format';

/** The latest event that carried proof (a re-delivery replaces an earlier attempt's). */
export function latestProof(history: StatusEventFields[]): StatusEventFields | undefined {
  return [...history].reverse().find((event) => event.proof);
}

export function ProofOfDelivery({ history }: { history: StatusEventFields[] }) {
  const event = latestProof(history);
  if (!event?.proof) {
    return (
      <p className="muted" data-testid="proof-of-delivery">
        No proof of delivery yet.
      </p>
    );
  }
  const { recipientName, signatureKey, photoKey } = event.proof;
  return (
    <dl className="fields" data-testid="proof-of-delivery">
      <div className="field">
        <dt>Received by</dt>
        <dd>{recipientName ?? <span className="muted">Not recorded</span>}</dd>
      </div>
      <div className="field">
        <dt>Recorded</dt>
        <dd>{formatDateTime(event.at)}</dd>
      </div>
      <div className="field">
        <dt>Signature</dt>
        <dd>
          {signatureKey ? (
            <code title="Stored signature image">{signatureKey}</code>
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
      </div>
      <div className="field">
        <dt>Photo</dt>
        <dd>
          {photoKey ? <code title="Stored delivery photo">{photoKey}</code> : <span className="muted">None</span>}
        </dd>
      </div>
    </dl>
  );
}
