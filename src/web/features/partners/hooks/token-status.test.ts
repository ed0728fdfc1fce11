import { describe, expect, it } from 'vitest';
import { countTokens, lastUseByToken, tokenStatus } from './token-status';

const NOW = new Date('2026-06-01T12:00:00Z');

describe('tokenStatus', () => {
  it('is active before its expiry, expired from it on, and revoked whenever revoked', () => {
    // Prepare
    const future = '2026-06-02T00:00:00Z';
    const past = '2026-06-01T11:59:59Z';
    // Act
    const statuses = [
      tokenStatus({ expiresAt: future, revokedAt: null }, NOW),
      tokenStatus({ expiresAt: past, revokedAt: null }, NOW),
      tokenStatus({ expiresAt: NOW.toISOString(), revokedAt: null }, NOW),
      tokenStatus({ expiresAt: future, revokedAt: '2026-05-30T00:00:00Z' }, NOW),
      tokenStatus({ expiresAt: past, revokedAt: '2026-05-30T00:00:00Z' }, NOW),
    ];
    // Assess
    expect(statuses).toEqual(['active', 'expired', 'expired', 'revoked', 'revoked']);
  });
});

describe('countTokens', () => {
  it('counts only active tokens as active', () => {
    // Prepare
    const tokens = [
      { expiresAt: '2027-01-01T00:00:00Z', revokedAt: null },
      { expiresAt: '2027-01-01T00:00:00Z', revokedAt: '2026-05-01T00:00:00Z' },
      { expiresAt: '2026-01-01T00:00:00Z', revokedAt: null },
    ];
    // Act
    const counts = countTokens(tokens, NOW);
    // Assess
    expect(counts).toEqual({ active: 1, total: 3 });
  });
});

describe('lastUseByToken', () => {
  it('keeps the latest call of each token, whatever the order, and skips calls without a token', () => {
    // Prepare
    const entries = [
      { tokenId: 'aaa', at: '2026-06-01T10:00:00Z' },
      { tokenId: 'bbb', at: '2026-06-01T09:00:00Z' },
      { tokenId: 'aaa', at: '2026-06-01T11:00:00Z' },
      { tokenId: null, at: '2026-06-01T11:30:00Z' },
    ];
    // Act
    const last = lastUseByToken(entries);
    // Assess
    expect([...last.entries()].sort()).toEqual([
      ['aaa', '2026-06-01T11:00:00Z'],
      ['bbb', '2026-06-01T09:00:00Z'],
    ]);
  });
});
