// The courier's app on a phone (390×844, touch): the day, a delivery walked from collected to delivered
// with an emulated location, a drawn signature and a photo through the file chooser, a failure with its
// reason — and three updates made offline that survive a reload and reach the server in order, with the
// times the courier made them.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Booking } from '../../src/core/model';
import type { Stack } from '../../src/local/stack';
import {
  assignCourier,
  bookCourier,
  companySettings,
  getBooking,
  suggestedSequence,
  updateCompanySettings,
  updateDeliveryStatus,
} from '../../src/generated/graphql';
import { moveStop } from '../../src/web/features/courier-route/hooks/route-order';
import { STATUS_LOOK } from '../../src/web/lib/booking-status';
import { as, DEMO_PASSWORD, gql, pickupWindowSoon, startTestStack, type Caller } from '../support/test-stack';
import { ARTIFACTS, launchBrowser, signInAt } from '../support/browser';

const COURIER = { email: 'courier7@example.com', id: 'courier-07' };
const HERE = { latitude: 47.6076, longitude: -122.3358, accuracy: 14 };
/** A 2×2 PNG, as a camera file would arrive through the file chooser. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

let stack: Stack;
let browser: Browser;
let admin: Caller;
const contexts: BrowserContext[] = [];

async function phone(options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<Page> {
  const context = await browser.newContext({
    ...options,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    geolocation: HERE,
    permissions: ['geolocation'],
    locale: 'en-US',
  });
  contexts.push(context);
  return context.newPage();
}

async function newDelivery(): Promise<string> {
  const { start, end } = pickupWindowSoon(stack);
  const made = await gql<{ bookCourier: Booking }>(stack, admin, bookCourier, {
    customerName: 'Phone Test Customer',
    customerPhone: '+12065550188',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
    delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109' },
    package: { size: 'SMALL', weightKg: 1.5 },
    pickupWindowStart: start,
    pickupWindowEnd: end,
  });
  expect(made.errors).toBeUndefined();
  const reference = made.data!.bookCourier.reference;
  expect((await gql(stack, admin, assignCourier, { reference, courierId: COURIER.id })).errors).toBeUndefined();
  return reference;
}

/** The admin's map in a desktop window, with one parcel found by its reference and shown beside the map. */
async function adminMapShowing(reference: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  await signInAt(page, `${stack.webUrl}/map`, 'admin@example.com', DEMO_PASSWORD);
  await page.waitForSelector(`[data-testid="map-total"]:not([data-count="0"])`, { timeout: 30_000 });
  await page.fill('[data-testid="map-find"]', reference.toLowerCase());
  await page.press('[data-testid="map-find"]', 'Enter');
  await page.waitForSelector(`[data-testid="map-selection"] >> text=${reference}`);
  return page;
}

/** The status updates the admin's map shows for the selected parcel, oldest first, as [label, time]. */
async function mapTimeline(page: Page): Promise<[string, string][]> {
  const shown = await page.$$eval('[data-testid="map-selection"] .timeline__item', (items) =>
    items.map((item) => [
      item.querySelector('.timeline__status')?.textContent ?? '',
      item.querySelector('time')?.getAttribute('datetime') ?? '',
    ]),
  );
  return (shown as [string, string][]).reverse();
}

/**
 * Waits until the app's service worker has installed (precached the app shell) and activated, and says which
 * script it runs. (`waitForFunction` with an async predicate passes at once, on the truthy promise.)
 */
async function serviceWorkerActive(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.scriptURL ?? '';
  });
}

async function stored(reference: string): Promise<Booking> {
  const r = await gql<{ getBooking: Booking }>(stack, admin, getBooking, { reference });
  return r.data!.getBooking;
}

/** Opens a delivery and makes one update through the form. */
async function update(page: Page, reference: string, status: string, fill?: (page: Page) => Promise<void>) {
  await page.click(`[data-testid="open-${reference}"]`);
  await page.click(`[data-testid="action-${status}"]`);
  await page.waitForSelector(`[data-testid="update-form"][data-status="${status}"]`);
  await page.waitForSelector('[data-testid="location-check"]:not([data-phase="locating"])');
  await fill?.(page);
  await page.click('[data-testid="confirm-update"]');
  await page.waitForSelector('[data-testid="deliveries-title"]');
}

beforeAll(async () => {
  stack = await startTestStack({ web: 'static' });
  browser = await launchBrowser();
  admin = await as(stack, 'admin@example.com');
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.close();
});

