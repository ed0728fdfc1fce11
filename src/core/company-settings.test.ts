import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from './business-calendar';
import {
  collectionIssues,
  createSettingsCache,
  DEFAULT_RULES,
  getCompanySettings,
  listSettingsChanges,
  nextCollectionWindow,
  parcelIssues,
  updateCompanySettings,
  requiredProofFor,
  type CompanyRules,
} from './company-settings';
import { ForbiddenError, ValidationError } from './errors';
import { bookCourier } from './bookings';
import { acme, admin, courier7, makeWorld } from './testing/fixtures';

const SEATTLE = createBusinessCalendar('America/Los_Angeles');
const SHOP: CompanyRules = {
  serviceArea: ['981'],
  collectionDays: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
  collectionHours: { open: '08:00', close: '18:00' },
  sameDayCutoff: '16:00',
  maxWeightKg: 30,
  maxOversizedWeightKg: 150,
  largestSize: 'OVERSIZED',
  requiredProof: ['SIGNATURE'],
};
const at = (day: string, h: number, m = 0) => SEATTLE.at(day, h, m);

describe('the proof every delivery needs', () => {
  it('is kept in the listed order, unchanged by a client that does not send it, and refused when unknown', async () => {
    // Prepare
    const world = makeWorld();
    const { requiredProof: _omitted, ...withoutProof } = SHOP;

    // Act
    const set = await updateCompanySettings(
      { rules: { ...SHOP, requiredProof: ['RECIPIENT_NAME', 'PHOTO', 'PHOTO'] }, expectedVersion: 0 },
      admin,
      world,
    );
    const kept = await updateCompanySettings(
      { rules: { ...withoutProof, maxWeightKg: 25 }, expectedVersion: 1 },
      admin,
      world,
    );
    const wrong = await updateCompanySettings(
      { rules: { ...SHOP, requiredProof: ['FINGERPRINT'] }, expectedVersion: 2 },
      admin,
      world,
    ).catch((e: unknown) => e);

    // Assess
    expect(set.requiredProof).toEqual(['PHOTO', 'RECIPIENT_NAME']);
    expect(kept).toMatchObject({ requiredProof: ['PHOTO', 'RECIPIENT_NAME'], maxWeightKg: 25, version: 2 });
    expect(wrong).toBeInstanceOf(ValidationError);
    expect((wrong as ValidationError).message).toMatch(/requiredProof.*SIGNATURE, PHOTO, RECIPIENT_NAME/);
    expect((await getCompanySettings(admin, world)).version).toBe(2);
  });

  it('is read by couriers and admins, and by nobody else', async () => {
    // Prepare
    const world = makeWorld();
    await updateCompanySettings({ rules: SHOP, expectedVersion: 0 }, admin, world);

    // Act
    const forCourier = await requiredProofFor(courier7, world);
    const forAdmin = await requiredProofFor(admin, world);
    const forPartner = await requiredProofFor(acme, world).catch((e: unknown) => e);
    const forPublic = await requiredProofFor({ role: 'PUBLIC' }, world).catch((e: unknown) => e);

    // Assess
    expect(forCourier).toEqual(['SIGNATURE']);
    expect(forAdmin).toEqual(['SIGNATURE']);
    expect(forPartner).toBeInstanceOf(ForbiddenError);
    expect(forPublic).toBeInstanceOf(ForbiddenError);
  });
});

