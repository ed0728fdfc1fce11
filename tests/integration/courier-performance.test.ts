// The courier's "My performance" page over GraphQL (Req 11.9-11.10, 12): earnings at the rate card, suggestions,
// the delivery history and what customers said, each computed here again from the raw bookings and feedback
// (read by day, not through the courier indexes the API uses) and compared; who may read what (every denial);
// and the page's reads make no Scan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, Feedback } from '../../src/core/model';
import type { Stack } from '../../src/local/stack';
import {
  courierDeliveryHistory,
  courierEarnings,
  courierFeedback,
  courierPerformance,
  courierSuggestions,
  rateCard,
  setRateCard,
  type CourierDeliveryHistoryQuery,
  type CourierEarningsQuery,
  type CourierFeedbackQuery,
  type CourierSuggestionsQuery,
  type RateCardQuery,
  type SetRateCardMutation,
} from '../../src/generated/graphql';
import { addDays, daysFrom, weekOf } from '../../src/core/business-calendar';
import { estimateRoadKm } from '../../src/core/eta';
import { FAILURE_REASONS } from '../../src/core/model';
import type { Rates } from '../../src/core/rate-card';
import {
  operationCount,
  readDynamoOperations,
  resetDynamoOperations,
} from '../../src/local/dynamodb/operation-counter';
import { as, companyDay, gql, startTestStack } from '../support/test-stack';

let stack: Stack;
let today: string;
let from: string;
let bookings: Booking[];
let feedback: Feedback[];

async function allOf<T>(read: (day: string, nextToken?: string) => Promise<{ items: T[]; nextToken?: string }>) {
  const out: T[] = [];
  for (const day of daysFrom(addDays(today, -70), today)) {
    let token: string | undefined;
    do {
      const page = await read(day, token);
      out.push(...page.items);
      token = page.nextToken;
    } while (token);
  }
  return out;
}

// Two versions: the demo's, in force for months (the seed sets it ninety days back), and today's, set here.
const NEW_RATES = {
  currency: 'USD',
  perDelivery: 4.75,
  perKm: 0.4,
  sizeSurcharges: [
    { size: 'LARGE', amount: 1.25 },
    { size: 'OVERSIZED', amount: 5 },
  ],
  weightSurcharges: [
    { overKg: 5, amount: 0.5 },
    { overKg: 15, amount: 2 },
  ],
};

beforeAll(async () => {
  stack = await startTestStack();
  today = companyDay(stack);
  from = addDays(today, -29);
  await stack.flushChangeFeed();
  bookings = await allOf((day, nextToken) =>
    stack.deps.bookings.query({ by: 'day', day }, { limit: 100, ...(nextToken ? { nextToken } : {}) }),
  );
  feedback = await allOf((day, nextToken) =>
    stack.deps.feedback.query({ by: 'day', day }, { limit: 100, ...(nextToken ? { nextToken } : {}) }),
  );
});
afterAll(async () => stack?.close());

const admin = () => as(stack, 'admin@example.com');
const courier1 = () => as(stack, 'courier1@example.com');
const pickupDay = (b: Booking) => stack.deps.calendar.dayOf(b.pickupWindow.start);

/** What one delivered parcel earns at a version's rates (in cents, distance unrounded). */
function earned(b: Booking, r: Rates): number {
  const size = r.sizeSurcharges.find((s) => s.size === b.package.size)?.amountCents ?? 0;
  const tier = [...r.weightSurcharges].reverse().find((t) => b.package.weightKg > t.overKg)?.amountCents ?? 0;
  return r.perDeliveryCents + r.perKmCents * estimateRoadKm(b) + size + tier;
}

