// The courier's "My performance" page in headless Chromium at phone size (390×844, touch), signed in as the demo
// courier: its figures for the week and the month, its rank and its earnings are computed here again from the
// bookings, feedback and rate card (read by day, not through the rollups the page reads) and compared with what
// the page shows; the history search opens a delivery's status timeline. Screenshots go to tests/artifacts.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, daysFrom, monthOf, weekOf } from '../../src/core/business-calendar';
import { estimateRoadKm } from '../../src/core/eta';
import type { Booking, Feedback } from '../../src/core/model';
import type { Rates } from '../../src/core/rate-card';
import type { Stack } from '../../src/local/stack';
import { companyDay, DEMO_PASSWORD, startTestStack } from '../support/test-stack';
import { ARTIFACTS, launchBrowser, signInAt } from '../support/browser';

const COURIER = { email: 'courier1@example.com', id: 'courier-01' };

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let today: string;
let bookings: Booking[];
let feedback: Feedback[];
let rates: Rates;
const consoleErrors: string[] = [];

async function allOf<T>(read: (day: string, nextToken?: string) => Promise<{ items: T[]; nextToken?: string }>) {
  const out: T[] = [];
  for (const day of daysFrom(addDays(today, -40), today)) {
    let token: string | undefined;
    do {
      const got = await read(day, token);
      out.push(...got.items);
      token = got.nextToken;
    } while (token);
  }
  return out;
}

beforeAll(async () => {
  stack = await startTestStack({ web: 'static' });
  today = companyDay(stack);
  await stack.flushChangeFeed();
  bookings = await allOf((day, nextToken) =>
    stack.deps.bookings.query({ by: 'day', day }, { limit: 100, ...(nextToken ? { nextToken } : {}) }),
  );
  feedback = await allOf((day, nextToken) =>
    stack.deps.feedback.query({ by: 'day', day }, { limit: 100, ...(nextToken ? { nextToken } : {}) }),
  );
  rates = (await stack.deps.rateCards.versions())[0]!.rates!;
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 2,
    locale: 'en-US',
    timezoneId: stack.deps.calendar.timeZone,
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.close();
});

const pickupDay = (b: Booking) => stack.deps.calendar.dayOf(b.pickupWindow.start);
const failed = (b: Booking) => b.status === 'FAILED_DELIVERY' || b.status === 'RETURNED';

/** The headline figures of a range, from the raw bookings and feedback. */
function expected(from: string) {
  const inRange = bookings.filter((b) => pickupDay(b) >= from && pickupDay(b) <= today);
  const mine = inRange.filter((b) => b.courierId === COURIER.id);
  const delivered = mine.filter((b) => b.status === 'DELIVERED');
  const attempts = delivered.length + mine.filter(failed).length;
  const durations = delivered.map((b) => {
    const collected = b.history.find((e) => e.status === 'COLLECTED')!;
    return Date.parse(b.history.findLast((e) => e.status === 'DELIVERED')!.at) - Date.parse(collected.at);
  });
  const ratings = feedback
    .filter((f) => f.courierId === COURIER.id && f.rating !== undefined)
    .filter((f) => stack.deps.calendar.dayOf(f.createdAt) >= from && stack.deps.calendar.dayOf(f.createdAt) <= today)
    .map((f) => f.rating!);
  // Success rate of every courier with finished attempts: the rank is 1 + those strictly better.
  const rate = (id: string) => {
    const theirs = inRange.filter((b) => b.courierId === id);
    const d = theirs.filter((b) => b.status === 'DELIVERED').length;
    const n = d + theirs.filter(failed).length;
    return n ? d / n : null;
  };
  const couriers = [...new Set(inRange.map((b) => b.courierId).filter((c): c is string => !!c))];
  const rated = couriers.map(rate).filter((r): r is number => r !== null);
  const myRate = rate(COURIER.id);
  const earnedCents = delivered.reduce((s, b) => {
    const size = rates.sizeSurcharges.find((x) => x.size === b.package.size)?.amountCents ?? 0;
    const tier = rates.weightSurcharges.findLast((t) => b.package.weightKg > t.overKg)?.amountCents ?? 0;
    return s + rates.perDeliveryCents + rates.perKmCents * estimateRoadKm(b) + size + tier;
  }, 0);
  return {
    delivered: delivered.length,
    successRate: attempts ? `${Math.round((delivered.length / attempts) * 100)}%` : '—',
    minutes: durations.length
      ? `${Math.round(durations.reduce((a, b) => a + b, 0) / durations.length / 60_000)} min`
      : '—',
    rating: ratings.length ? `${(ratings.reduce((a, b) => a + b, 0) / ratings.length).toFixed(1)} ★` : '—',
    rank: myRate === null ? null : { position: rated.filter((r) => r > myRate).length + 1, of: rated.length },
    earnedCents,
  };
}

