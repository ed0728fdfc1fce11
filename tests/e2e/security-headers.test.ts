// The web app under the cloud's security headers (issue 13, 7): the production build, served with CloudFront's
// header set and a Content-Security-Policy naming the local endpoints, works on every page — sign-in, each admin
// page, the courier's three tabs and public tracking — with no policy violation, and refuses to be framed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Stack } from '../../src/local/stack';
import { DEMO_PASSWORD, startTestStack } from '../support/test-stack';
import { blankMapTiles, launchBrowser, signInAt } from '../support/browser';

let stack: Stack;
let browser: Browser;
const contexts: BrowserContext[] = [];
/** Every violation a page reported (the securitypolicyviolation event) and every console error naming the policy. */
const violations: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ web: 'static' });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await stack?.close();
});

async function newPage(viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  await blankMapTiles(context);
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __violations: string[] }).__violations ??= [];
      (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return page;
}

async function visit(page: Page, path: string, ready: string): Promise<void> {
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForSelector(ready, { timeout: 30_000 });
  // Let lazy chunks, sockets and tiles start.
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  const seen = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
  violations.push(...seen.map((v) => `${path}: ${v}`));
  await page.evaluate(() => ((window as unknown as { __violations: string[] }).__violations = []));
}

describe('the web app under its security headers', () => {
  it('sends the policy and the header set with the page', async () => {
    const response = await fetch(`${stack.webUrl}/bookings`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain(`connect-src 'self' ${stack.webUrl} ${stack.webUrl.replace('http', 'ws')}`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=63072000');
  });

  it('runs every admin page with no policy violation', async () => {
    violations.length = 0;
    const page = await newPage();
    await signInAt(page, `${stack.webUrl}/bookings`, 'admin@example.com', DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="bookings-table"]', { timeout: 30_000 });
    await page.waitForSelector('[data-testid="live-indicator"][data-state="live"]', { timeout: 15_000 });
    await visit(page, '/dashboard', '[data-testid="kpi-bookings-value"]');
    await visit(page, '/map', '[data-testid="map-total"]');
    await visit(page, '/reports', '[data-testid="report-filters"]');
    await visit(page, '/analytics', 'main h1:text-is("Analytics")');
    await visit(page, '/couriers', 'main h1:text-is("Couriers")');
    await visit(page, '/messages', 'main h1:text-is("Messages")');
    await visit(page, '/partners', 'main h1:text-is("Partners")');
    await visit(page, '/voicebot', 'main h1:text-matches("voicebot", "i")');
    await visit(page, '/settings', 'main h1:text-is("Settings")');
    expect(violations).toEqual([]);
  });

  it("runs the courier's tabs and public tracking with no policy violation", async () => {
    violations.length = 0;
    const phone = await newPage({ width: 390, height: 844 });
    await signInAt(phone, `${stack.webUrl}/today`, 'courier7@example.com', DEMO_PASSWORD);
    await phone.waitForSelector('[data-testid="deliveries-title"]', { timeout: 30_000 });
    await visit(phone, '/route', '[data-testid="route-page"]');
    await visit(phone, '/performance', 'main h1:text-is("My performance")');
    const [seeded] = (await stack.deps.bookings.query({ by: 'partner', partnerId: 'acme' }, { limit: 1 })).items;
    const tracker = await newPage({ width: 390, height: 844 });
    await tracker.goto(`${stack.webUrl}/track/${seeded!.reference}`);
    await tracker.waitForSelector('[data-testid="tracking-timeline"]', { timeout: 30_000 });
    violations.push(
      ...(await tracker.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])),
    );
    expect(violations).toEqual([]);
  });

  it('cannot be framed by another page', async () => {
    const page = await newPage();
    await page.setContent(`<iframe id="app" src="${stack.webUrl}/track/ABC-DEF-G"></iframe>`);
    const frame = await (await page.waitForSelector('#app')).contentFrame();
    // A refused frame stays on an error page: the app's root never renders in it.
    await page.waitForTimeout(1_000);
    expect(await frame?.$('#root')).toBeNull();
  });
});