describe('the rate card and earnings', () => {
  it('pays each day at the version in force that day, figured from the change feed', async () => {
    // Prepare
    const seeded = await stack.deps.rateCards.versions();
    expect(seeded.map((v) => [v.version, v.effectiveFrom])).toEqual([[1, addDays(today, -90)]]);
    const oldRates = seeded[0]!.rates!;
    const set = await gql<SetRateCardMutation>(stack, await admin(), setRateCard, {
      rates: NEW_RATES,
      expectedVersion: 1,
    });
    const mine = bookings.filter(
      (b) => b.courierId === 'courier-01' && b.status === 'DELIVERED' && pickupDay(b) >= from && pickupDay(b) <= today,
    );
    const newRates: Rates = {
      currency: 'USD',
      perDeliveryCents: 475,
      perKmCents: 40,
      sizeSurcharges: [
        { size: 'LARGE', amountCents: 125 },
        { size: 'OVERSIZED', amountCents: 500 },
      ],
      weightSurcharges: [
        { overKg: 5, amountCents: 50 },
        { overKg: 15, amountCents: 200 },
      ],
    };
    const expected =
      mine.filter((b) => pickupDay(b) < today).reduce((s, b) => s + earned(b, oldRates), 0) +
      mine.filter((b) => pickupDay(b) === today).reduce((s, b) => s + earned(b, newRates), 0);

    // Act
    const r = await gql<CourierEarningsQuery>(stack, await courier1(), courierEarnings, { from, to: today });
    const card = await gql<RateCardQuery>(stack, await courier1(), rateCard);

    // Assess
    expect(set.errors).toBeUndefined();
    expect(set.data!.setRateCard.inForce?.version).toBe(2);
    expect(card.data!.rateCard.inForce?.rates?.perDelivery).toBe(4.75);
    expect(r.errors).toBeUndefined();
    const e = r.data!.courierEarnings!;
    expect(mine.length).toBeGreaterThan(5);
    expect(e.deliveries).toBe(mine.length);
    expect(e.km).toBeCloseTo(
      mine.reduce((s, b) => s + estimateRoadKm(b), 0),
      1,
    );
    // Distance is rounded to the cent once per stretch of days: two stretches, at most a cent each.
    expect(Math.abs(e.total * 100 - expected)).toBeLessThanOrEqual(2);
    expect(e.perDelivery + e.distance + e.sizeSurcharges + e.weightSurcharges).toBeCloseTo(e.total, 6);
    expect(e.stretches).toEqual([
      { from, to: addDays(today, -1), version: 1 },
      { from: today, to: today, version: 2 },
    ]);
  });

  it('names the field of a bad rate card and keeps the card as it was', async () => {
    // Prepare
    const before = await gql<RateCardQuery>(stack, await admin(), rateCard);

    // Act
    const r = await gql(stack, await admin(), setRateCard, {
      rates: { ...NEW_RATES, perKm: -2 },
      expectedVersion: before.data!.rateCard.version,
    });
    const after = await gql<RateCardQuery>(stack, await admin(), rateCard);

    // Assess
    expect(r.errors?.[0]?.errorType).toBe('ValidationError');
    expect(r.errors?.[0]?.message).toContain('perKm');
    expect(after.data!.rateCard).toEqual(before.data!.rateCard);
  });
});

