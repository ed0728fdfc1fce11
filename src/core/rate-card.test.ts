import { describe, expect, it } from 'vitest';
import { ForbiddenError, ValidationError } from './errors';
import { acme, admin, courier7, makeWorld } from './testing/fixtures';
import {
  earningsOf,
  getRateCard,
  rateStretches,
  setRateCard,
  versionInForce,
  type RateCardVersion,
  type Rates,
} from './rate-card';

const RATES = {
  currency: 'usd',
  perDelivery: 4.5,
  perKm: 0.35,
  sizeSurcharges: [
    { size: 'LARGE', amount: 1.5 },
    { size: 'OVERSIZED', amount: 6 },
  ],
  weightSurcharges: [
    { overKg: 20, amount: 3 },
    { overKg: 10, amount: 1 },
  ],
};

const version = (v: number, effectiveFrom: string, rates: Rates | null = null): RateCardVersion => ({
  version: v,
  effectiveFrom,
  rates,
  setAt: '2025-01-01T00:00:00Z',
  setBy: { sub: 's' },
});

describe('setRateCard', () => {
  it('stores a validated, versioned rate card in cents, in force from today', async () => {
    // Prepare
    const world = makeWorld();

    // Act
    const setting = await setRateCard({ rates: RATES, expectedVersion: 0 }, admin, world);

    // Assess
    expect(setting.version).toBe(1);
    expect(setting.inForce).toMatchObject({
      version: 1,
      effectiveFrom: '2025-06-10',
      setBy: { sub: 'sub-admin', name: 'Ada Admin' },
      rates: {
        currency: 'USD',
        perDeliveryCents: 450,
        perKmCents: 35,
        sizeSurcharges: [
          { size: 'LARGE', amountCents: 150 },
          { size: 'OVERSIZED', amountCents: 600 },
        ],
        weightSurcharges: [
          { overKg: 10, amountCents: 100 },
          { overKg: 20, amountCents: 300 },
        ],
      },
    });
    expect(await getRateCard(courier7, world)).toEqual(setting);
  });

  it.each([
    [{ ...RATES, currency: 'dollars' }, 'rates.currency'],
    [{ ...RATES, perDelivery: -1 }, 'rates.perDelivery'],
    [{ ...RATES, perDelivery: 4.555 }, 'rates.perDelivery'],
    [{ ...RATES, perKm: 5000 }, 'rates.perKm'],
    [{ ...RATES, perDelivery: 0, perKm: 0 }, 'rates.perDelivery'],
    [{ ...RATES, sizeSurcharges: [{ size: 'HUGE', amount: 1 }] }, 'rates.sizeSurcharges.0.size'],
    [
      {
        ...RATES,
        sizeSurcharges: [
          { size: 'LARGE', amount: 1 },
          { size: 'LARGE', amount: 2 },
        ],
      },
      'rates.sizeSurcharges.1.size',
    ],
    [{ ...RATES, weightSurcharges: [{ overKg: 2.5, amount: 1 }] }, 'rates.weightSurcharges.0.overKg'],
    [{ ...RATES, bonus: 3 }, 'rates'],
  ])('refuses %j, naming %s', async (rates, field) => {
    // Prepare
    const world = makeWorld();

    // Act
    const attempt = setRateCard({ rates, expectedVersion: 0 }, admin, world);

    // Assess
    const error = await attempt.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.field)).toContain(field);
    expect(await world.rateCards.versions()).toEqual([]);
  });

  it('refuses a stale version, a day in the past, and anyone but an administrator', async () => {
    // Prepare
    const world = makeWorld();
    await setRateCard({ rates: RATES, expectedVersion: 0 }, admin, world);

    // Act
    const stale = await setRateCard({ rates: RATES, expectedVersion: 0 }, admin, world).catch((e: unknown) => e);
    const past = await setRateCard(
      { rates: RATES, effectiveFrom: '2025-06-09', expectedVersion: 1 },
      admin,
      world,
    ).catch((e: unknown) => e);
    const byCourier = await setRateCard({ rates: RATES, expectedVersion: 1 }, courier7, world).catch((e: unknown) => e);
    const partnerRead = await getRateCard(acme, world).catch((e: unknown) => e);

    // Assess
    expect((stale as ValidationError).field).toBe('expectedVersion');
    expect((past as ValidationError).field).toBe('effectiveFrom');
    expect(byCourier).toBeInstanceOf(ForbiddenError);
    expect(partnerRead).toBeInstanceOf(ForbiddenError);
    expect((await world.rateCards.versions()).length).toBe(1);
  });

  it('schedules a later card and turns earnings off with a version without rates', async () => {
    // Prepare
    const world = makeWorld();
    await setRateCard({ rates: RATES, expectedVersion: 0 }, admin, world);

    // Act
    const scheduled = await setRateCard(
      { rates: { ...RATES, perDelivery: 5 }, effectiveFrom: '2025-07-01', expectedVersion: 1 },
      admin,
      world,
    );
    const off = await setRateCard({ rates: null, expectedVersion: 2 }, admin, world);

    // Assess
    expect(scheduled.inForce?.version).toBe(1);
    expect(scheduled.upcoming.map((v) => [v.version, v.effectiveFrom])).toEqual([[2, '2025-07-01']]);
    // Turning off today overtakes the scheduled card too: the later decision wins.
    expect(off.inForce).toBeNull();
    expect(off.upcoming).toEqual([]);
    expect(off.version).toBe(3);
  });
});

