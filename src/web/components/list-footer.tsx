// Under a list read a page at a time: how many are shown, and "Load more" while there are more (or the error of
// the page that failed, with a retry). The bookings, customer texts and admin notices lists share it.
import type { ReactNode } from 'react';
import { ProblemNotice } from './problem-notice';

export type PagedListState = {
  phase: 'loading' | 'ready' | 'loading-more' | 'error';
  error?: unknown;
  hasMore: boolean;
  loadMore: () => void;
};

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