describe("the courier's other figures match the raw data", () => {
  it('suggests exactly the failure reasons met 1.5× as often as the fleet meets them', async () => {
    // Prepare
    const inRange = bookings.filter((b) => pickupDay(b) >= from && pickupDay(b) <= today);
    const failed = (b: Booking) => b.status === 'FAILED_DELIVERY' || b.status === 'RETURNED';
    const reason = (b: Booking) => b.history.findLast((e) => e.status === 'FAILED_DELIVERY')?.failureReason ?? 'OTHER';
    const attempts = (list: Booking[]) => list.filter((b) => b.status === 'DELIVERED' || failed(b)).length;
    const expected = (courierId: string) => {
      const mine = inRange.filter((b) => b.courierId === courierId);
      if (attempts(mine) < 5) return [];
      return FAILURE_REASONS.filter((r) => {
        const count = mine.filter((b) => failed(b) && reason(b) === r).length;
        const fleetRate = inRange.filter((b) => failed(b) && reason(b) === r).length / attempts(inRange);
        return count >= 2 && count / attempts(mine) >= 1.5 * fleetRate;
      });
    };
    const couriers = Array.from({ length: 25 }, (_, i) => `courier-${String(i + 1).padStart(2, '0')}`);

    // Act
    const caller = await admin();
    const results = await Promise.all(
      couriers.map((courierId) =>
        gql<CourierSuggestionsQuery>(stack, caller, courierSuggestions, { from, to: today, courierId }),
      ),
    );

    // Assess
    const human = (r: string) => r.charAt(0) + r.slice(1).toLowerCase().replace(/_/g, ' ');
    let seen = 0;
    results.forEach((r, i) => {
      expect(r.errors).toBeUndefined();
      const titles = r.data!.courierSuggestions.filter((s) => s.kind === 'FAILURE_REASON').map((s) => s.title);
      const want = expected(couriers[i]!);
      seen += want.length;
      expect(titles.map((t) => FAILURE_REASONS.find((x) => t.startsWith(human(x))))).toEqual(want);
    });
    // The demo data gives the demo courier a reason worth a word, so the comparison above compared something.
    expect(expected('courier-01')).toEqual(['RECIPIENT_ABSENT']);
    expect(seen).toBeGreaterThan(0);
  });

  it('lists the history newest first, searchable, each delivery with its status timeline', async () => {
    // Prepare
    const caller = await courier1();
    // Past deliveries: picked up before today (today's are on the courier's day list).
    const mine = bookings
      .filter((b) => b.courierId === 'courier-01' && pickupDay(b) < today)
      .sort((a, b) => `${pickupDay(b)}#${b.createdAt}`.localeCompare(`${pickupDay(a)}#${a.createdAt}`));
    const target = mine.find((b) => b.status === 'DELIVERED')!;
    const pages: CourierDeliveryHistoryQuery['courierDeliveryHistory']['items'][] = [];

    // Act
    let nextToken: string | null | undefined = null;
    do {
      const page: { data?: CourierDeliveryHistoryQuery | null; errors?: unknown[] } =
        await gql<CourierDeliveryHistoryQuery>(stack, caller, courierDeliveryHistory, { limit: 7, nextToken });
      expect(page.errors).toBeUndefined();
      pages.push(page.data!.courierDeliveryHistory.items);
      nextToken = page.data!.courierDeliveryHistory.nextToken;
    } while (nextToken);
    const byReference = await gql<CourierDeliveryHistoryQuery>(stack, caller, courierDeliveryHistory, {
      search: target.reference.toLowerCase(),
    });
    const failedLastWeek = await gql<CourierDeliveryHistoryQuery>(stack, caller, courierDeliveryHistory, {
      status: 'RETURNED',
      from: addDays(today, -13),
      to: addDays(today, -1),
    });
    const street = target.delivery.line1.split(' ').slice(1).join(' ');
    const byStreet = await gql<CourierDeliveryHistoryQuery>(stack, caller, courierDeliveryHistory, { search: street });

    // Assess
    const all = pages.flat();
    expect(all.map((b) => b.reference)).toEqual(mine.map((b) => b.reference));
    // Pages of the size asked for, whole: seven a page, the last one the rest.
    expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true);
    const found = byReference.data!.courierDeliveryHistory.items;
    expect(found.map((b) => b.reference)).toEqual([target.reference]);
    expect(found[0]!.history.map((e) => [e.status, e.at])).toEqual(target.history.map((e) => [e.status, e.at]));
    expect(failedLastWeek.data!.courierDeliveryHistory.items.map((b) => b.reference)).toEqual(
      mine.filter((b) => b.status === 'RETURNED' && pickupDay(b) >= addDays(today, -13)).map((b) => b.reference),
    );
    const streetWant = mine.filter((b) =>
      [b.pickup.line1, b.delivery.line1].some((l) => l.toLowerCase().includes(street.toLowerCase())),
    );
    expect(byStreet.data!.courierDeliveryHistory.items.map((b) => b.reference)).toEqual(
      expect.arrayContaining(streetWant.map((b) => b.reference)),
    );
  });

  it("shows what customers said about this courier's deliveries, newest first", async () => {
    // Prepare
    const want = feedback
      .filter((f) => f.courierId === 'courier-01')
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((f) => [f.reference, f.rating ?? null, f.text]);

    // Act
    const r = await gql<CourierFeedbackQuery>(stack, await courier1(), courierFeedback, { limit: 100 });

    // Assess
    expect(r.errors).toBeUndefined();
    expect(want.length).toBeGreaterThan(2);
    expect(r.data!.courierFeedback.items.map((f) => [f.reference, f.rating ?? null, f.text])).toEqual(want);
  });
});

