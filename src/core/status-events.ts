// Status changes of a partner's bookings since a cursor (the MCP list_status_events tool and GraphQL
// listStatusEvents). The change feed appends every change of a partner booking to a per-partner log; reading
// it is one Query from the cursor's position. Delivery is at least once: a retried change-feed batch may log
// a change again, so callers de-duplicate by (reference, status, at).
import { z } from 'zod';
import { ForbiddenError, ValidationError } from './errors';
import { parseInput, text } from './input-validation';
import type { Booking, PartnerStatusEvent, Principal } from './model';
import type { Clock, PartnerEventLog } from './ports';

/**
 * Entries younger than this are not listed yet: writers on different instances may log slightly out of
 * order, and a reader that moved past a position must not miss an entry that lands behind it.
 */
export const STATUS_EVENT_SETTLE_MS = 1_000;
const CURSOR_PREFIX = 'se1.';
const MAX_LIMIT = 100;

/** The status changes one booking write made, for partner bookings: the history entries it added. */
export function partnerEventsOfChange(before: Booking | undefined, after: Booking | undefined): PartnerStatusEvent[] {
  if (!after?.partnerId) return [];
  const known = before?.history.length ?? 0;
  return after.history.slice(known).map((e) => {
    const event: PartnerStatusEvent = { reference: after.reference, status: e.status, at: e.at, actor: e.actor };
    if (e.note !== undefined) event.note = e.note;
    if (e.failureReason !== undefined) event.failureReason = e.failureReason;
    return event;
  });
}

function encodeCursor(key: string): string {
  return CURSOR_PREFIX + Buffer.from(key, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const invalid = () =>
    new ValidationError('since is not a cursor this API returned; start again without it.', { field: 'since' });
  if (!cursor.startsWith(CURSOR_PREFIX)) throw invalid();
  const key = Buffer.from(cursor.slice(CURSOR_PREFIX.length), 'base64url').toString('utf8');
  if (!/^\d{4}-\d{2}-\d{2}T[^#]+#/.test(key)) throw invalid();
  return key;
}

const listSchema = z.object({
  since: z
    .string()
    .max(1024, { message: 'since is not a cursor this API returned; start again without it.' })
    .nullish()
    .transform((v) => v ?? undefined),
  limit: z
    .number()
    .int({ message: `limit must be a whole number between 1 and ${MAX_LIMIT}.` })
    .min(1, { message: 'limit must be at least 1.' })
    .max(MAX_LIMIT, { message: `limit can be at most ${MAX_LIMIT}; call again with the returned cursor.` })
    .nullish()
    .transform((v) => v ?? 50),
  partnerId: text('partnerId', 1, 64).nullish(),
});

export type StatusEventPage = {
  events: PartnerStatusEvent[];
  /** Pass as `since` next time; unchanged when nothing new happened. Absent only when there never was an event. */
  cursor?: string;
  /** True when more events are waiting: call again at once with `cursor`. */
  hasMore: boolean;
};

/**
 * The caller's bookings' status changes after `since` (oldest first). Partners read their own; admins name
 * the partner. Without `since`, from the oldest change still kept (30 days).
 */
export async function listStatusEvents(
  input: { since?: string | null; limit?: number | null; partnerId?: string | null },
  principal: Principal,
  deps: { partnerEvents: PartnerEventLog; clock: Clock; settleMs?: number },
): Promise<StatusEventPage> {
  const parsed = parseInput(listSchema, input, 'request');
  let partnerId: string;
  if (principal.role === 'PARTNER') {
    if (parsed.partnerId && parsed.partnerId !== principal.partnerId) {
      throw new ForbiddenError('Partners can only follow their own bookings.', {
        resolution: 'Leave partnerId out to follow your own bookings.',
      });
    }
    partnerId = principal.partnerId;
  } else if (principal.role === 'ADMIN' || principal.role === 'SERVICE') {
    if (!parsed.partnerId) {
      throw new ValidationError('partnerId is required: say whose bookings to follow.', { field: 'partnerId' });
    }
    partnerId = parsed.partnerId;
  } else {
    throw new ForbiddenError('Only partners and administrators can follow status events.');
  }
  const afterKey = parsed.since !== undefined ? decodeCursor(parsed.since) : undefined;
  const before = new Date(deps.clock.now().getTime() - (deps.settleMs ?? STATUS_EVENT_SETTLE_MS)).toISOString();
  const { events, more } = await deps.partnerEvents.list(partnerId, {
    ...(afterKey !== undefined ? { afterKey } : {}),
    beforeLoggedAt: before,
    limit: parsed.limit,
  });
  const last = events[events.length - 1];
  const cursor = last ? encodeCursor(last.key) : parsed.since;
  return {
    events: events.map(({ key: _position, ...event }) => event),
    ...(cursor !== undefined ? { cursor } : {}),
    hasMore: more,
  };
}
