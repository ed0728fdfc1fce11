// The admin's Messages page in headless Chromium (Req 11.8): customer SMS from the local outbox, newest first,
// phones masked, each linking to its booking; filtered by booking reference; refreshed on demand. And the notices
// the admins were sent (Req 10.5, 10.6): a late-delivery alert listed with what became of it, linking to its booking.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Booking } from '../../src/core/model';
import type { Stack } from '../../src/local/stack';
import { assignCourier, bookCourier, updateDeliveryStatus } from '../../src/generated/graphql';
import { as, DEMO_PASSWORD, gql, pickupWindowSoon, startTestStack, type Caller } from '../support/test-stack';
import { ARTIFACTS, blankMapTiles, launchBrowser, signInAt } from '../support/browser';

let stack: Stack;
let browser: Browser;
let page: Page;
let admin: Caller;
const consoleErrors: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ web: 'static' });
  admin = await as(stack, 'admin@example.com');
  browser = await launchBrowser();
  // The booking pages the messages link to show a map: its tiles are blank pixels, never fetched from the internet.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await blankMapTiles(context);
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function bookAndCollect(customerPhone: string): Promise<string> {
  const { start, end } = pickupWindowSoon(stack);
  const made = await gql<{ bookCourier: Booking }>(stack, admin, bookCourier, {
    customerName: 'Browser Test Customer',
    customerPhone,
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
    delivery: { line1: '2300 NW Market St', city: 'Seattle', postcode: '98107' },
    package: { size: 'SMALL', weightKg: 2 },
    pickupWindowStart: start.toISOString(),
    pickupWindowEnd: end.toISOString(),
  });
  expect(made.errors).toBeUndefined();
  const reference = made.data!.bookCourier.reference;
  expect((await gql(stack, admin, assignCourier, { reference, courierId: 'courier-05' })).errors).toBeUndefined();
  const moved = await gql(stack, admin, updateDeliveryStatus, {
    reference,
    status: 'COLLECTED',
    lat: 47.6,
    lng: -122.3,
  });
  expect(moved.errors).toBeUndefined();
  return reference;
}

