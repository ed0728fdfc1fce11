// The courier's day as the phone last showed it, painted before the app's code has run (issue 10, first load).
// A phone on the road re-opens the app many times a day; React and Amplify take seconds to parse and start on a
// slow phone, so the page the courier saw last (the /today screen, as the app itself rendered it) is kept on the
// phone and shown at once — marked as the saved copy it is, links working, nothing else clickable — until the app
// renders its own day over it. Plain DOM only: this module is part of the entry every page downloads first.

import { decodeClaims, readGroups } from '../lib/token-claims';

/** One saved screen: whose it is, for which company day, and the markup the app rendered. */
export type DaySnapshot = {
  version: 1;
  /** The Cognito user (`sub` of the access token) who saw it. */
  sub: string;
  /** The company day it belongs to, as instants: shown only while that day lasts. */
  dayStartMs: number;
  dayEndMs: number;
  html: string;
};

const KEY = 'courier-day-snapshot';
const CONTAINER_ID = 'day-snapshot';
/** Set on <html> while the saved day stands in for the app (styles.css hides #root meanwhile). */
const SHOWING = 'snapshot';
/** Amplify's token storage: `CognitoIdentityServiceProvider.<client id>.LastAuthUser` names the signed-in user. */
const TOKEN_PREFIX = 'CognitoIdentityServiceProvider.';
const LAST_AUTH_USER = '.LastAuthUser';
/** The pages a courier's start opens on: the day itself, and the root the courier app redirects to it. */
const DAY_PATHS = new Set(['/', '/today', '/today/']);

type KeyValueStore = Pick<Storage, 'getItem' | 'key' | 'length'>;

/** The signed-in user on this device, from the access token as Amplify stores it; none when signed out. */
export function signedInUser(storage: KeyValueStore): { sub: string; groups: string[] } | undefined {
  for (let i = 0; i < storage.length; i += 1) {
    const key = storage.key(i);
    if (!key?.startsWith(TOKEN_PREFIX) || !key.endsWith(LAST_AUTH_USER)) continue;
    const user = storage.getItem(key);
    const token = user ? storage.getItem(`${key.slice(0, -LAST_AUTH_USER.length)}.${user}.accessToken`) : null;
    const claims = token ? decodeClaims(token) : undefined;
    if (typeof claims?.sub !== 'string' || !claims.sub) continue;
    return { sub: claims.sub, groups: readGroups(claims) };
  }
  return undefined;
}

/**
 * The saved day to show, if it may be shown: the page is the day, the same user is still signed in on this
 * device, and the company day it was saved on has not ended. Anything else (signed out, another courier on a
 * shared phone, yesterday's list, a deep link, a damaged record) shows nothing.
 */
export function snapshotToShow(
  raw: string | null,
  at: { path: string; nowMs: number; sub: string | undefined },
): DaySnapshot | undefined {
  if (!raw || !at.sub || !DAY_PATHS.has(at.path)) return undefined;
  let saved: Partial<DaySnapshot>;
  try {
    saved = JSON.parse(raw) as Partial<DaySnapshot>;
  } catch {
    return undefined;
  }
  if (saved.version !== 1 || saved.sub !== at.sub || typeof saved.html !== 'string') return undefined;
  if (typeof saved.dayStartMs !== 'number' || typeof saved.dayEndMs !== 'number') return undefined;
  if (at.nowMs < saved.dayStartMs || at.nowMs >= saved.dayEndMs) return undefined;
  return saved as DaySnapshot;
}

/** Paints the saved day, if there is one to show (see `snapshotToShow`). Returns whether it did. */
export function showSavedDay(): boolean {
  try {
    const snapshot = snapshotToShow(localStorage.getItem(KEY), {
      path: location.pathname,
      nowMs: Date.now(),
      sub: signedInUser(localStorage)?.sub,
    });
    const root = document.getElementById('root');
    if (!snapshot || !root) return false;
    const container = document.createElement('div');
    container.id = CONTAINER_ID;
    container.setAttribute('aria-busy', 'true');
    // The app's own markup, rendered by React from the courier's data (escaped there) and kept on this phone.
    container.innerHTML = snapshot.html;
    root.before(container);
    document.documentElement.dataset[SHOWING] = '';
    performance.mark('day-snapshot-shown');
    return true;
  } catch {
    // No storage, or a damaged record: the app starts as it would without it.
    return false;
  }
}

/** The app has rendered its own page: the saved copy goes. Safe to call any number of times. */
export function dismissSavedDay(): void {
  document.getElementById(CONTAINER_ID)?.remove();
  delete document.documentElement.dataset[SHOWING];
}

/**
 * Keeps the day's screen as the app rendered it in `root`, for the next start: test ids and element ids are
 * renamed so the copy never answers for the live page, what is true only of the live page (`data-snapshot-omit`:
 * its connection, its data's age) is left out, and a line says it is the copy saved at `savedAtText`.
 */
export function saveDaySnapshot(
  root: HTMLElement,
  day: { dayStartMs: number; dayEndMs: number; savedAtText: string },
): void {
  try {
    const sub = signedInUser(localStorage)?.sub;
    if (!sub) return;
    const copy = root.cloneNode(true) as HTMLElement;
    // What is true only of the live page (its connection, the age of its data) is left out of the copy.
    for (const element of copy.querySelectorAll('[data-snapshot-omit]')) element.remove();
    for (const element of copy.querySelectorAll('[data-testid]')) {
      element.setAttribute('data-snapshot-testid', element.getAttribute('data-testid') ?? '');
      element.removeAttribute('data-testid');
    }
    for (const element of copy.querySelectorAll('[id]')) element.removeAttribute('id');
    const notice = document.createElement('p');
    notice.className = 'muted snapshot-notice';
    notice.textContent = `Opening… this is your day as this phone saved it at ${day.savedAtText}.`;
    (copy.querySelector('.mobile__content') ?? copy).prepend(notice);
    const snapshot: DaySnapshot = {
      version: 1,
      sub,
      dayStartMs: day.dayStartMs,
      dayEndMs: day.dayEndMs,
      html: copy.innerHTML,
    };
    localStorage.setItem(KEY, JSON.stringify(snapshot));
  } catch {
    // A full or unavailable storage only costs the quick start.
  }
}

/** Signing out forgets the saved screen with the rest of the courier's copy. */
export function forgetDaySnapshot(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing was kept.
  }
}
