// The dashboard's calls to the API: the day's dashboard, and the booking feed that tells it to refresh.
import { runOperation, subscribeTo } from '../../../lib/graphql-client';
import { DashboardDocument, OnBookingChangedDocument, type DashboardQuery } from '../../../../generated/graphql';

export type DashboardData = DashboardQuery['dashboard'];

export async function fetchDashboard(day: string): Promise<DashboardData> {
  const result = await runOperation(DashboardDocument, { day });
  return result.dashboard;
}

/** Any booking change may move a figure; the payload itself is not needed, only that something changed. */
export function watchBookingChanges(onChange: () => void, onError: (error: unknown) => void) {
  return subscribeTo(OnBookingChangedDocument, {}, { next: () => onChange(), error: onError });
}