describe('Messages page', () => {
  it('lists customer SMS newest first with masked phones, booking links and tracking links', async () => {
    // Prepare
    const first = await bookAndCollect('(206) 555-0171');
    const second = await bookAndCollect('(206) 555-0172');

    // Act
    await signInAt(page, `${stack.webUrl}/messages`, 'admin@example.com', DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="messages-table"] [data-testid="message-row"]', { timeout: 30_000 });
    const rows = page.locator('[data-testid="message-row"]');
    const texts = await page.locator('[data-testid="message-text"]').allTextContents();
    const phones = await page.locator('[data-testid="message-phone"]').allTextContents();
    await page.screenshot({ path: join(ARTIFACTS, 'messages-page.png'), fullPage: false });

    // Assess
    expect(texts.slice(0, 4).map((t) => t.split('.')[0])).toEqual([
      `Parcel ${second} was collected`,
      `Courier booked, ref ${second}`,
      `Parcel ${first} was collected`,
      `Courier booked, ref ${first}`,
    ]);
    expect(texts[0]).toContain(`${stack.webUrl}/track/${second}`);
    expect(phones.slice(0, 4)).toEqual(['•••••••0172', '•••••••0172', '•••••••0171', '•••••••0171']);
    expect(await rows.first().locator(`a[href="/bookings/${second}"]`).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it('filters by booking reference, and refreshes to show a newer message', async () => {
    // Prepare
    const reference = await bookAndCollect('(206) 555-0173');
    await page.click('[data-testid="messages-refresh"]');
    await expect.poll(() => page.locator('[data-testid="message-text"]').first().textContent()).toContain(reference);

    // Act
    await page.fill('[data-testid="messages-filter"]', reference.toLowerCase());
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid="message-row"]').count()).toBe(2);
    await gql(stack, admin, updateDeliveryStatus, { reference, status: 'IN_TRANSIT', lat: 47.6, lng: -122.3 });
    await page.click('[data-testid="messages-refresh"]');
    await expect.poll(() => page.locator('[data-testid="message-row"]').count()).toBe(3);
    const texts = await page.locator('[data-testid="message-text"]').allTextContents();
    await page.screenshot({ path: join(ARTIFACTS, 'messages-filtered.png'), fullPage: false });

    // Assess
    expect(new URL(page.url()).searchParams.get('booking')).toBe(reference);
    expect(texts.map((t) => t.split('.')[0])).toEqual([
      `Parcel ${reference} is on its way`,
      `Parcel ${reference} was collected`,
      `Courier booked, ref ${reference}`,
    ]);

    // Act: the booking link opens the booking's detail
    await page.locator('[data-testid="message-row"]').first().locator('a').click();
    await page.waitForURL(`**/bookings/${reference}`);
    expect(consoleErrors).toEqual([]);
  });

  it("lists the admins' notices in their own tab: late-delivery alerts, newest first, each linking to its booking", async () => {
    // Prepare: a collected delivery, and the scheduler looking 45 minutes after its ETA.
    const reference = await bookAndCollect('(206) 555-0174');
    await stack.flushChangeFeed();
    const booking = await stack.deps.bookings.get(reference);
    const raised = await stack.checkLateDeliveries(new Date(Date.parse(booking!.eta!) + 45 * 60_000));
    expect(raised.map((a) => a.reference)).toContain(reference);

    // Act
    await page.goto(`${stack.webUrl}/messages`);
    await page.click('[data-testid="messages-tab-admins"]');
    await page.waitForSelector('[data-testid="notices-table"] [data-testid="notice-row"]', { timeout: 30_000 });
    const firstPage = await page
      .locator('[data-testid="notice-row"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    // The same look raises the seeded deliveries' late alerts too (dozens): pages are loaded until this booking's.
    const row = page.locator('[data-testid="notice-row"]', { hasText: `Delivery ${reference} ` });
    for (let pages = 1; (await row.count()) === 0 && pages < 10; pages++) {
      const shown = await page.locator('[data-testid="notice-row"]').count();
      await page.click('[data-testid="notices-more"]');
      await expect.poll(() => page.locator('[data-testid="notice-row"]').count()).toBeGreaterThan(shown);
    }
    await row.scrollIntoViewIfNeeded();
    const rowText = await row.locator('[data-testid="notice-text"]').textContent();
    const delivery = await row.locator('[data-testid="notice-delivery"]').textContent();
    const customerRows = await page.locator('[data-testid="message-row"]').count();
    await page.screenshot({ path: join(ARTIFACTS, 'messages-admin-notices.png'), fullPage: false });

    // Assess
    expect(new URL(page.url()).searchParams.get('show')).toBe('admins');
    // Newest first: the first page is the alerts just raised (the stack's own weekly-summary job may add its notice).
    expect(firstPage.length).toBeGreaterThanOrEqual(Math.min(25, raised.length));
    expect(firstPage.filter((kind) => kind === 'LATE_DELIVERY').length).toBeGreaterThanOrEqual(
      Math.min(25, raised.length) - 1,
    );
    expect(await row.getAttribute('data-kind')).toBe('LATE_DELIVERY');
    expect(rowText).toContain('Service alert: LATE_DELIVERY');
    expect(rowText).toContain(`Delivery ${reference} is 45 minutes past its ETA (courier courier-05).`);
    expect(delivery).toBe('In outbox');
    expect(customerRows).toBe(0);

    // Act: the notice's link opens the booking; the other tab still lists customer texts.
    await row.locator(`a[href="/bookings/${reference}"]`).click();
    await page.waitForURL(`**/bookings/${reference}`);
    await page.goto(`${stack.webUrl}/messages?show=admins`);
    await page.waitForSelector('[data-testid="notice-row"]', { timeout: 30_000 });
    await page.click('[data-testid="messages-tab-customers"]');
    await page.waitForSelector('[data-testid="message-row"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="notice-row"]').count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
