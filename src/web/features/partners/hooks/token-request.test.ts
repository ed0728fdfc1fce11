import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../../../core/business-calendar';
import {
  DEFAULT_TOKEN_DAYS,
  MAX_TOKEN_DAYS,
  checkTokenDraft,
  endOfCompanyDay,
  expiryBounds,
  initialTokenDraft,
  type TokenDraft,
} from './token-request';

const seattle = createBusinessCalendar('America/Los_Angeles');
/** 1 June 2026, 09:30 in Seattle (16:30 UTC, 01:30 on 2 June in Tokyo). */
const NOW = new Date('2026-06-01T16:30:00Z');

function draft(overrides: Partial<TokenDraft> = {}): TokenDraft {
  return { ...initialTokenDraft(NOW, seattle), name: 'warehouse integration', ...overrides };
}

describe('initialTokenDraft', () => {
  it('reads bookings only, expires after the default days and allows 60 requests a minute', () => {
    // Act
    const initial = initialTokenDraft(NOW, seattle);
    // Assess
    expect(DEFAULT_TOKEN_DAYS).toBe(90);
    expect(initial).toEqual({ name: '', scopes: ['bookings:read'], expiresOn: '2026-08-30', rateLimitPerMinute: '60' });
  });
});

describe('checkTokenDraft', () => {
  it('turns a valid draft into the API request, expiring at the end of the chosen company day', () => {
    // Act
    const checked = checkTokenDraft(
      'acme',
      draft({ name: '  warehouse   feed ', scopes: ['feedback:write', 'bookings:read'], rateLimitPerMinute: ' 120 ' }),
      NOW,
      seattle,
    );
    // Assess
    expect(checked).toEqual({
      ok: true,
      request: {
        partnerId: 'acme',
        name: 'warehouse feed',
        scopes: ['bookings:read', 'feedback:write'],
        expiresAt: '2026-08-31T06:59:59.000Z',
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
      seattle,
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
    const { min, max } = expiryBounds(NOW, seattle);
    // Act
    const today = checkTokenDraft('acme', draft({ expiresOn: min }), NOW, seattle);
    const last = checkTokenDraft('acme', draft({ expiresOn: max }), NOW, seattle);
    const beyond = checkTokenDraft(
      'acme',
      draft({ expiresOn: '2028-06-01', rateLimitPerMinute: '10001' }),
      NOW,
      seattle,
    );
    const empty = checkTokenDraft('acme', draft({ expiresOn: '', rateLimitPerMinute: '0' }), NOW, seattle);
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

describe('endOfCompanyDay', () => {
  it("is the last second of the day on the company's clock, in winter and in summer", () => {
    // Act
    const winter = endOfCompanyDay('2026-12-31', seattle);
    const summer = endOfCompanyDay('2026-07-04', seattle);
    // Assess
    expect(winter.toISOString()).toBe('2027-01-01T07:59:59.000Z');
    expect(summer.toISOString()).toBe('2026-07-05T06:59:59.000Z');
  });
});

describe('expiryBounds', () => {
  it("starts on the company's today, not the viewer's", () => {
    // Prepare: 8 pm on 1 June in Seattle is already 2 June in UTC and in Tokyo.
    const evening = new Date('2026-06-02T03:00:00Z');
    // Act
    const bounds = expiryBounds(evening, seattle);
    const inTokyo = expiryBounds(evening, createBusinessCalendar('Asia/Tokyo'));
    // Assess
    expect(bounds).toEqual({ min: '2026-06-01', max: '2028-05-31' });
    expect(inTokyo.min).toBe('2026-06-02');
  });
});
