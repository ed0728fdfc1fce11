// The route tab's calls: the suggested order of today's open stops from where the courier stands, the courier's
// own order kept, and back to the suggestion. Each answers for the signed-in courier (no courierId).
import { runOperation } from '../../../lib/graphql-client';
import {
  ResetDeliverySequenceDocument,
  SetDeliverySequenceDocument,
  SuggestedSequenceDocument,
  type SuggestedSequenceQuery,
} from '../../../../generated/graphql';

export type RouteSequence = SuggestedSequenceQuery['suggestedSequence'];
export type RouteStop = RouteSequence['stops'][number];
export type Position = { lat: number; lng: number };

const at = (position: Position | null) => (position ? { lat: position.lat, lng: position.lng } : {});

export const fetchRoute = async (position: Position | null) =>
  (await runOperation(SuggestedSequenceDocument, at(position))).suggestedSequence;

export const saveRouteOrder = async (stops: readonly RouteStop[], position: Position | null) =>
  (
    await runOperation(SetDeliverySequenceDocument, {
      stops: stops.map((s) => ({ reference: s.reference, kind: s.kind })),
      ...at(position),
    })
  ).setDeliverySequence;

export const resetRouteOrder = async (position: Position | null) =>
  (await runOperation(ResetDeliverySequenceDocument, at(position))).resetDeliverySequence;