const ordinal = (n: number) =>
  n % 100 >= 11 && n % 100 <= 13 ? `${n}th` : `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
const text = async (testId: string) =>
  ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function checkFigures(from: string, phrase: string) {
  const want = expected(from);
  await expect.poll(() => page.getByTestId('period-range').getAttribute('data-from')).toBe(from);
  await expect.poll(() => text('kpi-delivered'), { timeout: 15_000 }).toBe(String(want.delivered));
  expect(await text('kpi-success')).toBe(want.successRate);
  expect(await text('kpi-time')).toBe(want.minutes);
  expect(await text('kpi-rating')).toBe(want.rating);
  expect(await text('rank-success')).toBe(
    want.rank
      ? `${ordinal(want.rank.position)} of ${want.rank.of} on success rate ${phrase}`
      : `Not ranked on success rate ${phrase} yet: no finished deliveries.`,
  );
  await expect.poll(() => page.getByTestId('earnings-total').getAttribute('data-amount')).not.toBeNull();
  const shown = Number(await page.getByTestId('earnings-total').getAttribute('data-amount'));
  expect(Math.abs(shown * 100 - want.earnedCents)).toBeLessThanOrEqual(1);
  return want;
}

describe("the courier's performance page on a phone", () => {
  it('shows the week’s and the month’s figures, rank and earnings as the data has them', async () => {
    // Prepare
    await signInAt(page, `${stack.webUrl}/performance`, COURIER.email, DEMO_PASSWORD);
    await page.getByTestId('performance-page').waitFor({ timeout: 30_000 });

    // Act + Assess: the week (the page opens on it), then the month.
    const week = await checkFigures(weekOf(today), 'this week');
    await page.getByTestId('suggestions').locator('li, p').first().waitFor();
    await page.getByTestId('comments').locator('li, p').first().waitFor();
    await page.getByTestId('history-list').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'courier-performance-week.png'), fullPage: true });
    await page.getByTestId('period-month').tap();
    const month = await checkFigures(`${monthOf(today)}-01`, 'this month');
    await page.getByTestId('deliveries-chart').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'courier-performance-month.png'), fullPage: true });

    // The page fits the phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(week.delivered + month.delivered).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });

  it('finds a past delivery by its reference and opens its status timeline', async () => {
    // Prepare
    const target = bookings
      .filter((b) => b.courierId === COURIER.id && b.status === 'DELIVERED' && pickupDay(b) < today)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;

    // Act
    await page.getByTestId('history-search').fill(target.reference);
    await page.getByTestId('history-search').press('Enter');
    const row = page.locator(`[data-reference="${target.reference}"] button`).first();
    await row.waitFor();
    await row.tap();
    const timeline = page.getByTestId('history-timeline');
    await timeline.waitFor();
    await timeline.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'courier-performance-history.png') });

    // Assess
    expect(await page.getByTestId('history-list').locator(':scope > li').count()).toBe(1);
    const statuses = await timeline.locator('.timeline__status').allTextContents();
    expect(statuses).toHaveLength(target.history.length);
    expect(statuses[0]).toBe('Delivered');
  });

  it('takes its rates from the card an admin edits on the settings page, refused fields named', async () => {
    // Prepare: the admin, on a desktop.
    const adminContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const admin = await adminContext.newPage();
    try {
      await signInAt(admin, `${stack.webUrl}/settings`, 'admin@example.com', DEMO_PASSWORD);
      const form = admin.getByTestId('rate-card-form');
      await form.waitFor({ timeout: 30_000 });
      expect(await admin.inputValue('#rate-perDelivery')).toBe('4.5');

      // Act: a per-delivery amount with three decimals is refused by the server, naming it; then 5.25 is saved.
      await admin.fill('#rate-perDelivery', '5.255');
      await admin.getByTestId('rate-card-save').click();
      const refusal = form.getByRole('alert');
      await refusal.waitFor();
      const refused = (await refusal.textContent()) ?? '';
      await admin.fill('#rate-perDelivery', '5.25');
      await admin.getByTestId('rate-card-save').click();
      await admin.getByTestId('rate-card-saved').waitFor();
      await form.screenshot({ path: join(ARTIFACTS, 'courier-performance-rate-card.png') });

      // Assess: the courier's page shows the new rate (today's earnings follow it).
      expect(refused).toContain('perDelivery');
      expect(await admin.getByTestId('rate-card-version').textContent()).toContain('Version 2');
      await page.reload();
      await expect.poll(() => text('rates'), { timeout: 15_000 }).toContain('$5.25 a delivery');
    } finally {
      await adminContext.close();
    }
  });
});
