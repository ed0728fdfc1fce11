// How audit entries read on screen: a shortened argument digest, the latency, the outcome's tone.

/** Enough of the hex digest to tell calls apart at a glance; the full digest stays in the title. */
export function shortDigest(digest: string, length = 12): string {
  return digest.length > length ? `${digest.slice(0, length)}…` : digest;
}

export function formatLatency(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** 'ok' reads as success; anything else is the error type the caller was given. */
export function outcomeLabel(outcome: string): { text: string; ok: boolean } {
  return outcome === 'ok' ? { text: 'OK', ok: true } : { text: outcome, ok: false };
}