describe('changing the company settings', () => {
  it('stores valid rules with who changed what, and the next read and the history show them', async () => {
    // Prepare
    const world = makeWorld();

    // Act
    const before = await getCompanySettings(admin, world);
    const saved = await updateCompanySettings({ rules: SHOP, expectedVersion: 0 }, admin, world);
    const history = await listSettingsChanges(admin, {}, world);

    // Assess
    expect(before).toMatchObject({ ...DEFAULT_RULES, version: 0, updatedBy: null, timeZone: 'America/Los_Angeles' });
    expect(saved).toMatchObject({ ...SHOP, version: 1, updatedBy: { sub: 'sub-admin', name: 'Ada Admin' } });
    expect(await getCompanySettings(admin, world)).toEqual(saved);
    expect(history.items).toHaveLength(1);
    expect(history.items[0]!.changes.map((c) => c.field)).toEqual([
      'serviceArea',
      'collectionDays',
      'collectionHours',
      'sameDayCutoff',
      'maxWeightKg',
      'maxOversizedWeightKg',
      'requiredProof',
    ]);
    expect(history.items[0]!.changes.find((c) => c.field === 'collectionHours')).toEqual({
      field: 'collectionHours',
      from: { open: '00:00', close: '24:00' },
      to: { open: '08:00', close: '18:00' },
    });
  });

  it('names every wrong rule and how to fix it, and stores nothing', async () => {
    // Prepare
    const world = makeWorld();
    const wrong = {
      ...SHOP,
      serviceArea: ['981', 'Seattle'],
      collectionDays: [],
      collectionHours: { open: '08:00', close: '6pm' },
      maxWeightKg: 90,
    };

    // Act
    const error = await updateCompanySettings({ rules: wrong, expectedVersion: 0 }, admin, world).catch((e) => e);

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    const fields = (error as ValidationError).issues.map((i) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'rules.serviceArea.1',
        'rules.collectionDays',
        'rules.collectionHours.close',
        'rules.maxWeightKg',
      ]),
    );
    expect((error as ValidationError).message).toMatch(/HH:MM on the 24-hour clock/);
    expect(world.settings.changes).toHaveLength(0);
    expect((await getCompanySettings(admin, world)).version).toBe(0);
  });

  it('refuses hours shorter than an hour, a cut-off after closing, a time zone, and a stale version', async () => {
    // Prepare
    const world = makeWorld();
    await updateCompanySettings({ rules: SHOP, expectedVersion: 0 }, admin, world);
    const attempt = (input: unknown) => updateCompanySettings(input, admin, world).catch((e: unknown) => e);

    // Act
    const short = await attempt({
      rules: { ...SHOP, collectionHours: { open: '08:00', close: '08:30' } },
      expectedVersion: 1,
    });
    const late = await attempt({ rules: { ...SHOP, sameDayCutoff: '19:00' }, expectedVersion: 1 });
    const zone = await attempt({ rules: { ...SHOP, timeZone: 'Europe/London' }, expectedVersion: 1 });
    const stale = await attempt({ rules: { ...SHOP, maxWeightKg: 20 }, expectedVersion: 0 });

    // Assess
    expect((short as ValidationError).field).toBe('rules.collectionHours.close');
    expect((late as ValidationError).message).toMatch(
      /sameDayCutoff \(19:00\) is after collectionHours.close \(18:00\); set it at or before 18:00/,
    );
    expect((zone as ValidationError).field).toBe('rules.timeZone');
    expect((stale as ValidationError).message).toMatch(/Someone else changed the settings/);
    expect(world.settings.changes).toHaveLength(1);
  });

  it.each([
    ['a courier', courier7],
    ['a partner', acme],
  ])('is for administrators only: %s can neither read nor change them', async (_who, principal) => {
    // Prepare
    const world = makeWorld();

    // Act
    const read = await getCompanySettings(principal, world).catch((e) => e);
    const change = await updateCompanySettings({ rules: SHOP, expectedVersion: 0 }, principal, world).catch((e) => e);
    const history = await listSettingsChanges(principal, {}, world).catch((e) => e);

    // Assess
    expect(read).toBeInstanceOf(ForbiddenError);
    expect(change).toBeInstanceOf(ForbiddenError);
    expect(history).toBeInstanceOf(ForbiddenError);
    expect(world.settings.changes).toHaveLength(0);
  });
});