describe("the courier's app on a phone", () => {
  it('walks a delivery from collected to delivered with location, signature and photo, and a failure with its reason', async () => {
    // Prepare
    const delivered = await newDelivery();
    const failed = await newDelivery();
    const page = await phone();
    await signInAt(page, stack.webUrl, COURIER.email, DEMO_PASSWORD);
    await page.waitForSelector(`[data-testid="delivery-card-${delivered}"]`, { timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'courier-day.png') });

    // Act
    for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']) await update(page, delivered, status);
    await update(page, delivered, 'DELIVERED', async (p) => {
      const pad = await p.locator('[data-testid="signature-pad"]').boundingBox();
      await p.mouse.move(pad!.x + 20, pad!.y + 80);
      await p.mouse.down();
      for (let i = 1; i <= 12; i += 1) await p.mouse.move(pad!.x + 20 + i * 20, pad!.y + 80 + (i % 2 ? -30 : 30));
      await p.mouse.up();
      await p.setInputFiles('[data-testid="photo-input"]', { name: 'door.png', mimeType: 'image/png', buffer: PHOTO });
      await p.waitForSelector('[data-testid="photo-preview"]');
      await p.fill('[data-testid="recipient-name"]', 'Ada Lovelace');
      await p.screenshot({ path: join(ARTIFACTS, 'courier-deliver-form.png'), fullPage: true });
    });
    for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']) await update(page, failed, status);
    await page.click(`[data-testid="open-${failed}"]`);
    await page.click('[data-testid="action-FAILED_DELIVERY"]');
    await page.waitForSelector('[data-testid="location-check"][data-phase="fixed"]');
    await page.click('[data-testid="confirm-update"]');
    const refusedWithoutReason = await page.locator('.form-field__error').allTextContents();
    await page.selectOption('[data-testid="failure-reason"]', 'RECIPIENT_ABSENT');
    await page.fill('[data-testid="update-note"]', 'Rang twice, left a card in the mailbox');
    await page.click('[data-testid="confirm-update"]');
    await page.waitForSelector('[data-testid="deliveries-title"]');

    // Assess
    expect(refusedWithoutReason.join(' ')).toMatch(/Choose why/);
    await expect.poll(async () => (await stored(delivered)).status, { timeout: 20_000 }).toBe('DELIVERED');
    await expect.poll(async () => (await stored(failed)).status, { timeout: 20_000 }).toBe('FAILED_DELIVERY');
    const done = await stored(delivered);
    const last = done.history.at(-1)!;
    expect(last.proof?.recipientName).toBe('Ada Lovelace');
    expect(last.proof?.signatureKey).toMatch(new RegExp(`^proof/${delivered}/`));
    expect(last.proof?.photoKey).toMatch(new RegExp(`^proof/${delivered}/.*\\.jpg$`));
    expect(last.location).toEqual({ lat: HERE.latitude, lng: HERE.longitude });
    expect(last.locationAccuracyM).toBe(HERE.accuracy);
    const failure = (await stored(failed)).history.at(-1)!;
    expect(failure).toMatchObject({
      failureReason: 'RECIPIENT_ABSENT',
      note: 'Rang twice, left a card in the mailbox',
    });
    await page.waitForSelector(`[data-testid="delivery-card-${delivered}"][data-status="DELIVERED"]`);
    await page.screenshot({ path: join(ARTIFACTS, 'courier-day-after.png'), fullPage: true });
  });

  it('keeps three updates made offline through a reload and sends them in order with the courier’s times', async () => {
    // Prepare
    const reference = await newDelivery();
    const adminMap = await adminMapShowing(reference);
    await adminMap.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const page = await phone();
    await signInAt(page, stack.webUrl, COURIER.email, DEMO_PASSWORD);
    await page.waitForSelector(`[data-testid="delivery-card-${reference}"]`, { timeout: 30_000 });
    // The service worker has the app shell before the network goes.
    await serviceWorkerActive(page);
    await page.reload();
    await page.waitForSelector(`[data-testid="delivery-card-${reference}"]`, { timeout: 30_000 });

    // Act
    await page.context().setOffline(true);
    const made: number[] = [];
    for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']) {
      made.push(Date.now());
      await update(page, reference, status);
    }
    await page.waitForSelector('[data-testid="offline-banner"]');
    const waitingBefore = await page.getAttribute('[data-testid="outbox"]', 'data-waiting');
    // The reload happens with the network still cut: the app shell comes from the service worker's cache,
    // the day and the outbox from the phone's storage.
    await page.reload();
    await page.waitForSelector(`[data-testid="waiting-${reference}"]`, { timeout: 30_000 });
    const waitingAfterReload = await page.getAttribute('[data-testid="outbox"]', 'data-waiting');
    const controlledOffline = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
    await page.screenshot({ path: join(ARTIFACTS, 'courier-offline.png'), fullPage: true });
    const serverWhileOffline = (await stored(reference)).status;
    const backOnline = Date.now();
    await page.context().setOffline(false);

    // Assess
    expect([waitingBefore, waitingAfterReload, serverWhileOffline]).toEqual(['3', '3', 'BOOKED']);
    expect(controlledOffline).toBe(`${stack.webUrl}/sw.js`);
    await expect.poll(async () => (await stored(reference)).status, { timeout: 45_000 }).toBe('OUT_FOR_DELIVERY');
    const history = (await stored(reference)).history;
    expect(history.map((e) => e.status)).toEqual(['BOOKED', 'COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']);
    const times = history.slice(1).map((e) => Date.parse(e.at));
    times.forEach((t, i) => {
      expect(t).toBeGreaterThanOrEqual(made[i]! - 1_000);
      expect(t).toBeLessThan(backOnline);
    });
    expect(times[0]!).toBeLessThan(times[1]!);
    expect(times[1]!).toBeLessThan(times[2]!);
    await page.waitForSelector('[data-testid="outbox"][data-waiting="0"]', { state: 'attached', timeout: 30_000 });
    // The admin's map, open all along and never reloaded, shows the three in order with the courier's times.
    const expectedOnMap = history.map((e) => [STATUS_LOOK[e.status].label, e.at]);
    await expect.poll(() => mapTimeline(adminMap), { timeout: 20_000 }).toEqual(expectedOnMap);
    expect(await adminMap.getAttribute('[data-testid="map-selection-status"]', 'data-status')).toBe('OUT_FOR_DELIVERY');
    expect(await adminMap.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(
      true,
    );
    await adminMap.screenshot({ path: join(ARTIFACTS, 'courier-offline-admin-map.png') });
  });

  it('shows the suggested route on a list and on a map, keeps an order moved by hand, and goes back to the suggestion', async () => {
    // Prepare
    await newDelivery();
    await newDelivery();
    const courier = await as(stack, COURIER.email);
    const here = { lat: HERE.latitude, lng: HERE.longitude };
    const suggested = async () => {
      const r = await gql<{
        suggestedSequence: { manual: boolean; stops: { reference: string; kind: string; point?: unknown }[] };
      }>(stack, courier, suggestedSequence, here);
      expect(r.errors).toBeUndefined();
      return r.data!.suggestedSequence;
    };
    const keys = (stops: { reference: string; kind: string }[]) => stops.map((s) => `${s.reference}#${s.kind}`);
    const page = await phone();
    await signInAt(page, stack.webUrl, COURIER.email, DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="deliveries-title"]', { timeout: 30_000 });
    const shown = () =>
      page.$$eval('[data-testid="route-stop"]', (items) => items.map((i) => i.getAttribute('data-stop') ?? ''));

    // Act: the route tab, then one stop moved down by hand
    await page.click('nav >> text=Route');
    await page.waitForSelector('[data-testid="route-page"][data-manual="false"]', { timeout: 30_000 });
    const first = await suggested();
    await expect.poll(shown, { timeout: 15_000 }).toEqual(keys(first.stops));
    await page.waitForSelector('[data-testid="courier-route-map"] .courier-pin');
    const pins = await page.locator('[data-testid="courier-route-map"] .courier-pin').count();
    await page.screenshot({ path: join(ARTIFACTS, 'courier-route.png'), fullPage: true });
    const order = first.stops.map((s) => ({ reference: s.reference, kind: s.kind as 'PICKUP' | 'DELIVERY' }));
    const movable = order.findIndex((_, i) => moveStop(order, i, 1)[i] !== order[i]);
    const blocked = order.findIndex((s, i) => s.kind === 'DELIVERY' && order[i - 1]?.reference === s.reference);
    const moved = keys(moveStop(order, movable, 1));
    await page.locator('[data-testid="route-stop"]').nth(movable).getByRole('button', { name: /down$/ }).click();
    await page.waitForSelector('[data-testid="route-page"][data-manual="true"]');
    await expect.poll(shown).toEqual(moved);
    await page.reload();
    await page.waitForSelector('[data-testid="route-page"][data-manual="true"]', { timeout: 30_000 });
    const afterReload = await shown();
    const kept = await suggested();
    await page.click('[data-testid="route-reset"]');
    await page.waitForSelector('[data-testid="route-page"][data-manual="false"]');
    const afterReset = await shown();

    // Assess
    expect(order.length).toBeGreaterThanOrEqual(4);
    expect(pins).toBe(first.stops.filter((s) => s.point).length);
    expect(pins).toBeGreaterThan(0);
    expect(afterReload).toEqual(moved);
    expect(kept.manual).toBe(true);
    expect(keys(kept.stops)).toEqual(moved);
    expect(afterReset).toEqual(keys((await suggested()).stops));
    if (blocked >= 0) {
      const up = page.locator('[data-testid="route-stop"]').nth(blocked).getByRole('button', { name: /up$/ });
      expect(await up.isDisabled()).toBe(true);
    }
  });

  it('re-opens on the day as the phone saved it before the app has started, then on the app’s own list; signing out forgets it', async () => {
    const reference = await newDelivery();
    // No service worker here, so the test can hold the app's code back (the worker would serve it unseen).
    const page = await phone({ serviceWorkers: 'block' });
    // What the page showed the moment the saved copy appeared, recorded in the page itself on every load.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        const saved = document.getElementById('day-snapshot');
        if (!saved) return;
        observer.disconnect();
        (window as unknown as { __saved: unknown }).__saved = {
          cards: [...saved.querySelectorAll('[data-snapshot-testid^="delivery-card-"]')].map((c) =>
            c.getAttribute('data-snapshot-testid'),
          ),
          testIdsInCopy: saved.querySelectorAll('[data-testid]').length,
          liveCards: document.querySelectorAll('#root [data-testid^="delivery-card-"]').length,
          notice: saved.querySelector('.snapshot-notice')?.textContent ?? '',
          liveIndicator: saved.querySelectorAll('.live').length,
        };
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await signInAt(page, `${stack.webUrl}/today`, COURIER.email, DEMO_PASSWORD);
    await page.waitForSelector(`[data-testid="delivery-card-${reference}"]`, { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __saved?: unknown }).__saved)).toBeUndefined();
    await page.waitForFunction((ref) => localStorage.getItem('courier-day-snapshot')?.includes(ref), reference);

    // Re-opened while the app's code is still on its way, the saved copy is on the screen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/assets\/start-[^/]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.reload({ waitUntil: 'commit' });
    await page.waitForSelector('#day-snapshot [data-snapshot-testid^="delivery-card-"]', { timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'courier-day-saved-copy.png') });
    expect(await page.locator(`#day-snapshot a[href="/today/${reference}"]`).count()).toBeGreaterThan(0);
    release();
    await page.waitForSelector(`[data-testid="delivery-card-${reference}"]`, { timeout: 30_000 });
    await page.waitForSelector('#day-snapshot', { state: 'detached' });
    const saved = (await page.evaluate(() => (window as unknown as { __saved: unknown }).__saved)) as {
      cards: string[];
      testIdsInCopy: number;
      liveCards: number;
      notice: string;
      liveIndicator: number;
    };
    expect(saved.cards).toContain(`delivery-card-${reference}`);
    expect(saved.liveCards).toBe(0);
    expect(saved.testIdsInCopy).toBe(0);
    expect(saved.liveIndicator).toBe(0);
    expect(saved.notice).toMatch(/^Opening… this is your day as this phone saved it at \d{1,2}:\d{2}/);
    // The app's own list is live: its cards open the delivery.
    expect(await page.locator('[data-snapshot-testid]').count()).toBe(0);
    await page.click(`[data-testid="open-${reference}"]`);
    await page.waitForSelector(`[data-testid^="action-"]`);

    // Signing out forgets the copy: the next start shows nothing saved.
    await page.click('[data-testid="sign-out"]');
    await page.waitForSelector('input[name="username"]', { timeout: 30_000 });
    expect(await page.evaluate(() => localStorage.getItem('courier-day-snapshot'))).toBeNull();
    await page.goto(`${stack.webUrl}/today`);
    await page.waitForSelector('input[name="username"]', { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { __saved?: unknown }).__saved)).toBeUndefined();
  });

  it('meets the install criteria: a manifest with icons and an active service worker', async () => {
    const page = await phone();
    await signInAt(page, stack.webUrl, COURIER.email, DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="deliveries-title"]', { timeout: 30_000 });
    const manifest = (await (await page.request.get(`${stack.webUrl}/manifest.webmanifest`)).json()) as {
      display: string;
      start_url: string;
      icons: { sizes: string }[];
    };
    const worker = await serviceWorkerActive(page);
    const linked = await page.getAttribute('link[rel="manifest"]', 'href');
    expect(linked).toBeTruthy();
    expect(worker).toBe(`${stack.webUrl}/sw.js`);
    expect(manifest.display).toBe('standalone');
    expect(manifest.start_url).toBe('/today');
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });

  it('asks for the proof the admin requires of every delivery, and the server refuses a delivery without it', async () => {
    // Prepare: the admin ticks Photo and Recipient's name on the settings page.
    const settingsContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    contexts.push(settingsContext);
    const settings = await settingsContext.newPage();
    await signInAt(settings, `${stack.webUrl}/settings`, 'admin@example.com', DEMO_PASSWORD);
    await settings.waitForSelector('[data-testid="settings-form"]', { timeout: 30_000 });
    await settings.check('[data-testid="settings-proof-PHOTO"]');
    await settings.check('[data-testid="settings-proof-RECIPIENT_NAME"]');
    await settings.click('[data-testid="settings-save"]');
    await settings.waitForSelector('[data-testid="settings-saved"]');
    await settings.locator('[data-testid="settings-requiredProof"]').screenshot({
      path: join(ARTIFACTS, 'settings-required-proof.png'),
    });
    const reference = await newDelivery();
    for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']) {
      const moved = await gql(stack, admin, updateDeliveryStatus, { reference, status, lat: 47.6, lng: -122.33 });
      expect(moved.errors).toBeUndefined();
    }
    const courier = await as(stack, COURIER.email);

    // Act: the API with a name only, then the phone with a name only, then with the photo too.
    const byApi = await gql(stack, courier, updateDeliveryStatus, {
      reference,
      status: 'DELIVERED',
      lat: 47.6,
      lng: -122.33,
      recipientName: 'Grace Hopper',
    });
    const page = await phone();
    await signInAt(page, stack.webUrl, COURIER.email, DEMO_PASSWORD);
    await page.waitForSelector(`[data-testid="delivery-card-${reference}"]`, { timeout: 30_000 });
    await page.click(`[data-testid="open-${reference}"]`);
    await page.click('[data-testid="action-DELIVERED"]');
    await page.waitForSelector('[data-testid="location-check"][data-phase="fixed"]');
    const asked = await page.textContent('[data-testid="proof-asked"]');
    await page.fill('[data-testid="recipient-name"]', 'Grace Hopper');
    await page.click('[data-testid="confirm-update"]');
    const refused = await page.textContent('[data-testid="proof-problem"]');
    await page.screenshot({ path: join(ARTIFACTS, 'courier-required-proof.png'), fullPage: true });
    await page.setInputFiles('[data-testid="photo-input"]', { name: 'door.png', mimeType: 'image/png', buffer: PHOTO });
    await page.waitForSelector('[data-testid="photo-preview"]');
    await page.click('[data-testid="confirm-update"]');
    await page.waitForSelector('[data-testid="deliveries-title"]');

    // Assess
    expect(byApi.errors?.[0]?.message).toMatch(
      /requires a photo and the recipient’s name for every delivery; missing: a photo\./,
    );
    expect(asked).toBe('Your company needs a photo and the recipient’s name for every delivery.');
    expect(refused).toBe('Your company needs a photo and the recipient’s name: add a photo.');
    await expect.poll(async () => (await stored(reference)).status, { timeout: 20_000 }).toBe('DELIVERED');
    const proof = (await stored(reference)).history.at(-1)!.proof!;
    expect(proof.recipientName).toBe('Grace Hopper');
    expect(proof.photoKey).toMatch(new RegExp(`^proof/${reference}/.*\\.jpg$`));

    // Back to the demo's rule for any test after this one.
    const current = await gql<{ companySettings: Record<string, unknown> & { version: number } }>(
      stack,
      admin,
      companySettings,
    );
    const { version, timeZone: _zone, updatedAt: _at, updatedBy: _by, ...rules } = current.data!.companySettings;
    const restored = await gql(stack, admin, updateCompanySettings, {
      rules: { ...rules, requiredProof: [] },
      expectedVersion: version,
    });
    expect(restored.errors).toBeUndefined();
  });
});
