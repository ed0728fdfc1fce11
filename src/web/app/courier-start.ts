// A signed-in courier's first API round trip, sent by the page's entry while React and Amplify download
// (issue 10, cold first load): `me` and the day's first page, the requests the app makes first. The app's
// GraphQL client takes their answers (lib/early-requests.ts). Plain DOM only: this module is part of the entry.
import { createBusinessCalendar, DEFAULT_TIME_ZONE } from '../../core/business-calendar';
import { MeDocument } from '../../generated/graphql';
import { firstDayPageRequest } from '../features/courier-day/api/day-request';
import { fetchOutputsEarly, sendEarlyRequests, storedSession, type StoredSession } from '../lib/early-requests';

/** Where to send them: the outputs' GraphQL URL and the company's day now, if the outputs are this session's. */
export function courierDayTarget(
  outputs: unknown,
  session: StoredSession,
  now: Date,
): { endpoint: string; day: string } | undefined {
  const o = outputs as {
    auth?: { user_pool_client_id?: unknown };
    data?: { url?: unknown };
    custom?: { companyTimeZone?: unknown };
  } | null;
  // Tokens of another app client (an older deployment's) are not the session Amplify will open: none sent.
  if (!o || o.auth?.user_pool_client_id !== session.clientId) return undefined;
  const endpoint = o.data?.url;
  if (typeof endpoint !== 'string' || !/^https?:\/\//.test(endpoint)) return undefined;
  const timeZone = o.custom?.companyTimeZone;
  try {
    const calendar = createBusinessCalendar(typeof timeZone === 'string' && timeZone ? timeZone : DEFAULT_TIME_ZONE);
    return { endpoint, day: calendar.dayOf(now) };
  } catch {
    // Not a time zone: the app's start reports the outputs as it would have.
    return undefined;
  }
}

/** Sends the courier's first requests, if a courier is signed in with unexpired tokens; otherwise nothing. */
export function startCourierRequests(): void {
  try {
    if (location.pathname.startsWith('/track/')) return;
    const session = storedSession(localStorage, Date.now());
    if (!session?.groups.includes('courier')) return;
    void fetchOutputsEarly().then((outputs) => {
      const target = courierDayTarget(outputs, session, new Date());
      if (!target) return;
      sendEarlyRequests(target.endpoint, session, [
        { query: MeDocument.toString(), variables: {} },
        firstDayPageRequest(target.day),
      ]);
    });
  } catch {
    // No storage: the app starts on its own path.
  }
}
