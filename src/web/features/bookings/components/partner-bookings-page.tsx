// A partner's own bookings: the shared table, scoped to their partner id.
import { useState } from 'react';
import { LiveIndicator } from '../../../components/live-indicator';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { BookingFilter } from '../hooks/bookings-state';
import { useBookings } from '../hooks/use-bookings';
import { useSelectedBooking } from '../hooks/use-selected-booking';
import { BookingDrawer } from './booking-drawer';
import { BookingFilters } from './booking-filters';
import { BookingsPanel } from './bookings-panel';

export function PartnerBookingsPage({ partnerId }: { partnerId: string }) {
  const calendar = useCompanyCalendar();
  const [filter, setFilter] = useState<BookingFilter>(() => ({ day: calendar.today() }));
  const list = useBookings({ ...filter, partnerId });
  const { selected, select, close } = useSelectedBooking(list.items);

  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Your bookings</h1>
          <p className="page__subtitle">Bookings made through your integration, with their delivery progress.</p>
        </div>
        <LiveIndicator failed={list.liveError !== null} />
      </header>
      <BookingFilters value={filter} onChange={(next) => setFilter({ day: next.day, status: next.status })} />
      <BookingsPanel
        list={list}
        onSelect={select}
        selectedReference={selected?.reference}
        showPartner={false}
        emptyHint="Pick another day or clear the status filter."
      />
      {selected && <BookingDrawer booking={selected} onClose={close} />}
    </section>
  );
}
