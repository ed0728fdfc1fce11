import { describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthorizedError, ValidationError } from './errors';
import {
  hashSecret,
  issuePartnerToken,
  listPartnerTokens,
  loadPartnerCredential,
  parsePartnerToken,
  type IssuePartnerTokenInput,
  partnerPrincipal,
  revokePartnerToken,
  sameDigest,
  TOKEN_REFUSALS,
  verifyPartnerToken,
} from './partner-tokens';
import { seededRandom } from './seeded-random';
import { fixedClock } from './system-clock';
import { acme, admin, courier7 } from './testing/fixtures';
import { createMemoryPartnerRepository, createMemoryPartnerTokenRepository } from './testing/memory-repositories';

const NOW = '2025-06-10T15:00:00.000Z';

function setup() {
  const clock = fixedClock(NOW);
  const partners = createMemoryPartnerRepository([
    { id: 'acme', name: 'Acme', contactEmail: 'p@acme.example', createdAt: NOW },
    { id: 'globex', name: 'Globex', contactEmail: 'p@globex.example', createdAt: NOW },
  ]);
  const partnerTokens = createMemoryPartnerTokenRepository();
  return { clock, partners, partnerTokens, random: seededRandom(7) };
}

const request = (overrides: Record<string, unknown> = {}) =>
  ({
    partnerId: 'acme',
    name: 'warehouse',
    scopes: ['bookings:read', 'bookings:write'],
    expiresAt: '2025-07-10T00:00:00Z',
    rateLimitPerMinute: 30,
    ...overrides,
  }) as IssuePartnerTokenInput;

