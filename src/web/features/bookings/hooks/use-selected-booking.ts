// The booking open in the drawer, kept current by the live list.
import { useCallback, useState } from 'react';
import type { BookingFields } from '../../../lib/api-types';

/** Shows the list's latest version of the selected booking, and the last one seen after it leaves the list. */
export function useSelectedBooking(items: BookingFields[]) {
  const [selected, setSelected] = useState<BookingFields | null>(null);
  const current = selected ? (items.find((item) => item.reference === selected.reference) ?? selected) : null;
  const close = useCallback(() => setSelected(null), []);
  return { selected: current, select: setSelected, close };
}
