// The admin's global map and booking detail in headless Chromium: the seeded day in colour with a legend,
// the date filter, a status change made through GraphQL recolouring a marker without a reload, a courier
// moving live, and the booking page reached from a marker. Tiles point at a closed local port: nothing
// here depends on them loading.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Booking } from '../../src/core/model';
import { addDays } from '../../src/core/business-calendar';
import type { Stack } from '../../src/local/stack';
import { STATUS_LOOK } from '../../src/web/lib/booking-status';
import {
  assignCourier,
  bookCourier,
  listBookings,
  updateCourierLocation,
  submitFeedback,
  updateDeliveryStatus,
  requestProofUpload,
  type RequestProofUploadMutation,
} from '../../src/generated/graphql';
import { as, companyDay, DEMO_PASSWORD, gql, startTestStack } from '../support/test-stack';
import { ARTIFACTS, launchBrowser, signInAt } from '../support/browser';

const TILE_HOST = 'http://127.0.0.1:9';
/** A drawn signature, as the courier app's signature pad saves it. */
const TEST_SIGNATURE =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 80" width="240" height="80">' +
  '<path d="M10 60 C40 10 70 10 90 60 S150 70 230 20" fill="none" stroke="#1e293b" stroke-width="2.5"/></svg>';

let stack: Stack;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ web: 'static', mapTileUrl: `${TILE_HOST}/tiles/{z}/{x}/{y}.png` });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('console', (m) => {
    // Unreachable tiles are expected here; any other error is not.
    if (m.type() === 'error' && !m.location().url.startsWith(TILE_HOST)) consoleErrors.push(m.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

type Drawn = { reference: string; status: string; colour: string; x: number; y: number };

async function drawnMarkers(): Promise<Drawn[]> {
  return page.$$eval('[data-testid^="map-marker-"]', (items) =>
    items.map((item) => ({
      reference: item.getAttribute('data-testid')!.replace('map-marker-', ''),
      status: item.getAttribute('data-status')!,
      colour: item.getAttribute('data-colour')!,
      x: Number(item.getAttribute('data-x')),
      y: Number(item.getAttribute('data-y')),
    })),
  );
}

async function drawnClusterCounts(): Promise<number[]> {
  return page.$$eval('[data-testid="map-cluster"]', (items) => items.map((i) => Number(i.getAttribute('data-count'))));
}

async function mapTotal(): Promise<number> {
  return Number(await page.getAttribute('[data-testid="map-total"]', 'data-count'));
}

/** A new booking picked up at 10 am three company days out, so it is alone or nearly alone on that day. */
async function bookForLaterDay(): Promise<{ reference: string; day: string }> {
  const day = addDays(companyDay(stack), 3);
  const start = stack.deps.calendar.at(day, 10);
  const admin = await as(stack, 'admin@example.com');
  const made = await gql<{ bookCourier: Booking }>(stack, admin, bookCourier, {
    customerName: 'Map Test Customer',
    customerPhone: '+12065550177',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
    delivery: { line1: '2300 NW Market St', city: 'Seattle', postcode: '98107' },
    package: { size: 'SMALL', weightKg: 1.5 },
    pickupWindowStart: start.toISOString(),
    pickupWindowEnd: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
  });
  expect(made.errors).toBeUndefined();
  return { reference: made.data!.bookCourier.reference, day };
}

describe('global map', () => {
  it("shows the seeded day's bookings coloured by status, the couriers and the legend", async () => {
    await signInAt(page, `${stack.webUrl}/map`, 'admin@example.com', DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="global-map"]', { timeout: 30_000 });
    await expect.poll(mapTotal, { timeout: 15_000 }).toBeGreaterThan(5);
    await page.waitForSelector('[data-testid="live-indicator"][data-state="live"]', { timeout: 15_000 });

    const markers = await drawnMarkers();
    const clustered = (await drawnClusterCounts()).reduce((sum, n) => sum + n, 0);
    expect(markers.length + clustered).toBeGreaterThan(5);
    expect(markers.length + clustered).toBeLessThanOrEqual(await mapTotal());
    for (const marker of markers) {
      expect(marker.colour).toBe(STATUS_LOOK[marker.status as keyof typeof STATUS_LOOK].colour);
    }
    const legend = await page.$$eval('[data-testid="map-legend"] li[data-status]', (items) =>
      items.map((i) => ({ status: i.getAttribute('data-status'), colour: i.getAttribute('data-colour') })),
    );
    expect(legend).toEqual(Object.entries(STATUS_LOOK).map(([status, look]) => ({ status, colour: look.colour })));
    const couriersInLegend = Number(await page.getAttribute('[data-testid="map-legend-couriers"]', 'data-count'));
    expect(couriersInLegend).toBeGreaterThan(0);
    expect(await page.locator('.map-courier').count()).toBe(couriersInLegend);
    await page.screenshot({ path: join(ARTIFACTS, 'map-seeded-day.png') });
  });

  it('shows only the chosen day after the date filter changes, and recolours a marker live', async () => {
    const { reference, day } = await bookForLaterDay();
    const admin = await as(stack, 'admin@example.com');
    const onDay = await gql<{ listBookings: { items: Booking[] } }>(stack, admin, listBookings, { day, limit: 100 });
    const today = await mapTotal();
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    await page.fill('[data-testid="map-day"]', day);
    await expect.poll(mapTotal, { timeout: 15_000 }).toBe(onDay.data!.listBookings.items.length);
    expect(await mapTotal()).not.toBe(today);
    const marker = page.locator(`[data-testid="map-marker-${reference}"]`);
    await marker.waitFor({ state: 'attached', timeout: 15_000 });
    expect(await marker.getAttribute('data-colour')).toBe(STATUS_LOOK.BOOKED.colour);

    await gql(stack, admin, assignCourier, { reference, courierId: 'courier-05' });
    await gql(stack, admin, updateDeliveryStatus, { reference, status: 'COLLECTED', lat: 47.565, lng: -122.287 });
    await expect.poll(() => marker.getAttribute('data-status'), { timeout: 15_000 }).toBe('COLLECTED');
    expect(await marker.getAttribute('data-colour')).toBe(STATUS_LOOK.COLLECTED.colour);

    // A click on the canvas dot opens the booking in the side panel.
    const drawn = (await drawnMarkers()).find((m) => m.reference === reference)!;
    const box = (await page.locator('[data-testid="global-map"]').boundingBox())!;
    await page.mouse.click(box.x + drawn.x, box.y + drawn.y);
    await page.waitForSelector('[data-testid="map-selection"]');
    expect(await page.textContent('[data-testid="map-selection"]')).toContain(reference);
    expect(await page.getAttribute('[data-testid="map-selection-status"]', 'data-status')).toBe('COLLECTED');
    await page.screenshot({ path: join(ARTIFACTS, 'map-live-recolour.png') });

    const sameDocument = await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument);
    expect(sameDocument).toBe(true);
  });

  it('moves a courier marker when the courier reports a new location', async () => {
    const pin = page.locator('.map-courier[data-courier-id="courier-05"]');
    const before = await pin.evaluate((el) => (el.parentElement as HTMLElement).style.transform);
    const courier = await as(stack, 'courier5@example.com');

    const moved = await gql(stack, courier, updateCourierLocation, { lat: 47.6205, lng: -122.3493 });

    expect(moved.errors).toBeUndefined();
    await expect
      .poll(() => pin.evaluate((el) => (el.parentElement as HTMLElement).style.transform), { timeout: 15_000 })
      .not.toBe(before);
  });
});

describe('booking detail', () => {
  it('opens from the map with the route, the courier, the timeline and proof of delivery, updated live', async () => {
    await page.click('[data-testid="map-open-booking"]');
    await page.waitForSelector('[data-testid="booking-detail"] [data-testid="route-map"]');
    const reference = (await page.textContent('[data-testid="booking-detail"] h1'))!.trim();
    await expect.poll(() => page.locator('[data-testid="status-timeline"] li').count()).toBe(2);
    expect(await page.locator('.map-stop--pickup').count()).toBe(1);
    expect(await page.locator('.map-stop--delivery').count()).toBe(1);
    expect(await page.textContent('[data-testid="route-line"]')).toMatch(/straight line: \d+\.\d km/);
    await page.waitForSelector('[data-testid="route-map"] .map-courier');
    expect(await page.textContent('[data-testid="proof-of-delivery"]')).toContain('No proof of delivery yet');

    const admin = await as(stack, 'admin@example.com');
    for (const status of ['IN_TRANSIT', 'OUT_FOR_DELIVERY'] as const) {
      await gql(stack, admin, updateDeliveryStatus, { reference, status });
    }
    // The signature goes where the courier app puts it: a presigned PUT to the proof-of-delivery bucket.
    const upload = await gql<RequestProofUploadMutation>(stack, admin, requestProofUpload, {
      reference,
      kind: 'SIGNATURE',
      contentType: 'image/svg+xml',
    });
    expect(upload.errors).toBeUndefined();
    const target = upload.data!.requestProofUpload;
    const put = await fetch(target.uploadUrl, {
      method: 'PUT',
      headers: JSON.parse(target.headers) as Record<string, string>,
      body: TEST_SIGNATURE,
    });
    expect(put.status).toBe(200);
    const delivered = await gql(stack, admin, updateDeliveryStatus, {
      reference,
      status: 'DELIVERED',
      lat: 47.6687,
      lng: -122.3846,
      note: 'Left with the concierge',
      recipientName: 'Grace Hopper',
      signatureKey: target.key,
    });
    expect(delivered.errors).toBeUndefined();

    const badge = page.locator('[data-testid="booking-detail-status"]');
    await expect.poll(() => badge.getAttribute('data-status'), { timeout: 15_000 }).toBe('DELIVERED');
    expect(await page.locator('[data-testid="status-timeline"] li').count()).toBe(5);
    expect(await page.textContent('[data-testid="status-timeline"]')).toContain('Left with the concierge');
    const proof = await page.textContent('[data-testid="proof-of-delivery"]');
    expect(proof).toContain('Grace Hopper');
    const signature = page.locator('[data-testid="proof-of-delivery"] img[data-testid="proof-signature"]');
    await expect
      .poll(() => signature.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 })
      .toBe(240);
    expect(await signature.getAttribute('alt')).toBe('Signature of Grace Hopper');
    expect(await page.textContent('[data-testid="booking-feedback"]')).toContain('No feedback on this booking yet');

    const complaint = await gql(stack, admin, submitFeedback, {
      bookingReference: reference,
      type: 'COMPLAINT',
      text: 'The parcel was left in the rain and the box is soaked.',
      complaintCategory: 'DAMAGED_PACKAGE',
      severity: 'HIGH',
    });
    expect(complaint.errors).toBeUndefined();
    await page.reload();
    const entry = page.locator('[data-testid="booking-feedback-entry"]');
    await expect.poll(() => entry.count(), { timeout: 15_000 }).toBe(1);
    expect(await entry.textContent()).toContain('left in the rain');
    expect(await entry.textContent()).toContain('Flagged for attention');
    await expect
      .poll(() => signature.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 })
      .toBe(240);
    await page.screenshot({ path: join(ARTIFACTS, 'booking-detail.png'), fullPage: true });
    expect(consoleErrors.filter((e) => !/custom Amazon Cognito|Cognito User Pool endpoint/i.test(e))).toEqual([]);
  });
});
