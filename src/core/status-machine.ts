// The delivery lifecycle: which status may follow which, and what each change must carry.
import { ConflictError, ValidationError } from './errors';
import type {
  Actor,
  Booking,
  BookingStatus,
  DeliveryProof,
  FailureReason,
  GeoPoint,
  LocationUnavailableReason,
  ProofRequirement,
  StatusEvent,
} from './model';

const NEXT: Readonly<Record<BookingStatus, readonly BookingStatus[]>> = {
  BOOKED: ['COLLECTED', 'CANCELLED'],
  COLLECTED: ['IN_TRANSIT'],
  IN_TRANSIT: ['OUT_FOR_DELIVERY'],
  OUT_FOR_DELIVERY: ['DELIVERED', 'FAILED_DELIVERY'],
  FAILED_DELIVERY: ['OUT_FOR_DELIVERY', 'RETURNED'],
  DELIVERED: [],
  RETURNED: [],
  CANCELLED: [],
};

const LABEL: Readonly<Record<BookingStatus, string>> = {
  BOOKED: 'booked',
  COLLECTED: 'collected',
  IN_TRANSIT: 'in transit',
  OUT_FOR_DELIVERY: 'out for delivery',
  DELIVERED: 'delivered',
  FAILED_DELIVERY: 'delivery failed',
  RETURNED: 'returned to sender',
  CANCELLED: 'cancelled',
};

/** Plain words for a status, for messages and voice prompts. */
export function describeStatus(status: BookingStatus): string {
  return LABEL[status];
}

export function allowedNext(status: BookingStatus): readonly BookingStatus[] {
  return NEXT[status];
}

/** Terminal bookings never change again: no reassignment, no status change. */
export function isTerminal(status: BookingStatus): boolean {
  return NEXT[status].length === 0;
}

export type StatusChange = {
  to: BookingStatus;
  actor: Actor;
  location?: GeoPoint;
  locationAccuracyM?: number;
  locationUnavailable?: LocationUnavailableReason;
  note?: string;
  proof?: DeliveryProof;
  /**
   * The proof the company requires of every delivery; each listed kind must be there. Empty or absent: any one
   * of a signature, a photo or the recipient's name.
   */
  requiredProof?: readonly ProofRequirement[];
  failureReason?: FailureReason;
  /** When the change reached the system, if later than when it happened. */
  receivedAt?: Date;
  updateId?: string;
};

function hasText(s: string | undefined): s is string {
  return s !== undefined && s.trim().length > 0;
}

function proofOf(proof: DeliveryProof | undefined): DeliveryProof | undefined {
  if (!proof) return undefined;
  const kept: DeliveryProof = {};
  if (hasText(proof.signatureKey)) kept.signatureKey = proof.signatureKey.trim();
  if (hasText(proof.photoKey)) kept.photoKey = proof.photoKey.trim();
  if (hasText(proof.recipientName)) kept.recipientName = proof.recipientName.trim();
  return Object.keys(kept).length > 0 ? kept : undefined;
}

const PROOF_FIELD: Record<ProofRequirement, keyof DeliveryProof> = {
  SIGNATURE: 'signatureKey',
  PHOTO: 'photoKey',
  RECIPIENT_NAME: 'recipientName',
};
const PROOF_WORDS: Record<ProofRequirement, string> = {
  SIGNATURE: 'a signature',
  PHOTO: 'a photo',
  RECIPIENT_NAME: 'the recipient’s name',
};

/** The required kinds of proof a delivery's proof lacks, in the order the company listed them. */
export function missingProof(
  required: readonly ProofRequirement[],
  proof: DeliveryProof | undefined,
): ProofRequirement[] {
  return required.filter((kind) => !hasText(proof?.[PROOF_FIELD[kind]]));
}

/** "a signature", "a signature and a photo", "a signature, a photo and the recipient’s name". */
export function describeProof(kinds: readonly ProofRequirement[]): string {
  const words = kinds.map((k) => PROOF_WORDS[k]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * Applies one status change and records it in the audit trail. Pure: returns a new booking and leaves
 * storing it (with optimistic locking) to the caller.
 */
export function transition(booking: Booking, change: StatusChange, at: Date): Booking {
  const from = booking.status;
  const allowed = NEXT[from];
  if (!allowed.includes(change.to)) {
    const resolution =
      allowed.length === 0
        ? `This booking is ${LABEL[from]}, which is final; it cannot change any more.`
        : `From ${from} the booking can only move to ${allowed.join(' or ')}.`;
    throw new ConflictError(`Booking ${booking.reference} cannot go from ${from} to ${change.to}.`, { resolution });
  }

  const event: StatusEvent = { status: change.to, at: at.toISOString(), actor: change.actor };
  if (change.location) {
    event.location = { lat: change.location.lat, lng: change.location.lng };
    if (change.locationAccuracyM !== undefined) event.locationAccuracyM = change.locationAccuracyM;
  } else if (change.locationUnavailable) {
    event.locationUnavailable = change.locationUnavailable;
  }
  if (change.receivedAt) event.receivedAt = change.receivedAt.toISOString();
  if (change.updateId) event.updateId = change.updateId;
  if (hasText(change.note)) event.note = change.note.trim();

  if (change.to === 'DELIVERED') {
    const proof = proofOf(change.proof);
    const missing = missingProof(change.requiredProof ?? [], proof);
    if (missing.length > 0) {
      throw new ValidationError(
        `This company requires ${describeProof(change.requiredProof!)} for every delivery; missing: ${describeProof(missing)}.`,
        {
          field: `proof.${PROOF_FIELD[missing[0]!]}`,
          resolution: `Add ${describeProof(missing)}, then mark it delivered.`,
        },
      );
    }
    if (!proof) {
      throw new ValidationError('A delivery needs proof: a signature, a photo or the name of the person who took it.', {
        field: 'proof',
        resolution: 'Capture a signature or a photo, or enter the recipient’s name, then mark it delivered.',
      });
    }
    event.proof = proof;
  }

  if (change.to === 'FAILED_DELIVERY') {
    if (!change.failureReason) {
      throw new ValidationError('Say why the delivery failed: choose a failure reason.', {
        field: 'failureReason',
        resolution: 'Pick one of the failure reasons, e.g. RECIPIENT_ABSENT.',
      });
    }
    if (change.failureReason === 'OTHER' && !hasText(change.note)) {
      throw new ValidationError('A failure reason of OTHER needs a note explaining what happened.', {
        field: 'note',
        resolution: 'Add a short note, e.g. "gate locked, no buzzer".',
      });
    }
    event.failureReason = change.failureReason;
  }

  return {
    ...booking,
    status: change.to,
    history: [...booking.history, event],
    updatedAt: event.receivedAt ?? event.at,
  };
}
