// The "Issue token" form's draft and its checks: the admin picks a name, scopes, an expiry day and a rate
// limit; a valid draft becomes the API's issuePartnerToken request. The API checks everything again.
import { addDays, isDay, type BusinessCalendar } from '../../../../core/business-calendar';
import { PARTNER_SCOPES } from '../../../../core/model';
import type { TokenRequest } from '../api/partners-api';

/** The expiry offered by default: long enough for an integration, short enough to force rotation. */
export const DEFAULT_TOKEN_DAYS = 90;
/** The latest expiry offered: the API refuses tokens living longer than two years. */
export const MAX_TOKEN_DAYS = 730;
/** The API's default and ceiling for requests per minute. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 60;
export const MAX_RATE_LIMIT_PER_MINUTE = 10_000;

export type TokenDraft = {
  name: string;
  scopes: string[];
  /** The last day the token works, YYYY-MM-DD of the company's calendar: it expires at that day's end. */
  expiresOn: string;
  rateLimitPerMinute: string;
};

export type TokenDraftField = keyof TokenDraft;
export type TokenDraftErrors = Partial<Record<TokenDraftField, string>>;

/** The days the expiry picker offers: from the company's today to MAX_TOKEN_DAYS ahead. */
export function expiryBounds(now: Date, calendar: BusinessCalendar): { min: string; max: string } {
  const today = calendar.dayOf(now);
  return { min: today, max: addDays(today, MAX_TOKEN_DAYS) };
}

export function initialTokenDraft(now: Date, calendar: BusinessCalendar): TokenDraft {
  return {
    name: '',
    scopes: ['bookings:read'],
    expiresOn: addDays(calendar.dayOf(now), DEFAULT_TOKEN_DAYS),
    rateLimitPerMinute: String(DEFAULT_RATE_LIMIT_PER_MINUTE),
  };
}

/** The last second of a company day (23:59:59 on its clock), as the instant the API stores. */
export function endOfCompanyDay(day: string, calendar: BusinessCalendar): Date {
  return new Date(calendar.endOf(day).getTime() - 1000);
}

/** Checks a draft; every message names its field and says what to do. */
export function checkTokenDraft(
  partnerId: string,
  draft: TokenDraft,
  now: Date,
  calendar: BusinessCalendar,
): { ok: true; request: TokenRequest } | { ok: false; errors: TokenDraftErrors } {
  const errors: TokenDraftErrors = {};
  const name = draft.name.trim().replace(/\s+/g, ' ');
  if (name.length === 0) errors.name = 'Name is required: say what the token is for, e.g. "warehouse integration".';
  else if (name.length > 100) errors.name = 'Name can be at most 100 characters; shorten it.';

  const scopes = PARTNER_SCOPES.filter((scope) => draft.scopes.includes(scope));
  if (scopes.length === 0) errors.scopes = 'Scopes: tick at least one thing the token may do.';

  const bounds = expiryBounds(now, calendar);
  if (!isDay(draft.expiresOn)) {
    errors.expiresOn = 'Expires on must be a date; pick one in the calendar.';
  } else if (draft.expiresOn < bounds.min) {
    errors.expiresOn = 'Expires on is in the past; choose today or a later day.';
  } else if (draft.expiresOn > bounds.max) {
    errors.expiresOn = `Expires on can be at most ${MAX_TOKEN_DAYS} days ahead (${bounds.max}); choose an earlier day.`;
  }

  const rate = Number(draft.rateLimitPerMinute.trim());
  if (draft.rateLimitPerMinute.trim() === '' || !Number.isInteger(rate)) {
    errors.rateLimitPerMinute = `Rate limit must be a whole number of requests per minute, e.g. ${DEFAULT_RATE_LIMIT_PER_MINUTE}.`;
  } else if (rate < 1 || rate > MAX_RATE_LIMIT_PER_MINUTE) {
    errors.rateLimitPerMinute = `Rate limit must be between 1 and ${MAX_RATE_LIMIT_PER_MINUTE.toLocaleString('en')} requests per minute.`;
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    request: {
      partnerId,
      name,
      scopes,
      expiresAt: endOfCompanyDay(draft.expiresOn, calendar).toISOString(),
      rateLimitPerMinute: rate,
    },
  };
}
