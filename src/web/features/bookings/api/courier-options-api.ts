// Couriers to choose from in the bookings filter (admins only: listCouriers is admin-only).
import { runOperation } from '../../../lib/graphql-client';
import { ListCouriersDocument, type ListCouriersQuery } from '../../../../generated/graphql';

export type CourierOption = { id: string; name: string };

/** Every courier, following nextToken: the filter needs the whole roster, which is small. */
export async function fetchCourierOptions(pageSize = 100): Promise<CourierOption[]> {
  const options: CourierOption[] = [];
  let nextToken: string | null = null;
  do {
    const page: ListCouriersQuery = await runOperation(ListCouriersDocument, { limit: pageSize, nextToken });
    options.push(...page.listCouriers.items.map(({ id, name }) => ({ id, name })));
    nextToken = page.listCouriers.nextToken ?? null;
  } while (nextToken);
  return options.sort((a, b) => a.name.localeCompare(b.name));
}