describe('who may read a courier’s performance', () => {
  const range = () => ({ from, to: today });
  const PAGE_QUERIES = [
    ['courierPerformance', courierPerformance, () => ({ ...range(), granularity: 'WEEK' })],
    ['courierEarnings', courierEarnings, range],
    ['courierSuggestions', courierSuggestions, range],
    ['courierDeliveryHistory', courierDeliveryHistory, () => ({})],
    ['courierFeedback', courierFeedback, () => ({})],
  ] as const;

  it.each(PAGE_QUERIES)(
    '%s: a courier is refused another courier, existing or not, alike',
    async (field, query, vars) => {
      // Act
      const other = await gql(stack, await courier1(), query, { ...vars(), courierId: 'courier-02' });
      const nobody = await gql(stack, await courier1(), query, { ...vars(), courierId: 'courier-nobody' });

      // Assess
      expect((other.data as Record<string, unknown> | null)?.[field] ?? null).toBeNull();
      expect(other.errors?.[0]?.errorType).toBe('ForbiddenError');
      expect(other.errors?.[0]?.message).toBe(nobody.errors?.[0]?.message);
      expect(JSON.stringify(other)).not.toContain('courier-02');
    },
  );

  it.each(PAGE_QUERIES)(
    '%s: partners and the API key are refused; an administrator reads anyone',
    async (field, query, vars) => {
      // Act
      const partner = await gql(stack, await as(stack, 'partner@example.com'), query, {
        ...vars(),
        courierId: 'courier-01',
      });
      const apiKey = await gql(stack, { apiKey: stack.apiKey }, query, { ...vars(), courierId: 'courier-01' });
      const byAdmin = await gql(stack, await admin(), query, { ...vars(), courierId: 'courier-02' });
      const own = await gql(stack, await courier1(), query, vars());

      // Assess
      expect((partner.data as Record<string, unknown> | null)?.[field] ?? null).toBeNull();
      expect(partner.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
      expect((apiKey.data as Record<string, unknown> | null)?.[field] ?? null).toBeNull();
      expect(apiKey.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
      expect(byAdmin.errors).toBeUndefined();
      expect(own.errors).toBeUndefined();
    },
  );

  it('the rate card: couriers and admins read it, only admins set it', async () => {
    // Prepare
    const version = (await gql<RateCardQuery>(stack, await admin(), rateCard)).data!.rateCard.version;

    // Act
    const byCourier = await gql(stack, await courier1(), setRateCard, { rates: NEW_RATES, expectedVersion: version });
    const byPartner = await gql(stack, await as(stack, 'partner@example.com'), setRateCard, {
      rates: NEW_RATES,
      expectedVersion: version,
    });
    const partnerRead = await gql(stack, await as(stack, 'partner@example.com'), rateCard);
    const apiKeyRead = await gql(stack, { apiKey: stack.apiKey }, rateCard);

    // Assess
    expect(byCourier.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
    expect(byPartner.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
    expect(partnerRead.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
    expect(apiKeyRead.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
    expect((await gql<RateCardQuery>(stack, await admin(), rateCard)).data!.rateCard.version).toBe(version);
  });
});

describe('DynamoDB calls of the performance page', () => {
  it('reads rollups and the courier indexes only: no Scan, whatever it asks', async () => {
    // Prepare
    const caller = await courier1();
    const weekStart = addDays(today, -6);
    const reads = [
      [courierPerformance, { from: addDays(today, -13), to: today, granularity: 'DAY' }],
      [courierPerformance, { from: weekStart, to: today, granularity: 'WEEK' }],
      [courierEarnings, { from: weekStart, to: today }],
      [courierSuggestions, { from, to: today }],
      [rateCard, {}],
      [courierDeliveryHistory, { limit: 20 }],
      [courierDeliveryHistory, { search: 'zzz-no-such-street', limit: 20 }],
      [courierFeedback, { limit: 20 }],
    ] as const;
    await stack.flushChangeFeed();
    await resetDynamoOperations(stack.gatewayUrl);

    // Act
    for (const [query, variables] of reads) expect((await gql(stack, caller, query, variables)).errors).toBeUndefined();
    const counts = await readDynamoOperations(stack.gatewayUrl);

    // Assess
    expect(operationCount(counts, 'Scan'), JSON.stringify(counts.byTable)).toBe(0);
    expect(operationCount(counts, 'Query')).toBeGreaterThan(0);
    // The bookings are read through the courier index only, for the history: a bounded number of pages.
    expect(operationCount(counts, 'Query', stack.tables.bookings)).toBeLessThanOrEqual(2 * 4);
  });

  it("reads the figures' series once, by the chart's buckets: one read per series for whole weeks", async () => {
    // Prepare: eight whole weeks by week (the page's trend), and this week so far (its headline figures).
    const caller = await courier1();
    const monday = weekOf(today);
    const eightWeeks = { from: addDays(monday, -49), to: addDays(monday, 6), granularity: 'WEEK' };
    const thisWeek = { from: monday, to: today, granularity: 'WEEK' };
    await stack.flushChangeFeed();

    // Act
    const rollupQueries: number[] = [];
    for (const variables of [eightWeeks, thisWeek]) {
      await resetDynamoOperations(stack.gatewayUrl);
      expect((await gql(stack, caller, courierPerformance, variables)).errors).toBeUndefined();
      const counts = await readDynamoOperations(stack.gatewayUrl);
      // A range's cover is read with one Query or one BatchGetItem (0dd163b), whichever fits its items.
      rollupQueries.push(
        operationCount(counts, 'Query', stack.tables.rollups) +
          operationCount(counts, 'BatchGetItem', stack.tables.rollups),
      );
    }

    // Assess: the courier's series and the fleet's, each read once (a total is the sum of the buckets, never a
    // second cover of the range in months, weeks and days).
    expect(rollupQueries).toEqual([2, 2]);
  });
});
