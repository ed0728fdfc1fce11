import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createBusinessCalendar } from '../core/business-calendar';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors';
import type { Booking, BookingStatus } from '../core/model';
import type { BookingQuery, BookingRepository } from '../core/ports';
import { createBookingRepository } from './booking-repository';
import { makeBooking, startTestTables, type TestTables } from './test-tables';

let db: TestTables;
let bookings: BookingRepository;
let counter = 0;
const uniqueRef = () =>
  `T${String(++counter).padStart(2, '0')}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;

beforeAll(async () => {
  db = await startTestTables();
  bookings = db.repos.bookings;
});
afterAll(async () => {
  await db.close();
});

async function readAll(q: BookingQuery, limit: number): Promise<{ refs: string[]; pages: number }> {
  const refs: string[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await bookings.query(q, { limit, nextToken });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    refs.push(...page.items.map((b) => b.reference));
    nextToken = page.nextToken;
    pages++;
  } while (nextToken);
  return { refs, pages };
}

describe('booking repository: create, get, update', () => {
  it('stores a booking and reads back exactly the domain object, without storage attributes', async () => {
    // Prepare
    const booking = makeBooking({ reference: uniqueRef(), courierId: 'courier-01', eta: '2025-03-02T17:00:00.000Z' });

    // Act
    await bookings.create(booking);
    const read = await bookings.get(booking.reference);
    const raw = await db.local.doc.send(
      new GetCommand({ TableName: db.names.bookings, Key: { reference: booking.reference } }),
    );

    // Assess
    expect(read).toEqual(booking);
    expect(raw.Item).toMatchObject({
      day: '2025-03-02',
      statusAt: `BOOKED#${booking.updatedAt}#${booking.reference}`,
      dayAt: `2025-03-02#${booking.createdAt}`,
      courierId: 'courier-01',
    });
    expect(raw.Item).not.toHaveProperty('partnerId');
    expect(raw.Item).not.toHaveProperty('expiresAt');
  });

  it('returns undefined for an unknown reference', async () => {
    // Act
    const read = await bookings.get('NOPE-NOPE-0');

    // Assess
    expect(read).toBeUndefined();
  });

  it('rejects a second booking with the same reference as a ConflictError', async () => {
    // Prepare
    const booking = makeBooking({ reference: uniqueRef() });
    await bookings.create(booking);

    // Act
    const error = await bookings.create({ ...booking, customerName: 'Someone Else' }).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(ConflictError);
    expect((await bookings.get(booking.reference))?.customerName).toBe('Ada Lovelace');
  });

  it('lets exactly one of many concurrent creates with the same reference win', async () => {
    // Prepare
    const reference = uniqueRef();
    const contenders = Array.from({ length: 10 }, (_, i) => makeBooking({ reference, customerName: `Caller ${i}` }));

    // Act
    const results = await Promise.allSettled(contenders.map((b) => bookings.create(b)));

    // Assess
    const winners = results.filter((r) => r.status === 'fulfilled');
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(winners).toHaveLength(1);
    expect(losers.every((r) => r.reason instanceof ConflictError)).toBe(true);
    const stored = await bookings.get(reference);
    expect(stored?.customerName).toBe(contenders[results.indexOf(winners[0]!)]!.customerName);
  });

  it('updates with the expected version and bumps it; a stale version is a ConflictError with a resolution', async () => {
    // Prepare
    const booking = makeBooking({ reference: uniqueRef() });
    await bookings.create(booking);

    // Act
    const updated = await bookings.update(
      { ...booking, status: 'COLLECTED', updatedAt: '2025-03-02T14:10:00.000Z' },
      1,
    );
    const stale = await bookings.update({ ...booking, status: 'CANCELLED' }, 1).catch((e: unknown) => e);
    const missing = await bookings.update(makeBooking({ reference: uniqueRef() }), 1).catch((e: unknown) => e);

    // Assess
    expect(updated.version).toBe(2);
    expect(await bookings.get(booking.reference)).toEqual(updated);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).resolution).toMatch(/reload/i);
    expect(missing).toBeInstanceOf(NotFoundError);
  });

  it('lets exactly one of many concurrent updates from the same version win', async () => {
    // Prepare
    const booking = makeBooking({ reference: uniqueRef() });
    await bookings.create(booking);
    const statuses: BookingStatus[] = ['COLLECTED', 'CANCELLED', 'IN_TRANSIT', 'FAILED_DELIVERY', 'OUT_FOR_DELIVERY'];

    // Act
    const results = await Promise.allSettled(
      statuses.map((status) => bookings.update({ ...booking, status, updatedAt: '2025-03-02T15:00:00.000Z' }, 1)),
    );

    // Assess
    const winners = results.filter((r): r is PromiseFulfilledResult<Booking> => r.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof ConflictError)).toHaveLength(4);
    expect(await bookings.get(booking.reference)).toEqual(winners[0]!.value);
  });
});

