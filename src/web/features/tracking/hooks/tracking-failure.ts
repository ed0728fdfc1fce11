// Why a parcel could not be shown, in words for a customer: the tracking page's mapping of API errors.
import { errorTypeOfProblem, describeProblem } from '../../../lib/graphql-errors';
import { EXAMPLE_REFERENCE } from '../../../../core/reference';

export type TrackingFailure = {
  kind: 'unknown' | 'malformed' | 'unavailable';
  title: string;
  hint: string;
};

const REFERENCE_HINT = `References look like ${EXAMPLE_REFERENCE} and are on your booking confirmation.`;

/** NotFoundError and ValidationError are the customer's to fix; anything else is ours. */
export function describeTrackingFailure(error: unknown, reference: string): TrackingFailure {
  const type = error === null ? 'NotFoundError' : errorTypeOfProblem(error);
  if (type === 'NotFoundError') {
    return {
      kind: 'unknown',
      title: `We can't find a parcel with the reference ${reference}.`,
      hint: `Check the reference and try again. ${REFERENCE_HINT}`,
    };
  }
  if (type === 'ValidationError') {
    return {
      kind: 'malformed',
      title: `"${reference}" isn't a tracking reference.`,
      hint: `Check for a mistyped or swapped character. ${REFERENCE_HINT}`,
    };
  }
  const problem = describeProblem(error);
  return { kind: 'unavailable', title: "We couldn't load your parcel's status right now.", hint: problem.action };
}
