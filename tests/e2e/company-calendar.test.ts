// One business calendar, in headless Chromium set to Tokyo (the test process may be in any zone): a booking
// picked up at 5 pm Pacific — already the next day in UTC and in Tokyo — is on the company's day for its
// courier's "today", the admin's bookings, the dashboard's counts and the report's rows, and every time
// shown carries the Pacific zone's name.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createBusinessCalendar, DEFAULT_TIME_ZONE } from '../../src/core/business-calendar';
import type { Booking } from '../../src/core/model';
import type { Stack } from '../../src/local/stack';
import { assignCourier, bookCourier, updateDeliveryStatus } from '../../src/generated/graphql';
import { createCompanyCalendar } from '../../src/web/lib/company-calendar';
import { as, DEMO_PASSWORD, gql, startTestStack } from '../support/test-stack';
import { ARTIFACTS, blankMapTiles, launchBrowser, signInAt } from '../support/browser';

const VIEWER_ZONE = 'Asia/Tokyo';
const COURIER = { email: 'courier7@example.com', id: 'courier-07' };
/** The demo company is in Seattle; the stack's default calendar. */
const company = createBusinessCalendar(DEFAULT_TIME_ZONE);
const shown = createCompanyCalendar(DEFAULT_TIME_ZONE, 'en-US');
/** ICU puts narrow and thin spaces in times and ranges: compare them as plain ones. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];

async function tokyoPage(): Promise<Page> {
  const context = await browser.newContext({
    timezoneId: VIEWER_ZONE,
    locale: 'en-US',
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true,
  });
  contexts.push(context);
  await blankMapTiles(context);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  return page;
}

beforeAll(async () => {
  // This test is about the demo's Seattle calendar (PST/PDT labels), not the test stacks' default zone.
  stack = await startTestStack({ web: 'static', timeZone: DEFAULT_TIME_ZONE });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.close();
});

const MINUTE = 60_000;

/**
 * 5 pm Pacific on the company's current day; later in the evening (the API refuses a pickup more than 15
 * minutes past), a few minutes ago instead — still the company's day, and still tomorrow in UTC and Tokyo —
 * ending two hours later or at midnight, when collection stops. A window is at least 30 minutes, so in the
 * last 20 minutes of the company's day none fits (the test must still book before midnight): it waits for the
 * next day, which starts at most 20 minutes later, in one run of 72.
 */
async function eveningPickup(): Promise<{ day: string; start: Date; end: Date }> {
  let now = new Date();
  const midnight = company.endOf(company.dayOf(now)).getTime();
  if (now.getTime() > midnight - 20 * MINUTE) {
    await new Promise((resolve) => setTimeout(resolve, midnight - now.getTime() + 1_000));
    now = new Date();
  }
  const day = company.dayOf(now);
  const fivePm = company.at(day, 17, 0).getTime();
  const recent = Math.floor((now.getTime() - 5 * MINUTE) / MINUTE) * MINUTE;
  const dayEnd = company.endOf(day).getTime();
  const start = Math.min(Math.max(fivePm, recent), dayEnd - 30 * MINUTE);
  return { day, start: new Date(start), end: new Date(Math.min(start + 120 * MINUTE, dayEnd)) };
}

let pickup: { day: string; start: Date; end: Date };
// Last, just before the test: the rare wait for the company's midnight happens here.
beforeAll(async () => {
  pickup = await eveningPickup();
}, 25 * MINUTE);