describe('earnings', () => {
  it('pays per delivery, per km, by size and by the heaviest weight tier passed', () => {
    // Prepare
    const rates: Rates = {
      currency: 'USD',
      perDeliveryCents: 450,
      perKmCents: 35,
      sizeSurcharges: [{ size: 'LARGE', amountCents: 150 }],
      weightSurcharges: [
        { overKg: 10, amountCents: 100 },
        { overKg: 20, amountCents: 300 },
      ],
    };
    // Four parcels: 2 kg, 10 kg (not over 10), 11 kg (over 10), 25 kg (over 20); one LARGE; 12.5 km in all.
    const counters = {
      delivered: 4,
      pay_m: 12_500,
      pay_s_SMALL: 3,
      pay_s_LARGE: 1,
      pay_kg_2: 1,
      pay_kg_10: 1,
      pay_kg_11: 1,
      pay_kg_25: 1,
    };

    // Act
    const e = earningsOf(counters, rates);

    // Assess
    expect(e).toEqual({
      deliveries: 4,
      km: 12.5,
      perDeliveryCents: 1800,
      distanceCents: 438,
      sizeCents: 150,
      weightCents: 400,
      totalCents: 1800 + 438 + 150 + 400,
    });
  });

  it('splits a range into the stretches each version governs', () => {
    // Prepare
    const versions = [
      version(1, '2025-05-01', {
        currency: 'USD',
        perDeliveryCents: 1,
        perKmCents: 0,
        sizeSurcharges: [],
        weightSurcharges: [],
      }),
      version(2, '2025-06-05'),
      version(3, '2025-06-08', {
        currency: 'USD',
        perDeliveryCents: 2,
        perKmCents: 0,
        sizeSurcharges: [],
        weightSurcharges: [],
      }),
    ];

    // Act
    const stretches = rateStretches(versions, { from: '2025-04-28', to: '2025-06-10' });

    // Assess
    expect(stretches.map((s) => [s.from, s.to, s.version.version])).toEqual([
      ['2025-05-01', '2025-06-04', 1],
      ['2025-06-05', '2025-06-07', 2],
      ['2025-06-08', '2025-06-10', 3],
    ]);
    expect(versionInForce(versions, '2025-04-30')).toBeUndefined();
  });
});
