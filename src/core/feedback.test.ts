import { describe, expect, it } from 'vitest';
import { assignCourier, bookCourier, updateDeliveryStatus } from './bookings';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors';
import { FeedbackNotAcceptedError, listFeedback, submitFeedback } from './feedback';
import type { Booking, Principal } from './model';
import type { FeedbackQuery, FeedbackRepository } from './ports';
import { scriptedRandom, seededRandom } from './seeded-random';
import {
  acme,
  admin,
  anonymous,
  courier7,
  courier9,
  globex,
  makeWorld,
  validBookingInput,
  voicebot,
  type World,
} from './testing/fixtures';

async function delivered(world: World, by: Principal = admin): Promise<Booking> {
  let b = await bookCourier(validBookingInput(), by, world);
  b = await assignCourier(b.reference, 'courier-07', admin, world);
  for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'] as const) {
    b = await updateDeliveryStatus(
      {
        reference: b.reference,
        status,
        ...(status === 'DELIVERED' ? { proof: { photoKey: `proof/${b.reference}/photo-p.jpg` } } : {}),
      },
      admin,
      world,
    );
  }
  return b;
}

const complaint = (reference: string, overrides: Record<string, unknown> = {}) => ({
  bookingReference: reference,
  type: 'COMPLAINT',
  text: 'The parcel arrived damaged and the courier was rude.',
  complaintCategory: 'DAMAGED_PACKAGE',
  severity: 'HIGH',
  ...overrides,
});

