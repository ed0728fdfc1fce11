// The public tracking page in headless Chromium, with no sign-in: one parcel's status, cities, ETA,
// timeline and courier position; a clear message for an unknown reference and for a malformed one.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Booking } from '../../src/core/model';
import { generateReference } from '../../src/core/reference';
import type { Stack } from '../../src/local/stack';
import { listBookings, trackBooking } from '../../src/generated/graphql';
import { as, gql, startTestStack } from '../support/test-stack';
import { ARTIFACTS, launchBrowser } from '../support/browser';

const TILE_HOST = 'http://127.0.0.1:9';

let stack: Stack;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ web: 'static', mapTileUrl: `${TILE_HOST}/tiles/{z}/{x}/{y}.png` });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
  page.on('console', (m) => {
    // Unreachable tiles are expected; any other error is not.
    if (m.type() === 'error' && !m.location().url.startsWith(TILE_HOST)) consoleErrors.push(m.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('public tracking page', () => {
  it('shows one parcel out for delivery, with its courier on a map, without signing in', async () => {
    const admin = await as(stack, 'admin@example.com');
    const out = await gql<{ listBookings: { items: Booking[] } }>(stack, admin, listBookings, {
      status: 'OUT_FOR_DELIVERY',
      limit: 20,
    });
    const booking = out.data!.listBookings.items.find((b) => b.courierId);
    expect(booking).toBeDefined();
    const reference = booking!.reference;
    const tracked = await gql<{ trackBooking: { courierPosition: unknown } }>(
      stack,
      { apiKey: stack.apiKey },
      trackBooking,
      { reference },
    );

    await page.goto(`${stack.webUrl}/track/${reference}`);
    await page.waitForSelector('[data-testid="tracking-parcel"]', { timeout: 20_000 });

    expect(await page.textContent('[data-testid="tracking-reference"]')).toBe(reference);
    expect(await page.getAttribute('[data-testid="tracking-status"]', 'data-status')).toBe('OUT_FOR_DELIVERY');
    expect(await page.textContent('[data-testid="tracking-pickup-city"]')).toBe(booking!.pickup.city);
    expect(await page.textContent('[data-testid="tracking-delivery-city"]')).toBe(booking!.delivery.city);
    expect(await page.locator('[data-testid="tracking-timeline"] li').count()).toBe(booking!.history.length);
    expect(await page.locator('[data-testid="tracking-map"] .map-courier').count()).toBe(
      tracked.data!.trackBooking.courierPosition ? 1 : 0,
    );
    expect(await page.locator('input[name="password"]').count()).toBe(0);
    const text = await page.textContent('[data-testid="tracking-parcel"]');
    expect(text).not.toContain(booking!.customerName);
    expect(text).not.toContain(booking!.delivery.line1);
    await page.screenshot({ path: join(ARTIFACTS, 'tracking-parcel.png'), fullPage: true });
  });

  it('says plainly that an unknown reference was not found', async () => {
    const random = { int: (max: number) => Math.floor(Math.random() * max) };
    let unknown = generateReference(random);
    const admin = await as(stack, 'admin@example.com');
    for (;;) {
      const found = await gql(stack, admin, trackBooking, { reference: unknown });
      if (found.errors?.[0]?.errorType === 'NotFoundError') break;
      unknown = generateReference(random);
    }

    await page.goto(`${stack.webUrl}/track/${unknown}`);
    const problem = page.locator('[data-testid="tracking-problem"]');
    await problem.waitFor({ timeout: 20_000 });

    expect(await problem.getAttribute('data-kind')).toBe('unknown');
    expect(await problem.textContent()).toContain(`We can't find a parcel with the reference ${unknown}.`);
    expect(await page.locator('[data-testid="tracking-parcel"]').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'tracking-unknown.png') });
  });

  it('says plainly that a malformed reference is not a tracking reference', async () => {
    await page.goto(`${stack.webUrl}/track/HELLO-WORLD`);
    const problem = page.locator('[data-testid="tracking-problem"]');
    await problem.waitFor({ timeout: 20_000 });

    expect(await problem.getAttribute('data-kind')).toBe('malformed');
    expect(await problem.textContent()).toContain('"HELLO-WORLD" isn\'t a tracking reference.');
    expect(await problem.textContent()).toContain('K7M-4XR-7');
    await page.screenshot({ path: join(ARTIFACTS, 'tracking-malformed.png') });
    expect(consoleErrors.filter((e) => !/custom Amazon Cognito/i.test(e))).toEqual([]);
  });
});
