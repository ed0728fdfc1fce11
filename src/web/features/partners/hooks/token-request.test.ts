import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TOKEN_DAYS,
  MAX_TOKEN_DAYS,
  checkTokenDraft,
  endOfLocalDay,
  expiryBounds,
  initialTokenDraft,
  type TokenDraft,
} from './token-request';

const NOW = new Date(2026, 5, 1, 9, 30); // 1 June 2026, 09:30 local

function draft(overrides: Partial<TokenDraft> = {}): TokenDraft {
  return { ...initialTokenDraft(NOW), name: 'warehouse integration', ...overrides };
}

describe('initialTokenDraft', () => {
  it('reads bookings only, expires after the default days and allows 60 requests a minute', () => {
    // Act
    const initial = initialTokenDraft(NOW);
    // Assess
    expect(DEFAULT_TOKEN_DAYS).toBe(90);
    expect(initial).toEqual({ name: '', scopes: ['bookings:read'], expiresOn: '2026-08-30', rateLimitPerMinute: '60' });
  });
});

describe('checkTokenDraft', () => {
  it('turns a valid draft into the API request, expiring at the end of the chosen local day', () => {
    // Act
    const checked = checkTokenDraft(
      'acme',
      draft({ name: '  warehouse   feed ', scopes: ['feedback:write', 'bookings:read'], rateLimitPerMinute: ' 120 ' }),
      NOW,
    );
    // Assess
    expect(checked).toEqual({
      ok: true,
      request: {
        partnerId: 'acme',
        name: 'warehouse feed',
        scopes: ['bookings:read', 'feedback:write'],
        expiresAt: new Date(2026, 7, 30, 23, 59, 59).toISOString(),
        rateLimitPerMinute: 120,
      },
    });
  });

  it('names every wrong field with what to do', () => {
    // Act
    const checked = checkTokenDraft(
      'acme',
      { name: '   ', scopes: ['admin:everything'], expiresOn: '2026-05-31', rateLimitPerMinute: '2.5' },
      NOW,
    );
    // Assess
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.name).toMatch(/^Name is required/);
    expect(checked.errors.scopes).toMatch(/^Scopes: tick at least one/);
    expect(checked.errors.expiresOn).toMatch(/^Expires on is in the past/);
    expect(checked.errors.rateLimitPerMinute).toMatch(/^Rate limit must be a whole number/);
  });

  it('accepts today and the last offered day, and refuses a day beyond it or a rate out of range', () => {
    // Prepare
    const { min, max } = expiryBounds(NOW);
    // Act
    const today = checkTokenDraft('acme', draft({ expiresOn: min }), NOW);
    const last = checkTokenDraft('acme', draft({ expiresOn: max }), NOW);
    const beyond = checkTokenDraft('acme', draft({ expiresOn: '2028-06-01', rateLimitPerMinute: '10001' }), NOW);
    const empty = checkTokenDraft('acme', draft({ expiresOn: '', rateLimitPerMinute: '0' }), NOW);
    // Assess
    expect(min).toBe('2026-06-01');
    expect(max).toBe('2028-05-31');
    expect(MAX_TOKEN_DAYS).toBe(730);
    expect(today.ok).toBe(true);
    expect(last.ok).toBe(true);
    expect(beyond).toMatchObject({
      ok: false,
      errors: { expiresOn: expect.stringContaining('at most 730 days'), rateLimitPerMinute: expect.any(String) },
    });
    expect(empty).toMatchObject({
      ok: false,
      errors: { expiresOn: expect.stringContaining('must be a date'), rateLimitPerMinute: expect.any(String) },
    });
  });
});

describe('endOfLocalDay', () => {
  it('is the last second of the day in local time', () => {
    // Act
    const end = endOfLocalDay('2026-12-31');
    // Assess
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes()]).toEqual([
      2026, 11, 31, 23, 59,
    ]);
  });
});
