// The company's settings (issue 9, Req 2.5): an admin changes the collection hours on the settings page — a
// wrong value named under its field first — the change is in the history, and the next phone call's booking
// dialog says the new hours and offers only windows within them. Couriers and partners cannot read the rules.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Stack } from '../../src/local/stack';
import { as, DEMO_PASSWORD, gql, startTestStack } from '../support/test-stack';
import { ARTIFACTS, launchBrowser, signInAt } from '../support/browser';

let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  // The demo's own rules this time: every day, 8 AM to 6 PM.
  stack = await startTestStack({ web: 'static', provisionVoicebot: true, seedRules: 'demo' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
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

/** A booking call up to the read-back: each turn's answer, as the caller heard it. */
async function callUpToReadBack(lines: string[]): Promise<string[]> {
  const started = await post('/calls', {
    from: '+12065550177',
    phoneNumber: stack.outputs.custom.callSimulator!.phoneNumber,
  });
  const heard = [started.heard.join(' ')];
  for (const text of lines) {
    const turn = await post(`/calls/${started.call.contactId}/say`, { text });
    heard.push(turn.heard.join(' '));
  }
  return heard;
}

const COMPANY_SETTINGS = 'query { companySettings { collectionHours { open close } version } }';

describe('the company settings', () => {
  it('are changed by an admin on the settings page, and the next call follows the new collection hours', async () => {
    // Prepare: the demo company collects 8 AM to 6 PM.
    await signInAt(page, `${stack.webUrl}/settings`, 'admin@example.com', DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="settings-form"]', { timeout: 30_000 });
    expect(await page.inputValue('#settings-open')).toBe('08:00');
    expect(await page.inputValue('#settings-close')).toBe('18:00');
    await expect.poll(() => page.locator('[data-testid="settings-history"] tbody tr').count()).toBe(1);

    // Act 1: a closing time the form cannot take.
    await page.fill('#settings-open', '10:00');
    await page.fill('#settings-close', '2pm');
    await page.click('[data-testid="settings-save"]');
    const inline = await page.textContent('[data-testid="settings-close-error"]');

    // Act 2: 2 PM, which the demo's 4 PM same-day cut-off no longer fits.
    await page.fill('#settings-close', '14:00');
    await page.click('[data-testid="settings-save"]');
    const cutoffError = await page.textContent('[data-testid="settings-sameDayCutoff-error"]');

    // Act 3: open for only half an hour, which the form lets through and the API refuses, naming the field.
    await page.fill('#settings-sameDayCutoff', '09:00');
    await page.fill('#settings-close', '09:30');
    await page.click('[data-testid="settings-save"]');
    await page.waitForSelector('[data-testid="settings-form"] [role="alert"]', { timeout: 10_000 });
    const refusal = await page.locator('[data-testid="settings-form"]').textContent();
    const flagged = await page.getAttribute('#settings-close', 'aria-invalid');

    // Act 4: 10 AM to 2 PM, same-day bookings until noon.
    await page.fill('#settings-close', '14:00');
    await page.fill('#settings-sameDayCutoff', '12:00');
    await page.click('[data-testid="settings-save"]');
    await page.waitForSelector('[data-testid="settings-saved"]', { timeout: 10_000 });
    await expect.poll(() => page.locator('[data-testid="settings-history"] tbody tr').count()).toBe(2);
    const history = await page.textContent('[data-testid="settings-history"] tbody tr:first-child');
    await page.screenshot({ path: join(ARTIFACTS, 'company-settings.png'), fullPage: true });

    // Act 5: the next booking call, for tomorrow in the evening, then the morning.
    const heard = await callUpToReadBack([
      'I need to send a parcel',
      '1201 3rd Ave, Seattle 98101',
      '3400 Stone Way North 98103',
      'small',
      'one kilogram',
      'none',
      'tomorrow',
      'in the evening',
      'in the morning',
      'Grace Hopper',
    ]);

    // Assess
    expect(inline).toMatch(/HH:MM/);
    expect(refusal).toMatch(/collectionHours\.close \(09:30\) must be at least an hour after collectionHours\.open/);
    expect(flagged).toBe('true');
    expect(cutoffError).toMatch(/The cut-off \(16:00\) is after collection closes \(14:00\)/);
    expect(history).toContain('Collection hours: 08:00–18:00 → 10:00–14:00');
    expect(history).toContain('Same-day cut-off: 16:00 → 12:00');
    expect(history).toContain('Demo Admin');
    // heard[0] is the greeting; heard[i + 1] answers the caller's line i.
    const transcript = heard.join('\n');
    expect(heard[7], transcript).toContain('We collect every day, from 10 AM until 2 PM.');
    expect(heard[8], transcript).toContain('We collect from 10 AM until 2 PM, so that time is outside our hours.');
    expect(heard[10], transcript).toMatch(/picked up tomorrow between 10 AM and 12 PM/);
  });

  it('are for administrators only: a courier and a partner user are refused, the admin is answered', async () => {
    // Whichever test ran first, the admin reads the rules that are stored.
    const stored = await stack.deps.settings.get();
    // Act
    const asCourier = await gql(stack, await as(stack, 'courier1@example.com'), COMPANY_SETTINGS);
    const asPartner = await gql(stack, await as(stack, 'partner@example.com'), COMPANY_SETTINGS);
    const asAdmin = await gql<{ companySettings: { collectionHours: { open: string; close: string } } }>(
      stack,
      await as(stack, 'admin@example.com'),
      COMPANY_SETTINGS,
    );

    // Assess
    expect(asCourier.errors?.[0]?.errorType).toMatch(/Unauthorized/);
    expect(asPartner.errors?.[0]?.errorType).toMatch(/Unauthorized/);
    expect(asAdmin.data?.companySettings.collectionHours).toEqual(stored?.collectionHours);
  });
});
