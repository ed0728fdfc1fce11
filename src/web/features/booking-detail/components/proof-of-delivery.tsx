// Proof of delivery as recorded by the courier: who received the parcel, the signature and the doorstep
// photo, shown from the proof-of-delivery bucket through short-lived links.
import { useState } from 'react';
import { ProblemNotice } from '../../../components/problem-notice';
import type { StatusEventFields } from '../../../lib/api-types';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { ProofImagesState } from '../hooks/use-proof-images';
import './proof-of-delivery.css';

/** The latest event that carried proof (a re-delivery replaces an earlier attempt's). */
export function latestProof(history: StatusEventFields[]): StatusEventFields | undefined {
  return [...history].reverse().find((event) => event.proof);
}

type ImageKind = 'signature' | 'photo';

/** A new link remounts this (keyed by URL), so a retry starts from a clean slate. */
function ProofPicture({ kind, url, alt, onRetry }: { kind: ImageKind; url: string; alt: string; onRetry: () => void }) {
  const [broken, setBroken] = useState(false);
  if (broken) {
    return (
      <div className="proof-image proof-image--broken" role="alert" data-testid={`proof-${kind}-broken`}>
        <span>The {kind} could not be shown; its link may have expired.</span>
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <img
      className="proof-image"
      src={url}
      alt={alt}
      data-testid={`proof-${kind}`}
      onError={() => {
        console.warn(`[problem] the ${kind} image did not load`, url.split('?')[0]);
        setBroken(true);
      }}
    />
  );
}

function ProofImage({
  kind,
  url,
  alt,
  state,
}: {
  kind: ImageKind;
  url: string | null | undefined;
  alt: string;
  state: ProofImagesState;
}) {
  if (state.phase === 'error') return <ProblemNotice error={state.error} onRetry={state.retry} compact />;
  if (!url) return <span className="muted">Loading the {kind}…</span>;
  return <ProofPicture key={url} kind={kind} url={url} alt={alt} onRetry={state.retry} />;
}

export function ProofOfDelivery({ history, images }: { history: StatusEventFields[]; images: ProofImagesState }) {
  const calendar = useCompanyCalendar();
  const event = latestProof(history);
  if (!event?.proof) {
    return (
      <p className="muted" data-testid="proof-of-delivery">
        No proof of delivery yet.
      </p>
    );
  }
  const { recipientName, signatureKey, photoKey } = event.proof;
  // The links belong to this proof only once they were fetched for it (a delivery may just have been recorded).
  const links = images.images?.at === event.at ? images.images : null;
  return (
    <dl className="fields" data-testid="proof-of-delivery">
      <div className="field">
        <dt>Received by</dt>
        <dd>{recipientName ?? <span className="muted">Not recorded</span>}</dd>
      </div>
      <div className="field">
        <dt>Recorded</dt>
        <dd>{calendar.formatDateTime(event.at)}</dd>
      </div>
      <div className="field">
        <dt>Signature</dt>
        <dd>
          {signatureKey ? (
            <ProofImage
              kind="signature"
              url={links?.signatureUrl}
              alt={recipientName ? `Signature of ${recipientName}` : 'Signature of the recipient'}
              state={images}
            />
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
      </div>
      <div className="field">
        <dt>Photo</dt>
        <dd>
          {photoKey ? (
            <ProofImage kind="photo" url={links?.photoUrl} alt="Photo taken at delivery" state={images} />
          ) : (
            <span className="muted">None</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
