import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitError } from '../core/errors';
import type { AuditEntry, PartnerToken } from '../core/model';
import { enforceRateLimit, partnerRateLimitKey } from '../core/rate-limit';
import { fixedClock, startTestTables, type TestTables } from './test-tables';

let db: TestTables;

beforeAll(async () => {
  db = await startTestTables();
});
afterAll(async () => {
  await db.close();
});

describe('rate limits on DynamoDB', () => {
  it('trips at exactly the configured count, not before, with the right retry-after', async () => {
    // Prepare
    const clock = fixedClock('2025-06-10T15:00:15.000Z');
    const deps = { counter: db.repos.rateLimits, clock };
    const rule = { limit: 5, windowSeconds: 60 };
    // Act
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => enforceRateLimit(partnerRateLimitKey('trip'), rule, deps)),
    );
    // Assess
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    expect(refused).toHaveLength(3);
    for (const e of refused) expect(e).toMatchObject({ name: 'RateLimitError', retryAfterSeconds: 45 });
    expect(refused[0]).toBeInstanceOf(RateLimitError);
    const { Item } = await db.local.doc.send(
      new GetCommand({ TableName: db.names.rateLimits, Key: { key: 'partner#trip#1749567600' } }),
    );
    expect(Item).toMatchObject({ count: 5 });
    expect(Item?.expiresAt).toBeGreaterThan(1749567660);
  });

  it('keeps one partner’s burst off another partner’s counter', async () => {
    const clock = fixedClock('2025-06-10T15:10:00.000Z');
    const deps = { counter: db.repos.rateLimits, clock };
    const rule = { limit: 2, windowSeconds: 60 };
    for (let i = 0; i < 2; i++) await enforceRateLimit(partnerRateLimitKey('noisy'), rule, deps);
    await expect(enforceRateLimit(partnerRateLimitKey('noisy'), rule, deps)).rejects.toBeInstanceOf(RateLimitError);
    await expect(enforceRateLimit(partnerRateLimitKey('quiet'), rule, deps)).resolves.toBeUndefined();
    await expect(enforceRateLimit(partnerRateLimitKey('quiet'), rule, deps)).resolves.toBeUndefined();
  });
});

describe('rate-limit counter items on DynamoDB', () => {
  it('adds to one counter of an item and answers with all of its counters, in one UpdateItem', async () => {
    // Prepare
    const counter = db.repos.rateLimits;
    await counter.add('item#a', 'misses', { expiresAtEpochSeconds: 1_900_000_000 });
    db.local.dynamo.operations.reset();

    // Act
    const first = await counter.add('item#a', 'lookups#1', { limit: 2, expiresAtEpochSeconds: 1_900_000_000 });

    // Assess
    expect(first).toEqual({ counted: true, counters: { misses: 1, 'lookups#1': 1 } });
    expect(db.local.dynamo.operations.snapshot().byTable[db.names.rateLimits]).toEqual({ UpdateItem: 1 });
    const { Item } = await db.local.doc.send(
      new GetCommand({ TableName: db.names.rateLimits, Key: { key: 'item#a' } }),
    );
    expect(Item?.expiresAt).toBe(1_900_000_000);
  });

  it('stops at the limit, concurrent adds included, and still answers with the counters', async () => {
    // Prepare
    const counter = db.repos.rateLimits;
    const add = () => counter.add('item#b', 'lookups#1', { limit: 3, expiresAtEpochSeconds: 1_900_000_000 });

    // Act
    const results = await Promise.all(Array.from({ length: 5 }, add));

    // Assess
    expect(results.filter((r) => r.counted)).toHaveLength(3);
    for (const r of results.filter((r) => !r.counted)) expect(r.counters).toEqual({ 'lookups#1': 3 });
    expect(await counter.add('item#never', 'misses', { limit: 0, expiresAtEpochSeconds: 1_900_000_000 })).toEqual({
      counted: false,
      counters: {},
    });
  });
});

