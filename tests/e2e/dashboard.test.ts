// The admin dashboard in headless Chromium: health, KPIs from the rollups, a delivery made through GraphQL
// moving the figures live (no reload), and a high-severity complaint appearing as an alert.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Booking } from '../../src/core/model';
import type { Stack } from '../../src/local/stack';
import { assignCourier, bookCourier, submitFeedback, updateDeliveryStatus } from '../../src/generated/graphql';
import { as, companyDay, DEMO_PASSWORD, gql, pickupWindowSoon, startTestStack } from '../support/test-stack';
import { ARTIFACTS, launchBrowser, signInAt } from '../support/browser';

let stack: Stack;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ web: 'static' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const kpi = async (id: string) => (await page.textContent(`[data-testid="kpi-${id}-value"]`))?.trim() ?? '';

async function showDay(day: string): Promise<void> {
  await page.fill('[data-testid="dashboard-day"]', day);
  await page.waitForSelector('[data-testid="kpi-bookings-value"]');
}

describe('dashboard', () => {
  it('shows health and KPIs, follows a delivery live and raises a complaint alert', async () => {
    // Prepare: sign in on the dashboard, on the company day the new booking will be picked up.
    const { start, end, day } = pickupWindowSoon(stack);
    await signInAt(page, `${stack.webUrl}/dashboard`, 'admin@example.com', DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="dashboard"]', { timeout: 30_000 });
    await showDay(day);
    await page.waitForSelector('[data-testid="live-indicator"][data-state="live"]', { timeout: 15_000 });
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const bookingsBefore = Number(await kpi('bookings'));
    const deliveredBefore = Number(await kpi('delivered'));

    // Act: book, deliver and complain through GraphQL, as other users would meanwhile.
    const admin = await as(stack, 'admin@example.com');
    const courier = await as(stack, 'courier5@example.com');
    const made = await gql<{ bookCourier: Booking }>(stack, admin, bookCourier, {
      customerName: 'Dashboard Test Customer',
      customerPhone: '+12065550188',
      pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
      delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109' },
      package: { size: 'SMALL', weightKg: 1 },
      pickupWindowStart: start.toISOString(),
      pickupWindowEnd: end.toISOString(),
    });
    const reference = made.data!.bookCourier.reference;
    await expect.poll(() => kpi('bookings'), { timeout: 15_000 }).toBe(String(bookingsBefore + 1));
    await gql(stack, admin, assignCourier, { reference, courierId: 'courier-05' });
    for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'])
      await gql(stack, courier, updateDeliveryStatus, { reference, status, lat: 47.61, lng: -122.34 });
    await gql(stack, courier, updateDeliveryStatus, {
      reference,
      status: 'DELIVERED',
      recipientName: 'Sam Lee',
      lat: 47.61,
      lng: -122.34,
    });
    const complaint = await gql(stack, admin, submitFeedback, {
      bookingReference: reference,
      type: 'COMPLAINT',
      rating: 1,
      text: 'The parcel was left open in the rain.',
      complaintCategory: 'DAMAGED_PACKAGE',
      severity: 'HIGH',
    });

    // Assess: the figures moved without a reload; the complaint is an alert on the day it was made.
    expect(made.errors).toBeUndefined();
    expect(complaint.errors).toBeUndefined();
    await expect.poll(() => kpi('delivered'), { timeout: 15_000 }).toBe(String(deliveredBefore + 1));
    expect(await kpi('success-rate')).toMatch(/^\d+%$/);
    expect(await kpi('delivery-time')).toMatch(/min|h/);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await page.getAttribute('[data-testid="health-api"]', 'data-state')).toBe('ok');
    expect(await page.getAttribute('[data-testid="health-database"]', 'data-state')).toBe('ok');
    expect(await page.textContent('[data-testid="health-change-feed"]')).toMatch(/Last event/);
    expect(await page.textContent('[data-testid="health-voicebot"]')).toMatch(/Not deployed/);
    await showDay(companyDay(stack));
    const alert = page.locator('[data-testid="complaint-alert"]', { hasText: reference });
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toMatch(/left open in the rain/);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png') });
    expect(consoleErrors).toEqual([]);
  });
});
