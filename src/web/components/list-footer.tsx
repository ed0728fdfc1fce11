// A list read a page at a time, in all its states: loading, failed, empty, or its table with a footer that says
// how many are shown and offers "Load more" while there are more (or the failed page's error, with a retry).
// The bookings, customer texts and admin notices lists share it.
import type { ReactNode } from 'react';
import { EmptyState, Loading } from './feedback-states';
import { ProblemNotice } from './problem-notice';

export type PagedListState = {
  phase: 'loading' | 'ready' | 'loading-more' | 'error';
  error?: unknown;
  hasMore: boolean;
  loadMore: () => void;
};

export type PagedListViewProps = ListFooterProps & {
  list: PagedListState & { items: readonly unknown[]; reload: () => void };
  loadingLabel: string;
  /** The empty state's title and hint. */
  empty: { title: string; hint: ReactNode };
  /** The table of the items. */
  children: ReactNode;
};

export function PagedListView({ list, loadingLabel, empty, children, ...footer }: PagedListViewProps) {
  if (list.phase === 'loading' && list.items.length === 0) return <Loading label={loadingLabel} />;
  if (list.phase === 'error' && list.items.length === 0)
    return <ProblemNotice error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <EmptyState title={empty.title}>{empty.hint}</EmptyState>;
  return (
    <>
      {children}
      <ListFooter list={list} {...footer} />
    </>
  );
}

export type ListFooterProps = {
  list: PagedListState;
  /** What the count says: "12 bookings shown", "1 notice · as of …". */
  summary: ReactNode;
  countTestId: string;
  moreTestId: string;
};

export function ListFooter({ list, summary, countTestId, moreTestId }: ListFooterProps) {
  return (
    <div className="list-footer">
      <span className="muted" data-testid={countTestId}>
        {summary}
      </span>
      {list.phase === 'error' && <ProblemNotice compact error={list.error} onRetry={list.loadMore} />}
      {list.hasMore && list.phase !== 'error' && (
        <button
          type="button"
          className="button button--secondary"
          onClick={list.loadMore}
          disabled={list.phase === 'loading-more'}
          data-testid={moreTestId}
        >
          {list.phase === 'loading-more' ? 'Loading…' : 'Load more'}
        </button>
      )}
    </div>
  );
}

/** "1 notice" / "12 notices". */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