describe('booking repository: retention', () => {
  it.each([
    ['DELIVERED', 400],
    ['RETURNED', 400],
    ['CANCELLED', 400],
  ] as const)('sets expiresAt = updatedAt + retention when a booking becomes %s', async (status, days) => {
    // Prepare
    const booking = makeBooking({ reference: uniqueRef() });
    await bookings.create(booking);
    const updatedAt = '2025-03-02T18:00:00.000Z';

    // Act
    await bookings.update({ ...booking, status, updatedAt }, 1);
    const raw = await db.local.doc.send(
      new GetCommand({ TableName: db.names.bookings, Key: { reference: booking.reference } }),
    );

    // Assess
    expect(raw.Item?.expiresAt).toBe(Date.parse(updatedAt) / 1000 + days * 86_400);
    expect(await bookings.get(booking.reference)).not.toHaveProperty('expiresAt');
  });

  it('keeps non-terminal bookings forever and honours a configured retention', async () => {
    // Prepare
    const shortLived = createBookingRepository(db.local.doc, db.names.bookings, {
      calendar: createBusinessCalendar('America/Los_Angeles'),
      retentionDays: 30,
    });
    const open = makeBooking({ reference: uniqueRef(), status: 'IN_TRANSIT' });
    const done = makeBooking({ reference: uniqueRef(), status: 'DELIVERED' });

    // Act
    await shortLived.create(open);
    await shortLived.create(done);
    const read = async (reference: string) =>
      (await db.local.doc.send(new GetCommand({ TableName: db.names.bookings, Key: { reference } }))).Item;

    // Assess
    expect(await read(open.reference)).not.toHaveProperty('expiresAt');
    expect((await read(done.reference))?.expiresAt).toBe(Date.parse(done.updatedAt) / 1000 + 30 * 86_400);
  });
});

