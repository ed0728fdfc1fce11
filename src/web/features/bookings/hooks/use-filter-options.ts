// Choices for the courier and partner filters.
import { useEffect, useState } from 'react';
import type { BookingFields } from '../../../lib/api-types';
import { fetchCourierOptions, type CourierOption } from '../api/courier-options-api';

/** The courier roster, or an empty list while it loads or when it cannot be read (the filter just offers "All"). */
export function useCourierOptions(): CourierOption[] {
  const [couriers, setCouriers] = useState<CourierOption[]>([]);
  useEffect(() => {
    let active = true;
    fetchCourierOptions().then(
      (options) => {
        if (active) setCouriers(options);
      },
      () => {
        if (active) setCouriers([]);
      },
    );
    return () => {
      active = false;
    };
  }, []);
  return couriers;
}

export type PartnerOption = { id: string; name: string };

/**
 * Partners met so far in the listed bookings (the API has no partner directory yet). Adds to `known`
 * without dropping any, so a partner stays selectable after the list is filtered down.
 */
export function collectPartners(known: PartnerOption[], items: BookingFields[]): PartnerOption[] {
  const byId = new Map(known.map((partner) => [partner.id, partner]));
  let changed = false;
  for (const booking of items) {
    if (!booking.partnerId) continue;
    const name = booking.partnerName ?? booking.partnerId;
    if (byId.get(booking.partnerId)?.name === name) continue;
    byId.set(booking.partnerId, { id: booking.partnerId, name });
    changed = true;
  }
  return changed ? [...byId.values()].sort((a, b) => a.name.localeCompare(b.name)) : known;
}

export function usePartnerOptions(items: BookingFields[]): PartnerOption[] {
  const [partners, setPartners] = useState<PartnerOption[]>([]);
  useEffect(() => setPartners((known) => collectPartners(known, items)), [items]);
  return partners;
}
