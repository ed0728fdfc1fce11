// The admin's bookings page: filters, the live table and the detail drawer.
import { useState } from 'react';
import { LiveIndicator } from '../../../components/live-indicator';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { BookingFilter } from '../hooks/bookings-state';
import { useBookings } from '../hooks/use-bookings';
import { useCourierOptions, usePartnerOptions } from '../hooks/use-filter-options';
import { useSelectedBooking } from '../hooks/use-selected-booking';
import { BookingDrawer } from './booking-drawer';
import { BookingFilters } from './booking-filters';
import { BookingsPanel } from './bookings-panel';

export function AdminBookingsPage() {
  const calendar = useCompanyCalendar();
  const [filter, setFilter] = useState<BookingFilter>(() => ({ day: calendar.today() }));
  const list = useBookings(filter);
  const couriers = useCourierOptions();
  const partners = usePartnerOptions(list.items);
  const { selected, select, close } = useSelectedBooking(list.items);

  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Bookings</h1>
          <p className="page__subtitle">Every booking for the day, kept current as couriers and callers update them.</p>
        </div>
        <LiveIndicator failed={list.liveError !== null} />
      </header>
      <BookingFilters value={filter} onChange={setFilter} couriers={couriers} partners={partners} />
      <BookingsPanel
        list={list}
        onSelect={select}
        selectedReference={selected?.reference}
        emptyHint="Pick another day or clear the status, courier and partner filters."
      />
      {selected && <BookingDrawer booking={selected} onClose={close} detailPath={`/bookings/${selected.reference}`} />}
    </section>
  );
}
