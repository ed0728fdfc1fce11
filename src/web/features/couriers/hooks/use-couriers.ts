// The courier roster, page by page.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CourierFields } from '../../../lib/api-types';
import { fetchCouriersPage } from '../api/couriers-api';

export type CouriersList = {
  items: CourierFields[];
  phase: 'loading' | 'ready' | 'loading-more' | 'error';
  error: unknown;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
};

export function useCouriers(pageSize = 50): CouriersList {
  const [items, setItems] = useState<CourierFields[]>([]);
  const [nextToken, setNextToken] = useState<string | null>(null);
  const [phase, setPhase] = useState<CouriersList['phase']>('loading');
  const [error, setError] = useState<unknown>(null);
  const requests = useRef(0);

  const load = useCallback(
    (token: string | null) => {
      const requestId = ++requests.current;
      setPhase(token ? 'loading-more' : 'loading');
      if (!token) setItems([]);
      fetchCouriersPage(pageSize, token).then(
        (page) => {
          if (requestId !== requests.current) return;
          setItems((known) => {
            const seen = new Set(known.map((courier) => courier.id));
            return [...known, ...page.items.filter((courier) => !seen.has(courier.id))];
          });
          setNextToken(page.nextToken);
          setPhase('ready');
        },
        (failure: unknown) => {
          if (requestId !== requests.current) return;
          setError(failure);
          setPhase('error');
        },
      );
    },
    [pageSize],
  );

  useEffect(() => load(null), [load]);

  const loadMore = useCallback(() => {
    if (nextToken) load(nextToken);
  }, [load, nextToken]);
  const reload = useCallback(() => load(null), [load]);

  return { items, phase, error, hasMore: nextToken !== null, loadMore, reload };
}