describe('submitFeedback', () => {
  it('records a complaint with sentiment, flags high severity, and copies courier and partner', async () => {
    // Prepare
    const world = makeWorld();
    const b = await delivered(world, acme);
    // Act
    const f = await submitFeedback(complaint(b.reference.toLowerCase(), { rating: 1 }), acme, world);
    // Assess
    expect(f.reference).toMatch(/^F-/);
    expect(f).toMatchObject({
      bookingReference: b.reference,
      type: 'COMPLAINT',
      rating: 1,
      complaintCategory: 'DAMAGED_PACKAGE',
      severity: 'HIGH',
      flagged: true,
      courierId: 'courier-07',
      partnerId: 'acme',
      channel: 'PARTNER',
      createdAt: '2025-06-10T15:00:00.000Z',
    });
    expect(f.sentiment.label).toBe('NEGATIVE');
    expect(f.sentiment.score).toBeLessThan(-0.5);
    expect(await world.feedback.get(f.reference)).toEqual(f);
  });

  it('records praise by voice without flagging it', async () => {
    // Prepare
    const world = makeWorld();
    const b = await delivered(world);
    // Act
    const f = await submitFeedback(
      {
        bookingReference: b.reference,
        type: 'FEEDBACK',
        rating: 5,
        text: 'Friendly courier, right on time. Thank you!',
      },
      voicebot,
      world,
    );
    // Assess
    expect(f.flagged).toBe(false);
    expect(f.channel).toBe('VOICE');
    expect(f.sentiment.label).toBe('POSITIVE');
    expect(f.partnerId).toBeUndefined();
  });

  it('refuses feedback on a parcel still under way, carrying its status and pointing to tracking', async () => {
    // Prepare
    const world = makeWorld();
    let b = await bookCourier(validBookingInput(), admin, world);
    b = await updateDeliveryStatus({ reference: b.reference, status: 'COLLECTED' }, admin, world);
    b = await updateDeliveryStatus({ reference: b.reference, status: 'IN_TRANSIT' }, admin, world);
    // Act
    const error = (await submitFeedback(complaint(b.reference), admin, world).catch(
      (e: unknown) => e,
    )) as FeedbackNotAcceptedError;
    // Assess
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toBeInstanceOf(FeedbackNotAcceptedError);
    expect(error.status).toBe('IN_TRANSIT');
    expect(error.resolution).toMatch(/Track the parcel/);
    expect(world.feedback.all()).toHaveLength(0);
  });

  it('validates rating, text and the complaint fields, naming each', async () => {
    // Prepare
    const world = makeWorld();
    const b = await delivered(world);
    // Act
    const bad = (await submitFeedback(
      { bookingReference: b.reference, type: 'FEEDBACK', rating: 6, text: 'ok' },
      admin,
      world,
    ).catch((e: unknown) => e)) as ValidationError;
    const fractional = (await submitFeedback(
      { bookingReference: b.reference, type: 'FEEDBACK', rating: 3.5, text: 'fine service' },
      admin,
      world,
    ).catch((e: unknown) => e)) as ValidationError;
    const incomplete = (await submitFeedback(
      { bookingReference: b.reference, type: 'COMPLAINT', text: 'it was late' },
      admin,
      world,
    ).catch((e: unknown) => e)) as ValidationError;
    const misplaced = (await submitFeedback(
      { bookingReference: b.reference, type: 'FEEDBACK', text: 'all good', severity: 'LOW' },
      admin,
      world,
    ).catch((e: unknown) => e)) as ValidationError;
    const longText = (await submitFeedback(
      { bookingReference: b.reference, type: 'FEEDBACK', text: 'x'.repeat(2001) },
      admin,
      world,
    ).catch((e: unknown) => e)) as ValidationError;
    const badRef = (await submitFeedback(complaint('K7M-4XR-0'), admin, world).catch(
      (e: unknown) => e,
    )) as ValidationError;
    // Assess
    expect(bad.issues.map((i) => i.field).sort()).toEqual(['rating', 'text']);
    expect(fractional.field).toBe('rating');
    expect(incomplete.issues.map((i) => i.field).sort()).toEqual(['complaintCategory', 'severity']);
    expect(misplaced.field).toBe('severity');
    expect(longText.message).toMatch(/2000/);
    expect(badRef.field).toBe('bookingReference');
    expect(world.feedback.all()).toHaveLength(0);
  });

  it('lets partners comment only on their own bookings; couriers and the public not at all', async () => {
    // Prepare
    const world = makeWorld();
    const b = await delivered(world, acme);
    // Act / Assess
    expect(await submitFeedback(complaint(b.reference), globex, world).catch((e: unknown) => e)).toBeInstanceOf(
      NotFoundError,
    );
    expect(await submitFeedback(complaint(b.reference), courier7, world).catch((e: unknown) => e)).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await submitFeedback(complaint(b.reference), anonymous, world).catch((e: unknown) => e)).toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('retries the feedback reference on a collision', async () => {
    // Prepare
    const world = makeWorld();
    const b = await delivered(world);
    const first = await submitFeedback(complaint(b.reference), admin, { ...world, random: seededRandom(5) });
    const r = seededRandom(5);
    const replay = Array.from({ length: 6 }, () => r.int(19));
    // Act
    const second = await submitFeedback(complaint(b.reference), admin, {
      ...world,
      random: scriptedRandom(replay, seededRandom(6)),
    });
    // Assess
    expect(second.reference).not.toBe(first.reference);
    expect(world.feedback.all()).toHaveLength(2);
  });
});

describe('listFeedback', () => {
  it('scopes couriers and partners to their own and lets admins filter', async () => {
    // Prepare
    const world = makeWorld();
    const b = await delivered(world, acme);
    const low = await submitFeedback(complaint(b.reference, { severity: 'LOW' }), admin, world);
    const high = await submitFeedback(complaint(b.reference), admin, world);
    // Act
    const today = await listFeedback(undefined, undefined, admin, world);
    const flagged = await listFeedback({ flaggedOnly: true }, null, admin, world);
    const byBooking = await listFeedback({ bookingReference: b.reference }, { limit: 1 }, admin, world);
    const courierOwn = await listFeedback(null, null, courier7, world);
    const courierOther = await listFeedback(null, null, courier9, world);
    const partnerOwn = await listFeedback(null, null, acme, world);
    const partnerOther = await listFeedback(null, null, globex, world);
    // Assess
    expect(today.items).toHaveLength(2);
    expect(flagged.items.map((f) => f.reference)).toEqual([high.reference]);
    expect(byBooking.items).toHaveLength(1);
    expect(byBooking.nextToken).toBeDefined();
    expect(courierOwn.items.map((f) => f.reference).sort()).toEqual([low.reference, high.reference].sort());
    expect(courierOther.items).toHaveLength(0);
    expect(partnerOwn.items).toHaveLength(2);
    expect(partnerOther.items).toHaveLength(0);
  });

  it('lists flagged complaints of one day through the day-partitioned index, today by default', async () => {
    // Prepare
    const world = makeWorld();
    const b = await delivered(world);
    const high = await submitFeedback(complaint(b.reference), admin, world);
    const today = high.createdAt.slice(0, 10);
    const queries: FeedbackQuery[] = [];
    const feedback: FeedbackRepository = {
      ...world.feedback,
      query: (q, page) => {
        queries.push(q);
        return world.feedback.query(q, page);
      },
    };
    // Act
    const byDefault = await listFeedback({ flaggedOnly: true }, null, admin, { ...world, feedback });
    const otherDay = await listFeedback({ flaggedOnly: true, day: '2025-06-09' }, null, admin, { ...world, feedback });
    // Assess
    expect(queries).toEqual([
      { by: 'flagged', day: today },
      { by: 'flagged', day: '2025-06-09' },
    ]);
    expect(byDefault.items.map((f) => f.reference)).toEqual([high.reference]);
    expect(otherDay.items).toEqual([]);
  });

  it('refuses cross-scope filters and the public', async () => {
    // Prepare
    const world = makeWorld();
    // Act / Assess
    expect(
      await listFeedback({ courierId: 'courier-09' }, null, courier7, world).catch((e: unknown) => e),
    ).toBeInstanceOf(ForbiddenError);
    expect(await listFeedback({ partnerId: 'globex' }, null, acme, world).catch((e: unknown) => e)).toBeInstanceOf(
      ForbiddenError,
    );
    expect(await listFeedback(null, null, anonymous, world).catch((e: unknown) => e)).toBeInstanceOf(ForbiddenError);
    expect(await listFeedback({ day: 'yesterday' }, null, admin, world).catch((e: unknown) => e)).toBeInstanceOf(
      ValidationError,
    );
  });

  it('lets admins list by courier, partner and day', async () => {
    // Prepare
    const world = makeWorld();
    const b = await delivered(world, acme);
    await submitFeedback(complaint(b.reference), admin, world);
    // Act
    const byCourier = await listFeedback({ courierId: 'courier-07' }, null, admin, world);
    const byPartner = await listFeedback({ partnerId: 'acme' }, null, admin, world);
    const otherDay = await listFeedback({ day: '2025-06-09' }, null, admin, world);
    // Assess
    expect(byCourier.items).toHaveLength(1);
    expect(byPartner.items).toHaveLength(1);
    expect(otherDay.items).toHaveLength(0);
  });
});
