import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError } from '../core/errors';
import type { Courier, Feedback } from '../core/model';
import { fixedClock, startTestTables, type TestTables } from './test-tables';

const clock = fixedClock('2025-03-02T12:00:00.000Z');
let db: TestTables;

beforeAll(async () => {
  db = await startTestTables({ clock });
});
afterAll(async () => {
  await db.close();
});

const feedback = (reference: string, overrides: Partial<Feedback> = {}): Feedback => ({
  reference,
  bookingReference: 'K7M-4QX-9',
  type: 'FEEDBACK',
  rating: 5,
  text: 'Lovely courier',
  sentiment: { label: 'POSITIVE', score: 0.9 },
  flagged: false,
  channel: 'VOICE',
  createdAt: '2025-03-02T10:00:00.000Z',
  ...overrides,
});

const courier = (id: string, overrides: Partial<Courier> = {}): Courier => ({
  id,
  name: `Courier ${id}`,
  phone: '+12065550111',
  email: `${id}@example.com`,
  vehicle: 'BICYCLE',
  active: true,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

describe('feedback repository', () => {
  beforeAll(async () => {
    await db.repos.feedback.create(feedback('F-1', { courierId: 'c1' }));
    await db.repos.feedback.create(
      feedback('F-2', {
        type: 'COMPLAINT',
        severity: 'HIGH',
        flagged: true,
        complaintCategory: 'DAMAGED_PACKAGE',
        partnerId: 'acme',
        createdAt: '2025-03-02T11:00:00.000Z',
      }),
    );
    await db.repos.feedback.create(
      feedback('F-3', {
        bookingReference: 'OTHER-1',
        type: 'COMPLAINT',
        severity: 'HIGH',
        flagged: true,
        createdAt: '2025-03-03T08:00:00.000Z',
      }),
    );
  });

  it('round-trips feedback without storage attributes and refuses a duplicate reference', async () => {
    // Act
    const read = await db.repos.feedback.get('F-2');
    const duplicate = await db.repos.feedback.create(feedback('F-1')).catch((e: unknown) => e);
    const raw = await db.local.doc.send(new GetCommand({ TableName: db.names.feedback, Key: { reference: 'F-2' } }));

    // Assess
    expect(read).toEqual(
      feedback('F-2', {
        type: 'COMPLAINT',
        severity: 'HIGH',
        flagged: true,
        complaintCategory: 'DAMAGED_PACKAGE',
        partnerId: 'acme',
        createdAt: '2025-03-02T11:00:00.000Z',
      }),
    );
    expect(raw.Item).toMatchObject({ day: '2025-03-02', flaggedDay: '2025-03-02' });
    expect(duplicate).toBeInstanceOf(ConflictError);
  });

  it('answers every query path; only flagged complaints are in the flagged index', async () => {
    // Act
    const refs = async (q: Parameters<typeof db.repos.feedback.query>[0]) =>
      (await db.repos.feedback.query(q, { limit: 10 })).items.map((f) => f.reference);
    const results = {
      booking: await refs({ by: 'booking', bookingReference: 'K7M-4QX-9' }),
      day: await refs({ by: 'day', day: '2025-03-02' }),
      courier: await refs({ by: 'courier', courierId: 'c1' }),
      partner: await refs({ by: 'partner', partnerId: 'acme' }),
      flaggedDay: await refs({ by: 'flagged', day: '2025-03-03' }),
      flagged: (await refs({ by: 'flagged' })).sort(),
    };
    const paged = await db.repos.feedback.query({ by: 'flagged' }, { limit: 1 });

    // Assess
    expect(results).toEqual({
      booking: ['F-1', 'F-2'],
      day: ['F-1', 'F-2'],
      courier: ['F-1'],
      partner: ['F-2'],
      flaggedDay: ['F-3'],
      flagged: ['F-2', 'F-3'],
    });
    expect(paged.items).toHaveLength(1);
    expect(paged.nextToken).toBeDefined();
  });
});

describe('courier repository', () => {
  it('finds couriers by id and by user sub, and lists them in pages', async () => {
    // Prepare
    for (const id of ['c-a', 'c-b', 'c-c']) await db.repos.couriers.put(courier(id, { userSub: `sub-${id}` }));

    // Act
    const byId = await db.repos.couriers.get('c-b');
    const bySub = await db.repos.couriers.getByUserSub('sub-c-c');
    const first = await db.repos.couriers.list({ limit: 2 });
    const second = await db.repos.couriers.list({ limit: 2, nextToken: first.nextToken });

    // Assess
    expect(byId).toEqual(courier('c-b', { userSub: 'sub-c-b' }));
    expect(bySub?.id).toBe('c-c');
    expect(await db.repos.couriers.getByUserSub('sub-nobody')).toBeUndefined();
    expect([...first.items, ...second.items].map((c) => c.id).sort()).toEqual(['c-a', 'c-b', 'c-c']);
  });

  it('keeps the newest location when fixes arrive out of order, and refuses an unknown courier', async () => {
    // Prepare
    await db.repos.couriers.put(courier('c-loc'));
    const newer = { lat: 47.61, lng: -122.33, at: '2025-03-02T10:00:05.000Z' };
    const older = { lat: 47.6, lng: -122.3, at: '2025-03-02T10:00:01.000Z' };

    // Act
    const afterNewer = await db.repos.couriers.updateLocation('c-loc', newer);
    const afterOlder = await db.repos.couriers.updateLocation('c-loc', older);
    const unknown = await db.repos.couriers.updateLocation('c-nobody', newer).catch((e: unknown) => e);

    // Assess
    expect(afterNewer.lastLocation).toEqual(newer);
    expect(afterOlder.lastLocation).toEqual(newer);
    expect(unknown).toBeInstanceOf(NotFoundError);
  });
});

describe('partner and membership repositories', () => {
  it('stores partners and memberships and lists partners by name', async () => {
    // Prepare
    await db.repos.partners.put({
      id: 'zeta',
      name: 'Zeta Freight',
      contactEmail: 'ops@zeta.test',
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    await db.repos.partners.put({
      id: 'acme',
      name: 'Acme Parcels',
      contactEmail: 'ops@acme.test',
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    await db.repos.memberships.put({ sub: 'sub-1', email: 'a@acme.test', partnerId: 'acme' });

    // Act
    const partners = await db.repos.partners.list();
    const membership = await db.repos.memberships.get('sub-1');

    // Assess
    expect(partners.map((p) => p.id)).toEqual(['acme', 'zeta']);
    expect(await db.repos.partners.get('zeta')).toMatchObject({ name: 'Zeta Freight' });
    expect(membership).toEqual({ sub: 'sub-1', email: 'a@acme.test', partnerId: 'acme' });
    expect(await db.repos.memberships.get('sub-2')).toBeUndefined();
  });
});

describe('idempotency store', () => {
  it('claims a key once, returns the stored result to retries, and frees released or expired keys', async () => {
    // Prepare
    const store = db.repos.idempotency;
    clock.set('2025-03-02T12:00:00.000Z');

    // Act
    const first = await store.claim('req-1', 60);
    const whilePending = await store.claim('req-1', 60);
    await store.complete('req-1', '{"reference":"K7M-4QX-9"}');
    const retry = await store.claim('req-1', 60);
    await store.release('req-1');
    const afterRelease = await store.claim('req-1', 60);
    clock.set('2025-03-02T12:05:00.000Z');
    const afterExpiry = await store.claim('req-1', 60);
    const raw = await db.local.doc.send(new GetCommand({ TableName: db.names.idempotency, Key: { key: 'req-1' } }));

    // Assess
    expect(first).toBeUndefined();
    expect(whilePending).toEqual({});
    expect(retry).toEqual({ result: '{"reference":"K7M-4QX-9"}' });
    expect(afterRelease).toBeUndefined();
    expect(afterExpiry).toBeUndefined();
    expect(raw.Item?.expiresAt).toBe(Date.parse('2025-03-02T12:05:00.000Z') / 1000 + 60);
  });

  it('lets exactly one of many concurrent claims win', async () => {
    // Act
    const results = await Promise.all(Array.from({ length: 8 }, () => db.repos.idempotency.claim('req-race', 60)));

    // Assess
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
  });
});

describe('outbox notifier', () => {
  it('keeps customer SMS with a TTL and lists them newest first, all or for one booking, a page at a time', async () => {
    // Prepare
    const sms = (bookingReference: string, message: string) => ({
      kind: 'BOOKED' as const,
      to: { phone: '+12065550100' },
      bookingReference,
      trackingUrl: `http://localhost:4000/track/${bookingReference}`,
      message,
    });
    clock.set('2025-03-02T12:00:00.000Z');
    await db.repos.outbox.send(sms('K7M-4QX-9', 'Booked'));
    clock.set('2025-03-02T12:01:00.000Z');
    await db.repos.outbox.send({ ...sms('K7M-4QX-9', 'Collected'), kind: 'COLLECTED' });
    clock.set('2025-03-02T12:02:00.000Z');
    await db.repos.outbox.record(sms('HCP-7WK-T', 'Booked too'), { delivery: 'SENT', providerMessageId: 'm-1' });
    await db.repos.admins.notify({ subject: 'Alert', text: 'Complaints', kind: 'COMPLAINT_RATE' });
    // An entry from before messages carried their tracking link (an older local data folder).
    await db.local.doc.send(
      new PutCommand({
        TableName: db.names.outbox,
        Item: {
          id: 'old-1',
          kind: 'BOOKING_CONFIRMED',
          bookingReference: 'K7M-4QX-9',
          createdAt: '2025-03-01T00:00:00.000Z',
          message: 'Old',
          expiresAt: 4_000_000_000,
        },
      }),
    );

    // Act
    const first = await db.repos.outbox.listSent({ limit: 2 });
    const second = await db.repos.outbox.listSent({ limit: 2, nextToken: first.nextToken });
    const forBooking = await db.repos.outbox.listSent({ bookingReference: 'K7M-4QX-9', limit: 10 });
    const raw = await db.local.doc.send(new ScanCommand({ TableName: db.names.outbox }));

    // Assess: the admin notice is not an SMS and stays out of the list
    expect(first.items.map((e) => e.message)).toEqual(['Booked too', 'Collected']);
    expect(first.items[0]).toMatchObject({ delivery: 'SENT', providerMessageId: 'm-1' });
    expect(second.items.map((e) => e.message)).toEqual(['Booked']);
    expect(second.nextToken).toBeUndefined();
    expect(forBooking.items.map((e) => [e.kind, e.delivery])).toEqual([
      ['COLLECTED', 'OUTBOX'],
      ['BOOKED', 'OUTBOX'],
    ]);
    expect(forBooking.items[0]).not.toHaveProperty('expiresAt');
    expect(forBooking.items[0]).not.toHaveProperty('channel');
    expect(raw.Items?.every((i) => typeof i.expiresAt === 'number')).toBe(true);
  });
});
