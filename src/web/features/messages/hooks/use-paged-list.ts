// A list read a page at a time, newest first, reloaded from the top on demand: the Messages page's two lists.
import { useCallback, useEffect, useRef, useState } from 'react';

export type Paged<T> = { items: T[]; nextToken: string | null };

export type PagedList<T> = {
  items: T[];
  phase: 'loading' | 'ready' | 'loading-more' | 'error';
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** When the first page was last read. */
  loadedAt: Date | null;
};

/** `fetchPage` must be stable (useCallback) and change only when the list it reads changes. */
export function usePagedList<T extends { id: string }>(
  fetchPage: (nextToken: string | null) => Promise<Paged<T>>,
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextToken, setNextToken] = useState<string | null>(null);
  const [phase, setPhase] = useState<PagedList<T>['phase']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  const requests = useRef(0);

  const load = useCallback(
    (token: string | null) => {
      const requestId = ++requests.current;
      setPhase(token ? 'loading-more' : 'loading');
      fetchPage(token).then(
        (page) => {
          if (requestId !== requests.current) return;
          setItems((known) => {
            if (!token) return page.items;
            const seen = new Set(known.map((m) => m.id));
            return [...known, ...page.items.filter((m) => !seen.has(m.id))];
          });
          setNextToken(page.nextToken);
          if (!token) setLoadedAt(new Date());
          setPhase('ready');
        },
        (failure: unknown) => {
          if (requestId !== requests.current) return;
          setError(failure);
          setPhase('error');
        },
      );
    },
    [fetchPage],
  );

  useEffect(() => load(null), [load]);

  const loadMore = useCallback(() => {
    if (nextToken) load(nextToken);
  }, [load, nextToken]);
  const reload = useCallback(() => load(null), [load]);

  return { items, phase, error, hasMore: nextToken !== null, loadMore, reload, loadedAt };
}
