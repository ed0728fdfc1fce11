import { describe, expect, it } from 'vitest';
import { bookingNotFoundMessage } from './access';
import {
  IN_PROGRESS_WAIT_MS,
  MAX_REFERENCE_ATTEMPTS,
  assignCourier,
  bookCourier,
  getBooking,
  type BookCourierDeps,
  listBookings,
  updateDeliveryStatus,
} from './bookings';
import { DEFAULT_RULES, updateCompanySettings } from './company-settings';
import { ConflictError, FaultError, ForbiddenError, NotFoundError, ValidationError } from './errors';
import type { Booking, Principal } from './model';
import type { Geocoder } from './ports';
import { generateReference } from './reference';
import { scriptedRandom, seededRandom } from './seeded-random';
import {
  NOW,
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

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

async function book(world: BookCourierDeps, principal: Principal = admin, overrides: Record<string, unknown> = {}) {
  return bookCourier(validBookingInput(overrides), principal, world);
}

/** A booking moved along to `status` by an admin (with courier-07 assigned). */
async function bookingAt(world: World, path: Booking['status'][]): Promise<Booking> {
  let b = await book(world);
  b = await assignCourier(b.reference, 'courier-07', admin, world);
  for (const status of path) {
    b = await updateDeliveryStatus(
      {
        reference: b.reference,
        status,
        ...(status === 'DELIVERED' ? { proof: { recipientName: 'Ann' } } : {}),
        ...(status === 'FAILED_DELIVERY' ? { failureReason: 'RECIPIENT_ABSENT' } : {}),
      },
      admin,
      world,
    );
  }
  return b;
}

describe('bookCourier', () => {
  it('stores a geocoded, normalised booking with a BOOKED audit event, an ETA and a confirmation', async () => {
    // Prepare
    const world = makeWorld();
    // Act
    const booking = await book(world);
    // Assess
    expect(booking.reference).toMatch(/^[34679ACEFHJKMPRTWXY]{3}-[34679ACEFHJKMPRTWXY]{3}-[34679ACEFHJKMPRTWXY]$/);
    expect(booking.customerPhone).toBe('+12065550134');
    expect(booking.pickup).toMatchObject({ line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101', country: 'US' });
    expect(booking.pickup.precision).toBe('ADDRESS');
    expect(booking.delivery).toMatchObject({ line1: '3400 Stone Way N', line2: 'Unit 2', region: 'WA' });
    expect(booking.delivery.point?.lat).toBeGreaterThan(47.64);
    expect(booking.package).toEqual({ size: 'SMALL', weightKg: 2.5, handling: ['FRAGILE'], description: 'Books' });
    expect(booking.pickupWindow).toEqual({ start: '2025-06-10T16:00:00.000Z', end: '2025-06-10T18:00:00.000Z' });
    expect(booking.status).toBe('BOOKED');
    expect(booking.history).toEqual([
      { status: 'BOOKED', at: NOW, actor: { type: 'ADMIN', id: 'sub-admin', name: 'Ada Admin' } },
    ]);
    expect(booking.version).toBe(1);
    expect(booking.channel).toBe('WEB');
    expect(Date.parse(booking.eta ?? '')).toBeGreaterThan(Date.parse('2025-06-10T17:00:00Z'));
    expect(await world.bookings.get(booking.reference)).toEqual(booking);
    expect(world.notifier.sent).toHaveLength(1);
    expect(world.notifier.sent[0]).toMatchObject({
      kind: 'BOOKED',
      to: { phone: '+12065550134' },
      bookingReference: booking.reference,
      trackingUrl: `https://track.example.com/track/${booking.reference}`,
    });
    expect(world.notifier.sent[0]?.message).toContain(booking.reference);
  });

  it('names every missing or invalid field, says how to fix it, and stores nothing', async () => {
    // Prepare
    const world = makeWorld();
    const input = {
      customerPhone: '555-01',
      pickup: { line1: '', city: 'Seattle', postcode: 'ABCDE' },
      delivery: { line1: '3400 Stone Way N', city: 'Seattle', postcode: '98103', country: 'usa' },
      package: { size: 'HUGE', weightKg: -1 },
      pickupWindowStart: '2025-06-10 09:00',
      pickupWindowEnd: '2025-06-10T18:00:00Z',
    };
    // Act
    const error = (await caught(bookCourier(input, admin, world))) as ValidationError;
    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    const fields = error.issues.map((i) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'customerName',
        'customerPhone',
        'pickup.line1',
        'pickup.postcode',
        'delivery.country',
        'package.size',
        'package.weightKg',
        'pickupWindowStart',
      ]),
    );
    for (const issue of error.issues) expect(issue.message.length).toBeGreaterThan(15);
    expect(error.issues.find((i) => i.field === 'pickup.postcode')?.message).toMatch(/5 digits/);
    expect(error.issues.find((i) => i.field === 'pickupWindowStart')?.message).toMatch(/time zone/);
    expect(error.issues.find((i) => i.field === 'customerName')?.message).toMatch(/required/);
    expect(world.bookings.all()).toHaveLength(0);
    expect(world.notifier.sent).toHaveLength(0);
  });

  it('enforces the weight limits by size', async () => {
    // Prepare
    const world = makeWorld();
    // Act
    const heavy = (await caught(book(world, admin, { package: { size: 'LARGE', weightKg: 71 } }))) as ValidationError;
    const oversized = await book(world, admin, { package: { size: 'OVERSIZED', weightKg: 300 } });
    const tooHeavy = (await caught(
      book(world, admin, { package: { size: 'OVERSIZED', weightKg: 501 } }),
    )) as ValidationError;
    // Assess
    expect(heavy.field).toBe('package.weightKg');
    expect(heavy.message).toMatch(/OVERSIZED/);
    expect(oversized.package.weightKg).toBe(300);
    expect(tooHeavy.field).toBe('package.weightKg');
  });

  it.each([
    ['start more than 15 minutes ago', '2025-06-10T14:40:00Z', '2025-06-10T16:00:00Z', 'pickupWindowStart', /past/],
    ['end before start', '2025-06-10T18:00:00Z', '2025-06-10T17:00:00Z', 'pickupWindowEnd', /after/],
    ['window under 30 minutes', '2025-06-10T16:00:00Z', '2025-06-10T16:20:00Z', 'pickupWindowEnd', /30 minutes/],
    ['window over 12 hours', '2025-06-10T16:00:00Z', '2025-06-11T05:00:00Z', 'pickupWindowEnd', /12 hours/],
    ['more than 30 days ahead', '2025-07-11T16:00:00Z', '2025-07-11T18:00:00Z', 'pickupWindowStart', /30 days/],
  ])('refuses a pickup window with %s', async (_label, start, end, field, message) => {
    // Prepare
    const world = makeWorld();
    // Act
    const error = (await caught(
      book(world, admin, { pickupWindowStart: start, pickupWindowEnd: end }),
    )) as ValidationError;
    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toContainEqual({ field, message: expect.stringMatching(message) });
    expect(world.bookings.all()).toHaveLength(0);
  });

  it('accepts a start up to 15 minutes in the past and local-time offsets', async () => {
    // Prepare
    const world = makeWorld();
    // Act
    const booking = await book(world, admin, {
      pickupWindowStart: '2025-06-10T07:50:00-07:00',
      pickupWindowEnd: '2025-06-10T09:00:00-07:00',
    });
    // Assess
    expect(booking.pickupWindow.start).toBe('2025-06-10T14:50:00.000Z');
  });

  it('explains addresses it cannot place: unknown street, ambiguous street, foreign city, unknown ZIP', async () => {
    // Prepare
    const world = makeWorld();
    // Act
    const error = (await caught(
      book(world, admin, {
        pickup: { line1: '12 Nonexistent Rd', city: 'Seattle', postcode: '98101' },
        delivery: { line1: '1705 45th St', city: 'Seattle', postcode: '98199' },
      }),
    )) as ValidationError;
    const ambiguous = (await caught(
      book(world, admin, { delivery: { line1: '45th St', city: 'Seattle', postcode: '98103' } }),
    )) as ValidationError;
    const noZip = (await caught(
      book(world, admin, { delivery: { line1: '300 1st Ave', city: 'Seattle', postcode: '98199' } }),
    )) as ValidationError;
    const elsewhere = (await caught(
      book(world, admin, { pickup: { line1: '1 Main St', city: 'Portland', postcode: '97201' } }),
    )) as ValidationError;
    const notOurs = (await caught(
      book(world, admin, { pickup: { line1: '1 Main St', city: 'Seattle', postcode: '10001' } }),
    )) as ValidationError;
    // Assess
    expect(error.issues.map((i) => i.field)).toEqual(['pickup.line1', 'delivery.line1']);
    expect(error.issues[0]?.message).toBe(
      "We couldn't find '12 Nonexistent Rd' in Seattle 98101; check the street name and postcode.",
    );
    expect(ambiguous.field).toBe('delivery.line1');
    expect(ambiguous.message).toMatch(/matches several places: .*NE 45th St \(98103.*N 45th St \(98103/);
    expect(ambiguous.message).toMatch(/Add the postcode or the direction/);
    expect(noZip.field).toBe('delivery.line1');
    expect(elsewhere.field).toBe('pickup.city');
    expect(elsewhere.message).toMatch(/only collect and deliver in Seattle/);
    expect(notOurs.field).toBe('pickup.postcode');
    expect(world.bookings.all()).toHaveLength(0);
  });

  it('resolves an ambiguous street when the postcode is given', async () => {
    // Prepare
    const world = makeWorld();
    // Act
    const booking = await book(world, admin, {
      delivery: { line1: '4400 Alaska St', city: 'Seattle', postcode: '98116' },
    });
    // Assess
    expect(booking.delivery.line1).toBe('4400 SW Alaska St');
  });

  it('forces a partner’s own partnerId and refuses another partner’s', async () => {
    // Prepare
    const world = makeWorld();
    // Act
    const own = await book(world, acme);
    const explicit = await book(world, acme, { partnerId: 'acme' });
    const other = await caught(book(world, acme, { partnerId: 'globex' }));
    // Assess
    expect(own.partnerId).toBe('acme');
    expect(own.channel).toBe('PARTNER');
    expect(own.history[0]?.actor).toEqual({ type: 'PARTNER', id: 'acme' });
    expect(explicit.partnerId).toBe('acme');
    expect(other).toBeInstanceOf(ForbiddenError);
    expect(world.bookings.all()).toHaveLength(2);
  });

  it('lets admins book for a partner and the voicebot book by voice; refuses couriers and the public', async () => {
    // Prepare
    const world = makeWorld();
    // Act
    const forPartner = await book(world, admin, { partnerId: 'globex' });
    const byVoice = await book(world, voicebot);
    const byCourier = await caught(book(world, courier7));
    const byPublic = await caught(book(world, anonymous));
    // Assess
    expect(forPartner.partnerId).toBe('globex');
    expect(byVoice.channel).toBe('VOICE');
    expect(byVoice.history[0]?.actor.type).toBe('VOICEBOT');
    expect(byCourier).toBeInstanceOf(ForbiddenError);
    expect(byPublic).toBeInstanceOf(ForbiddenError);
  });

  it('returns the first booking for a repeated idempotency key instead of booking twice', async () => {
    // Prepare
    const world = makeWorld();
    const first = await book(world, acme, { idempotencyKey: 'lex-turn-1234' });
    // Act
    const again = await book(world, acme, { idempotencyKey: 'lex-turn-1234' });
    const otherCaller = await book(world, globex, { idempotencyKey: 'lex-turn-1234' });
    // Assess
    expect(again).toEqual(first);
    expect(otherCaller.reference).not.toBe(first.reference);
    expect(world.bookings.all()).toHaveLength(2);
    expect(world.notifier.sent).toHaveLength(2);
    expect(world.idempotency.keys()).toEqual(['partner:acme:lex-turn-1234', 'partner:globex:lex-turn-1234']);
  });

  it('returns the current state of the first booking on a repeat, and refuses a key reused for different data', async () => {
    // Prepare
    const world = makeWorld();
    const first = await book(world, admin, { idempotencyKey: 'k1' });
    await assignCourier(first.reference, 'courier-07', admin, world);
    // Act
    const again = await book(world, admin, { idempotencyKey: 'k1' });
    const reused = await caught(book(world, admin, { idempotencyKey: 'k1', customerName: 'Someone Else' }));
    // Assess
    expect(again.reference).toBe(first.reference);
    expect(again.courierId).toBe('courier-07');
    expect(again.version).toBe(2);
    expect(reused).toBeInstanceOf(ConflictError);
    expect(world.bookings.all()).toHaveLength(1);
  });

  it('answers a duplicate sent while the first is in flight with the first booking, once it is made', async () => {
    // Prepare: the first request holds the key and stores its booking only once the duplicate has paused.
    const world = makeWorld();
    let duplicate: Promise<Booking> | undefined;
    let openGate: () => void = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const waited: number[] = [];
    const patient = {
      ...world,
      wait: async (ms: number) => {
        waited.push(ms);
        openGate();
        await original;
      },
    };
    const first = {
      ...world,
      bookings: {
        ...world.bookings,
        create: async (booking: Booking) => {
          duplicate ??= book(patient, admin, { idempotencyKey: 'same' });
          await gate;
          return world.bookings.create(booking);
        },
      },
    };
    // Act
    const original = book(first, admin, { idempotencyKey: 'same' });
    const a = await original;
    const b = await duplicate!;
    // Assess
    expect(b.reference).toBe(a.reference);
    expect(waited).toHaveLength(1);
    expect(world.bookings.all()).toHaveLength(1);
  });

  it('reports a request still in flight for the same key as a conflict to retry, after waiting for it', async () => {
    // Prepare
    const world = makeWorld();
    await world.idempotency.claim('admin:sub-admin:busy', 60);
    const waited: number[] = [];
    // Act
    const error = (await caught(
      book({ ...world, wait: async (ms) => void waited.push(ms) }, admin, { idempotencyKey: 'busy' }),
    )) as ConflictError;
    // Assess
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.resolution).toMatch(/same request again/);
    expect(waited.reduce((a, b) => a + b, 0)).toBe(IN_PROGRESS_WAIT_MS);
    expect(world.bookings.all()).toHaveLength(0);
  });

  it('releases the idempotency key when the booking cannot be stored', async () => {
    // Prepare
    const world = makeWorld();
    const broken = {
      ...world,
      bookings: { ...world.bookings, create: async () => Promise.reject(new Error('disk full')) },
    };
    // Act
    const error = await caught(book(broken as World, admin, { idempotencyKey: 'k2' }));
    // Assess
    expect(error).toBeInstanceOf(Error);
    expect(world.idempotency.keys()).toEqual([]);
  });

  it('books once when the idempotency record is throttled after the booking is stored, and the retry gets it', async () => {
    // Prepare: the record's write fails three times (throttled past the SDK's retries), then goes through.
    const world = makeWorld();
    let failures = 3;
    const waited: number[] = [];
    const throttled = {
      ...world,
      wait: async (ms: number) => void waited.push(ms),
      idempotency: {
        ...world.idempotency,
        complete: async (key: string, result: string) => {
          if (failures-- > 0) throw new Error('ProvisionedThroughputExceededException');
          return world.idempotency.complete(key, result);
        },
      },
    };
    // Act
    const first = await book(throttled, admin, { idempotencyKey: 'k3' });
    const retry = await book(world, admin, { idempotencyKey: 'k3' });
    // Assess
    expect(retry.reference).toBe(first.reference);
    expect(world.bookings.all()).toHaveLength(1);
    expect(waited).toEqual([200, 400, 800]);
  });

  it('answers with the stored booking and keeps the key claimed when its idempotency record cannot be written', async () => {
    // Prepare: the record's write never succeeds; the first answer's fate is unknown to the client, which retries.
    const world = makeWorld();
    const reported: { idempotencyKey: string; bookingReference: string }[] = [];
    const broken = {
      ...world,
      wait: async () => {},
      onIdempotencyError: (_e: unknown, about: { idempotencyKey: string; bookingReference: string }) =>
        void reported.push(about),
      idempotency: { ...world.idempotency, complete: async () => Promise.reject(new Error('throttled')) },
    };
    // Act
    const first = await book(broken, admin, { idempotencyKey: 'k4' });
    const retry = await caught(book({ ...world, wait: async () => {} }, admin, { idempotencyKey: 'k4' }));
    // Assess: one booking; the retry is told to wait, never booked a second time.
    expect(world.bookings.all().map((b) => b.reference)).toEqual([first.reference]);
    expect(retry).toBeInstanceOf(ConflictError);
    expect(reported).toEqual([{ idempotencyKey: 'admin:sub-admin:k4', bookingReference: first.reference }]);
  });

  it('gives the key back even when the first release is throttled, so the retry books', async () => {
    // Prepare: the booking write fails; the release fails once.
    const world = makeWorld();
    let releaseFailures = 1;
    const broken = {
      ...world,
      wait: async () => {},
      bookings: { ...world.bookings, create: async () => Promise.reject(new Error('throttled')) },
      idempotency: {
        ...world.idempotency,
        release: async (key: string) => {
          if (releaseFailures-- > 0) throw new Error('throttled');
          return world.idempotency.release(key);
        },
      },
    };
    // Act
    const failed = await caught(book(broken as World, admin, { idempotencyKey: 'k5' }));
    const retry = await book(world, admin, { idempotencyKey: 'k5' });
    // Assess
    expect(failed).toBeInstanceOf(Error);
    expect(world.bookings.all().map((b) => b.reference)).toEqual([retry.reference]);
  });

  it('tries a fresh reference when the first one is taken', async () => {
    // Prepare
    const world = makeWorld();
    const taken = generateReference(seededRandom(100));
    await book({ ...world, random: seededRandom(100) });
    const colliding = scriptedRandom([...seedValues(100)], seededRandom(200));
    // Act
    const second = await book({ ...world, random: colliding });
    // Assess
    expect(second.reference).not.toBe(taken);
    expect(world.bookings.all().map((b) => b.reference)).toContain(taken);
    expect(world.bookings.all()).toHaveLength(2);
  });

  it('gives up with a fault after repeated collisions, storing nothing new', async () => {
    // Prepare
    const world = makeWorld();
    await book({ ...world, random: seededRandom(100) });
    const always = scriptedRandom(Array.from({ length: MAX_REFERENCE_ATTEMPTS }, () => seedValues(100)).flat());
    // Act
    const error = await caught(book({ ...world, random: always }));
    // Assess
    expect(error).toBeInstanceOf(FaultError);
    expect(world.bookings.all()).toHaveLength(1);
  });

  it('keeps the booking when the confirmation cannot be sent, and reports the failure', async () => {
    // Prepare
    const world = makeWorld();
    const failures: unknown[] = [];
    const deps = {
      ...world,
      notifier: { send: async () => Promise.reject(new Error('sms down')) },
      onNotifyError: (e: unknown) => failures.push(e),
    };
    // Act
    const booking = await bookCourier(validBookingInput(), admin, deps);
    // Assess
    expect(await world.bookings.get(booking.reference)).toBeDefined();
    expect(failures).toHaveLength(1);
  });

  it('does not geocode or store anything when the geocoder is down: the fault propagates', async () => {
    // Prepare
    const world = makeWorld();
    const geocoder: Geocoder = { geocode: async () => Promise.reject(new Error('timeout')) };
    // Act
    const error = await caught(bookCourier(validBookingInput(), admin, { ...world, geocoder }));
    // Assess
    expect((error as Error).message).toBe('timeout');
    expect(world.bookings.all()).toHaveLength(0);
  });
});

/** The six payload draws a seeded source makes for one reference. */
function seedValues(seed: number): number[] {
  const r = seededRandom(seed);
  return Array.from({ length: 6 }, () => r.int(19));
}

describe('getBooking', () => {
  it('shows a booking to those allowed and hides it from others exactly like a missing one', async () => {
    // Prepare
    const world = makeWorld();
    const b = await bookingAt(world, []);
    const missing = generateReference(seededRandom(999));
    // Act
    const asCourier = await getBooking(b.reference.toLowerCase(), courier7, world);
    const hidden = (await caught(getBooking(b.reference, courier9, world))) as NotFoundError;
    const absent = (await caught(getBooking(missing, courier9, world))) as NotFoundError;
    const partner = (await caught(getBooking(b.reference, globex, world))) as NotFoundError;
    // Assess
    expect(asCourier.reference).toBe(b.reference);
    expect(hidden).toBeInstanceOf(NotFoundError);
    expect(hidden.message).toBe(bookingNotFoundMessage(b.reference));
    expect(absent.message).toBe(bookingNotFoundMessage(missing));
    expect(hidden.message.replace(b.reference, 'X')).toBe(absent.message.replace(missing, 'X'));
    expect(partner).toBeInstanceOf(NotFoundError);
  });

  it('rejects a malformed reference before looking anything up', async () => {
    // Prepare
    const world = makeWorld();
    let reads = 0;
    const bookings = { ...world.bookings, get: async () => (reads++, undefined) };
    // Act
    const error = (await caught(getBooking('K7M-4XR-0', admin, { bookings }))) as ValidationError;
    // Assess
    expect(error.field).toBe('reference');
    expect(reads).toBe(0);
  });
});

describe('listBookings', () => {
  it('gives couriers only their own deliveries and refuses another courier’s list', async () => {
    // Prepare
    const world = makeWorld();
    const mine = await bookingAt(world, []);
    const other = await book(world);
    await assignCourier(other.reference, 'courier-09', admin, world);
    await book(world);
    // Act
    const page = await listBookings({}, undefined, courier7, world);
    const forbidden = await caught(listBookings({ courierId: 'courier-09' }, undefined, courier7, world));
    // Assess
    expect(page.items.map((b) => b.reference)).toEqual([mine.reference]);
    expect(forbidden).toBeInstanceOf(ForbiddenError);
  });

  it('gives partners only their own bookings and refuses another partner’s', async () => {
    // Prepare
    const world = makeWorld();
    const ours = await book(world, acme);
    await book(world, globex);
    // Act
    const page = await listBookings(null, null, acme, world);
    const forbidden = await caught(listBookings({ partnerId: 'globex' }, null, acme, world));
    // Assess
    expect(page.items.map((b) => b.reference)).toEqual([ours.reference]);
    expect(forbidden).toBeInstanceOf(ForbiddenError);
  });

  it('shows admins today’s pickups by default, filters by status and day, and pages with nextToken', async () => {
    // Prepare
    const world = makeWorld();
    const today = await Promise.all([book(world), book(world), book(world)]);
    await bookingAt(world, ['COLLECTED']);
    await book(world, admin, { pickupWindowStart: '2025-06-12T16:00:00Z', pickupWindowEnd: '2025-06-12T18:00:00Z' });
    // Act
    const all = await listBookings(undefined, undefined, admin, world);
    const booked = await listBookings({ status: 'BOOKED' }, { limit: 2 }, admin, world);
    const rest = await listBookings({ status: 'BOOKED' }, { limit: 2, nextToken: booked.nextToken }, admin, world);
    const later = await listBookings({ day: '2025-06-12' }, undefined, admin, world);
    // Assess
    expect(all.items).toHaveLength(4);
    expect(booked.items).toHaveLength(2);
    expect(booked.nextToken).toBeDefined();
    expect(rest.items).toHaveLength(1);
    expect(rest.nextToken).toBeUndefined();
    expect([...booked.items, ...rest.items].map((b) => b.reference).sort()).toEqual(
      today.map((b) => b.reference).sort(),
    );
    expect(later.items).toHaveLength(1);
  });

  it('validates the filter and page, and refuses the public', async () => {
    // Prepare
    const world = makeWorld();
    // Act
    const badDay = (await caught(listBookings({ day: '2025-02-30' }, null, admin, world))) as ValidationError;
    const badLimit = (await caught(listBookings(null, { limit: 500 }, admin, world))) as ValidationError;
    const badStatus = (await caught(listBookings({ status: 'LOST' as never }, null, admin, world))) as ValidationError;
    const pub = await caught(listBookings(null, null, anonymous, world));
    // Assess
    expect(badDay.field).toBe('day');
    expect(badLimit.field).toBe('limit');
    expect(badLimit.message).toMatch(/nextToken/);
    expect(badStatus.field).toBe('status');
    expect(pub).toBeInstanceOf(ForbiddenError);
  });

  it('lets admins list by courier or partner', async () => {
    // Prepare
    const world = makeWorld();
    const assigned = await bookingAt(world, []);
    const partnered = await book(world, acme);
    // Act
    const byCourier = await listBookings({ courierId: 'courier-07' }, null, admin, world);
    const byPartner = await listBookings({ partnerId: 'acme', status: 'BOOKED' }, null, admin, world);
    // Assess
    expect(byCourier.items.map((b) => b.reference)).toEqual([assigned.reference]);
    expect(byPartner.items.map((b) => b.reference)).toEqual([partnered.reference]);
  });
});

describe('assignCourier', () => {
  it('assigns an active courier and bumps the version', async () => {
    // Prepare
    const world = makeWorld();
    const b = await book(world);
    // Act
    const assigned = await assignCourier(b.reference, 'courier-09', admin, world);
    const same = await assignCourier(b.reference, 'courier-09', admin, world);
    // Assess
    expect(assigned.courierId).toBe('courier-09');
    expect(assigned.version).toBe(2);
    expect(same.version).toBe(2);
  });

  it('refuses non-admins, unknown or inactive couriers, and finished bookings', async () => {
    // Prepare
    const world = makeWorld();
    const b = await book(world);
    const cancelled = await book(world);
    await updateDeliveryStatus({ reference: cancelled.reference, status: 'CANCELLED' }, admin, world);
    // Act / Assess
    expect(await caught(assignCourier(b.reference, 'courier-07', acme, world))).toBeInstanceOf(ForbiddenError);
    expect(await caught(assignCourier(b.reference, 'courier-07', courier7, world))).toBeInstanceOf(ForbiddenError);
    expect(await caught(assignCourier(b.reference, 'courier-42', admin, world))).toBeInstanceOf(NotFoundError);
    expect(await caught(assignCourier(b.reference, 'courier-99', admin, world))).toBeInstanceOf(ConflictError);
    expect(await caught(assignCourier(cancelled.reference, 'courier-07', admin, world))).toBeInstanceOf(ConflictError);
    expect(await caught(assignCourier(b.reference, ' ', admin, world))).toBeInstanceOf(ValidationError);
    expect(await caught(assignCourier(generateReference(seededRandom(5)), 'courier-07', admin, world))).toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe('updateDeliveryStatus', () => {
  it('lets the assigned courier move the parcel, recording location, proof and a fresh ETA', async () => {
    // Prepare
    const world = makeWorld();
    const b = await bookingAt(world, ['COLLECTED', 'IN_TRANSIT']);
    world.clock.set('2025-06-10T17:30:00Z');
    // Act
    const out = await updateDeliveryStatus(
      { reference: b.reference, status: 'OUT_FOR_DELIVERY', location: { lat: 47.61, lng: -122.33 } },
      courier7,
      world,
    );
    world.clock.set('2025-06-10T17:50:00Z');
    const done = await updateDeliveryStatus(
      {
        reference: b.reference,
        status: 'DELIVERED',
        proof: { recipientName: 'Ann', signatureKey: null },
        locationUnavailable: 'NO_FIX',
      },
      courier7,
      world,
    );
    // Assess
    expect(out.history.at(-1)).toMatchObject({
      status: 'OUT_FOR_DELIVERY',
      actor: { type: 'COURIER', id: 'courier-07', name: 'Cory' },
      location: { lat: 47.61, lng: -122.33 },
    });
    expect(Date.parse(out.eta ?? '')).toBeGreaterThan(Date.parse('2025-06-10T17:30:00Z'));
    expect(done.status).toBe('DELIVERED');
    expect(done.eta).toBe('2025-06-10T17:50:00.000Z');
    expect(done.history.at(-1)?.proof).toEqual({ recipientName: 'Ann' });
    expect(done.version).toBe(b.version + 2);
    expect(world.notifier.forBooking(b.reference).map((n) => n.kind)).toEqual([
      'BOOKED',
      'COLLECTED',
      'IN_TRANSIT',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
    ]);
  });

  it('hides another courier’s booking as not found and refuses partners', async () => {
    // Prepare
    const world = makeWorld();
    const b = await bookingAt(world, []);
    const partnered = await book(world, acme);
    // Act
    const other = (await caught(
      updateDeliveryStatus(
        { reference: b.reference, status: 'COLLECTED', locationUnavailable: 'NO_FIX' },
        courier9,
        world,
      ),
    )) as NotFoundError;
    const partner = await caught(
      updateDeliveryStatus({ reference: partnered.reference, status: 'CANCELLED' }, acme, world),
    );
    // Assess
    expect(other).toBeInstanceOf(NotFoundError);
    expect(other.message).toBe(bookingNotFoundMessage(b.reference));
    expect(partner).toBeInstanceOf(ForbiddenError);
    expect((await world.bookings.get(b.reference))?.status).toBe('BOOKED');
  });

  it('refuses illegal transitions and missing proof or reason, changing nothing', async () => {
    // Prepare
    const world = makeWorld();
    const b = await bookingAt(world, []);
    const out = await bookingAt(world, ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']);
    // Act
    const illegal = (await caught(
      updateDeliveryStatus(
        { reference: b.reference, status: 'DELIVERED', locationUnavailable: 'NO_FIX' },
        courier7,
        world,
      ),
    )) as ConflictError;
    const noProof = (await caught(
      updateDeliveryStatus(
        { reference: out.reference, status: 'DELIVERED', locationUnavailable: 'NO_FIX' },
        courier7,
        world,
      ),
    )) as ValidationError;
    const noReason = (await caught(
      updateDeliveryStatus(
        { reference: out.reference, status: 'FAILED_DELIVERY', locationUnavailable: 'NO_FIX' },
        courier7,
        world,
      ),
    )) as ValidationError;
    // Assess
    expect(illegal).toBeInstanceOf(ConflictError);
    expect(illegal.resolution).toMatch(/COLLECTED or CANCELLED/);
    expect(noProof.field).toBe('proof');
    expect(noReason.field).toBe('failureReason');
    expect((await world.bookings.get(out.reference))?.version).toBe(out.version);
  });

  it('requires the proof the admin set for every delivery, and stores nothing without it', async () => {
    // Prepare
    const world = makeWorld();
    const out = await bookingAt(world, ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']);
    const rules = { ...DEFAULT_RULES, requiredProof: ['SIGNATURE', 'RECIPIENT_NAME'] as const };
    await updateCompanySettings({ rules, expectedVersion: 0 }, admin, world);
    const deliver = (proof: Record<string, string>) =>
      updateDeliveryStatus(
        { reference: out.reference, status: 'DELIVERED', locationUnavailable: 'NO_FIX', proof },
        courier7,
        world,
      );
    // Act
    const nameOnly = (await caught(deliver({ recipientName: 'Ann' }))) as ValidationError;
    const unchanged = await world.bookings.get(out.reference);
    const done = await deliver({ recipientName: 'Ann', signatureKey: `proof/${out.reference}/sig.png` });
    // Assess
    expect(nameOnly).toBeInstanceOf(ValidationError);
    expect(nameOnly.message).toMatch(/requires a signature and the recipient’s name.*missing: a signature\./);
    expect(nameOnly.field).toBe('proof.signatureKey');
    expect(unchanged?.version).toBe(out.version);
    expect(done.status).toBe('DELIVERED');
  });

  it('tells the customer about a failed attempt, then allows a retry', async () => {
    // Prepare
    const world = makeWorld();
    const out = await bookingAt(world, ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']);
    // Act
    const failed = await updateDeliveryStatus(
      {
        reference: out.reference,
        status: 'FAILED_DELIVERY',
        failureReason: 'ACCESS_DENIED',
        note: 'gate locked',
        locationUnavailable: 'NO_FIX',
      },
      courier7,
      world,
    );
    const retry = await updateDeliveryStatus(
      { reference: out.reference, status: 'OUT_FOR_DELIVERY', locationUnavailable: 'NO_FIX' },
      courier7,
      world,
    );
    // Assess
    expect(failed.eta).toBeUndefined();
    expect(retry.eta).toBeDefined();
    const failure = world.notifier.forBooking(out.reference).find((n) => n.kind === 'FAILED_DELIVERY');
    expect(failure?.message).toMatch(/no access to the building/);
  });

  it('applies expectedVersion: a stale version is a conflict', async () => {
    // Prepare
    const world = makeWorld();
    const b = await bookingAt(world, []);
    // Act
    const stale = await caught(
      updateDeliveryStatus(
        { reference: b.reference, status: 'COLLECTED', expectedVersion: 1, locationUnavailable: 'NO_FIX' },
        courier7,
        world,
      ),
    );
    const fresh = await updateDeliveryStatus(
      { reference: b.reference, status: 'COLLECTED', expectedVersion: b.version, locationUnavailable: 'NO_FIX' },
      courier7,
      world,
    );
    // Assess
    expect(stale).toBeInstanceOf(ConflictError);
    expect(fresh.version).toBe(b.version + 1);
  });

  it('never applies an update over a version its caller did not read, even one written between read and write', async () => {
    // Prepare: the repository lets an admin's change land between the courier's read and write, taking the
    // booking to the very version the courier's update names.
    const world = makeWorld();
    const b = await bookingAt(world, []);
    let raced = false;
    const racing = {
      ...world,
      bookings: {
        ...world.bookings,
        async get(reference: string) {
          const read = await world.bookings.get(reference);
          if (!raced && read) {
            raced = true;
            await updateDeliveryStatus({ reference, status: 'COLLECTED', note: 'by the admin' }, admin, world);
          }
          return read;
        },
      },
    };
    // Act
    const ahead = (await caught(
      updateDeliveryStatus(
        { reference: b.reference, status: 'CANCELLED', expectedVersion: b.version + 1, locationUnavailable: 'NO_FIX' },
        admin,
        racing,
      ),
    )) as ConflictError;
    const stored = await world.bookings.get(b.reference);
    // Assess: refused, naming both versions; the admin's change is kept.
    expect(ahead).toBeInstanceOf(ConflictError);
    expect(ahead.message).toMatch(`is at version ${b.version}; expectedVersion ${b.version + 1} is ahead of it`);
    expect(stored?.history.map((e) => e.note ?? e.status)).toEqual(['BOOKED', 'by the admin']);
    expect(stored?.version).toBe(b.version + 1);
  });

  it('re-applies an update without expectedVersion when someone wrote first, checking the transition again', async () => {
    // Prepare: a dispatcher reassigns the booking between each of the first two reads and writes.
    const world = makeWorld();
    const b = await bookingAt(world, []);
    const reassign = ['courier-09', 'courier-07'];
    const racing = {
      ...world,
      bookings: {
        ...world.bookings,
        async get(reference: string) {
          const read = await world.bookings.get(reference);
          const courierId = reassign.shift();
          if (courierId) await assignCourier(reference, courierId, admin, world);
          return read;
        },
      },
    };
    // Act
    const moved = await updateDeliveryStatus(
      { reference: b.reference, status: 'COLLECTED', note: 'collected' },
      admin,
      racing,
    );
    const repeated = (await caught(
      updateDeliveryStatus({ reference: b.reference, status: 'COLLECTED', note: 'again' }, admin, racing),
    )) as ConflictError;
    // Assess: applied once, over both reassignments, which are kept; the repeat is an invalid transition.
    expect(moved.version).toBe(b.version + 3);
    expect(moved.courierId).toBe('courier-07');
    expect(moved.history.map((e) => e.note ?? e.status)).toEqual(['BOOKED', 'collected']);
    expect(repeated.message).toMatch('cannot go from COLLECTED to COLLECTED');
  });

  it('makes a courier confirm where it happened: a location with its accuracy, or why there is none', async () => {
    // Prepare
    const world = makeWorld();
    const b = await bookingAt(world, []);
    // Act
    const unconfirmed = (await caught(
      updateDeliveryStatus({ reference: b.reference, status: 'COLLECTED' }, courier7, world),
    )) as ValidationError;
    const untouched = await world.bookings.get(b.reference);
    const collected = await updateDeliveryStatus(
      { reference: b.reference, status: 'COLLECTED', location: { lat: 47.6, lng: -122.3 }, locationAccuracyM: 12.4 },
      courier7,
      world,
    );
    const inTransit = await updateDeliveryStatus(
      { reference: b.reference, status: 'IN_TRANSIT', locationUnavailable: 'PERMISSION_DENIED' },
      courier7,
      world,
    );
    // Assess
    expect(unconfirmed).toBeInstanceOf(ValidationError);
    expect(unconfirmed.field).toBe('location');
    expect(untouched?.version).toBe(b.version);
    expect(collected.history.at(-1)).toMatchObject({ location: { lat: 47.6, lng: -122.3 }, locationAccuracyM: 12 });
    expect(inTransit.history.at(-1)?.locationUnavailable).toBe('PERMISSION_DENIED');
    expect(inTransit.history.at(-1)?.location).toBeUndefined();
  });

  it('records an update kept on the phone offline at the time the courier acted, never out of order', async () => {
    // Prepare
    const world = makeWorld();
    const b = await bookingAt(world, []);
    const assignedAt = Date.parse(b.history.at(-1)!.at);
    world.clock.set(new Date(assignedAt + 3 * 3_600_000));
    const actedAt = new Date(assignedAt + 3_600_000).toISOString();
    // Act
    const collected = await updateDeliveryStatus(
      { reference: b.reference, status: 'COLLECTED', locationUnavailable: 'NO_FIX', at: actedAt },
      courier7,
      world,
    );
    // A phone whose clock is behind: its time falls before the previous event, which keeps its place.
    const inTransit = await updateDeliveryStatus(
      {
        reference: b.reference,
        status: 'IN_TRANSIT',
        locationUnavailable: 'NO_FIX',
        at: new Date(assignedAt).toISOString(),
      },
      courier7,
      world,
    );
    const future = (await caught(
      updateDeliveryStatus(
        {
          reference: b.reference,
          status: 'OUT_FOR_DELIVERY',
          locationUnavailable: 'NO_FIX',
          at: new Date(world.clock.now().getTime() + 3_600_000).toISOString(),
        },
        courier7,
        world,
      ),
    )) as ValidationError;
    const tooOld = (await caught(
      updateDeliveryStatus(
        {
          reference: b.reference,
          status: 'OUT_FOR_DELIVERY',
          locationUnavailable: 'NO_FIX',
          at: '2020-01-01T00:00:00Z',
        },
        courier7,
        world,
      ),
    )) as ValidationError;
    // Assess
    expect(collected.history.at(-1)?.at).toBe(actedAt);
    expect(collected.history.at(-1)?.receivedAt).toBe(world.clock.now().toISOString());
    expect(inTransit.history.at(-1)?.at).toBe(actedAt);
    expect([future.field, tooOld.field]).toEqual(['at', 'at']);
    expect((await world.bookings.get(b.reference))?.status).toBe('IN_TRANSIT');
  });

  it('dates an update after the previous event when that event is dated after this server’s now (another clock ahead)', async () => {
    // Prepare: the last event was written by a writer whose clock runs 90 s ahead of this one
    const world = makeWorld();
    const b = await bookingAt(world, []);
    const previousAt = Date.parse(b.history.at(-1)!.at);
    world.clock.set(new Date(previousAt - 90_000));
    // Act
    const collected = await updateDeliveryStatus(
      { reference: b.reference, status: 'COLLECTED', locationUnavailable: 'NO_FIX' },
      courier7,
      world,
    );
    const inTransit = await updateDeliveryStatus(
      {
        reference: b.reference,
        status: 'IN_TRANSIT',
        locationUnavailable: 'NO_FIX',
        at: new Date(previousAt - 60_000).toISOString(),
      },
      courier7,
      world,
    );
    // Assess
    const times = inTransit.history.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(collected.history.at(-1)?.at).toBe(new Date(previousAt).toISOString());
    expect(inTransit.history.at(-1)?.at).toBe(new Date(previousAt).toISOString());
  });

  it('applies an update sent twice with one idempotency key once, and refuses the key for another update', async () => {
    // Prepare
    const world = makeWorld();
    const b = await bookingAt(world, []);
    const update = {
      reference: b.reference,
      status: 'COLLECTED',
      locationUnavailable: 'NO_FIX',
      idempotencyKey: 'u-1',
    };
    // Act
    const first = await updateDeliveryStatus(update, courier7, world);
    const again = await updateDeliveryStatus(update, courier7, world);
    const concurrent = await Promise.all([
      updateDeliveryStatus({ ...update, status: 'IN_TRANSIT', idempotencyKey: 'u-2' }, courier7, world),
      updateDeliveryStatus({ ...update, status: 'IN_TRANSIT', idempotencyKey: 'u-2' }, courier7, world),
    ]);
    const reused = await caught(
      updateDeliveryStatus({ ...update, status: 'OUT_FOR_DELIVERY', idempotencyKey: 'u-1' }, courier7, world),
    );
    const otherCourier = await caught(updateDeliveryStatus(update, courier9, world));
    // Assess
    expect(again.version).toBe(first.version);
    expect(concurrent.map((x) => x.status)).toEqual(['IN_TRANSIT', 'IN_TRANSIT']);
    const stored = await world.bookings.get(b.reference);
    expect(stored?.history.map((e) => e.status)).toEqual(['BOOKED', 'COLLECTED', 'IN_TRANSIT']);
    expect(reused).toBeInstanceOf(ConflictError);
    expect(otherCourier).toBeInstanceOf(NotFoundError);
  });

  it('lets the voicebot cancel but not deliver, and validates the input', async () => {
    // Prepare
    const world = makeWorld();
    const b = await book(world);
    // Act
    const cancelled = await updateDeliveryStatus({ reference: b.reference, status: 'CANCELLED' }, voicebot, world);
    const bad = (await caught(
      updateDeliveryStatus({ reference: b.reference, status: 'GONE', location: { lat: 99, lng: 0 } }, admin, world),
    )) as ValidationError;
    // Assess
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.eta).toBeUndefined();
    expect(cancelled.history.at(-1)?.actor).toEqual({ type: 'VOICEBOT', id: 'voicebot' });
    expect(bad.issues.map((i) => i.field).sort()).toEqual(['location.lat', 'status']);
  });
});
