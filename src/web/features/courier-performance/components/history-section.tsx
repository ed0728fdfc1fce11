// The courier's past deliveries (Req 12.5; today's are on the day's list): searchable by reference,
// name, street, postcode or note, filtered by status, newest first, ten at a time; a tap opens a delivery's
// status timeline.
import { useState, type FormEvent } from 'react';
import { Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { StatusBadge } from '../../../components/status-badge';
import { StatusTimeline } from '../../../components/status-timeline';
import { STATUS_LOOK } from '../../../lib/booking-status';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { BOOKING_STATUSES, type BookingStatus } from '../../../../core/model';
import { fetchHistory, type HistoryFilter, type HistoryPage } from '../api/performance-api';
import { useLoaded } from '../hooks/use-loaded';

export function HistorySection({ courierId }: { courierId: string }) {
  const calendar = useCompanyCalendar();
  const [draft, setDraft] = useState('');
  const [filter, setFilter] = useState<HistoryFilter>({});
  const [open, setOpen] = useState<string | null>(null);
  const key = `history|${courierId}|${filter.search ?? ''}|${filter.status ?? ''}`;
  const first = useLoaded(() => fetchHistory(filter, null), key);
  const [more, setMore] = useState<{
    key: string;
    items: HistoryPage['items'];
    nextToken: string | null;
    busy: boolean;
    error?: unknown;
  }>();
  const extra = more?.key === key ? more : undefined;
  const items = [...(first.phase === 'ready' ? first.data.items : []), ...(extra?.items ?? [])];
  const nextToken = extra ? extra.nextToken : first.phase === 'ready' ? (first.data.nextToken ?? null) : null;

  const loadMore = async () => {
    if (!nextToken) return;
    setMore({ key, items: extra?.items ?? [], nextToken, busy: true });
    try {
      const page = await fetchHistory(filter, nextToken);
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], nextToken: page.nextToken ?? null, busy: false });
    } catch (error) {
      setMore({ key, items: extra?.items ?? [], nextToken, busy: false, error });
    }
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    setFilter((f) => ({ ...f, search: draft.trim() || undefined }));
  };

  return (
    <section className="card perf-card" aria-labelledby="perf-history" data-testid="history">
      <h2 id="perf-history" className="perf-card__title">
        Delivery history <span className="perf-card__note">before today</span>
      </h2>
      <form className="perf-search" role="search" onSubmit={search}>
        <input
          type="search"
          className="perf-input"
          placeholder="Reference, name, street, postcode…"
          aria-label="Search your deliveries"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          data-testid="history-search"
        />
        <select
          className="perf-input"
          aria-label="Status"
          value={filter.status ?? ''}
          onChange={(e) =>
            setFilter((f) => ({ ...f, status: (e.target.value || undefined) as BookingStatus | undefined }))
          }
          data-testid="history-status"
        >
          <option value="">Any status</option>
          {BOOKING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LOOK[s].label}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </form>
      {first.phase === 'error' ? (
        <ProblemNotice compact error={first.error} onRetry={first.reload} />
      ) : first.phase === 'loading' ? (
        <Loading label="Looking through your deliveries…" />
      ) : items.length === 0 ? (
        <p className="perf-muted" data-testid="history-empty">
          {filter.search || filter.status ? 'No delivery matches.' : 'No deliveries yet.'}
        </p>
      ) : (
        <ul className="perf-history" data-testid="history-list">
          {items.map((b) => (
            <li key={b.reference} className="perf-history__item" data-reference={b.reference}>
              <button
                type="button"
                className="perf-history__row"
                aria-expanded={open === b.reference}
                onClick={() => setOpen(open === b.reference ? null : b.reference)}
              >
                <span className="perf-history__main">
                  <strong>{b.reference}</strong>
                  <span className="perf-muted">
                    {calendar.formatDate(b.pickupWindow.start)} · {b.pickup.postcode} → {b.delivery.line1},{' '}
                    {b.delivery.postcode}
                  </span>
                </span>
                <StatusBadge status={b.status} />
              </button>
              {open === b.reference && (
                <div className="perf-history__timeline" data-testid="history-timeline">
                  <StatusTimeline history={b.history} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {extra?.error !== undefined && <ProblemNotice compact error={extra.error} onRetry={() => void loadMore()} />}
      {nextToken && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void loadMore()}
          disabled={extra?.busy}
        >
          {extra?.busy ? 'Loading…' : 'Older deliveries'}
        </button>
      )}
    </section>
  );
}
