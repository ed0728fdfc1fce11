// The day the courier's pages share — the list and each delivery's page read the same copy, so a delivery
// opens offline too — with the outbox's waiting updates laid over it.
import { createContext, use, useMemo, type ReactNode } from 'react';
import type { BookingStatus } from '../../../../core/model';
import { isTerminal } from '../../../../core/status-machine';
import type { ProofRequirement } from '../../../../generated/graphql';
import type { BookingFields } from '../../../lib/api-types';
import { pendingByReference, type QueuedUpdate } from '../outbox/outbox';
import { mergeBooking, useCourierDay, type CourierDay } from './use-courier-day';
import { useRequiredProof } from './proof-rules';
import { useOutbox } from './use-outbox';

export type DayDelivery = {
  booking: BookingFields;
  /** The status the phone shows: the newest update waiting to send, or the server's. */
  status: BookingStatus;
  pending?: QueuedUpdate;
  /** Updates of this delivery the server refused. */
  refused: QueuedUpdate[];
};

export type SharedDay = Omit<CourierDay, 'items'> & {
  deliveries: DayDelivery[];
  /** The proof the company requires of every delivery (none listed: any one kind). */
  requiredProof: ProofRequirement[];
};

const DayContext = createContext<SharedDay | undefined>(undefined);

/** Still to do: not final (a failed delivery is still to be re-attempted or returned). */
export function isOpen(status: BookingStatus): boolean {
  return !isTerminal(status);
}

/** When a delivery's next stop is due: its pickup window for a parcel not yet collected, else its ETA. */
function dueAt(d: DayDelivery): number {
  if (d.status === 'BOOKED') return Date.parse(d.booking.pickupWindow.start);
  return d.booking.eta ? Date.parse(d.booking.eta) : Date.parse(d.booking.pickupWindow.end);
}

/** Open deliveries first, the soonest next stop first; finished ones after, most recent first. */
export function orderDay(deliveries: DayDelivery[]): DayDelivery[] {
  return [...deliveries].sort((a, b) => {
    const open = Number(isOpen(b.status)) - Number(isOpen(a.status));
    if (open !== 0) return open;
    if (isOpen(a.status)) return dueAt(a) - dueAt(b) || a.booking.reference.localeCompare(b.booking.reference);
    return Date.parse(b.booking.updatedAt) - Date.parse(a.booking.updatedAt);
  });
}

export function CourierDayProvider({ courierId, children }: { courierId: string; children: ReactNode }) {
  const day = useCourierDay(courierId);
  const outbox = useOutbox();
  const requiredProof = useRequiredProof(courierId);
  const value = useMemo<SharedDay>(() => {
    let items = day.items;
    for (const booking of outbox.applied) {
      if (items.some((b) => b.reference === booking.reference)) items = mergeBooking(items, booking);
    }
    const pending = pendingByReference(outbox.items);
    const deliveries = items.map((booking) => {
      const waiting = pending.get(booking.reference);
      return {
        booking,
        status: waiting?.status ?? booking.status,
        ...(waiting ? { pending: waiting } : {}),
        refused: outbox.items.filter((u) => u.reference === booking.reference && u.state === 'conflict'),
      };
    });
    const { items: _items, ...rest } = day;
    return { ...rest, deliveries: orderDay(deliveries), requiredProof };
  }, [day, outbox.items, outbox.applied, requiredProof]);
  return <DayContext value={value}>{children}</DayContext>;
}

export function useSharedDay(): SharedDay {
  const day = use(DayContext);
  if (!day) throw new Error('useSharedDay is used outside CourierDayProvider');
  return day;
}
