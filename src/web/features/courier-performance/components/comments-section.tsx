// What customers said about the courier's deliveries (Req 12.3): rating, words and day, newest first, five at a time.
import { useState } from 'react';
import { Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { fetchFeedback, type FeedbackPage } from '../api/performance-api';
import { useLoaded } from '../hooks/use-loaded';

export function CommentsSection({ courierId }: { courierId: string }) {
  const calendar = useCompanyCalendar();
  const first = useLoaded(() => fetchFeedback(null), `comments|${courierId}`);
  const [more, setMore] = useState<{
    items: FeedbackPage['items'];
    nextToken: string | null;
    busy: boolean;
    error?: unknown;
  }>();
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const nextToken = more ? more.nextToken : (first.data?.nextToken ?? null);
  const loadMore = async () => {
    if (!nextToken) return;
    setMore((m) => ({ items: m?.items ?? [], nextToken, busy: true }));
    try {
      const page = await fetchFeedback(nextToken);
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], nextToken: page.nextToken ?? null, busy: false }));
    } catch (error) {
      setMore((m) => ({ items: m?.items ?? [], nextToken, busy: false, error }));
    }
  };
  return (
    <section className="card perf-card" aria-labelledby="perf-comments" data-testid="comments">
      <h2 id="perf-comments" className="perf-card__title">
        What customers said
      </h2>
      {first.phase === 'error' ? (
        <ProblemNotice compact error={first.error} onRetry={first.reload} />
      ) : !first.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="perf-muted">No feedback on your deliveries yet.</p>
      ) : (
        <ul className="perf-comments">
          {items.map((f) => (
            <li key={f.reference} className="perf-comment" data-type={f.type} data-reference={f.reference}>
              <div className="perf-comment__head">
                <span className="perf-stars" aria-label={f.rating ? `${f.rating} of 5` : 'no rating'}>
                  {f.rating ? '★'.repeat(f.rating) + '☆'.repeat(5 - f.rating) : ''}
                </span>
                {f.type === 'COMPLAINT' && <span className="perf-tag">complaint</span>}
                <time dateTime={f.createdAt}>{calendar.formatDate(f.createdAt)}</time>
              </div>
              <p className="perf-comment__text">“{f.text}”</p>
              <span className="perf-comment__ref">{f.bookingReference}</span>
            </li>
          ))}
        </ul>
      )}
      {more?.error !== undefined && <ProblemNotice compact error={more.error} onRetry={() => void loadMore()} />}
      {nextToken && first.phase === 'ready' && (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void loadMore()}
          disabled={more?.busy}
        >
          {more?.busy ? 'Loading…' : 'More comments'}
        </button>
      )}
    </section>
  );
}