describe('partner tokens on DynamoDB', () => {
  const token = (tokenId: string, partnerId: string, createdAt: string): PartnerToken => ({
    tokenId,
    partnerId,
    name: 'integration',
    scopes: ['bookings:read'],
    secretHash: 'ab'.repeat(32),
    rateLimitPerMinute: 60,
    createdAt,
    createdBy: { type: 'ADMIN', id: 'sub-admin' },
    expiresAt: '2026-01-01T00:00:00.000Z',
  });

  it('creates once, lists by partner, and revokes keeping the first revocation', async () => {
    // Prepare
    const repo = db.repos.partnerTokens;
    await repo.create(token('tok000000001', 'acme', '2025-06-01T00:00:00.000Z'));
    await repo.create(token('tok000000002', 'acme', '2025-06-02T00:00:00.000Z'));
    await repo.create(token('tok000000003', 'globex', '2025-06-02T00:00:00.000Z'));
    // Act
    const duplicate = await repo.create(token('tok000000001', 'acme', '2025-06-03T00:00:00.000Z')).catch((e) => e);
    const first = await repo.revoke('tok000000001', '2025-06-05T00:00:00.000Z', { type: 'ADMIN', id: 'a' });
    const second = await repo.revoke('tok000000001', '2025-06-06T00:00:00.000Z', { type: 'ADMIN', id: 'b' });
    // Assess
    expect(duplicate).toMatchObject({ name: 'ConflictError' });
    expect((await repo.listByPartner('acme')).map((t) => t.tokenId)).toEqual(['tok000000001', 'tok000000002']);
    expect(first.revokedAt).toBe('2025-06-05T00:00:00.000Z');
    expect(second).toMatchObject({ revokedAt: '2025-06-05T00:00:00.000Z', revokedBy: { id: 'a' } });
    await expect(
      repo.revoke('nope00000000', '2025-06-05T00:00:00.000Z', { type: 'ADMIN', id: 'a' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});

describe('audit on DynamoDB', () => {
  const entry = (id: string, partnerId: string, at: string): AuditEntry => ({
    id,
    partnerId,
    source: 'graphql',
    operation: 'getBooking',
    argsDigest: 'cd'.repeat(32),
    outcome: 'ok',
    latencyMs: 4,
    at,
  });

  it('lists a partner’s entries newest first, and one day across partners', async () => {
    // Prepare
    await db.repos.audit.record(entry('a1', 'acme', '2025-06-10T09:00:00.000Z'));
    await db.repos.audit.record(entry('a2', 'acme', '2025-06-11T09:00:00.000Z'));
    await db.repos.audit.record(entry('g1', 'globex', '2025-06-10T10:00:00.000Z'));
    // Act
    const acme = await db.repos.audit.list({ by: 'partner', partnerId: 'acme' }, { limit: 10 });
    const acmeDay = await db.repos.audit.list({ by: 'partner', partnerId: 'acme', day: '2025-06-10' }, { limit: 10 });
    const day = await db.repos.audit.list({ by: 'day', day: '2025-06-10' }, { limit: 10 });
    // Assess
    expect(acme.items.map((e) => e.id)).toEqual(['a2', 'a1']);
    expect(acme.items[0]).toEqual(entry('a2', 'acme', '2025-06-11T09:00:00.000Z'));
    expect(acmeDay.items.map((e) => e.id)).toEqual(['a1']);
    expect(day.items.map((e) => e.id)).toEqual(['g1', 'a1']);
  });
});

describe('partner event log on DynamoDB', () => {
  it('reads from a position, stops before the settle time, and stores a repeated append once', async () => {
    // Prepare
    const log = db.repos.partnerEvents;
    const event = (reference: string, at: string) => ({
      reference,
      status: 'BOOKED' as const,
      at,
      actor: { type: 'PARTNER' as const, id: 'acme' },
    });
    await log.append('acme', event('AAA-AAA-1', '2025-06-10T09:00:00.000Z'), '2025-06-10T09:00:01.000Z');
    await log.append('acme', event('AAA-AAA-1', '2025-06-10T09:00:00.000Z'), '2025-06-10T09:00:01.000Z');
    await log.append('acme', event('BBB-BBB-2', '2025-06-10T09:05:00.000Z'), '2025-06-10T09:05:01.000Z');
    await log.append('acme', event('CCC-CCC-3', '2025-06-10T09:10:00.000Z'), '2025-06-10T09:10:01.000Z');
    await log.append('globex', event('GGG-GGG-1', '2025-06-10T09:00:00.000Z'), '2025-06-10T09:00:01.000Z');
    // Act
    const first = await log.list('acme', { beforeLoggedAt: '2025-06-10T09:10:00.000Z', limit: 1 });
    const rest = await log.list('acme', {
      afterKey: first.events[0]!.key,
      beforeLoggedAt: '2025-06-10T09:10:00.000Z',
      limit: 10,
    });
    // Assess
    expect(first.events.map((e) => e.reference)).toEqual(['AAA-AAA-1']);
    expect(first.more).toBe(true);
    expect(rest.events.map((e) => e.reference)).toEqual(['BBB-BBB-2']);
    expect(rest.more).toBe(false);
  });
});
