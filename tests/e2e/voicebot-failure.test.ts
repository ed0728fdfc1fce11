// The voicebot wizard against AWS failures injected into the local stack through /_local/faults, as AWS
// Fault Injection Service would in the cloud: a quota error on CreateBotVersion stops the deployment at that
// step with AWS's code and message and a plain-language fix; "Retry from this step" then finishes it. A second
// deployment of a new bot fails the same way and "Roll back" removes the bot it created.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { LexModelsV2Client, ListBotsCommand } from '@aws-sdk/client-lex-models-v2';
import type { Stack } from '../../src/local/stack';
import { LOCAL_CREDENTIALS } from '../../src/local/dynamodb/local-dynamo';
import { DEMO_PASSWORD, startTestStack } from '../support/test-stack';
import { ARTIFACTS, launchBrowser, signInAt } from '../support/browser';

let stack: Stack;
let browser: Browser;
let page: Page;

/** A deployment builds the bot in the emulator; allow for a slow, shared machine. */
const DEPLOY_TIMEOUT = 120_000;
const QUOTA_MESSAGE = 'Bot versions per bot quota of 100 reached for this bot.';

async function shot(name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
  await page.screenshot({ path: join(ARTIFACTS, `voicebot-failure-${name}.png`) });
  await page.setViewportSize(viewport);
}

/** Arms an AWS error on the running gateway, as a Fault Injection Service experiment would. */
async function armFault(fault: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${stack.gatewayUrl}/_local/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
  if (response.status !== 201) throw new Error(`arming the fault failed: ${response.status} ${await response.text()}`);
}

async function armedFaults(): Promise<unknown[]> {
  const response = await fetch(`${stack.gatewayUrl}/_local/faults`);
  return ((await response.json()) as { faults: unknown[] }).faults;
}

const quotaOnCreateBotVersion = {
  service: 'lex',
  operation: 'CreateBotVersion',
  status: 402,
  code: 'ServiceQuotaExceededException',
  message: QUOTA_MESSAGE,
  times: 1,
};

/** Walks the wizard with `botName` and starts the deployment; the page then shows its progress. */
async function deployFromWizard(botName: string): Promise<void> {
  await page.goto(`${stack.webUrl}/voicebot/setup`);
  await page.waitForSelector('[data-testid="instance-choice"]', { timeout: 30_000 });
  await page.click('[data-testid="instance-choice"] input');
  await page.click('[data-testid="wizard-next"]');
  await page.waitForSelector('[data-testid="settings-form"]');
  await page.fill('#bot-name', botName);
  await page.waitForSelector('[data-testid="agent-queue"] option:nth-child(2)', { state: 'attached' });
  await page.selectOption('[data-testid="agent-queue"]', { index: 1 });
  await page.click('[data-testid="wizard-next"]');
  await page.waitForSelector('[data-testid="deployment-plan"]', { timeout: 30_000 });
  await page.click('[data-testid="wizard-deploy"]');
  await page.waitForSelector('[data-testid="deployment-progress"]', { timeout: 30_000 });
}

async function stepStatus(key: string): Promise<string | null> {
  return page.getAttribute(`[data-testid="deployment-step"][data-step="${key}"]`, 'data-status');
}

async function botNames(): Promise<string[]> {
  const lex = new LexModelsV2Client({
    endpoint: stack.gatewayUrl,
    region: stack.region,
    credentials: LOCAL_CREDENTIALS,
  });
  const out = await lex.send(new ListBotsCommand({}));
  lex.destroy();
  return (out.botSummaries ?? []).map((b) => b.botName ?? '');
}

beforeAll(async () => {
  // No voicebot provisioned up front: the wizard's first run creates every resource itself.
  stack = await startTestStack({ web: 'static' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await signInAt(page, `${stack.webUrl}/voicebot/setup`, 'admin@example.com', DEMO_PASSWORD);
  await page.waitForSelector('[data-testid="instance-choice"]', { timeout: 30_000 });
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('voicebot deployment failures', () => {
  it(
    'stops at the bot version on an injected quota error, says what to do, and finishes on retry',
    async () => {
      // Prepare
      await armFault(quotaOnCreateBotVersion);

      // Act
      await deployFromWizard('FaultTolerantBot');
      await page.waitForSelector('[data-testid="deployment-progress"][data-status="FAILED"]', {
        timeout: DEPLOY_TIMEOUT,
      });
      await page.waitForSelector('[data-testid="deployment-failure"]');
      const failedAt = await stepStatus('bot-version');
      const code = await page.textContent('[data-testid="deployment-error-code"]');
      const message = await page.textContent('[data-testid="deployment-error-message"]');
      const resolution = await page.textContent('[data-testid="deployment-error-resolution"]');
      const faultsLeft = await armedFaults();
      await shot('failed');
      await page.click('[data-testid="deployment-retry"]');
      await page.waitForSelector('[data-testid="deployment-progress"][data-status="SUCCEEDED"]', {
        timeout: DEPLOY_TIMEOUT,
      });
      await shot('retried');

      // Assess
      expect(failedAt).toBe('FAILED');
      expect(code).toBe('ServiceQuotaExceededException');
      expect(message).toContain(QUOTA_MESSAGE);
      expect(resolution).toMatch(/service quota was reached.*request a quota increase/i);
      expect(faultsLeft).toEqual([]);
      expect(await stepStatus('bot-version')).toBe('SUCCEEDED');
      expect(await page.$('[data-testid="deployment-failure"]')).toBeNull();
      expect(await botNames()).toContain('FaultTolerantBot');
    },
    2 * DEPLOY_TIMEOUT,
  );

  it(
    'rolls back a failed deployment of a new bot, deleting the bot it created',
    async () => {
      // Prepare
      await armFault(quotaOnCreateBotVersion);
      await deployFromWizard('RolledBackBot');
      await page.waitForSelector('[data-testid="deployment-progress"][data-status="FAILED"]', {
        timeout: DEPLOY_TIMEOUT,
      });
      const namesWhenFailed = await botNames();

      // Act
      await page.click('[data-testid="deployment-rollback"]');
      await page.waitForSelector('[data-testid="rollback-dialog"]');
      const listed = await page.textContent('[data-testid="rollback-dialog"]');
      await shot('rollback-confirm');
      await page.click('[data-testid="rollback-confirm"]');
      await page.waitForSelector('[data-testid="deployment-progress"][data-status="ROLLED_BACK"]', {
        timeout: DEPLOY_TIMEOUT,
      });
      await shot('rolled-back');

      // Assess
      expect(namesWhenFailed).toContain('RolledBackBot');
      expect(listed).toContain('RolledBackBot');
      expect(await page.textContent('[data-testid="deployment-status"]')).toBe('Rolled back');
      const names = await botNames();
      expect(names).not.toContain('RolledBackBot');
      expect(names).toContain('FaultTolerantBot');
    },
    2 * DEPLOY_TIMEOUT,
  );
});