describe('booking repository: queries', () => {
  const day = '2031-05-06';
  const other = '2031-05-07';
  const seeded: Booking[] = [];

  beforeAll(async () => {
    const spec: [string, BookingStatus, string | undefined, string | undefined][] = [
      [day, 'BOOKED', 'courier-q1', 'acme'],
      [day, 'BOOKED', 'courier-q1', undefined],
      [day, 'COLLECTED', 'courier-q1', 'acme'],
      [day, 'DELIVERED', 'courier-q2', 'acme'],
      [day, 'BOOKED', undefined, 'acme'],
      [other, 'BOOKED', 'courier-q1', 'acme'],
      [other, 'COLLECTED', undefined, undefined],
    ];
    for (const [i, [d, status, courierId, partnerId]] of spec.entries()) {
      const createdAt = `2031-05-01T10:00:0${i}.000Z`;
      const booking = makeBooking({
        reference: `Q${i}-${day}`,
        status,
        courierId,
        partnerId,
        createdAt,
        updatedAt: createdAt,
        pickupWindow: { start: `${d}T09:00:00.000Z`, end: `${d}T11:00:00.000Z` },
      });
      seeded.push(booking);
      await bookings.create(booking);
    }
  });
  const refs = (pred: (b: Booking) => boolean) => seeded.filter(pred).map((b) => b.reference);

  it('lists a pickup day by status then time, across pages', async () => {
    // Act
    const all = await readAll({ by: 'day', day }, 2);
    const booked = await readAll({ by: 'day', day, status: 'BOOKED' }, 2);

    // Assess
    expect(all.refs).toEqual(['Q0', 'Q1', 'Q4', 'Q2', 'Q3'].map((q) => `${q}-${day}`));
    expect(all.pages).toBe(3);
    expect(booked.refs).toEqual(refs((b) => b.pickupWindow.start.startsWith(day) && b.status === 'BOOKED'));
  });

  it("lists a courier's bookings, optionally for one day; bookings without a courier are not in the index", async () => {
    // Act
    const all = await readAll({ by: 'courier', courierId: 'courier-q1' }, 1);
    const oneDay = await readAll({ by: 'courier', courierId: 'courier-q1', day: other }, 10);
    const indexed = await db.local.doc.send(new ScanCommand({ TableName: db.names.bookings, IndexName: 'byCourier' }));

    // Assess
    expect(all.refs).toEqual(refs((b) => b.courierId === 'courier-q1'));
    expect(all.pages).toBe(5); // four items, one per page, then an empty last page as DynamoDB does
    expect(oneDay.refs).toEqual([`Q5-${day}`]);
    expect(indexed.Items?.every((item) => typeof item.courierId === 'string')).toBe(true);
    expect(indexed.Items?.map((i) => i.reference)).not.toContain(`Q4-${day}`);
  });

  it("lists a partner's bookings by day and status, filling each page despite the filter", async () => {
    // Act
    const all = await readAll({ by: 'partner', partnerId: 'acme' }, 2);
    const booked = await readAll({ by: 'partner', partnerId: 'acme', day, status: 'BOOKED' }, 1);
    const firstPage = await bookings.query({ by: 'partner', partnerId: 'acme', status: 'BOOKED' }, { limit: 2 });

    // Assess
    expect(all.refs).toEqual(refs((b) => b.partnerId === 'acme'));
    expect(booked.refs).toEqual([`Q0-${day}`, `Q4-${day}`]);
    expect(firstPage.items.map((b) => b.reference)).toEqual([`Q0-${day}`, `Q4-${day}`]);
  });

  it('rejects a malformed nextToken, or one from another query, as a ValidationError on nextToken', async () => {
    // Prepare
    const courierToken = (await bookings.query({ by: 'courier', courierId: 'courier-q1' }, { limit: 1 })).nextToken;

    // Act
    const errors = await Promise.all(
      ['not a token!', Buffer.from('[1,2]').toString('base64url'), 'e30', courierToken!].map((nextToken) =>
        bookings.query({ by: 'day', day }, { limit: 2, nextToken }).catch((e: unknown) => e),
      ),
    );
    const badLimit = await bookings.query({ by: 'day', day }, { limit: 0 }).catch((e: unknown) => e);

    // Assess
    for (const error of errors) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe('nextToken');
    }
    expect((badLimit as ValidationError).field).toBe('limit');
  });
});

describe('booking repository: change feed', () => {
  it('produces an INSERT and then a MODIFY record with the old and new versions', async () => {
    // Prepare
    const records: DynamoDBRecord[] = [];
    const unsubscribe = db.local.dynamo.streams.subscribe(
      db.names.bookings,
      async (e) => void records.push(...e.Records),
    );
    const booking = makeBooking({ reference: uniqueRef() });

    // Act
    await bookings.create(booking);
    await bookings.update({ ...booking, status: 'COLLECTED', updatedAt: '2025-03-02T14:05:00.000Z' }, 1);
    await db.local.dynamo.streams.flush();
    unsubscribe();

    // Assess
    const mine = records.filter((r) => r.dynamodb?.Keys?.reference?.S === booking.reference);
    expect(mine.map((r) => r.eventName)).toEqual(['INSERT', 'MODIFY']);
    expect(mine[1]!.dynamodb!.OldImage!.version).toEqual({ N: '1' });
    expect(mine[1]!.dynamodb!.NewImage!.version).toEqual({ N: '2' });
    expect(mine[1]!.dynamodb!.NewImage!.statusAt).toEqual({
      S: `COLLECTED#2025-03-02T14:05:00.000Z#${booking.reference}`,
    });
    expect(mine[0]!.eventSourceARN).toContain(`:table/${db.names.bookings}/stream/`);
  });
});
