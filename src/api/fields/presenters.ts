// Shapes domain objects for GraphQL: adds display names that the schema offers beside ids.
import type { Booking } from '../../core/model';
import type { ApiDeps } from '../deps';

const NAME_TTL_MS = 5 * 60_000;
const names = new Map<string, { at: number; name?: string }>();

async function cachedName(key: string, load: () => Promise<string | undefined>): Promise<string | undefined> {
  const hit = names.get(key);
  if (hit && Date.now() - hit.at < NAME_TTL_MS) return hit.name;
  const name = await load();
  names.set(key, { at: Date.now(), name });
  return name;
}

export type BookingView = Booking & { courierName?: string; partnerName?: string };

export async function presentBooking(b: Booking, deps: Pick<ApiDeps, 'couriers' | 'partners'>): Promise<BookingView> {
  const [courierName, partnerName] = await Promise.all([
    b.courierId ? cachedName(`c:${b.courierId}`, async () => (await deps.couriers.get(b.courierId!))?.name) : undefined,
    b.partnerId ? cachedName(`p:${b.partnerId}`, async () => (await deps.partners.get(b.partnerId!))?.name) : undefined,
  ]);
  return { ...b, courierName, partnerName };
}

export async function presentBookings(items: Booking[], deps: Pick<ApiDeps, 'couriers' | 'partners'>) {
  return Promise.all(items.map((b) => presentBooking(b, deps)));
}
