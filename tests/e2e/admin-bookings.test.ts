// The admin's first minutes, in headless Chromium: sign in with the demo account, see the seeded day,
// and watch a booking made elsewhere (through GraphQL) appear and change status without a reload.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Booking } from '../../src/core/model';
import type { Stack } from '../../src/local/stack';
import { assignCourier, bookCourier, updateDeliveryStatus } from '../../src/generated/graphql';
import { as, DEMO_PASSWORD, gql, pickupWindowSoon, startTestStack } from '../support/test-stack';
import { ARTIFACTS, launchBrowser, signInAt } from '../support/browser';

let stack: Stack;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ web: 'static' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('admin bookings page', () => {
  it('signs in as the demo admin and shows the seeded bookings of the day', async () => {
    await signInAt(page, `${stack.webUrl}/`, 'admin@example.com', DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="bookings-table"] [data-testid^="booking-row-"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="live-indicator"][data-state="live"]', { timeout: 15_000 });
    const rows = await page.locator('[data-testid^="booking-row-"]').count();
    expect(rows).toBeGreaterThan(10);
    expect(await page.textContent('[data-testid="user-name"]')).toContain('Demo Admin');
  });

  it('shows a booking made through GraphQL, and its status change, without a reload', async () => {
    const { start, end, day } = pickupWindowSoon(stack);
    await page.fill('[data-testid="filter-day"]', day);
    await page.waitForSelector('[data-testid^="booking-row-"]');
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    const admin = await as(stack, 'admin@example.com');
    const made = await gql<{ bookCourier: Booking }>(stack, admin, bookCourier, {
      customerName: 'Browser Test Customer',
      customerPhone: '+12065550123',
      pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
      delivery: { line1: '2300 NW Market St', city: 'Seattle', postcode: '98107' },
      package: { size: 'SMALL', weightKg: 2 },
      pickupWindowStart: start.toISOString(),
      pickupWindowEnd: end.toISOString(),
    });
    expect(made.errors).toBeUndefined();
    const reference = made.data!.bookCourier.reference;

    const row = page.locator(`[data-testid="booking-row-${reference}"]`);
    await row.waitFor({ timeout: 15_000 });
    await expect.poll(() => row.textContent()).toContain('Browser Test Customer');
    const badge = page.locator(`[data-testid="status-${reference}"]`);
    expect(await badge.getAttribute('data-status')).toBe('BOOKED');

    await gql(stack, admin, assignCourier, { reference, courierId: 'courier-05' });
    await gql(stack, admin, updateDeliveryStatus, { reference, status: 'COLLECTED', lat: 47.6076, lng: -122.3358 });
    await expect.poll(() => badge.getAttribute('data-status'), { timeout: 15_000 }).toBe('COLLECTED');

    const sameDocument = await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument);
    expect(sameDocument).toBe(true);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'admin-bookings-live.png') });
    expect(consoleErrors.filter((e) => !/custom Amazon Cognito|Cognito User Pool endpoint/i.test(e))).toEqual([]);
  });
});