describe('one business calendar', () => {
  it("files a 5 pm Pacific booking on the company's day for a viewer in Tokyo, with Pacific times", async () => {
    // Prepare: the pickup's UTC day and Tokyo day are both the next one.
    const { day, start, end } = pickup;
    const tokyo = createBusinessCalendar(VIEWER_ZONE);
    expect(createBusinessCalendar('UTC').dayOf(start)).not.toBe(day);
    expect(tokyo.dayOf(start)).not.toBe(day);
    const zone = company.zoneName(start);
    expect(zone).toMatch(/^P[DS]T$/);

    const admin = await tokyoPage();
    await signInAt(admin, `${stack.webUrl}/dashboard`, 'admin@example.com', DEMO_PASSWORD);
    await admin.waitForSelector('[data-testid="kpi-bookings-value"]', { timeout: 30_000 });
    await admin.waitForSelector('[data-testid="live-indicator"][data-state="live"]', { timeout: 15_000 });
    const kpi = async (id: string) => Number(await admin.textContent(`[data-testid="kpi-${id}-value"]`));
    const bookingsBefore = await kpi('bookings');
    const inTransitBefore = await kpi('in-transit');

    // Act: the admin books and assigns through GraphQL; the courier collects through the API.
    const adminApi = await as(stack, 'admin@example.com');
    const courierApi = await as(stack, COURIER.email);
    const made = await gql<{ bookCourier: Booking }>(stack, adminApi, bookCourier, {
      customerName: 'Evening Pickup Customer',
      customerPhone: '+12065550177',
      pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
      delivery: { line1: '2300 NW Market St', city: 'Seattle', postcode: '98107' },
      package: { size: 'SMALL', weightKg: 1.5 },
      pickupWindowStart: start.toISOString(),
      pickupWindowEnd: end.toISOString(),
    });
    expect(made.errors).toBeUndefined();
    const reference = made.data!.bookCourier.reference;
    const assigned = await gql(stack, adminApi, assignCourier, { reference, courierId: COURIER.id });
    const collected = await gql(stack, courierApi, updateDeliveryStatus, {
      reference,
      status: 'COLLECTED',
      lat: 47.6076,
      lng: -122.3358,
    });

    // Assess: the dashboard, opened in Tokyo, is on the company's day and counts the booking.
    expect(assigned.errors).toBeUndefined();
    expect(collected.errors).toBeUndefined();
    expect(await admin.inputValue('[data-testid="dashboard-day"]')).toBe(day);
    await expect.poll(() => kpi('bookings'), { timeout: 15_000 }).toBe(bookingsBefore + 1);
    await expect.poll(() => kpi('in-transit'), { timeout: 15_000 }).toBe(inTransitBefore + 1);
    await admin.screenshot({ path: join(ARTIFACTS, 'company-calendar-dashboard.png') });

    // The admin's bookings list of the company's day holds it, its window on the Pacific clock.
    await admin.click('a[href="/bookings"]');
    await admin.waitForSelector('[data-testid="filter-day"]');
    expect(await admin.inputValue('[data-testid="filter-day"]')).toBe(day);
    const row = admin.locator(`[data-testid="booking-row-${reference}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(plain(await row.textContent())).toContain(plain(shown.formatWindow(start, end)));
    await row.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: join(ARTIFACTS, 'company-calendar-bookings.png') });
    await row.click();
    await admin.waitForSelector('[data-testid="booking-drawer"]');
    expect(plain(await admin.textContent('[data-testid="booking-drawer"]'))).toContain(
      plain(shown.formatDatedWindow(start, end)),
    );
    await admin.screenshot({ path: join(ARTIFACTS, 'company-calendar-booking-drawer.png') });
    await admin.keyboard.press('Escape');
    await admin.waitForSelector('[data-testid="booking-drawer"]', { state: 'detached' });

    // The map and the partners' audit trail open on the company's day too.
    await admin.click('a[href="/map"]');
    await admin.waitForSelector('[data-testid="map-total"]');
    expect(await admin.inputValue('[data-testid="map-day"]')).toBe(day);
    await admin.click('a[href="/partners"]');
    await admin.click('[data-testid="partners-audit-tab"]');
    await admin.waitForSelector('[data-testid="audit-day"]');
    expect(await admin.inputValue('[data-testid="audit-day"]')).toBe(day);

    // The report of the company's day has the row, its pickup on the Pacific clock, and so has the CSV.
    await admin.click('a[href="/reports"]');
    await admin.waitForSelector('[data-testid="report-filters"]');
    expect(await admin.inputValue('[data-testid="report-from"]')).toBe(day);
    expect(await admin.inputValue('[data-testid="report-to"]')).toBe(day);
    await admin.click('[data-testid="report-run"]');
    await admin.waitForSelector('[data-testid="report-table"]', { timeout: 30_000 });
    const references = await admin.$$eval('[data-testid="report-row"]', (rows) =>
      rows.map((r) => r.getAttribute('data-reference')),
    );
    const pages = Math.ceil(Number(await admin.getAttribute('[data-testid="report-table"]', 'data-count')) / 25);
    for (let p = 1; p < pages && !references.includes(reference); p++) {
      await admin.click('[data-testid="report-next"]');
      references.push(
        ...(await admin.$$eval('[data-testid="report-row"]', (rows) =>
          rows.map((r) => r.getAttribute('data-reference')),
        )),
      );
    }
    expect(references).toContain(reference);
    const reportRow = admin.locator(`[data-testid="report-row"][data-reference="${reference}"]`);
    expect(plain(await reportRow.locator('[data-testid="report-pickup"]').textContent())).toBe(
      plain(shown.formatDateTime(start)),
    );
    await reportRow.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: join(ARTIFACTS, 'company-calendar-report.png') });
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.click('[data-testid="report-csv"]')]);
    const csvLine = (await readFile((await download.path())!, 'utf8'))
      .split('\r\n')
      .find((l) => l.startsWith(reference));
    expect(csvLine).toContain(`${reference},${day},COLLECTED,`);
    expect(csvLine).toContain(shown.formatIsoLocal(start));

    // The courier, on a phone set to Tokyo, has it in today's deliveries: the company's today.
    const phone = await tokyoPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await signInAt(phone, `${stack.webUrl}/`, COURIER.email, DEMO_PASSWORD);
    const card = phone.locator(`[data-testid="delivery-card-${reference}"]`);
    await card.waitFor({ timeout: 30_000 });
    expect(await phone.getAttribute('[data-testid="deliveries-title"]', 'data-day')).toBe(day);
    expect(plain(await card.locator('[data-testid="delivery-window"]').textContent())).toBe(
      plain(`Pickup · ${shown.formatWindow(start, end)}`),
    );
    expect(plain(await card.textContent())).toContain(zone);
    await card.scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(ARTIFACTS, 'company-calendar-courier.png') });

    // The public tracking page shows its timeline on the Pacific clock too.
    const tracker = await tokyoPage();
    await tracker.goto(`${stack.webUrl}/track/${reference}`);
    await tracker.waitForSelector('[data-testid="tracking-timeline"] time', { timeout: 30_000 });
    const times = await tracker.$$eval('[data-testid="tracking-timeline"] time', (els) =>
      els.map((el) => el.textContent ?? ''),
    );
    expect(times.length).toBeGreaterThan(0);
    expect(times.every((t) => / P[DS]T$/.test(plain(t)))).toBe(true);
    await tracker.screenshot({ path: join(ARTIFACTS, 'company-calendar-tracking.png') });

    expect(consoleErrors.filter((e) => !/custom Amazon Cognito|Cognito User Pool endpoint/i.test(e))).toEqual([]);
  });
});
