// The proof the company requires of every delivery (set by an admin), as the phone knows it: asked for when the
// app opens and kept on the phone, so a delivery made with no network is checked against the last known rule.
// The server checks again; an update it refuses for missing proof shows up as a refused update to redo.
import { useEffect, useState } from 'react';
import { RequiredProofDocument, type ProofRequirement } from '../../../../generated/graphql';
import { runOperation } from '../../../lib/graphql-client';

const WORDS: Record<ProofRequirement, string> = {
  SIGNATURE: 'a signature',
  PHOTO: 'a photo',
  RECIPIENT_NAME: 'the recipient’s name',
};

const list = (kinds: readonly ProofRequirement[]) => {
  const words = kinds.map((k) => WORDS[k]);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
};

export type ProofGiven = { signature: boolean; photo: boolean; recipientName: boolean };

/** What to tell the courier before a delivery is kept: undefined when the proof given is enough. */
export function proofProblem(required: readonly ProofRequirement[], given: ProofGiven): string | undefined {
  if (required.length === 0) {
    return given.signature || given.photo || given.recipientName
      ? undefined
      : 'Add proof of delivery: a signature, a photo or the name of who took it.';
  }
  const has: Record<ProofRequirement, boolean> = {
    SIGNATURE: given.signature,
    PHOTO: given.photo,
    RECIPIENT_NAME: given.recipientName,
  };
  const missing = required.filter((k) => !has[k]);
  return missing.length === 0 ? undefined : `Your company needs ${list(required)}: add ${list(missing)}.`;
}

/** The line above the proof fields: what this company asks for. */
export function proofAsked(required: readonly ProofRequirement[]): string {
  return required.length === 0
    ? 'At least one of these: a signature, a photo, or the recipient’s name.'
    : `Your company needs ${list(required)} for every delivery.`;
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
