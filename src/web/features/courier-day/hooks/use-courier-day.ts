// The courier's day: today's deliveries from the API, kept current by the change feed, and kept on the
// phone (localStorage) so the day opens with no network — marked as the copy it is, with its age.
import { useCallback, useEffect, useState } from 'react';
import type { BookingFields } from '../../../lib/api-types';
import { collectPages } from '../../../lib/graphql-client';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { fetchBookingsPage, watchBookingChanges } from '../../bookings/api/bookings-api';
import { matchesFilter, type BookingFilter } from '../../bookings/hooks/bookings-state';
import { DAY_PAGE_SIZE } from '../api/day-request';

export type CourierDay = {
  day: string;
  items: BookingFields[];
  phase: 'loading' | 'ready' | 'error';
  /** 'server': as loaded now; 'phone': the copy kept on the phone, from `savedAt`. */
  source: 'server' | 'phone';
  savedAt?: string;
  error?: unknown;
  liveError: boolean;
  reload(): void;
};

type Saved = { savedAt: string; items: BookingFields[] };
const PAGE = DAY_PAGE_SIZE;

const keyOf = (courierId: string, day: string) => `courier-day:${courierId}:${day}`;

function readSaved(courierId: string, day: string): Saved | undefined {
  try {
    const raw = localStorage.getItem(keyOf(courierId, day));
    return raw ? (JSON.parse(raw) as Saved) : undefined;
  } catch {
    return undefined;
  }
}

function save(courierId: string, day: string, items: BookingFields[]): string {
  const savedAt = new Date().toISOString();
  try {
    // Only today's copy is kept: yesterday's is of no use on the road.
    for (let i = localStorage.length - 1; i >= 0; i -= 1) {
      const key = localStorage.key(i);
      if (key?.startsWith(`courier-day:${courierId}:`) && key !== keyOf(courierId, day)) localStorage.removeItem(key);
    }
    localStorage.setItem(keyOf(courierId, day), JSON.stringify({ savedAt, items } satisfies Saved));
  } catch {
    // A full or unavailable storage only costs the offline copy.
  }
  return savedAt;
}

/**
 * The day's first load, started by the app's start for a signed-in courier (useWorkspace) beside the API's `me`,
 * not after it: the courier app takes it when it mounts for that day, once. The API lists a courier's own
 * deliveries when no courier is named; only the named courier's are kept, should the caller turn out not to be one.
 */
let early: { day: string; items: Promise<BookingFields[]> } | undefined;

export function prefetchCourierDay(day: string): void {
  if (early?.day === day) return;
  const items = collectPages((token) => fetchBookingsPage({ day }, PAGE, token));
  items.catch(() => undefined);
  early = { day, items };
}

function loadDay(courierId: string, day: string): Promise<BookingFields[]> {
  const taken = early?.day === day ? early.items : undefined;
  early = undefined;
  if (taken) return taken.then((items) => items.filter((b) => b.courierId === courierId));
  return collectPages((token) => fetchBookingsPage({ courierId, day }, PAGE, token));
}

/** Newer versions win: a live change or an applied update never goes back in time. */
export function mergeBooking(items: BookingFields[], booking: BookingFields): BookingFields[] {
  const at = items.findIndex((b) => b.reference === booking.reference);
  if (at === -1) return [...items, booking];
  if ((items[at]?.version ?? 0) > booking.version) return items;
  return items.map((b, i) => (i === at ? booking : b));
}

export function useCourierDay(courierId: string): CourierDay {
  const calendar = useCompanyCalendar();
  const [day] = useState(() => calendar.today());
  const [state, setState] = useState<Omit<CourierDay, 'reload' | 'day'>>(() => {
    const saved = readSaved(courierId, day);
    return saved
      ? { items: saved.items, phase: 'ready', source: 'phone', savedAt: saved.savedAt, liveError: false }
      : { items: [], phase: 'loading', source: 'server', liveError: false };
  });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let active = true;
    const filter: BookingFilter = { courierId, day };
    loadDay(courierId, day).then(
      (items) => {
        if (!active) return;
        const savedAt = save(courierId, day, items);
        setState({ items, phase: 'ready', source: 'server', savedAt, liveError: false });
      },
      (error: unknown) => {
        if (!active) return;
        setState((s) =>
          s.source === 'phone' && s.items.length > 0 ? { ...s, error } : { ...s, phase: 'error', error },
        );
      },
    );
    const stop = watchBookingChanges(
      filter,
      (booking) => {
        if (!active) return;
        setState((s) => {
          const items = matchesFilter(booking, filter, calendar)
            ? mergeBooking(s.items, booking)
            : s.items.filter((b) => b.reference !== booking.reference);
          return { ...s, items, savedAt: save(courierId, day, items) };
        });
      },
      () => {
        if (active) setState((s) => ({ ...s, liveError: true }));
      },
    );
    const onOnline = () => setAttempt((n) => n + 1);
    window.addEventListener('online', onOnline);
    return () => {
      active = false;
      stop();
      window.removeEventListener('online', onOnline);
    };
  }, [courierId, day, calendar, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, day, reload };
}
