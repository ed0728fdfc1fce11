// Customer SMS, page by page, for all bookings or one; reloaded from the top on demand.
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchSentMessages, type SentMessageRow } from '../api/messages-api';

export type SentMessagesList = {
  items: SentMessageRow[];
  phase: 'loading' | 'ready' | 'loading-more' | 'error';
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** When the first page was last read. */
  loadedAt: Date | null;
};

export function useSentMessages(bookingReference: string | null, pageSize = 25): SentMessagesList {
  const [items, setItems] = useState<SentMessageRow[]>([]);
  const [nextToken, setNextToken] = useState<string | null>(null);
  const [phase, setPhase] = useState<SentMessagesList['phase']>('loading');
  const [error, setError] = useState<unknown>(null);
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  const requests = useRef(0);

  const load = useCallback(
    (token: string | null) => {
      const requestId = ++requests.current;
      setPhase(token ? 'loading-more' : 'loading');
      fetchSentMessages(bookingReference, pageSize, token).then(
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
    [bookingReference, pageSize],
  );

  useEffect(() => load(null), [load]);

  const loadMore = useCallback(() => {
    if (nextToken) load(nextToken);
  }, [load, nextToken]);
  const reload = useCallback(() => load(null), [load]);

  return { items, phase, error, hasMore: nextToken !== null, loadMore, reload, loadedAt };
}
