// Partner management in headless Chromium: an admin creates a partner (inline validation, the API's own
// refusal), issues a read-only token that is shown once, proves with GraphQL that it reads bookings and
// cannot book, finds those calls in the audit trail, then revokes the token and sees it refused.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Stack } from '../../src/local/stack';
import { bookCourier, listBookings } from '../../src/generated/graphql';
import { AUTHORIZER_TTL_SECONDS } from '../../src/api/partner-authorizer';
import { daysBetween } from '../../src/core/business-calendar';
import { bookingInput, companyDay, DEMO_PASSWORD, gql, startTestStack } from '../support/test-stack';
import { ARTIFACTS, launchBrowser, signInAt } from '../support/browser';

let stack: Stack;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

const PARTNER_ID = 'northwind-traders';
let token = '';
let tokenId = '';

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

beforeAll(async () => {
  stack = await startTestStack({ web: 'static' });
  browser = await launchBrowser();
  context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('partners', () => {
  it('creates a partner, naming each wrong field inline and showing the API’s refusal', async () => {
    // Prepare
    await signInAt(page, `${stack.webUrl}/partners`, 'admin@example.com', DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="partners-table"] [data-partner-id="acme"]', { timeout: 30_000 });

    // Act: an empty form, then a taken id, then a good partner.
    await page.click('[data-testid="new-partner"]');
    await page.click('[data-testid="new-partner-submit"]');
    const nameError = await page.textContent('[data-testid="partner-name-error"]');
    const emailError = await page.textContent('[data-testid="partner-contactEmail-error"]');
    const nameInvalid = await page.getAttribute('#partner-name', 'aria-invalid');
    await page.fill('#partner-name', 'Northwind Traders');
    await page.fill('#partner-contactEmail', 'not-an-address');
    await page.click('[data-testid="new-partner-submit"]');
    const emailStillWrong = await page.textContent('[data-testid="partner-contactEmail-error"]');
    await shot('partners-new-validation');
    await page.fill('#partner-contactEmail', 'api@northwind.example');
    await page.fill('#partner-id', 'acme');
    await page.click('[data-testid="new-partner-submit"]');
    const refusal = await page.locator('[data-testid="new-partner-form"] [role="alert"]').textContent();
    const idHint = await page.getAttribute('#partner-id', 'placeholder');
    await page.fill('#partner-id', '');
    await page.click('[data-testid="new-partner-submit"]');
    await page.waitForSelector('[data-testid="partner-created"]');
    const row = page.locator(`[data-testid="partner-row"][data-partner-id="${PARTNER_ID}"]`);
    await row.locator('[data-testid="partner-token-count"]').waitFor();
    await shot('partners-list');

    // Assess
    expect(nameError).toMatch(/^Name must be 2 to 100 characters/);
    expect(emailError).toMatch(/^Contact email must be an e-mail address/);
    expect(nameInvalid).toBe('true');
    expect(emailStillWrong).toMatch(/^Contact email/);
    expect(refusal).toContain('A partner with id acme already exists.');
    expect(idHint).toBe(PARTNER_ID);
    expect(await row.textContent()).toContain('api@northwind.example');
    expect(await row.locator('[data-testid="partner-token-count"]').textContent()).toContain('0 active');
    expect(await page.locator('[data-testid="new-partner-form"]').count()).toBe(0);
  });

  it('issues a read-only token shown once: it lists bookings and is refused for booking', async () => {
    // Prepare
    await page.locator(`[data-testid="partner-row"][data-partner-id="${PARTNER_ID}"] a`).click();
    await page.waitForSelector(`[data-testid="partner-detail"][data-partner-id="${PARTNER_ID}"]`);
    await page.click('[data-testid="issue-token"]');

    // Act: no scope at all first, then bookings:read only.
    await page.fill('#token-name', 'Warehouse feed');
    await page.uncheck('[data-testid="token-scope-bookings:read"]');
    await page.click('[data-testid="issue-token-submit"]');
    const scopesError = await page.textContent('[data-testid="token-scopes-error"]');
    await page.check('[data-testid="token-scope-bookings:read"]');
    const otherScopes = await Promise.all(
      ['bookings:write', 'feedback:write'].map((s) => page.isChecked(`[data-testid="token-scope-${s}"]`)),
    );
    const expiresOn = await page.inputValue('#token-expiresOn');
    await page.locator('[data-testid="issue-token-form"]').scrollIntoViewIfNeeded();
    await shot('partners-issue-form');
    await page.click('[data-testid="issue-token-submit"]');
    await page.waitForSelector('[data-testid="token-reveal"]');
    token = await page.inputValue('[data-testid="token-value"]');
    tokenId = (await page.getAttribute('[data-testid="token-reveal"]', 'data-token-id')) ?? '';
    const warning = await page.textContent('[data-testid="token-reveal"] [role="alert"]');
    await page.click('[data-testid="token-copy"]');
    await expect.poll(() => page.textContent('[data-testid="token-copy"]')).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    await shot('partners-token-reveal');
    const listed = await gql<{ listBookings: { items: { partnerId: string | null }[] } }>(
      stack,
      { token },
      listBookings,
      { limit: 20 },
    );
    const booked = await gql(stack, { token }, bookCourier, bookingInput(stack));
    await page.click('[data-testid="token-reveal-done"]');
    await page.reload();
    await page.waitForSelector(`[data-testid="token-row"][data-token-id="${tokenId}"]`);
    const html = await page.content();
    const tokenRow = page.locator(`[data-testid="token-row"][data-token-id="${tokenId}"]`);

    // Assess
    expect(scopesError).toMatch(/^Scopes: tick at least one/);
    expect(otherScopes).toEqual([false, false]);
    expect(daysBetween(companyDay(stack), expiresOn)).toBe(90);
    expect(token).toMatch(new RegExp(`^cvb_${tokenId}_[A-Za-z0-9_-]{43,}$`));
    expect(warning).toContain('it will not be shown again');
    expect(copied).toBe(token);
    expect(listed.status).toBe(200);
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.listBookings.items.every((b) => b.partnerId === PARTNER_ID)).toBe(true);
    expect(booked.errors?.[0]?.errorType).toBe('ForbiddenError');
    expect(booked.errors?.[0]?.message).toContain('bookings:write');
    // The whole secret: base64url, so it may hold '_' itself (split('_') once gave one letter, found in the page).
    expect(html).not.toContain(token.slice(`cvb_${tokenId}_`.length));
    expect(await page.locator('[data-testid="token-reveal"]').count()).toBe(0);
    expect(await tokenRow.getAttribute('data-status')).toBe('active');
    expect(await tokenRow.textContent()).toContain('bookings:read');
    expect(await tokenRow.textContent()).not.toContain('bookings:write');
    expect(await tokenRow.textContent()).toContain('60/min');
    expect(await tokenRow.textContent()).not.toContain('No recent calls');
  });

  it('shows those calls in the partner’s audit trail and in the day’s trail across partners', async () => {
    // Act
    const rows = page.locator('[data-testid="audit-row"]');
    await rows.first().waitFor();
    const partnerCalls = await rows.evaluateAll((els) =>
      els.map(
        (el) =>
          `${el.getAttribute('data-source')} ${el.getAttribute('data-operation')} ${el.getAttribute('data-outcome')}`,
      ),
    );
    const firstRowText = await rows.first().textContent();
    await page.locator('#audit-title').scrollIntoViewIfNeeded();
    await shot('partners-detail-audit');
    await page.goto(`${stack.webUrl}/partners?view=audit`);
    const dayRows = page.locator(`[data-testid="audit-row"]`);
    await dayRows.first().waitFor({ timeout: 15_000 });
    const dayText = await page.locator('[data-testid="audit-table"]').textContent();
    await shot('partners-audit-all');

    // Assess
    expect(partnerCalls).toEqual(['graphql bookCourier ForbiddenError', 'graphql listBookings ok']);
    expect(firstRowText).toContain('Warehouse feed');
    expect(firstRowText).toMatch(/[0-9a-f]{12}…/);
    expect(firstRowText).toMatch(/\d+ ms/);
    expect(dayText).toContain(PARTNER_ID);
    expect(dayText).toContain('Northwind Traders');
    expect(dayText).toContain('listBookings');
  });

  it('revokes the token after confirmation, and the token is refused from then on', async () => {
    // Prepare
    await page.goto(`${stack.webUrl}/partners/${PARTNER_ID}`);
    const tokenRow = page.locator(`[data-testid="token-row"][data-token-id="${tokenId}"]`);
    await tokenRow.waitFor();

    // Act
    await tokenRow.locator('[data-testid="token-revoke"]').click();
    await page.waitForSelector('[data-testid="revoke-dialog"][open]');
    await shot('partners-revoke-dialog');
    await page.click('[data-testid="revoke-confirm"]');
    await expect.poll(() => tokenRow.getAttribute('data-status')).toBe('revoked');
    await shot('partners-revoked');
    // An authorization already given may stay cached up to the authorizer's TTL; after it, the token is refused.
    await expect
      .poll(async () => (await gql(stack, { token }, listBookings, { limit: 1 })).status, {
        timeout: (AUTHORIZER_TTL_SECONDS + 10) * 1000,
        interval: 2000,
      })
      .toBe(401);

    // Assess
    expect(await page.locator('[data-testid="revoke-dialog"]').count()).toBe(0);
    expect(await tokenRow.locator('[data-testid="token-revoke"]').count()).toBe(0);
    const answer = await gql(stack, { token }, listBookings, { limit: 1 });
    expect(answer.errors?.[0]?.errorType).toBe('UnauthorizedException');
    expect(consoleErrors).toEqual([]);
  });
});
