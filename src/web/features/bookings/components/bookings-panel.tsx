// A bookings list in all its states: loading, failed, empty, or the table with "load more".
import { EmptyState, Loading } from '../../../components/feedback-states';
import { countOf, ListFooter } from '../../../components/list-footer';
import { ProblemNotice } from '../../../components/problem-notice';
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
  if (list.phase === 'loading' && list.items.length === 0) return <Loading label="Loading bookings…" />;
  if (list.phase === 'error' && list.items.length === 0)
    return <ProblemNotice error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <EmptyState title="No bookings match these filters.">{emptyHint}</EmptyState>;

  return (
    <>
      <BookingsTable
        items={list.items}
        flashes={list.flashes}
        onSelect={onSelect}
        selectedReference={selectedReference}
        showCourier={showCourier}
        showPartner={showPartner}
      />
      <ListFooter
        list={list}
        summary={`${countOf(list.items.length, 'booking', 'bookings')}${list.hasMore ? ' shown' : ''}`}
        countTestId="bookings-count"
        moreTestId="load-more"
      />
    </>
  );
}
