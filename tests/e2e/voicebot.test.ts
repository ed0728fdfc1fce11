// The voicebot admin pages in headless Chromium against the local stack: the setup wizard provisions the
// bot into the Connect emulator with every step shown live; the responses editor refuses an edit that drops
// a placeholder, then changes the greeting and redeploys; a test call through the call simulator hears the
// new greeting and is taken into tracking.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Stack } from '../../src/local/stack';
import { DEMO_PASSWORD, startTestStack } from '../support/test-stack';
import { ARTIFACTS, launchBrowser, signInAt } from '../support/browser';

let stack: Stack;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

const NEW_GREETING =
  'Welcome to Swift Couriers! You can book a courier, track a parcel, or give feedback. What can I do?';
/** A deployment builds the bot in the emulator; allow for a slow, shared machine. */
const DEPLOY_TIMEOUT = 120_000;

/** The whole page, with the viewport stretched to it so the full-height sidebar is drawn all the way down. */
async function shot(name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.screenshot({ path: join(ARTIFACTS, `voicebot-${name}.png`) });
  await page.setViewportSize(viewport);
}

async function stepStatuses(): Promise<string[]> {
  return page.$$eval('[data-testid="deployment-step"]', (rows) => rows.map((r) => r.getAttribute('data-status')!));
}

