// The benchmark's instances for the delivery sequence (issue 10, 9b), shared by the bench and the script that
// computes their reference costs: seeded days of 10, 20, 30 and 50 stops.
import { randomDay } from '../src/core/testing/sequence-instances';

export const SEQUENCE_SIZES = [10, 20, 30, 50] as const;
/** Instances per size: enough for a mean gap that does not hinge on one day. */
export const INSTANCES_PER_SIZE = 30;

export type SequenceInstance = { stops: number; seed: number };

export function sequenceInstances(): SequenceInstance[] {
  return SEQUENCE_SIZES.flatMap((stops) =>
    Array.from({ length: INSTANCES_PER_SIZE }, (_, k) => ({ stops, seed: stops * 1000 + k + 1 })),
  );
}

export function instanceProblem(instance: SequenceInstance) {
  return randomDay(instance.stops, instance.seed);
}

/** Up to this many stops the reference is the exact optimum (branch and bound); above, the best known. */
export const EXACT_UP_TO = 12;
