// Analytics over GraphQL (Req 10, 12): every figure the API returns is computed here again from the raw
// bookings and feedback (read through the repositories, as a test may) and compared; a change made through
// the API moves the figures through the change feed; who may read what; and no request path Scans.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Booking, Feedback } from '../../src/core/model';
import type { Stack } from '../../src/local/stack';
import {
  analyticsFeedback,
  analyticsFeedbackComments,
  analyticsFleet,
  analyticsHeatMap,
  analyticsRegions,
  analyticsRoutes,
  analyticsVolumes,
  bookCourier,
  courierPerformance,
  getBooking,
  listBookings,
  partnerAnalytics,
  type AnalyticsFeedbackQuery,
  type AnalyticsRegionsQuery,
  type AnalyticsVolumesQuery,
  type CourierPerformanceQuery,
  type PartnerAnalyticsQuery,
} from '../../src/generated/graphql';
import { addDays, daysFrom, weekOf } from '../../src/core/business-calendar';
import { extractPdfText } from '../support/pdf-text';
import { estimateEta } from '../../src/core/eta';
import { serviceRegionOf } from '../../src/core/geo/service-regions';
import {
  operationCount,
  readDynamoOperations,
  resetDynamoOperations,
} from '../../src/local/dynamodb/operation-counter';
import { as, companyDay, gql, pickupWindowSoon, startTestStack } from '../support/test-stack';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { callOutcome, normalizeUtterance, type Conversation } from '../../src/core/call-metrics';
import { itemToConversation } from '../../src/data/conversation-repository';
import { createLexCodeHook, STATE_ATTRIBUTE, voiceDepsFromApi } from '../../src/voice/lex-codehook';
import { lexEvent } from '../events/lex-event';
import {
  alertSettings,
  analyticsBot,
  analyticsLex,
  executiveSummaries,
  generateExecutiveSummary,
  onAlertRaised,
  serviceAlerts,
  submitFeedback,
  updateAlertSettings,
  type AnalyticsBotQuery,
  type AnalyticsLexQuery,
} from '../../src/generated/graphql';
import { subscribeRealtime } from '../support/realtime-client';

let stack: Stack;
let today: string;
let from: string;
let bookings: Booking[];
let feedback: Feedback[];

async function allOf<T>(read: (day: string, nextToken?: string) => Promise<{ items: T[]; nextToken?: string }>) {
  const out: T[] = [];
  for (const day of daysFrom(from, today)) {
    let token: string | undefined;
    do {
      const page = await read(day, token);
      out.push(...page.items);
      token = page.nextToken;
    } while (token);
  }
  return out;
}

