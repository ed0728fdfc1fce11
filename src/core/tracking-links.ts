// The public tracking page's address for a booking: every customer message carries it.

/** Builds `<base>/track/<reference>`: the web app's public tracking page for one booking. */
export type TrackingLinks = { forBooking(reference: string): string };

/**
 * Why a value cannot be the web app's public base URL, or undefined when it can: an absolute http(s) URL
 * with no query or fragment (a path prefix is kept, e.g. https://example.com/courier).
 */
export function trackingBaseUrlIssue(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `'${value}' is not an absolute URL; use the web app's address, e.g. https://d111111abcdef8.cloudfront.net`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `'${value}' must start with https:// (or http://)`;
  if (url.search || url.hash) return `'${value}' must not carry a query or a fragment`;
  return undefined;
}

/**
 * The links for a base URL, or for a base known only later (a local server whose port the OS picks):
 * asking for a link before the base is known is an error, never a link to the wrong place.
 */
export function createTrackingLinks(base: string | (() => string | undefined)): TrackingLinks {
  const resolve = (): string => {
    const value = typeof base === 'function' ? base() : base;
    if (value === undefined) throw new Error('The web app’s public URL is not known yet: no tracking link can be made');
    const issue = trackingBaseUrlIssue(value);
    if (issue) throw new RangeError(`Tracking link base URL: ${issue}`);
    return value.replace(/\/+$/, '');
  };
  if (typeof base === 'string') resolve();
  return { forBooking: (reference) => `${resolve()}/track/${encodeURIComponent(reference)}` };
}
