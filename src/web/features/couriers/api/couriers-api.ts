// The couriers feature's call to the API: pages of listCouriers.
import { runOperation } from '../../../lib/graphql-client';
import { ListCouriersDocument } from '../../../../generated/graphql';
import type { CourierFields } from '../../../lib/api-types';

export type CouriersPage = { items: CourierFields[]; nextToken: string | null };

export async function fetchCouriersPage(limit: number, nextToken: string | null): Promise<CouriersPage> {
  const { listCouriers } = await runOperation(ListCouriersDocument, { limit, nextToken });
  return { items: listCouriers.items, nextToken: listCouriers.nextToken ?? null };
}
