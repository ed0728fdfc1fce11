// One status update, as the courier makes it: where (confirmed location), a note, and what the status
// needs — proof for a delivery (Req 11.6), a reason and a detailed note for a failure (Req 11.7). It is
// kept on the phone first and sent from the outbox, so it works the same with or without a network.
import { useState, type FormEvent } from 'react';
import { FAILURE_REASONS, type BookingStatus, type FailureReason } from '../../../../core/model';
import type { BookingFields } from '../../../lib/api-types';
import { useSharedDay } from '../hooks/day-context';
import { proofAsked, proofProblem } from '../hooks/proof-rules';
import { useGeolocation } from '../hooks/use-geolocation';
import { useOutbox } from '../hooks/use-outbox';
import { LocationCheck } from './location-check';
import { PhotoCapture } from './photo-capture';
import { SignaturePad } from './signature-pad';
import { statusLabel } from './status-actions';

export const FAILURE_LABEL: Record<FailureReason, string> = {
  RECIPIENT_ABSENT: 'Nobody there to receive it',
  ADDRESS_NOT_FOUND: 'Address not found',
  ACCESS_DENIED: 'Could not get into the building',
  REFUSED_BY_RECIPIENT: 'Recipient refused it',
  DAMAGED: 'Parcel damaged',
  WEATHER_OR_ROAD: 'Weather or road conditions',
  OTHER: 'Something else',
};

const MIN_FAILURE_NOTE = 10;

function stopFor(booking: BookingFields, status: BookingStatus) {
  return status === 'COLLECTED'
    ? { point: booking.pickup.point, label: 'the pickup address' }
    : { point: booking.delivery.point, label: 'the delivery address' };
}

export function UpdateForm({
  booking,
  status,
  onDone,
  onCancel,
}: {
  booking: BookingFields;
  status: BookingStatus;
  onDone: () => void;
  onCancel: () => void;
}) {
  const location = useGeolocation();
  const outbox = useOutbox();
  const { requiredProof } = useSharedDay();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<FailureReason | ''>('');
  const [recipientName, setRecipientName] = useState('');
  const [signature, setSignature] = useState<Blob>();
  const [photo, setPhoto] = useState<Blob>();
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const stop = stopFor(booking, status);

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (location.phase === 'locating') found['location'] = 'Wait for your location, or try again.';
    const missingProof =
      status === 'DELIVERED'
        ? proofProblem(requiredProof, {
            signature: Boolean(signature),
            photo: Boolean(photo),
            recipientName: recipientName.trim() !== '',
          })
        : undefined;
    if (missingProof) found['proof'] = missingProof;
    if (status === 'FAILED_DELIVERY') {
      if (!reason) found['reason'] = 'Choose why the delivery failed.';
      if (note.trim().length < MIN_FAILURE_NOTE) found['note'] = 'Describe what happened (at least a few words).';
    }
    return found;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = check();
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      await outbox.enqueue({
        reference: booking.reference,
        status,
        ...(location.phase === 'fixed'
          ? { location: { lat: location.fix.lat, lng: location.fix.lng, accuracyM: location.fix.accuracyM } }
          : location.phase === 'unavailable'
            ? { locationUnavailable: location.reason }
            : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(status === 'FAILED_DELIVERY' && reason ? { failureReason: reason } : {}),
        ...(status === 'DELIVERED' && recipientName.trim() ? { recipientName: recipientName.trim() } : {}),
        ...(status === 'DELIVERED' && signature ? { signature } : {}),
        ...(status === 'DELIVERED' && photo ? { photo } : {}),
      });
      onDone();
    } catch (error) {
      setProblems({ form: `This phone could not keep the update: ${String(error)}` });
      setSaving(false);
    }
  };

  return (
    <form className="update-form" onSubmit={submit} noValidate data-testid="update-form" data-status={status}>
      <h2 className="update-form__title">{statusLabel(status)}</h2>
      <section className="update-form__section">
        <h3>Your location</h3>
        <LocationCheck state={location} stop={stop.point} stopLabel={stop.label} onRetry={location.retry} />
        {problems['location'] && <p className="form-field__error">{problems['location']}</p>}
      </section>

      {status === 'FAILED_DELIVERY' && (
        <section className="update-form__section">
          <label className="form-field">
            <span className="form-field__label">Why did it fail?</span>
            <select
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value as FailureReason | '')}
              data-testid="failure-reason"
              aria-invalid={problems['reason'] ? true : undefined}
            >
              <option value="">Choose a reason…</option>
              {FAILURE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {FAILURE_LABEL[r]}
                </option>
              ))}
            </select>
          </label>
          {problems['reason'] && <p className="form-field__error">{problems['reason']}</p>}
        </section>
      )}

      {status === 'DELIVERED' && (
        <section className="update-form__section" data-testid="proof-section">
          <h3>Proof of delivery</h3>
          <p className="muted" data-testid="proof-asked">
            {proofAsked(requiredProof)}
          </p>
          <SignaturePad onChange={setSignature} />
          <PhotoCapture onChange={setPhoto} />
          <label className="form-field">
            <span className="form-field__label">Received by</span>
            <input
              value={recipientName}
              onChange={(e) => setRecipientName(e.currentTarget.value)}
              placeholder="Name of the person who took it"
              autoComplete="off"
              maxLength={100}
              data-testid="recipient-name"
            />
          </label>
          {problems['proof'] && (
            <p className="form-field__error" data-testid="proof-problem">
              {problems['proof']}
            </p>
          )}
        </section>
      )}

      <section className="update-form__section">
        <label className="form-field">
          <span className="form-field__label">
            {status === 'FAILED_DELIVERY' ? 'What happened (required)' : 'Note (optional)'}
          </span>
          <textarea
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            rows={3}
            maxLength={500}
            data-testid="update-note"
            aria-invalid={problems['note'] ? true : undefined}
          />
        </label>
        {problems['note'] && <p className="form-field__error">{problems['note']}</p>}
      </section>

      {problems['form'] && (
        <p className="form-field__error" role="alert">
          {problems['form']}
        </p>
      )}
      <div className="update-form__actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Back
        </button>
        <button type="submit" className="button button--primary" disabled={saving} data-testid="confirm-update">
          {outbox.online ? 'Confirm' : 'Confirm (sends when online)'}
        </button>
      </div>
    </form>
  );
}
