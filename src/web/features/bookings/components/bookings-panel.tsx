// A bookings list in all its states: loading, failed, empty, or the table with "load more".
import { countOf, PagedListView } from '../../../components/list-footer';
import type { BookingFields } from '../../../lib/api-types';
import type { BookingsList } from '../hooks/use-bookings';
import { BookingsTable } from './bookings-table';

export type BookingsPanelProps = {
  list: BookingsList;
  onSelect: (booking: BookingFields) => void;
  selectedReference?: string;
  showCourier?: boolean;
  showPartner?: boolean;
  emptyHint: string;
};

export function BookingsPanel({
  list,
  onSelect,
  selectedReference,
  showCourier,
  showPartner,
  emptyHint,
}: BookingsPanelProps) {
  return (
    <PagedListView
      list={list}
      loadingLabel="Loading bookings…"
      empty={{ title: 'No bookings match these filters.', hint: emptyHint }}
      summary={`${countOf(list.items.length, 'booking', 'bookings')}${list.hasMore ? ' shown' : ''}`}
      countTestId="bookings-count"
      moreTestId="load-more"
    >
      <BookingsTable
        items={list.items}
        flashes={list.flashes}
        onSelect={onSelect}
        selectedReference={selectedReference}
        showCourier={showCourier}
        showPartner={showPartner}
      />
    </PagedListView>
  );
}
