import { describe, expect, it } from 'vitest';
import { courierDayTarget } from './courier-start';
import type { StoredSession } from '../lib/early-requests';

const session: StoredSession = { clientId: 'client-1', sub: 'sub-7', groups: ['courier'], accessToken: 't' };
const outputs = (custom?: Record<string, unknown>, clientId = 'client-1') => ({
  auth: { user_pool_client_id: clientId },
  data: { url: 'http://localhost:4000/graphql' },
  ...(custom ? { custom } : {}),
});
// 06:30 UTC on Dec 7 is still Dec 6 in Los Angeles (UTC-8) and already Dec 7 in Berlin.
const NOW = new Date('2026-12-07T06:30:00Z');

describe('courierDayTarget', () => {
  it("sends to the outputs' GraphQL URL for the company's day, in the company's time zone", () => {
    expect(courierDayTarget(outputs(), session, NOW)).toEqual({
      endpoint: 'http://localhost:4000/graphql',
      day: '2026-12-06',
    });
    expect(courierDayTarget(outputs({ companyTimeZone: 'Europe/Berlin' }), session, NOW)?.day).toBe('2026-12-07');
  });

  it("sends nothing for another app client's tokens, outputs without a URL, or a zone that is none", () => {
    expect(courierDayTarget(outputs(undefined, 'client-2'), session, NOW)).toBeUndefined();
    expect(courierDayTarget({ auth: { user_pool_client_id: 'client-1' } }, session, NOW)).toBeUndefined();
    expect(courierDayTarget(outputs({ companyTimeZone: 'Mars/Olympus' }), session, NOW)).toBeUndefined();
    expect(courierDayTarget(undefined, session, NOW)).toBeUndefined();
  });
});
