// A bookings list in all its states: loading, failed, empty, or the table with "load more".
import { EmptyState, Loading } from '../../../components/feedback-states';
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
      <div className="list-footer">
        <span className="muted" data-testid="bookings-count">
          {list.items.length} {list.items.length === 1 ? 'booking' : 'bookings'}
          {list.hasMore ? ' shown' : ''}
        </span>
        {list.phase === 'error' && <ProblemNotice compact error={list.error} onRetry={list.loadMore} />}
        {list.hasMore && list.phase !== 'error' && (
          <button
            type="button"
            className="button button--secondary"
            onClick={list.loadMore}
            disabled={list.phase === 'loading-more'}
            data-testid="load-more"
          >
            {list.phase === 'loading-more' ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
    </>
  );
}
