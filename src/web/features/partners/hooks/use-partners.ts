// The partner list, and for each partner its token counts and latest call, read one partner at a time in
// the background (the API has no summary query, so the table shows partners first and fills these in).
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchAuditPage, fetchPartners, fetchPartnerTokens, type PartnerFields } from '../api/partners-api';
import { countTokens, type TokenCounts } from './token-status';

export type PartnerSummary =
  | { phase: 'loading' }
  | { phase: 'ready'; tokens: TokenCounts; lastActivity: string | null }
  | { phase: 'error'; error: unknown };

export type PartnersList = {
  partners: PartnerFields[];
  summaries: Record<string, PartnerSummary>;
  phase: 'loading' | 'ready' | 'error';
  error: unknown;
  reload: () => void;
  /** Shows a partner just created at the top, without reading the list again. */
  add: (partner: PartnerFields) => void;
};

/** Partners summarised at once: a few requests in flight, not one per partner. */
const PARALLEL_SUMMARIES = 4;

async function summarise(partnerId: string): Promise<PartnerSummary> {
  const [tokens, audit] = await Promise.all([fetchPartnerTokens(partnerId), fetchAuditPage({ partnerId }, 1, null)]);
  return { phase: 'ready', tokens: countTokens(tokens, new Date()), lastActivity: audit.items[0]?.at ?? null };
}

export function usePartners(): PartnersList {
  const [partners, setPartners] = useState<PartnerFields[]>([]);
  const [summaries, setSummaries] = useState<Record<string, PartnerSummary>>({});
  const [phase, setPhase] = useState<PartnersList['phase']>('loading');
  const [error, setError] = useState<unknown>(null);
  const loads = useRef(0);

  const summariseAll = useCallback((ids: string[], loadId: number) => {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length && loadId === loads.current) {
        const id = ids[next++]!;
        const summary = await summarise(id).catch((failure: unknown): PartnerSummary => ({
          phase: 'error',
          error: failure,
        }));
        if (loadId === loads.current) setSummaries((known) => ({ ...known, [id]: summary }));
      }
    };
    void Promise.all(Array.from({ length: Math.min(PARALLEL_SUMMARIES, ids.length) }, worker));
  }, []);

  const load = useCallback(() => {
    const loadId = ++loads.current;
    setPhase('loading');
    fetchPartners().then(
      (list) => {
        if (loadId !== loads.current) return;
        const sorted = [...list].sort((a, b) => a.name.localeCompare(b.name));
        setPartners(sorted);
        setSummaries(Object.fromEntries(sorted.map((p) => [p.id, { phase: 'loading' } as PartnerSummary])));
        setPhase('ready');
        summariseAll(
          sorted.map((p) => p.id),
          loadId,
        );
      },
      (failure: unknown) => {
        if (loadId !== loads.current) return;
        setError(failure);
        setPhase('error');
      },
    );
  }, [summariseAll]);

  useEffect(load, [load]);

  const add = useCallback((partner: PartnerFields) => {
    setPartners((known) => [partner, ...known.filter((p) => p.id !== partner.id)]);
    setSummaries((known) => ({
      ...known,
      [partner.id]: { phase: 'ready', tokens: { active: 0, total: 0 }, lastActivity: null },
    }));
  }, []);

  return { partners, summaries, phase, error, reload: load, add };
}
