// Customer texts the SMS provider did not take (it failed, timed out, or its circuit breaker was open) are sent
// again once it answers, so a provider's outage loses no message (Req 16.6) — but only while the text is still
// true: a text about a status the booking has since left is superseded by the newer one the customer got (or will
// get), and one older than the resend window is too late to help. Each failed text is resolved exactly once; a
// claim with an expiry keeps two runs from sending it twice and lets a crashed run's claim lapse.
import type { BookingStatus } from './model';
import type { Clock, Notification } from './ports';
import type { SentMessage } from './sent-messages';

/** A failed text older than this is not sent any more (a status text two hours late misleads more than it helps). */
export const RESEND_WINDOW_MS = 2 * 3_600_000;
/** How long a run holds a text it is sending before another run may take it. */
export const RESEND_CLAIM_MS = 60_000;
/** Failed texts looked at per run, oldest first. */
export const RESEND_BATCH = 50;

/** What became of a failed text: sent now, opted out meanwhile, superseded by a newer status, or too old. */
export type FailedTextResolution = 'RESENT' | 'OPTED_OUT' | 'SUPERSEDED' | 'EXPIRED';

export type FailedTextQueue = {
  /** Failed customer texts not yet resolved (and not claimed by a live run), created since `since`, oldest first. */
  unresolvedFailed(since: Date, now: Date, limit: number): Promise<SentMessage[]>;
  /** Takes a text for this run until `until`; false when another run holds it or it is resolved. */
  claim(id: string, now: Date, until: Date): Promise<boolean>;
  /** Gives a claimed text back after another failed attempt, counting the attempt. */
  release(id: string, at: Date): Promise<void>;
  /** Resolves a text for good (`resentAs`: the id of the message that was sent instead). */
  resolve(id: string, resolution: FailedTextResolution, at: Date, resentAs?: string): Promise<void>;
};

/** Sends a text again, recording the new message; throws when the provider still fails. */
export type TextResender = {
  resend(notification: Notification): Promise<{ delivery: 'SENT' | 'OPTED_OUT'; id: string }>;
};

export type FailedTextDeps = {
  queue: FailedTextQueue;
  sender: TextResender;
  /** The booking's status now (undefined when it no longer exists). */
  bookingStatus(reference: string): Promise<BookingStatus | undefined>;
  clock: Clock;
};

export type ResendReport = {
  resent: string[];
  optedOut: string[];
  superseded: string[];
  expired: string[];
  /** Set when the provider still failed: the run stopped there, and the rest wait for the next run. */
  stoppedBy?: string;
};

const notificationOf = ({ kind, to, bookingReference, trackingUrl, message }: SentMessage): Notification => ({
  kind,
  to,
  bookingReference,
  trackingUrl,
  message,
});

/**
 * One pass over the failed texts, oldest first. The first send that fails again ends the pass: the provider is
 * still down (or its breaker open), and hammering it with the rest would only fail them too.
 */
export async function resendFailedTexts(
  deps: FailedTextDeps,
  options: { windowMs?: number; batch?: number } = {},
): Promise<ResendReport> {
  const windowMs = options.windowMs ?? RESEND_WINDOW_MS;
  const now = deps.clock.now();
  const report: ResendReport = { resent: [], optedOut: [], superseded: [], expired: [] };
  // Looked back twice the window, so texts that aged out while the provider was down are resolved as expired.
  const since = new Date(now.getTime() - 2 * windowMs);
  const failed = await deps.queue.unresolvedFailed(since, now, options.batch ?? RESEND_BATCH);
  for (const text of failed) {
    if (now.getTime() - Date.parse(text.createdAt) > windowMs) {
      await deps.queue.resolve(text.id, 'EXPIRED', now);
      report.expired.push(text.id);
      continue;
    }
    const status = await deps.bookingStatus(text.bookingReference);
    if (status !== text.kind) {
      await deps.queue.resolve(text.id, 'SUPERSEDED', now);
      report.superseded.push(text.id);
      continue;
    }
    if (!(await deps.queue.claim(text.id, now, new Date(now.getTime() + RESEND_CLAIM_MS)))) continue;
    let sent: Awaited<ReturnType<TextResender['resend']>>;
    try {
      sent = await deps.sender.resend(notificationOf(text));
    } catch (error) {
      await deps.queue.release(text.id, now);
      report.stoppedBy = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      break;
    }
    // Sent: were this write to fail, the claim would lapse and the text go twice — a duplicate text rather than
    // a lost one, the lesser harm (the SDK's retries make it rare).
    const resolution = sent.delivery === 'OPTED_OUT' ? 'OPTED_OUT' : 'RESENT';
    await deps.queue.resolve(text.id, resolution, now, sent.id);
    (resolution === 'RESENT' ? report.resent : report.optedOut).push(text.id);
  }
  return report;
}
