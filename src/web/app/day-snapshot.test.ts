import { describe, expect, it } from 'vitest';
import { signedInUser, snapshotToShow, type DaySnapshot } from './day-snapshot';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${base64url({ alg: 'RS256' })}.${base64url(claims)}.signature`;

/** A Storage over a plain map, in insertion order, as the snapshot code reads it. */
function storage(items: Record<string, string>) {
  const keys = Object.keys(items);
  return { length: keys.length, key: (i: number) => keys[i] ?? null, getItem: (key: string) => items[key] ?? null };
}

const CLIENT = 'CognitoIdentityServiceProvider.client123';
const signedIn = (claims: Record<string, unknown>, user = 'courier7') =>
  storage({
    'courier-day:courier-07:2026-12-06': '{}',
    [`${CLIENT}.LastAuthUser`]: user,
    [`${CLIENT}.${user}.accessToken`]: jwt(claims),
  });

describe('signedInUser', () => {
  it('reads the sub and groups of the access token Amplify stores for the last signed-in user', () => {
    expect(signedInUser(signedIn({ sub: 'sub-7', 'cognito:groups': ['courier'] }))).toEqual({
      sub: 'sub-7',
      groups: ['courier'],
    });
    expect(signedInUser(signedIn({ sub: 'sub-1' }))).toEqual({ sub: 'sub-1', groups: [] });
  });

  it('finds nobody when signed out, when the token is missing or damaged, or has no sub', () => {
    expect(signedInUser(storage({}))).toBeUndefined();
    expect(signedInUser(storage({ [`${CLIENT}.LastAuthUser`]: 'courier7' }))).toBeUndefined();
    expect(
      signedInUser(storage({ [`${CLIENT}.LastAuthUser`]: 'u', [`${CLIENT}.u.accessToken`]: 'not-a-jwt' })),
    ).toBeUndefined();
    expect(signedInUser(signedIn({ 'cognito:groups': ['courier'] }))).toBeUndefined();
  });
});

describe('snapshotToShow', () => {
  const dayStartMs = Date.parse('2026-12-06T08:00:00Z');
  const dayEndMs = Date.parse('2026-12-07T08:00:00Z');
  const snapshot: DaySnapshot = { version: 1, sub: 'sub-7', dayStartMs, dayEndMs, html: '<p>day</p>' };
  const raw = JSON.stringify(snapshot);
  const during = dayStartMs + 3_600_000;
  const at = { path: '/today', nowMs: during, sub: 'sub-7' };

  it('shows the saved day on the day page and the root, to the same user, during its company day', () => {
    expect(snapshotToShow(raw, at)).toEqual(snapshot);
    expect(snapshotToShow(raw, { ...at, path: '/' })).toEqual(snapshot);
    expect(snapshotToShow(raw, { ...at, nowMs: dayStartMs })).toEqual(snapshot);
  });

  it('shows nothing to another user, signed out, on another page, outside its day, or from a damaged record', () => {
    expect(snapshotToShow(raw, { ...at, sub: 'sub-8' })).toBeUndefined();
    expect(snapshotToShow(raw, { ...at, sub: undefined })).toBeUndefined();
    expect(snapshotToShow(raw, { ...at, path: '/today/F4R-4PK-R' })).toBeUndefined();
    expect(snapshotToShow(raw, { ...at, path: '/performance' })).toBeUndefined();
    expect(snapshotToShow(raw, { ...at, nowMs: dayEndMs })).toBeUndefined();
    expect(snapshotToShow(raw, { ...at, nowMs: dayStartMs - 1 })).toBeUndefined();
    expect(snapshotToShow(null, at)).toBeUndefined();
    expect(snapshotToShow('{not json', at)).toBeUndefined();
    expect(snapshotToShow(JSON.stringify({ ...snapshot, version: 2 }), at)).toBeUndefined();
    expect(snapshotToShow(JSON.stringify({ ...snapshot, html: undefined }), at)).toBeUndefined();
    expect(snapshotToShow(JSON.stringify({ ...snapshot, dayEndMs: 'tomorrow' }), at)).toBeUndefined();
  });
});
