// The courier's day: their deliveries for the company's today, kept current through the change feed.
import { useMemo, useState } from 'react';
import { EmptyState, Loading } from '../../../components/feedback-states';
import { LiveIndicator } from '../../../components/live-indicator';
import { ProblemNotice } from '../../../components/problem-notice';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { isFinished, orderDeliveries } from '../hooks/delivery-order';
import { useBookings } from '../hooks/use-bookings';
import { DeliveryCard } from './delivery-card';

export function MyDeliveriesPage({ courierId }: { courierId: string }) {
  const calendar = useCompanyCalendar();
  // The company's day, wherever the courier's phone thinks it is.
  const [day] = useState(() => calendar.today());
  // A courier's day is short: one large page, and "load more" only if it is not.
  const list = useBookings({ courierId, day }, 100);
  const ordered = useMemo(() => orderDeliveries(list.items), [list.items]);
  const open = ordered.filter((booking) => !isFinished(booking.status)).length;

  return (
    <section className="deliveries">
      <header className="deliveries__header">
        <div>
          <h1 className="page__title" data-testid="deliveries-title" data-day={day}>
            My deliveries today
          </h1>
          {list.phase !== 'loading' && ordered.length > 0 && (
            <p className="page__subtitle" data-testid="deliveries-summary">
              {open} to do · {ordered.length - open} done
            </p>
          )}
        </div>
        <LiveIndicator failed={list.liveError !== null} />
      </header>
      {list.phase === 'loading' && ordered.length === 0 ? (
        <Loading label="Loading your deliveries…" />
      ) : list.phase === 'error' && ordered.length === 0 ? (
        <ProblemNotice error={list.error} onRetry={list.reload} />
      ) : ordered.length === 0 ? (
        <EmptyState title="No deliveries assigned to you today.">
          New assignments appear here as soon as they are made.
        </EmptyState>
      ) : (
        <div className="card-list">
          {ordered.map((booking) => (
            <DeliveryCard
              key={`${booking.reference}:${list.flashes[booking.reference] ?? ''}`}
              booking={booking}
              flashing={list.flashes[booking.reference] !== undefined}
            />
          ))}
          {list.phase === 'error' && <ProblemNotice compact error={list.error} onRetry={list.loadMore} />}
          {list.hasMore && list.phase !== 'error' && (
            <button type="button" className="button button--secondary" onClick={list.loadMore}>
              {list.phase === 'loading-more' ? 'Loading…' : 'Load more'}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
