// Issue 3's caller journey on the running local stack: a simulated phone call books a courier and the booking
// appears on the admin's open bookings page; the reference read back is accepted by a tracking call; once the
// parcel is delivered, a complaint call gets a feedback reference and the admin's dashboard shows the alert.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Stack } from '../../src/local/stack';
import { assignCourier, updateDeliveryStatus } from '../../src/generated/graphql';
import { as, companyDay, DEMO_PASSWORD, gql, startTestStack } from '../support/test-stack';
import { asapPickupWindow } from '../../src/voice/booking-dialog';
import { ARTIFACTS, launchBrowser, signInAt } from '../support/browser';

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startTestStack({ web: 'static', provisionVoicebot: true });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

type CallTurn = { heard: string[]; call: { contactId: string; state: string } };

async function post(path: string, body: unknown): Promise<CallTurn> {
  const res = await fetch(`${stack.outputs.custom.callSimulator!.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as CallTurn;
}

/** A whole phone call: what the caller heard, turn by turn, and how the call ended. */
async function call(from: string, lines: string[]): Promise<{ heard: string; state: string }> {
  const started = await post('/calls', { from, phoneNumber: stack.outputs.custom.callSimulator!.phoneNumber });
  const heard = [...started.heard];
  let state = started.call.state;
  for (const text of lines) {
    const turn = await post(`/calls/${started.call.contactId}/say`, { text });
    heard.push(...turn.heard);
    state = turn.call.state;
    if (state !== 'IN_BOT') break;
  }
  return { heard: heard.join(' '), state };
}

/** How a caller reads a reference from their notes: one character at a time. */
const spoken = (reference: string) => reference.replace(/-/g, '').split('').join(' ');

describe('a caller journey by phone', () => {
  it('books, tracks and complains by phone, and the admin sees the booking live and the alert', async () => {
    // Prepare: the admin has today's bookings open.
    await signInAt(page, `${stack.webUrl}/bookings`, 'admin@example.com', DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="bookings-table"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="live-indicator"][data-state="live"]', { timeout: 15_000 });
    // The "as soon as possible" pickup the bot will offer: late in the evening, on tomorrow's list.
    const asap = asapPickupWindow(await stack.deps.rules.current(), stack.deps.calendar, new Date());
    await page.fill('[data-testid="filter-day"]', companyDay(stack, asap!.start));
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    // Act 1: a booking call.
    const booking = await call('+12065550134', [
      'I need to send a parcel',
      '1201 3rd Ave, Seattle 98101',
      '3400 Stone Way North 98103',
      'small',
      'one kilogram',
      'none',
      'today',
      'as soon as possible',
      'Grace Hopper',
      'yes please',
      'no thanks',
      "no that's all",
    ]);
    const reference = /Your booking reference is ([0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z])/.exec(booking.heard)?.[1];
    expect(reference, booking.heard).toBeDefined();
    const row = page.locator(`[data-testid="booking-row-${reference}"]`);
    await row.waitFor({ state: 'attached', timeout: 20_000 });
    const rowText = await row.textContent();
    const sameDocument = await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument);

    // Act 2: a tracking call with the reference as read back.
    const tracking = await call('+12065550134', ['I want to track a parcel', spoken(reference!), 'no thanks']);

    // Act 3: the parcel is collected and delivered; then a complaint call about it.
    const admin = await as(stack, 'admin@example.com');
    await gql(stack, admin, assignCourier, { reference, courierId: 'courier-03' });
    for (const status of ['COLLECTED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'] as const) {
      const moved = await gql(stack, admin, updateDeliveryStatus, { reference, status, lat: 47.65, lng: -122.34 });
      expect(moved.errors).toBeUndefined();
    }
    const delivered = await gql(stack, admin, updateDeliveryStatus, {
      reference,
      status: 'DELIVERED',
      lat: 47.6512,
      lng: -122.3406,
      recipientName: 'Grace Hopper',
    });
    expect(delivered.errors).toBeUndefined();
    const complaint = await call('+12065550134', [
      'I want to make a complaint',
      spoken(reference!),
      'the box was damaged',
      'very serious',
      'the box was crushed and the vase inside is broken',
      'no thanks',
    ]);
    const feedbackReference = /feedback reference is (F-[0-9A-Z-]+)/.exec(complaint.heard)?.[1];
    expect(complaint.heard).toMatch(/flagged this for immediate attention/);
    await page.click('a[href="/dashboard"]');
    const alert = page.locator('[data-testid="complaint-alert"]', { hasText: reference! });
    await page.waitForSelector('[data-testid="alerts"]', { timeout: 20_000 });
    // The alert is read when the dashboard loads and again after each change; a reload shows it at the latest.
    await expect
      .poll(
        async () => {
          if ((await alert.count()) > 0) return true;
          await page.screenshot({ path: join(ARTIFACTS, 'voice-journey-dashboard-waiting.png') });
          await page.reload();
          await page.waitForSelector('[data-testid="alerts"]', { timeout: 20_000 });
          return (await alert.count()) > 0;
        },
        {
          timeout: 40_000,
          interval: 3_000,
          message: `no alert for ${reference}; the complaint call heard: ${complaint.heard}`,
        },
      )
      .toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'voice-journey-dashboard.png') });

    // Assess
    expect(booking.state).toBe('DISCONNECTED');
    expect(rowText).toContain('Grace Hopper');
    expect(sameDocument).toBe(true);
    expect(tracking.heard).toMatch(new RegExp(`Your parcel ${reference}`));
    expect(tracking.heard).not.toMatch(/couldn't find/);
    expect(complaint.heard).toMatch(/Thank you for your feedback/);
    expect(complaint.heard).toMatch(/flagged this for immediate attention/);
    expect(feedbackReference, complaint.heard).toMatch(/^F-/);
    expect(await alert.textContent()).toContain('crushed');
  });
});
