// The proof the company requires of every delivery (set by an admin), as the phone knows it: asked for when the
// app opens and kept on the phone, so a delivery made with no network is checked against the last known rule.
// The server checks again; an update it refuses for missing proof shows up as a refused update to redo.
import { useEffect, useState } from 'react';
import { RequiredProofDocument, type ProofRequirement } from '../../../../generated/graphql';
import { describeProof, missingProof } from '../../../../core/status-machine';
import { runOperation } from '../../../lib/graphql-client';

export type ProofGiven = { signature: boolean; photo: boolean; recipientName: boolean };

/** What to tell the courier before a delivery is kept: undefined when the proof given is enough. */
export function proofProblem(required: readonly ProofRequirement[], given: ProofGiven): string | undefined {
  if (required.length === 0) {
    return given.signature || given.photo || given.recipientName
      ? undefined
      : 'Add proof of delivery: a signature, a photo or the name of who took it.';
  }
  // The server's own check, on the proof as it would be sent (the image keys do not exist yet on the phone).
  const missing = missingProof(required, {
    ...(given.signature ? { signatureKey: 'on the phone' } : {}),
    ...(given.photo ? { photoKey: 'on the phone' } : {}),
    ...(given.recipientName ? { recipientName: 'on the phone' } : {}),
  });
  return missing.length === 0
    ? undefined
    : `Your company needs ${describeProof(required)}: add ${describeProof(missing)}.`;
}

/** The line above the proof fields: what this company asks for. */
export function proofAsked(required: readonly ProofRequirement[]): string {
  return required.length === 0
    ? 'At least one of these: a signature, a photo, or the recipient’s name.'
    : `Your company needs ${describeProof(required)} for every delivery.`;
}

const keyOf = (courierId: string) => `courier-proof-rule:${courierId}`;

function readKept(courierId: string): ProofRequirement[] {
  try {
    const raw = localStorage.getItem(keyOf(courierId));
    return raw ? (JSON.parse(raw) as ProofRequirement[]) : [];
  } catch {
    return [];
  }
}

/** The required proof: the copy kept on the phone at once, the server's as soon as it answers. */
export function useRequiredProof(courierId: string): ProofRequirement[] {
  const [required, setRequired] = useState(() => readKept(courierId));
  useEffect(() => {
    let current = true;
    runOperation(RequiredProofDocument, {}).then(
      ({ requiredProof }) => {
        if (!current) return;
        setRequired(requiredProof);
        try {
          localStorage.setItem(keyOf(courierId), JSON.stringify(requiredProof));
        } catch {
          // Without storage the rule is asked for again on the next start.
        }
      },
      () => {
        // Offline or refused: the copy on the phone stands, and the server checks the update when it arrives.
      },
    );
    return () => {
      current = false;
    };
  }, [courierId]);
  return required;
}