describe('the rules applied', () => {
  it('checks a pickup window against collection days, hours and the same-day cut-off', () => {
    // Tuesday 10 June 2025 and Saturday 14 June, Pacific time.
    const now = at('2025-06-10', 9);
    const issues = (start: Date, end: Date, when = now) => collectionIssues(SHOP, SEATTLE, { start, end }, when);

    expect(issues(at('2025-06-10', 10), at('2025-06-10', 12))).toEqual([]);
    expect(issues(at('2025-06-10', 7), at('2025-06-10', 9))[0]!.message).toMatch(
      /outside our collection hours \(Monday to Friday, 8:00 AM to 6:00 PM PDT\)/,
    );
    expect(issues(at('2025-06-10', 17), at('2025-06-10', 19))[0]).toMatchObject({ field: 'pickupWindowEnd' });
    expect(issues(at('2025-06-14', 10), at('2025-06-14', 12))[0]!.message).toMatch(/We don't collect on Saturdays/);
    expect(issues(at('2025-06-10', 17), at('2025-06-10', 18), at('2025-06-10', 16, 5))[0]!.message).toMatch(
      /Same-day pickups can be booked until 4:00 PM/,
    );
    expect(
      collectionIssues(DEFAULT_RULES, SEATTLE, { start: at('2025-06-14', 2), end: at('2025-06-14', 4) }, now),
    ).toEqual([]);
  });

  it('finds the next window the rules allow: now, later today, or the next collection day', () => {
    const options = { lengthMs: 2 * 3600_000, minMs: 30 * 60_000 };
    const iso = (w: { start: Date; end: Date } | undefined) => w && [w.start.toISOString(), w.end.toISOString()];

    // In hours: from now. Before opening: at opening. After the cut-off on Friday: Monday at opening.
    expect(iso(nextCollectionWindow(SHOP, SEATTLE, at('2025-06-10', 9), options))).toEqual(
      iso({ start: at('2025-06-10', 9), end: at('2025-06-10', 11) }),
    );
    expect(iso(nextCollectionWindow(SHOP, SEATTLE, at('2025-06-10', 6), options))).toEqual(
      iso({ start: at('2025-06-10', 8), end: at('2025-06-10', 10) }),
    );
    expect(iso(nextCollectionWindow(SHOP, SEATTLE, at('2025-06-13', 16, 30), options))).toEqual(
      iso({ start: at('2025-06-16', 8), end: at('2025-06-16', 10) }),
    );
  });

  it('limits sizes and weights to what the company takes', () => {
    const vanOnly = { ...SHOP, largestSize: 'LARGE' as const };
    expect(parcelIssues(SHOP, { size: 'LARGE', weightKg: 30 })).toEqual([]);
    expect(parcelIssues(SHOP, { size: 'LARGE', weightKg: 31 })[0]!.message).toMatch(
      /book it as OVERSIZED \(up to 150 kg\)/,
    );
    expect(parcelIssues(vanOnly, { size: 'OVERSIZED', weightKg: 40 })[0]).toMatchObject({ field: 'package.size' });
    expect(parcelIssues(vanOnly, { size: 'LARGE', weightKg: 40 })[0]!.message).toMatch(/split the load/);
  });

  it('refuses a booking outside the service area or the hours, naming the field, and stores nothing', async () => {
    // Prepare: the world's clock is Tuesday 10 June 2025, 8 AM Pacific.
    const world = makeWorld();
    await updateCompanySettings({ rules: SHOP, expectedVersion: 0 }, admin, world);
    const request = {
      customerName: 'Ada Lovelace',
      customerPhone: '+12065550100',
      pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
      delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109' },
      package: { size: 'SMALL', weightKg: 2 },
      pickupWindowStart: at('2025-06-10', 19).toISOString(),
      pickupWindowEnd: at('2025-06-10', 20).toISOString(),
    };

    // Act
    const late = await bookCourier(request, admin, world).catch((e) => e);
    const inHours = await bookCourier(
      {
        ...request,
        pickupWindowStart: at('2025-06-10', 10).toISOString(),
        pickupWindowEnd: at('2025-06-10', 12).toISOString(),
      },
      admin,
      world,
    );
    const outside = await bookCourier(
      {
        ...request,
        delivery: { line1: '1 Microsoft Way', city: 'Redmond', postcode: '98052' },
        pickupWindowStart: at('2025-06-10', 10).toISOString(),
        pickupWindowEnd: at('2025-06-10', 12).toISOString(),
      },
      admin,
      world,
    ).catch((e) => e);

    // Assess
    expect(late).toBeInstanceOf(ValidationError);
    expect((late as ValidationError).field).toBe('pickupWindowStart');
    expect(inHours.status).toBe('BOOKED');
    expect((outside as ValidationError).field).toBe('delivery.postcode');
    expect((outside as ValidationError).message).toMatch(/98052 is outside our service area \(ZIP codes 981xx\)/);
    expect(world.bookings.all()).toHaveLength(1);
  });

  it('re-reads the rules at most once per interval, and at once after its own change', async () => {
    // Prepare
    let reads = 0;
    let now = 0;
    const cache = createSettingsCache(
      async () => {
        reads++;
        return undefined;
      },
      { ttlMs: 60_000, now: () => now },
    );

    // Act
    await Promise.all([cache.current(), cache.current()]);
    now = 59_000;
    await cache.current();
    now = 61_000;
    await cache.current();
    cache.invalidate();
    await cache.current();

    // Assess
    expect(reads).toBe(3);
  });
});
