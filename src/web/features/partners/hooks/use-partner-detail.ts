// One partner for the admin: its details, its tokens with when each was last used, and the actions on
// them (issue, revoke). The tokens list is updated from each action's answer rather than read again.
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  fetchAuditPage,
  fetchPartner,
  fetchPartnerTokens,
  issuePartnerToken,
  revokePartnerToken,
  type IssuedToken,
  type PartnerFields,
  type PartnerTokenFields,
  type TokenRequest,
} from '../api/partners-api';
import { lastUseByToken } from './token-status';

/** Recent calls read to tell when each token was last used. */
export const LAST_USE_WINDOW = 100;

export type PartnerDetail = {
  partner: PartnerFields | null;
  tokens: PartnerTokenFields[];
  /** Latest call per token id, among the partner's last LAST_USE_WINDOW calls. */
  lastUse: Map<string, string>;
  phase: 'loading' | 'ready' | 'error';
  error: unknown;
  reload: () => void;
  issue: (request: TokenRequest) => Promise<IssuedToken>;
  revoke: (tokenId: string) => Promise<PartnerTokenFields>;
};

function newestFirst(tokens: PartnerTokenFields[]): PartnerTokenFields[] {
  return [...tokens].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

export function usePartnerDetail(partnerId: string): PartnerDetail {
  const [partner, setPartner] = useState<PartnerFields | null>(null);
  const [tokens, setTokens] = useState<PartnerTokenFields[]>([]);
  const [lastUse, setLastUse] = useState<Map<string, string>>(new Map());
  const [phase, setPhase] = useState<PartnerDetail['phase']>('loading');
  const [error, setError] = useState<unknown>(null);
  const loads = useRef(0);

  const load = useCallback(() => {
    const loadId = ++loads.current;
    setPhase('loading');
    Promise.all([
      fetchPartner(partnerId),
      fetchPartnerTokens(partnerId),
      fetchAuditPage({ partnerId }, LAST_USE_WINDOW, null),
    ]).then(
      ([found, list, audit]) => {
        if (loadId !== loads.current) return;
        setPartner(found);
        setTokens(newestFirst(list));
        setLastUse(lastUseByToken(audit.items));
        setPhase('ready');
      },
      (failure: unknown) => {
        if (loadId !== loads.current) return;
        setError(failure);
        setPhase('error');
      },
    );
  }, [partnerId]);

  useEffect(load, [load]);

  const issue = useCallback(async (request: TokenRequest) => {
    const issued = await issuePartnerToken(request);
    setTokens((known) => newestFirst([issued.tokenInfo, ...known]));
    return issued;
  }, []);

  const revoke = useCallback(async (tokenId: string) => {
    const revoked = await revokePartnerToken(tokenId);
    setTokens((known) => known.map((t) => (t.tokenId === revoked.tokenId ? revoked : t)));
    return revoked;
  }, []);

  return { partner, tokens, lastUse, phase, error, reload: load, issue, revoke };
}