beforeAll(async () => {
  stack = await startTestStack();
  today = companyDay(stack);
  from = addDays(today, -59);
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
const dayOf = (at: string) => stack.deps.calendar.dayOf(at);
const pickupDay = (b: Booking) => dayOf(b.pickupWindow.start);
const failedOf = (list: Booking[]) => list.filter((b) => b.status === 'FAILED_DELIVERY' || b.status === 'RETURNED');
const last = (b: Booking, status: string) => b.history.findLast((e) => e.status === status);
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('analytics figures match the raw data', () => {
  it('volumes per day, week and channel, with the previous period', async () => {
    // Prepare
    const caller = await admin();
    const inRange = bookings.filter((b) => pickupDay(b) >= from && pickupDay(b) <= today);

    // Act
    const daily = await gql<AnalyticsVolumesQuery>(stack, caller, analyticsVolumes, {
      from,
      to: today,
      granularity: 'DAY',
    });
    const weekly = await gql<AnalyticsVolumesQuery>(stack, caller, analyticsVolumes, {
      from,
      to: today,
      granularity: 'WEEK',
    });

    // Assess
    expect(daily.errors).toBeUndefined();
    const report = daily.data!.analyticsVolumes;
    expect(report.total).toMatchObject({
      bookings: inRange.length,
      delivered: inRange.filter((b) => b.status === 'DELIVERED').length,
      failed: failedOf(inRange).length,
      returned: inRange.filter((b) => b.status === 'RETURNED').length,
      cancelled: inRange.filter((b) => b.status === 'CANCELLED').length,
    });
    expect(report.total.bookings).toBeGreaterThan(300);
    for (const channel of ['VOICE', 'WEB', 'PARTNER'] as const) {
      const mine = inRange.filter((b) => b.channel === channel);
      expect(report.total.byChannel.find((c) => c.channel === channel)).toMatchObject({
        bookings: mine.length,
        delivered: mine.filter((b) => b.status === 'DELIVERED').length,
        failed: failedOf(mine).length,
      });
    }
    const reasons = new Map<string, number>();
    for (const b of failedOf(inRange)) {
      const reason = last(b, 'FAILED_DELIVERY')?.failureReason ?? 'OTHER';
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    for (const r of report.total.failureReasons) expect(r.count).toBe(reasons.get(r.reason) ?? 0);
    expect(report.buckets).toHaveLength(60);
    for (const bucket of report.buckets) {
      expect(bucket.figures.bookings).toBe(inRange.filter((b) => pickupDay(b) === bucket.start).length);
    }
    // Each day beside the day before; the first beside the day before the range.
    expect(report.buckets[5]!.previous).toEqual({ bookings: report.buckets[4]!.figures.bookings });
    expect(report.buckets[0]!.previous.bookings).toBe(
      bookings.filter((b) => pickupDay(b) === addDays(from, -1)).length,
    );
    expect(report.previousFrom).toBe(addDays(from, -60));
    expect(report.previousTotal.bookings).toBe(0);

    expect(weekly.errors).toBeUndefined();
    const weeks = weekly.data!.analyticsVolumes.buckets;
    expect(weeks[0]!.start).toBe(from);
    expect(weeks.at(-1)!.end).toBe(today);
    for (const week of weeks) {
      expect(weekOf(week.start)).toBe(weekOf(week.end));
      expect(week.figures.bookings).toBe(
        inRange.filter((b) => pickupDay(b) >= week.start && pickupDay(b) <= week.end).length,
      );
    }
    expect(weeks.reduce((s, w) => s + w.figures.delivered, 0)).toBe(report.total.delivered);
  });

  it('times by region: averages, p90 within 10 %, on-time rates', async () => {
    // Prepare
    const caller = await admin();
    const inRange = bookings.filter((b) => pickupDay(b) >= from && pickupDay(b) <= today);

    // Act
    const r = await gql<AnalyticsRegionsQuery>(stack, caller, analyticsRegions, { from, to: today });

    // Assess
    expect(r.errors).toBeUndefined();
    const regions = r.data!.analyticsRegions.regions;
    let checked = 0;
    for (const region of regions) {
      const mine = inRange.filter((b) => (serviceRegionOf(b.delivery.postcode)?.id ?? 'other') === region.regionId);
      expect(region.bookings).toBe(mine.length);
      const p2d = mine
        .filter((b) => b.status === 'DELIVERED' && last(b, 'COLLECTED') && last(b, 'DELIVERED'))
        .map((b) => Date.parse(last(b, 'DELIVERED')!.at) - Date.parse(last(b, 'COLLECTED')!.at));
      expect(region.pickupToDelivery.count).toBe(p2d.length);
      if (p2d.length === 0) continue;
      checked++;
      expect(region.pickupToDelivery.averageMinutes!).toBeCloseTo(mean(p2d)! / 60_000, 6);
      const p90 = exactQuantile(p2d, 0.9) / 60_000;
      expect(Math.abs(region.pickupToDelivery.p90Minutes! - p90) / p90).toBeLessThanOrEqual(0.1);
      const b2p = mine
        .filter((b) => b.history.some((e) => e.status === 'COLLECTED'))
        .map((b) => Date.parse(b.history.find((e) => e.status === 'COLLECTED')!.at) - Date.parse(b.createdAt));
      expect(region.bookingToPickup.count).toBe(b2p.length);
      expect(region.bookingToPickup.averageMinutes!).toBeCloseTo(mean(b2p)! / 60_000, 6);
      const delivered = mine.filter((b) => b.status === 'DELIVERED');
      const onTime = delivered.filter((b) => {
        const promised = Date.parse(
          estimateEta({ ...b, status: 'COLLECTED' }, new Date(b.pickupWindow.end)) ?? b.pickupWindow.end,
        );
        return Date.parse(last(b, 'DELIVERED')!.at) <= promised;
      });
      expect(region.onTimeBase).toBe(delivered.length);
      expect(region.onTimeRate!).toBeCloseTo(onTime.length / delivered.length, 9);
    }
    expect(checked).toBeGreaterThanOrEqual(4);
    expect(r.data!.analyticsRegions.total.bookings).toBe(inRange.length);
  });

  it('feedback: ratings, sentiment, categories and severities, with the comments behind a figure', async () => {
    // Prepare
    const caller = await admin();
    const inRange = feedback.filter((f) => dayOf(f.createdAt) >= from && dayOf(f.createdAt) <= today);
    const rated = inRange.filter((f) => f.rating !== undefined);
    const damaged = inRange.filter((f) => f.type === 'COMPLAINT' && f.complaintCategory === 'DAMAGED_PACKAGE');

    // Act
    const r = await gql<AnalyticsFeedbackQuery>(stack, caller, analyticsFeedback, {
      from,
      to: today,
      granularity: 'MONTH',
    });
    const listed: Feedback[] = [];
    let nextToken: string | undefined;
    let pages = 0;
    do {
      const page = await gql<{ analyticsFeedbackComments: { items: Feedback[]; nextToken?: string } }>(
        stack,
        caller,
        analyticsFeedbackComments,
        { from, to: today, category: 'DAMAGED_PACKAGE', limit: 5, nextToken },
      );
      expect(page.errors).toBeUndefined();
      listed.push(...page.data!.analyticsFeedbackComments.items);
      nextToken = page.data!.analyticsFeedbackComments.nextToken ?? undefined;
    } while (nextToken && ++pages < 20);

    // Assess
    expect(r.errors).toBeUndefined();
    const total = r.data!.analyticsFeedback.total;
    expect(total.feedback).toBe(inRange.length);
    expect(total.complaints).toBe(inRange.filter((f) => f.type === 'COMPLAINT').length);
    expect(total.flagged).toBe(inRange.filter((f) => f.flagged).length);
    expect(total.ratings).toBe(rated.length);
    expect(total.averageRating!).toBeCloseTo(mean(rated.map((f) => f.rating!))!, 9);
    for (const { rating, count } of total.ratingCounts)
      expect(count).toBe(rated.filter((f) => f.rating === rating).length);
    for (const { label, count } of total.sentiment)
      expect(count).toBe(inRange.filter((f) => f.sentiment.label === label).length);
    expect(total.categories.find((c) => c.category === 'DAMAGED_PACKAGE')!.count).toBe(damaged.length);
    for (const { severity, count } of total.severities)
      expect(count).toBe(inRange.filter((f) => f.type === 'COMPLAINT' && (f.severity ?? 'LOW') === severity).length);
    expect(r.data!.analyticsFeedback.buckets.reduce((s, b) => s + b.figures.feedback, 0)).toBe(inRange.length);

    expect(damaged.length).toBeGreaterThan(0);
    expect(listed.map((f) => f.reference).sort()).toEqual(damaged.map((f) => f.reference).sort());
  });

  it("partners: an admin sees every partner's figures", async () => {
    // Prepare
    const caller = await admin();
    const inRange = bookings.filter((b) => pickupDay(b) >= from && pickupDay(b) <= today);

    // Act
    const r = await gql<PartnerAnalyticsQuery>(stack, caller, partnerAnalytics, { from, to: today });

    // Assess
    expect(r.errors).toBeUndefined();
    const ids = r.data!.partnerAnalytics.map((p) => p.partnerId).sort();
    expect(ids).toEqual(['acme', 'globex']);
    for (const p of r.data!.partnerAnalytics) {
      const mine = inRange.filter((b) => b.partnerId === p.partnerId);
      const delivered = mine.filter((b) => b.status === 'DELIVERED').length;
      const failed = failedOf(mine).length;
      const theirFeedback = feedback.filter(
        (f) => f.partnerId === p.partnerId && dayOf(f.createdAt) >= from && dayOf(f.createdAt) <= today,
      );
      expect(p).toMatchObject({
        bookings: mine.length,
        delivered,
        failed,
        cancelled: mine.filter((b) => b.status === 'CANCELLED').length,
        feedback: theirFeedback.length,
        complaints: theirFeedback.filter((f) => f.type === 'COMPLAINT').length,
      });
      expect(p.successRate!).toBeCloseTo(delivered / (delivered + failed), 9);
    }
  });

  it("a courier's performance and their anonymized rank among peers", async () => {
    // Prepare
    const courier = await as(stack, 'courier4@example.com');
    const inRange = bookings.filter((b) => pickupDay(b) >= from && pickupDay(b) <= today);
    const mine = inRange.filter((b) => b.courierId === 'courier-04');
    const ratings = feedback
      .filter((f) => f.courierId === 'courier-04' && dayOf(f.createdAt) >= from && dayOf(f.createdAt) <= today)
      .filter((f) => f.rating !== undefined)
      .map((f) => f.rating!);
    const deliveredBy = (id: string) => inRange.filter((b) => b.courierId === id && b.status === 'DELIVERED').length;
    const couriers = [...new Set(inRange.map((b) => b.courierId).filter((c): c is string => !!c))];

    // Act
    const r = await gql<CourierPerformanceQuery>(stack, courier, courierPerformance, {
      from,
      to: today,
      granularity: 'WEEK',
    });

    // Assess
    expect(r.errors).toBeUndefined();
    const p = r.data!.courierPerformance;
    expect(p.courierId).toBe('courier-04');
    expect(p.total.delivered).toBe(deliveredBy('courier-04'));
    expect(p.total.failed).toBe(failedOf(mine).length);
    expect(p.total.ratings).toBe(ratings.length);
    if (ratings.length) expect(p.total.averageRating!).toBeCloseTo(mean(ratings)!, 9);
    expect(p.total.deliveriesByHour.reduce((s, h) => s + h.count, 0)).toBe(deliveredBy('courier-04'));
    const byDelivered = p.rankings.find((x) => x.measure === 'DELIVERED')!;
    expect(byDelivered.position).toBe(couriers.filter((c) => deliveredBy(c) > deliveredBy('courier-04')).length + 1);
    // Never another courier's figures, not even anonymized; an administrator sees the peers' values.
    expect(p.rankings.every((x) => x.peers.length === 0)).toBe(true);
    const byAdmin = await gql<CourierPerformanceQuery>(stack, await admin(), courierPerformance, {
      from,
      to: today,
      granularity: 'WEEK',
      courierId: 'courier-04',
    });
    const adminPeers = byAdmin.data!.courierPerformance.rankings.find((x) => x.measure === 'DELIVERED')!.peers;
    expect([...adminPeers].sort((a, b) => b - a)).toEqual(couriers.map(deliveredBy).sort((a, b) => b - a));
    expect(JSON.stringify(p.rankings)).not.toContain('courier-');
  });

  it('routes and the heat map add up to the bookings', async () => {
    // Prepare
    const caller = await admin();
    const ahead = bookings.filter((b) => pickupDay(b) >= from && pickupDay(b) <= today && b.status !== 'CANCELLED');

    // Act
    const routes = await gql<{
      analyticsRoutes: {
        corridors: { from: string; to: string; bookings: number }[];
        pickupsByHour: { count: number }[];
      };
    }>(stack, caller, analyticsRoutes, { from, to: today });
    const heat = await gql<{ analyticsHeatMap: { from: string; requested: number; delivered: number } }>(
      stack,
      caller,
      analyticsHeatMap,
      { from, to: today },
    );

    // Assess
    expect(routes.errors).toBeUndefined();
    expect(routes.data!.analyticsRoutes.pickupsByHour.reduce((s, h) => s + h.count, 0)).toBe(ahead.length);
    const region = (postcode: string) => serviceRegionOf(postcode)?.id ?? 'other';
    const corridors = new Map<string, number>();
    for (const b of ahead) {
      const key = `${region(b.pickup.postcode)}>${region(b.delivery.postcode)}`;
      corridors.set(key, (corridors.get(key) ?? 0) + 1);
    }
    const shown = routes.data!.analyticsRoutes.corridors;
    expect(shown.length).toBe(Math.min(20, corridors.size));
    for (const c of shown) expect(c.bookings).toBe(corridors.get(`${c.from}>${c.to}`));
    expect(shown[0]!.bookings).toBe(Math.max(...corridors.values()));
    expect(heat.errors).toBeUndefined();
    const weeksFrom = heat.data!.analyticsHeatMap.from;
    const inWeeks = bookings.filter(
      (b) => pickupDay(b) >= weeksFrom && b.status !== 'CANCELLED' && b.delivery.point !== undefined,
    );
    expect(heat.data!.analyticsHeatMap.requested).toBe(inWeeks.length);
    expect(heat.data!.analyticsHeatMap.delivered).toBe(inWeeks.filter((b) => b.status === 'DELIVERED').length);
  });
});

describe("the voicebot's performance", () => {
  async function conversations(): Promise<Conversation[]> {
    const out: Conversation[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await stack.doc.send(
        new ScanCommand({ TableName: stack.tables.conversations, ExclusiveStartKey: start }),
      );
      out.push(...(page.Items ?? []).map(itemToConversation));
      start = page.LastEvaluatedKey;
    } while (start);
    return out.filter((c) => c.day >= from && c.day <= today);
  }

  it('calls, outcomes, containment, recognition, turns and missed utterances match the recorded calls', async () => {
    // Prepare
    const calls = await conversations();
    const turns = calls.reduce((s, c) => s + c.turns, 0);
    const missed = new Map<string, number>();
    for (const c of calls)
      for (const u of c.missedUtterances)
        missed.set(normalizeUtterance(u), (missed.get(normalizeUtterance(u)) ?? 0) + 1);

    // Act
    const r = await gql<AnalyticsBotQuery>(stack, await admin(), analyticsBot, {
      from,
      to: today,
      granularity: 'WEEK',
    });

    // Assess
    expect(r.errors).toBeUndefined();
    const total = r.data!.analyticsBot.total;
    expect(calls.length).toBeGreaterThan(100);
    expect(total.calls).toBe(calls.length);
    for (const o of total.outcomes) expect(o.count).toBe(calls.filter((c) => callOutcome(c) === o.outcome).length);
    expect(total.containmentRate!).toBeCloseTo(calls.filter((c) => !c.transferred).length / calls.length, 9);
    expect(total.recognitionRate!).toBeCloseTo(calls.reduce((s, c) => s + c.recognized, 0) / turns, 9);
    expect(total.recognitionRate!).toBeLessThanOrEqual(1);
    expect(calls.every((c) => c.recognized + c.missed === c.turns)).toBe(true);
    expect(total.averageTurns!).toBeCloseTo(turns / calls.length, 9);
    const top = r.data!.analyticsBot.missedUtterances[0]!;
    expect(top.count).toBe(Math.max(...missed.values()));
    expect(missed.get(top.text)).toBe(top.count);
    expect(r.data!.analyticsBot.buckets.reduce((s, b) => s + b.figures.calls, 0)).toBe(calls.length);
  });

  it('change after a call through the code hook, each turn counted once however often Lex retries it', async () => {
    // Prepare
    const caller = await admin();
    const hook = createLexCodeHook(voiceDepsFromApi(stack.deps));
    const tracked = bookings.find((b) => b.status === 'IN_TRANSIT' || b.status === 'OUT_FOR_DELIVERY') ?? bookings[0]!;
    const read = async () => {
      await stack.flushChangeFeed();
      const r = await gql<AnalyticsBotQuery>(stack, caller, analyticsBot, {
        from: addDays(today, -1),
        to: addDays(today, 1),
        granularity: 'DAY',
      });
      expect(r.errors).toBeUndefined();
      return r.data!.analyticsBot;
    };
    const before = await read();
    const sessionId = `test-call-${Date.now()}`;

    // Act: a missed utterance, a tracking request (sent twice, as Lex retries), then goodbye.
    let attributes: Record<string, string> = { callerNumber: '+12065550123' };
    const say = async (intent: string, inputTranscript: string, slots: Record<string, string> = {}) => {
      const event = lexEvent({ intent, inputTranscript, slots, sessionId, sessionAttributes: attributes });
      const result = await hook(event);
      return { event, result };
    };
    let turn = await say('FallbackIntent', 'Zebra xylophone quantum');
    attributes = turn.result.sessionState.sessionAttributes ?? {};
    turn = await say('TrackDelivery', `track ${tracked.reference}`, { BookingReference: tracked.reference });
    await hook(turn.event);
    attributes = turn.result.sessionState.sessionAttributes ?? {};
    await say('Goodbye', 'no thanks, goodbye');
    const after = await read();

    // Assess
    expect(JSON.parse(attributes[STATE_ATTRIBUTE]!).turn).toBe(2);
    const count = (f: typeof after.total, outcome: string) => f.outcomes.find((o) => o.outcome === outcome)!.count;
    expect(after.total.calls).toBe(before.total.calls + 1);
    expect(count(after.total, 'TRACKED')).toBe(count(before.total, 'TRACKED') + 1);
    const turns = (b: typeof after) => b.total.averageTurns! * b.total.calls;
    expect(Math.round(turns(after) - turns(before))).toBe(3);
    expect(after.missedUtterances.find((u) => u.text === 'zebra xylophone quantum')?.count).toBe(1);
  });
});

describe("Lex V2's own analytics", () => {
  it('with no voicebot deployed, says so: a clear state, not an error', async () => {
    // Act
    const r = await gql<AnalyticsLexQuery>(stack, await admin(), analyticsLex, { from, to: today });

    // Assess
    expect(r.errors).toBeUndefined();
    expect(r.data!.analyticsLex).toMatchObject({
      from,
      to: today,
      state: 'NOT_DEPLOYED',
      botId: null,
      conversations: null,
      intents: [],
      stages: [],
    });
    expect(r.data!.analyticsLex.detail).toMatch(/No voicebot is deployed yet/);
  });
});

describe('service-quality alerts', () => {
  it('thresholds: admins read and set them, each field checked; others are refused', async () => {
    // Prepare
    const caller = await admin();
    const courier = await as(stack, 'courier1@example.com');

    // Act
    const read = await gql<{ alertSettings: { version: number; complaintRateThreshold: number } }>(
      stack,
      caller,
      alertSettings,
    );
    const wrong = await gql(stack, caller, updateAlertSettings, {
      complaintRateThreshold: 1.5,
      minFeedback: 0,
      lateGraceMinutes: 10,
      expectedVersion: read.data!.alertSettings.version,
    });
    const stale = await gql(stack, caller, updateAlertSettings, {
      complaintRateThreshold: 0.2,
      minFeedback: 2,
      lateGraceMinutes: 10,
      expectedVersion: read.data!.alertSettings.version + 5,
    });
    const refused = await gql(stack, courier, alertSettings);

    // Assess
    expect(read.errors).toBeUndefined();
    expect(read.data!.alertSettings.complaintRateThreshold).toBe(0.25);
    expect(wrong.errors?.[0]?.errorType).toBe('ValidationError');
    expect(wrong.errors?.[0]?.message).toContain('complaintRateThreshold');
    expect(wrong.errors?.[0]?.message).toContain('minFeedback');
    expect(stale.errors?.[0]?.errorType).toBe('ConflictError');
    expect(refused.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
  });

  it('a complaint that takes the day over the threshold raises one alert, live, and tells the admins', async () => {
    // Prepare
    const caller = await admin();
    const settings = await gql<{ alertSettings: { version: number } }>(stack, caller, alertSettings);
    const set = await gql(stack, caller, updateAlertSettings, {
      complaintRateThreshold: 0.05,
      minFeedback: 1,
      lateGraceMinutes: 10,
      expectedVersion: settings.data!.alertSettings.version,
    });
    expect(set.errors).toBeUndefined();
    const live = await subscribeRealtime<{ day: string; kind: string; key: string }>(
      stack.realtimeUrl,
      { host: new URL(stack.graphqlUrl).host, Authorization: (caller as { token: string }).token },
      onAlertRaised,
    );
    const delivered = bookings.find((b) => b.status === 'DELIVERED')!;

    // Act
    const complaint = await gql(stack, caller, submitFeedback, {
      bookingReference: delivered.reference,
      type: 'COMPLAINT',
      rating: 1,
      text: 'The parcel was left in the rain and arrived soaked.',
      complaintCategory: 'DAMAGED_PACKAGE',
      severity: 'MEDIUM',
    });
    await stack.flushChangeFeed();
    const pushed = await live.next(15_000);
    live.close();
    const day = companyDay(stack);
    const listed = await gql<{ serviceAlerts: { kind: string; complaints: number; feedback: number }[] }>(
      stack,
      caller,
      serviceAlerts,
      { day },
    );
    const dayFeedback = await stack.deps.feedback.query({ by: 'day', day }, { limit: 100 });
    const outbox = await stack.doc.send(new ScanCommand({ TableName: stack.tables.outbox }));

    // Assess
    expect(complaint.errors).toBeUndefined();
    expect(pushed).toMatchObject({ day, kind: 'COMPLAINT_RATE' });
    const rate = listed.data!.serviceAlerts.filter((a) => a.kind === 'COMPLAINT_RATE');
    expect(rate).toHaveLength(1);
    expect(rate[0]!.feedback).toBeLessThanOrEqual(dayFeedback.items.length);
    expect(rate[0]!.complaints).toBeGreaterThanOrEqual(1);
    expect(
      (outbox.Items ?? []).filter((i) => i.kind === 'ADMIN_COMPLAINT_RATE' && String(i.message).includes(day)),
    ).toHaveLength(1);
  });

  it('a delivery past its ETA and the grace raises one late alert however often the scheduler looks', async () => {
    // Prepare
    const caller = await admin();
    const { start, end } = pickupWindowSoon(stack);
    const booked = await gql<{ bookCourier: { reference: string; eta: string } }>(stack, caller, bookCourier, {
      customerName: 'Grace Hopper',
      customerPhone: '(206) 555-0190',
      pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
      delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109' },
      package: { size: 'SMALL', weightKg: 1, handling: [] },
      pickupWindowStart: start.toISOString(),
      pickupWindowEnd: end.toISOString(),
    });
    await stack.flushChangeFeed();
    const { reference, eta } = booked.data!.bookCourier;
    const later = new Date(Date.parse(eta) + 45 * 60_000);

    // Act
    const early = await stack.checkLateDeliveries(new Date(Date.parse(eta) + 60_000));
    const first = await stack.checkLateDeliveries(later);
    const again = await stack.checkLateDeliveries(later);

    // Assess
    expect(early.map((a) => a.reference)).not.toContain(reference);
    const mine = first.filter((a) => a.reference === reference);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.minutesLate).toBe(45);
    expect(again.map((a) => a.reference)).not.toContain(reference);
  });
});

describe('the executive summary', () => {
  it("generates any week's PDF with the KPIs the analytics give, lists it, tells the admins, and refuses a courier", async () => {
    // Prepare
    const caller = await admin();
    const week = weekOf(addDays(today, -7));
    const volumes = await gql<AnalyticsVolumesQuery>(stack, caller, analyticsVolumes, {
      from: week,
      to: addDays(week, 6),
      granularity: 'WEEK',
    });
    const before = await gql<AnalyticsVolumesQuery>(stack, caller, analyticsVolumes, {
      from: addDays(week, -7),
      to: addDays(week, -1),
      granularity: 'WEEK',
    });

    // Act
    const made = await gql<{ generateExecutiveSummary: { week: string; url: string } }>(
      stack,
      caller,
      generateExecutiveSummary,
      { week: addDays(week, 3) },
    );
    const pdf = new Uint8Array(await (await fetch(made.data!.generateExecutiveSummary.url)).arrayBuffer());
    const listed = await gql<{ executiveSummaries: { week: string }[] }>(stack, caller, executiveSummaries);
    const courier = await as(stack, 'courier1@example.com');
    const refused = await gql(stack, courier, generateExecutiveSummary, { week });
    const outbox = await stack.doc.send(new ScanCommand({ TableName: stack.tables.outbox }));

    // Assess
    expect(made.errors).toBeUndefined();
    expect(made.data!.generateExecutiveSummary.week).toBe(week);
    const lines = extractPdfText(pdf).join('\n').split('\n');
    const row = lines.indexOf('Bookings');
    expect(row).toBeGreaterThan(0);
    expect(lines[row + 1]).toBe(String(volumes.data!.analyticsVolumes.total.bookings));
    expect(lines[row + 2]).toBe(String(before.data!.analyticsVolumes.total.bookings));
    const delivered = lines.indexOf('Delivered');
    expect(lines[delivered + 1]).toBe(String(volumes.data!.analyticsVolumes.total.delivered));
    expect(lines).toContain('Highlights');
    expect(listed.data!.executiveSummaries.map((s) => s.week)).toContain(week);
    expect(refused.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
    expect(
      (outbox.Items ?? []).some((i) => i.kind === 'ADMIN_EXECUTIVE_SUMMARY' && String(i.message).includes(week)),
    ).toBe(true);
  });
});

describe('analytics follow the change feed', () => {
  it('a booking made through GraphQL is counted on its pickup day', async () => {
    // Prepare
    const caller = await admin();
    const { start, end, day } = pickupWindowSoon(stack);
    const read = async () => {
      await stack.flushChangeFeed();
      const r = await gql<AnalyticsVolumesQuery>(stack, caller, analyticsVolumes, {
        from: day,
        to: day,
        granularity: 'DAY',
      });
      return r.data!.analyticsVolumes.total;
    };
    const before = await read();

    // Act
    const booked = await gql(stack, caller, bookCourier, {
      customerName: 'Ada Lovelace',
      customerPhone: '(206) 555-0177',
      pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
      delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109' },
      package: { size: 'SMALL', weightKg: 1, handling: [] },
      pickupWindowStart: start.toISOString(),
      pickupWindowEnd: end.toISOString(),
    });
    const after = await read();

    // Assess
    expect(booked.errors).toBeUndefined();
    expect(after.bookings).toBe(before.bookings + 1);
    expect(after.byChannel.find((c) => c.channel === 'WEB')!.bookings).toBe(
      before.byChannel.find((c) => c.channel === 'WEB')!.bookings + 1,
    );
  });
});

describe('who may read analytics', () => {
  const range = () => ({ from: addDays(companyDay(stack), -6), to: companyDay(stack) });
  const COMPANY = [
    ['analyticsVolumes', analyticsVolumes, { granularity: 'DAY' }],
    ['analyticsRegions', analyticsRegions, {}],
    ['analyticsFeedback', analyticsFeedback, { granularity: 'DAY' }],
    ['analyticsFeedbackComments', analyticsFeedbackComments, {}],
    ['analyticsRoutes', analyticsRoutes, {}],
    ['analyticsHeatMap', analyticsHeatMap, {}],
    ['analyticsFleet', analyticsFleet, {}],
    ['analyticsBot', analyticsBot, { granularity: 'DAY' }],
    ['analyticsLex', analyticsLex, {}],
  ] as const;

  it.each(COMPANY)('%s: refused to a courier and a partner user, granted to an admin', async (_name, query, extra) => {
    // Prepare
    const callers = await Promise.all(
      ['courier1@example.com', 'partner@example.com', 'admin@example.com'].map((e) => as(stack, e)),
    );

    // Act
    const results = await Promise.all(callers.map((c) => gql(stack, c, query, { ...range(), ...extra })));

    // Assess
    const [courier, partner, adminResult] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0]];
    for (const refused of [courier, partner]) {
      expect(refused.data?.[_name] ?? null).toBeNull();
      expect(refused.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
    }
    expect(adminResult.errors).toBeUndefined();
    expect(adminResult.data?.[_name]).toBeTruthy();
  });

  it("a partner's MCP and GraphQL usage comes from its audit trail", async () => {
    // Prepare: calls made with Acme's API token straight to GraphQL, one answered and one refused.
    const token = stack.demoPartnerTokens.find((t) => t.partnerId === 'acme')!.token;
    const caller = { token };
    const admin = await as(stack, 'admin@example.com');
    const read = async () => {
      await stack.flushChangeFeed();
      const r = await gql<PartnerAnalyticsQuery>(stack, admin, partnerAnalytics, { ...range(), partnerId: 'acme' });
      expect(r.errors).toBeUndefined();
      return r.data!.partnerAnalytics[0]!;
    };
    const before = await read();

    // Act
    const ok = await gql(stack, caller, listBookings, { partnerId: 'acme', limit: 1 });
    const refused = await gql(stack, caller, getBooking, { reference: 'ZZZ-999-9' });
    const after = await read();
    const entries = await stack.deps.audit!.list({ by: 'partner', partnerId: 'acme' }, { limit: 100 });

    // Assess
    expect(ok.errors).toBeUndefined();
    expect(refused.errors?.length).toBeGreaterThan(0);
    const inRange = entries.items.filter((e) => dayOf(e.at) >= range().from && dayOf(e.at) <= range().to);
    expect(after.calls).toBe(inRange.length);
    expect(after.calls - before.calls).toBe(2);
    expect(after.graphqlCalls - before.graphqlCalls).toBe(2);
    expect(after.errors).toBe(inRange.filter((e) => e.outcome !== 'ok' && e.outcome !== 'RateLimitError').length);
    expect(after.errors - before.errors).toBe(1);
    expect(after.rateLimited).toBe(inRange.filter((e) => e.outcome === 'RateLimitError').length);
  });

  it("a partner user reads its own partner's analytics and is refused another's", async () => {
    // Prepare
    const acme = await as(stack, 'partner@example.com');

    // Act
    const own = await gql<PartnerAnalyticsQuery>(stack, acme, partnerAnalytics, range());
    const named = await gql<PartnerAnalyticsQuery>(stack, acme, partnerAnalytics, { ...range(), partnerId: 'acme' });
    const other = await gql(stack, acme, partnerAnalytics, { ...range(), partnerId: 'globex' });
    const courier = await gql(stack, await as(stack, 'courier1@example.com'), partnerAnalytics, range());

    // Assess
    expect(own.errors).toBeUndefined();
    expect(own.data!.partnerAnalytics.map((p) => p.partnerId)).toEqual(['acme']);
    expect(named.data!.partnerAnalytics.map((p) => p.partnerId)).toEqual(['acme']);
    expect(other.data?.partnerAnalytics ?? null).toBeNull();
    expect(other.errors?.[0]?.errorType).toBe('ForbiddenError');
    expect(other.errors?.[0]?.message).not.toContain('Globex');
    expect(courier.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
  });

  it("a courier reads only their own performance; an admin anyone's", async () => {
    // Prepare
    const courier = await as(stack, 'courier1@example.com');

    // Act
    const other = await gql(stack, courier, courierPerformance, {
      ...range(),
      granularity: 'DAY',
      courierId: 'courier-02',
    });
    const byAdmin = await gql<CourierPerformanceQuery>(stack, await admin(), courierPerformance, {
      ...range(),
      granularity: 'DAY',
      courierId: 'courier-02',
    });
    const partner = await gql(stack, await as(stack, 'partner@example.com'), courierPerformance, {
      ...range(),
      granularity: 'DAY',
    });

    // Assess
    expect(other.errors?.[0]?.errorType).toBe('ForbiddenError');
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data!.courierPerformance.courierId).toBe('courier-02');
    expect(partner.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
  });

  it.each([
    [{ from: '2026-02-30', to: '2026-03-01', granularity: 'DAY' }, 'from'],
    [{ from: '2026-03-01', to: '2026-03-05', granularity: 'HOURLY' }, 'granularity'],
    [{ from: '2026-03-10', to: '2026-03-01', granularity: 'DAY' }, 'to'],
    [{ from: '2024-01-01', to: '2026-03-01', granularity: 'DAY' }, 'to'],
  ])('names the field and the fix for a bad range %j', async (variables, field) => {
    // Act
    const r = await gql(stack, await admin(), analyticsVolumes, variables);

    // Assess
    expect(r.data?.analyticsVolumes ?? null).toBeNull();
    expect(r.errors?.[0]?.message).toContain(field);
  });
});

describe('DynamoDB calls of the analytics', () => {
  it('every analytics query reads rollups only, with no Scan and nothing from the bookings', async () => {
    // Prepare
    const caller = await admin();
    const vars = { from, to: today };
    const queries = [
      [analyticsVolumes, { ...vars, granularity: 'DAY' }],
      [analyticsVolumes, { ...vars, granularity: 'MONTH' }],
      [analyticsRegions, vars],
      [analyticsFeedback, { ...vars, granularity: 'WEEK' }],
      [analyticsRoutes, vars],
      [analyticsHeatMap, vars],
      [analyticsFleet, vars],
      [partnerAnalytics, vars],
      [courierPerformance, { ...vars, granularity: 'WEEK', courierId: 'courier-03' }],
    ] as const;
    await stack.flushChangeFeed();

    for (const [query, variables] of queries) {
      await resetDynamoOperations(stack.gatewayUrl);

      // Act
      const r = await gql(stack, caller, query, variables);
      const counts = await readDynamoOperations(stack.gatewayUrl);

      // Assess
      expect(r.errors).toBeUndefined();
      expect(operationCount(counts, 'Scan')).toBe(0);
      expect(counts.byTable[stack.tables.bookings]).toBeUndefined();
      expect(counts.byTable[stack.tables.feedback]).toBeUndefined();
      // A run of day items is one Query; the items of a range's cover one BatchGetItem (≤ 100 keys).
      const reads =
        operationCount(counts, 'Query', stack.tables.rollups) +
        operationCount(counts, 'BatchGetItem', stack.tables.rollups);
      expect(reads).toBeGreaterThan(0);
      expect(reads).toBeLessThanOrEqual(4);
    }
  });
});
