// The audit trail a page at a time, newest first, with Previous and Next: the API pages forward only, so
// the token that opened each page seen so far is kept to step back.
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchAuditPage, type AuditEntryFields, type AuditQuery } from '../api/partners-api';

export type AuditTrail = {
  items: AuditEntryFields[];
  phase: 'idle' | 'loading' | 'ready' | 'error';
  error: unknown;
  /** 0-based. */
  pageIndex: number;
  hasNext: boolean;
  next: () => void;
  previous: () => void;
  reload: () => void;
};

/** `query` null: nothing to read yet (no partner or day chosen). */
export function useAuditTrail(query: AuditQuery | null, pageSize = 25): AuditTrail {
  const [items, setItems] = useState<AuditEntryFields[]>([]);
  const [phase, setPhase] = useState<AuditTrail['phase']>('idle');
  const [error, setError] = useState<unknown>(null);
  const [pageIndex, setPageIndex] = useState(0);
  /** pageTokens[i] opens page i; pageTokens[i + 1], once known, opens the next. */
  const [pageTokens, setPageTokens] = useState<(string | null)[]>([null]);
  const requests = useRef(0);
  const partnerId = query?.partnerId;
  const day = query?.day;
  const active = query !== null;

  const loadPage = useCallback(
    (index: number, token: string | null) => {
      if (!active) return;
      const requestId = ++requests.current;
      setPhase('loading');
      fetchAuditPage({ ...(partnerId ? { partnerId } : {}), ...(day ? { day } : {}) }, pageSize, token).then(
        (page) => {
          if (requestId !== requests.current) return;
          setItems(page.items);
          setPageIndex(index);
          setPageTokens((known) => [...known.slice(0, index + 1), page.nextToken]);
          setPhase('ready');
        },
        (failure: unknown) => {
          if (requestId !== requests.current) return;
          setError(failure);
          setPhase('error');
        },
      );
    },
    [active, partnerId, day, pageSize],
  );

  useEffect(() => {
    setItems([]);
    setPageIndex(0);
    setPageTokens([null]);
    if (active) loadPage(0, null);
    else setPhase('idle');
  }, [active, loadPage]);

  const nextToken = pageTokens[pageIndex + 1] ?? null;
  const next = useCallback(() => {
    if (nextToken) loadPage(pageIndex + 1, nextToken);
  }, [loadPage, nextToken, pageIndex]);
  const previous = useCallback(() => {
    if (pageIndex > 0) loadPage(pageIndex - 1, pageTokens[pageIndex - 1] ?? null);
  }, [loadPage, pageIndex, pageTokens]);
  const reload = useCallback(
    () => loadPage(pageIndex, pageTokens[pageIndex] ?? null),
    [loadPage, pageIndex, pageTokens],
  );

  return { items, phase, error, pageIndex, hasNext: nextToken !== null, next, previous, reload };
}
