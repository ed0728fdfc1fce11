// Where a partner token stands now (active, expired or revoked), and what the audit trail says about its use.
import type { AuditEntryFields, PartnerTokenFields } from '../api/partners-api';

export type TokenStatus = 'active' | 'expired' | 'revoked';

/** Revocation wins over expiry: a revoked token stays "revoked" after its expiry date too. */
export function tokenStatus(token: Pick<PartnerTokenFields, 'revokedAt' | 'expiresAt'>, now: Date): TokenStatus {
  if (token.revokedAt) return 'revoked';
  return Date.parse(token.expiresAt) <= now.getTime() ? 'expired' : 'active';
}

export type TokenCounts = { active: number; total: number };

export function countTokens(tokens: Pick<PartnerTokenFields, 'revokedAt' | 'expiresAt'>[], now: Date): TokenCounts {
  return { active: tokens.filter((t) => tokenStatus(t, now) === 'active').length, total: tokens.length };
}

/**
 * The latest call per token among audit entries. The API stores no "last used" on a token, so this is read
 * from the partner's recent calls: a token missing here has made none of them.
 */
export function lastUseByToken(entries: Pick<AuditEntryFields, 'tokenId' | 'at'>[]): Map<string, string> {
  const last = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.tokenId) continue;
    const known = last.get(entry.tokenId);
    if (!known || Date.parse(entry.at) > Date.parse(known)) last.set(entry.tokenId, entry.at);
  }
  return last;
}