describe('issuePartnerToken', () => {
  it('returns the token once and stores only the SHA-256 of its secret', async () => {
    // Prepare
    const deps = setup();
    // Act
    const { token, tokenInfo } = await issuePartnerToken(request(), admin, deps);
    // Assess
    const parts = parsePartnerToken(token);
    expect(token).toMatch(/^cvb_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(parts?.tokenId).toBe(tokenInfo.tokenId);
    const [stored] = deps.partnerTokens.all();
    expect(stored?.secretHash).toBe(hashSecret(parts!.secret));
    expect(JSON.stringify(stored)).not.toContain(parts!.secret);
    expect(tokenInfo).not.toHaveProperty('secretHash');
    expect(tokenInfo).toMatchObject({
      partnerId: 'acme',
      scopes: ['bookings:read', 'bookings:write'],
      rateLimitPerMinute: 30,
    });
  });

  it('gives every token a different secret', async () => {
    const deps = setup();
    const a = await issuePartnerToken(request(), admin, deps);
    const b = await issuePartnerToken(request(), admin, deps);
    expect(parsePartnerToken(a.token)?.secret).not.toBe(parsePartnerToken(b.token)?.secret);
  });

  it('refuses anyone but an administrator', async () => {
    const deps = setup();
    await expect(issuePartnerToken(request(), acme, deps)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(issuePartnerToken(request(), courier7, deps)).rejects.toBeInstanceOf(ForbiddenError);
    expect(deps.partnerTokens.all()).toHaveLength(0);
  });

  it('names unknown scopes, past expiries and bad limits', async () => {
    const deps = setup();
    const error = await issuePartnerToken(
      request({ scopes: ['bookings:delete'], rateLimitPerMinute: 0 }),
      admin,
      deps,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field).sort()).toEqual(['rateLimitPerMinute', 'scopes.0']);
    expect((error as Error).message).toContain("'bookings:delete' is not recognised; use one of bookings:read");
    await expect(issuePartnerToken(request({ expiresAt: '2025-06-01T00:00:00Z' }), admin, deps)).rejects.toThrow(
      /expiresAt is in the past/,
    );
  });
});

describe('verifyPartnerToken', () => {
  it('accepts a valid token and returns its credential', async () => {
    const deps = setup();
    const { token, tokenInfo } = await issuePartnerToken(request(), admin, deps);
    const credential = await verifyPartnerToken(token, deps);
    expect(credential).toEqual({
      tokenId: tokenInfo.tokenId,
      partnerId: 'acme',
      partnerName: 'Acme',
      scopes: ['bookings:read', 'bookings:write'],
      expiresAt: '2025-07-10T00:00:00.000Z',
      rateLimitPerMinute: 30,
    });
    expect(partnerPrincipal(credential)).toMatchObject({
      role: 'PARTNER',
      partnerId: 'acme',
      tokenId: tokenInfo.tokenId,
    });
  });

  it('refuses malformed, unknown, wrong-secret, expired and revoked tokens with distinct messages', async () => {
    // Prepare
    const deps = setup();
    const { token, tokenInfo } = await issuePartnerToken(request(), admin, deps);
    const wrongSecret = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    const unknownId = token.replace(tokenInfo.tokenId, 'zzzzzzzzzzzz');
    const refusal = (t: string) =>
      verifyPartnerToken(t, deps).then(
        () => new Error('accepted'),
        (e: unknown) => e as Error,
      );
    // Act
    const malformed = await refusal('Bearer abc');
    const unknown = await refusal(unknownId);
    const wrong = await refusal(wrongSecret);
    deps.clock.set('2025-07-10T00:00:00.000Z');
    const expired = await refusal(token);
    deps.clock.set(NOW);
    await revokePartnerToken(tokenInfo.tokenId, admin, deps);
    const revoked = await refusal(token);
    // Assess
    for (const e of [malformed, unknown, wrong, expired, revoked]) expect(e).toBeInstanceOf(UnauthorizedError);
    expect(malformed.message).toBe(TOKEN_REFUSALS.malformed);
    expect(unknown.message).toBe(TOKEN_REFUSALS.unknown);
    expect(wrong.message).toBe(TOKEN_REFUSALS.unknown);
    expect(expired.message).toBe(TOKEN_REFUSALS.expired);
    expect(revoked.message).toBe(TOKEN_REFUSALS.revoked);
  });

  it('does not reveal that a token is revoked to someone without its secret', async () => {
    const deps = setup();
    const { token, tokenInfo } = await issuePartnerToken(request(), admin, deps);
    await revokePartnerToken(tokenInfo.tokenId, admin, deps);
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await expect(verifyPartnerToken(forged, deps)).rejects.toThrow(TOKEN_REFUSALS.unknown);
  });
});

describe('sameDigest', () => {
  it('compares digests exactly, and never matches empty or differently sized input', () => {
    const digest = hashSecret('s3cret');
    expect(sameDigest(digest, hashSecret('s3cret'))).toBe(true);
    expect(sameDigest(digest, hashSecret('s3creT'))).toBe(false);
    expect(sameDigest(digest, digest.slice(0, 32))).toBe(false);
    expect(sameDigest('', '')).toBe(false);
  });
});

describe('listing, revoking and loading by id', () => {
  it('lists a partner’s tokens without hashes, keeps the first revocation, and refuses revoked ids', async () => {
    // Prepare
    const deps = setup();
    const first = await issuePartnerToken(request(), admin, deps);
    await issuePartnerToken(request({ partnerId: 'globex' }), admin, deps);
    // Act
    const revoked = await revokePartnerToken(first.tokenInfo.tokenId, admin, deps);
    deps.clock.set('2025-06-10T16:00:00.000Z');
    const again = await revokePartnerToken(first.tokenInfo.tokenId, admin, deps);
    const listed = await listPartnerTokens('acme', admin, deps);
    // Assess
    expect(listed).toHaveLength(1);
    expect(listed[0]).not.toHaveProperty('secretHash');
    expect(again.revokedAt).toBe(revoked.revokedAt);
    expect(revoked.revokedBy).toMatchObject({ type: 'ADMIN', id: 'sub-admin' });
    await expect(loadPartnerCredential(first.tokenInfo.tokenId, deps)).rejects.toThrow(TOKEN_REFUSALS.revoked);
    await expect(listPartnerTokens('acme', acme, deps)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