/** In the page: records how many steps show as done each time that changes, to prove progress is shown live. */
function recordStepProgress(): void {
  const scope = window as unknown as { stepProgress: number[] };
  scope.stepProgress = [];
  const count = () => document.querySelectorAll('[data-testid="deployment-step"][data-status="SUCCEEDED"]').length;
  new MutationObserver(() => {
    if (document.querySelector('[data-testid="deployment-step"]') && scope.stepProgress.at(-1) !== count()) {
      scope.stepProgress.push(count());
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
}

beforeAll(async () => {
  // As `npm start` does: the bot is provisioned once and the demo number routed to its contact flow, so the
  // wizard's run is the admin's redeploy into the same names, and a test call reaches the bot.
  stack = await startTestStack({ web: 'static', provisionVoicebot: true });
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

describe('voicebot', () => {
  it('sets the bot up through the wizard, naming a wrong field inline, to a deployment with every step done', async () => {
    // Prepare
    await signInAt(page, `${stack.webUrl}/voicebot/setup`, 'admin@example.com', DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="instance-choice"]', { timeout: 30_000 });
    await page.click('[data-testid="instance-choice"] input');
    await shot('wizard-instance');
    await page.click('[data-testid="wizard-next"]');
    await page.waitForSelector('[data-testid="settings-form"]');

    // Act
    await page.fill('#bot-name', 'Courier bot!');
    await page.click('[data-testid="wizard-next"]');
    const nameError = await page.textContent('[data-testid="bot-name-error"]');
    await page.fill('#bot-name', 'CourierVoicebot');
    await page.waitForSelector('[data-testid="agent-queue"] option:nth-child(2)', { state: 'attached' });
    await page.selectOption('[data-testid="agent-queue"]', { index: 1 });
    await shot('wizard-settings');
    await page.click('[data-testid="wizard-next"]');
    await page.waitForSelector('[data-testid="deployment-plan"]', { timeout: 30_000 });
    const planned = await page.$$eval('[data-testid="deployment-plan"] li', (items) => items.length);
    await shot('wizard-review');
    await page.evaluate(recordStepProgress);
    await page.click('[data-testid="wizard-deploy"]');
    await page.waitForSelector('[data-testid="deployment-progress"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="deployment-progress"][data-status="SUCCEEDED"]', {
      timeout: DEPLOY_TIMEOUT,
    });
    await page.waitForSelector('[data-testid="wizard-done"]');
    await shot('wizard-deployed');

    // Assess
    expect(nameError).toMatch(/^Bot name may use letters, digits/);
    expect(planned).toBe(12);
    const progress = await page.evaluate(() => (window as unknown as { stepProgress: number[] }).stepProgress);
    expect(progress.some((done) => done > 0 && done < 12)).toBe(true);
    expect(progress.at(-1)).toBe(12);
    const statuses = await stepStatuses();
    expect(statuses).toHaveLength(12);
    expect(new Set(statuses)).toEqual(new Set(['SUCCEEDED']));
    expect(await page.textContent('[data-testid="deployment-status"]')).toBe('Live');
  });

  it('shows the deployment on the overview and in the history', async () => {
    // Prepare
    await page.click('a[href="/voicebot"]');

    // Act
    await page.waitForSelector('[data-testid="deployments-table"]', { timeout: 30_000 });
    const rows = await page.$$eval('[data-testid="deployment-row"]', (r) =>
      r.map((row) => row.getAttribute('data-status')),
    );
    await shot('overview');

    // Assess
    expect(rows[0]).toBe('SUCCEEDED');
    expect(await page.textContent('[data-testid="voicebot-latest-status"]')).toBe('Live');
    expect(await page.textContent('[data-testid="voicebot-current"]')).toContain('CourierVoicebot');
  });

  it('refuses an edit that drops a placeholder, then redeploys a new greeting', async () => {
    // Prepare
    await page.click('[data-testid="voicebot-responses-link"]');
    await page.waitForSelector('[data-testid="prompt-text-welcome"]', { timeout: 30_000 });

    // Act
    await page.fill('[data-testid="prompt-text-addressNotFound"]', "Sorry, I couldn't find that address.");
    const placeholderError = await page.textContent('[data-testid="prompt-error-addressNotFound"]');
    const saveWhileInvalid = await page.isDisabled('[data-testid="responses-save"]');
    await page.locator('[data-testid="prompt"][data-key="addressNotFound"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'voicebot-responses-invalid.png') });
    await page.click('[data-testid="prompt-reset-addressNotFound"]');
    await page.fill('[data-testid="prompt-text-welcome"]', NEW_GREETING);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'voicebot-responses.png') });
    const changed = await page.getAttribute('[data-testid="prompt"][data-key="welcome"]', 'data-changed');
    await page.click('[data-testid="responses-save"]');
    await page.waitForURL(/\/voicebot\/deployments\//, { timeout: 30_000 });
    await page.waitForSelector('[data-testid="deployment-progress"][data-status="SUCCEEDED"]', {
      timeout: DEPLOY_TIMEOUT,
    });
    await shot('redeployed');

    // Assess
    expect(placeholderError).toBe("Keep {address}: the bot puts the caller's details there.");
    expect(saveWhileInvalid).toBe(true);
    expect(changed).toBe('true');
    expect(new Set(await stepStatuses())).toEqual(new Set(['SUCCEEDED']));
  });

  it('calls the bot, hears the new greeting, and is asked for a reference to track', async () => {
    // Prepare
    await page.goto(`${stack.webUrl}/voicebot/test-call`);
    await page.waitForSelector('[data-testid="call-start"]', { timeout: 30_000 });

    // Act
    await page.click('[data-testid="call-start"]');
    await page.waitForSelector('[data-testid="call-state"][data-state="IN_BOT"]', { timeout: 30_000 });
    const greeting = await page.textContent('[data-testid="call-line"][data-speaker="bot"]');
    await page.fill('[data-testid="call-say-text"]', 'I want to track a parcel');
    await page.click('[data-testid="call-say"]');
    await page.waitForSelector('[data-testid="call-line"][data-speaker="caller"]');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="call-line"][data-speaker="bot"]').length >= 2,
      undefined,
      { timeout: 30_000 },
    );
    const lines = await page.$$eval('[data-testid="call-line"]', (items) =>
      items.map((i) => `${i.getAttribute('data-speaker')}: ${i.querySelector('.vb-line__text')?.textContent ?? ''}`),
    );
    await shot('test-call');
    await page.click('[data-testid="call-hang-up"]');
    await page.waitForSelector('[data-testid="call-state"][data-state="DISCONNECTED"]');

    // Assess
    expect(greeting).toContain(NEW_GREETING);
    expect(lines).toContain('caller: I want to track a parcel');
    expect(lines.at(-1)).toMatch(/^bot: .*reference/i);
    expect(consoleErrors.filter((e) => !/custom Amazon Cognito|Cognito User Pool endpoint/i.test(e))).toEqual([]);
  });
});
