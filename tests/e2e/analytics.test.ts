// The analytics pages in headless Chromium: each view of the seeded 60 days, its figures the API's, its CSV;
// a partner user's own analytics only. Screenshots of every view go to tests/artifacts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Stack } from '../../src/local/stack';
import {
  alertSettings,
  submitFeedback,
  updateAlertSettings,
  analyticsBot,
  analyticsLex,
  analyticsFeedback,
  analyticsHeatMap,
  analyticsRegions,
  analyticsVolumes,
  partnerAnalytics,
  type AnalyticsBotQuery,
  type AnalyticsLexQuery,
  type AnalyticsFeedbackQuery,
  type AnalyticsHeatMapQuery,
  type AnalyticsRegionsQuery,
  type AnalyticsVolumesQuery,
  type PartnerAnalyticsQuery,
} from '../../src/generated/graphql';
import { addDays, weekOf } from '../../src/core/business-calendar';
import { as, companyDay, DEMO_PASSWORD, gql, startTestStack } from '../support/test-stack';
import { ARTIFACTS, launchBrowser, signInAt } from '../support/browser';
import { extractPdfText } from '../support/pdf-text';

let stack: Stack;
let browser: Browser;
let page: Page;
let range: { from: string; to: string };
const consoleErrors: string[] = [];

beforeAll(async () => {
  // The voicebot is provisioned into the emulated Connect instance, so a simulated call reaches Lex.
  stack = await startTestStack({ web: 'static', provisionVoicebot: true });
  const today = companyDay(stack);
  range = { from: addDays(today, -59), to: today };
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1100 }, acceptDownloads: true });
  page.on('console', (m) => {
    if (m.type() === 'error' && !/tile|Failed to load resource/i.test(m.text())) consoleErrors.push(m.text());
  });
  await signInAt(page, `${stack.webUrl}/analytics/volumes`, 'admin@example.com', DEMO_PASSWORD);
  await page.waitForSelector('[data-testid="analytics-volumes"]', { timeout: 30_000 });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const text = async (selector: string) => (await page.textContent(selector))?.trim() ?? '';
const shoot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `analytics-${name}.png`), fullPage: true });

async function open(view: string): Promise<void> {
  await page.click(`a[href="/analytics/${view}"]`);
  await page.waitForSelector(`[data-testid="analytics-${view}"] .analytics__body`, { timeout: 20_000 });
}

describe('analytics pages', () => {
  it('volumes: the 60 days by channel, the totals the API gives, and a CSV of the table', async () => {
    // Prepare
    const admin = await as(stack, 'admin@example.com');
    const api = await gql<AnalyticsVolumesQuery>(stack, admin, analyticsVolumes, { ...range, granularity: 'DAY' });

    // Act
    await page.waitForSelector('[data-testid="chart-volumes"] .recharts-bar-rectangle');
    const download = page.waitForEvent('download');
    await page.click('[data-testid="csv-volumes"]');
    const csv = await readFile((await (await download).path())!, 'utf8');
    await shoot('volumes');

    // Assess
    const total = api.data!.analyticsVolumes.total;
    expect(await text('[data-testid="tile-bookings-value"]')).toBe(String(total.bookings));
    expect(await text('[data-testid="tile-delivered-value"]')).toBe(String(total.delivered));
    expect(await page.locator('[data-testid="table-volumes"] tbody tr').count()).toBe(60);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^start,end,bookings,delivered/);
    expect(lines).toHaveLength(61);
    const csvTotal = lines.slice(1).reduce((s, l) => s + Number(l.split(',')[2]), 0);
    expect(csvTotal).toBe(total.bookings);
  });

  it('volumes by week', async () => {
    // Act
    await page.selectOption('[data-testid="analytics-granularity"]', 'WEEK');
    await page.click('[data-testid="analytics-apply"]');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="table-volumes"] tbody tr').length < 12,
      undefined,
      { timeout: 15_000 },
    );
    await shoot('volumes-weekly');

    // Assess
    expect(await page.locator('[data-testid="table-volumes"] tbody tr').count()).toBeGreaterThanOrEqual(9);
    await page.selectOption('[data-testid="analytics-granularity"]', 'DAY');
    await page.click('[data-testid="analytics-apply"]');
  });

  it('times by region: the map and the table with the API figures', async () => {
    // Prepare
    const api = await gql<AnalyticsRegionsQuery>(stack, await as(stack, 'admin@example.com'), analyticsRegions, range);

    // Act
    await open('regions');
    await page.waitForSelector('[data-testid="region-map"] .leaflet-overlay-pane canvas');
    await shoot('regions');

    // Assess
    const downtown = api.data!.analyticsRegions.regions.find((r) => r.regionId === 'downtown')!;
    const row = await text('[data-testid="region-downtown"]');
    expect(row).toContain('Downtown');
    expect(row).toContain(`${Math.round(downtown.onTimeRate! * 100)}%`);
    expect(Number(await page.getAttribute('[data-testid="region-map-legend"]', 'data-markers'))).toBeGreaterThan(20);
    // Figures over the whole range: the range is offered, a granularity is not.
    expect(await page.locator('[data-testid="analytics-range"]').count()).toBe(1);
    expect(await page.locator('[data-testid="analytics-granularity"]').count()).toBe(0);
  });

  it('feedback: ratings and categories, and the comments behind a figure', async () => {
    // Prepare
    const api = await gql<AnalyticsFeedbackQuery>(stack, await as(stack, 'admin@example.com'), analyticsFeedback, {
      ...range,
      granularity: 'DAY',
    });
    const late = api.data!.analyticsFeedback.total.categories.find((c) => c.category === 'LATE_DELIVERY')!;

    // Act
    await open('feedback');
    await page.click('[data-testid="category-LATE_DELIVERY"]');
    await page.waitForSelector('[data-testid="comments"] [data-testid="comment"], [data-testid="comments"] p');
    await shoot('feedback');

    // Assess
    expect(await text('[data-testid="tile-feedback-value"]')).toBe(String(api.data!.analyticsFeedback.total.feedback));
    expect(await page.locator('[data-testid="comment"]').count()).toBe(Math.min(late.count, 25));
  });

  it('routes: suggestions or the reason there are none, corridors and hours', async () => {
    // Act
    await open('routes');
    await page.waitForSelector('[data-testid="chart-hours"] .recharts-bar-rectangle');
    await shoot('routes');

    // Assess
    expect(await page.locator('[data-testid="table-corridors"] tbody tr').count()).toBeGreaterThan(3);
    expect(
      (await page.locator('[data-testid="suggestion"]').count()) +
        (await page.locator('[data-testid="no-suggestions"]').count()),
    ).toBeGreaterThan(0);
  });

  it('heat map: density drawn on the canvas layer, and coverage per cell', async () => {
    // Prepare
    const api = await gql<AnalyticsHeatMapQuery>(stack, await as(stack, 'admin@example.com'), analyticsHeatMap, range);

    // Act
    await open('heat-map');
    await page.waitForSelector('canvas.heat-layer[data-points]');
    const drawn = Number(await page.getAttribute('canvas.heat-layer', 'data-points'));
    await shoot('heat-map');
    await page.click('[data-testid="coverage-mode"]');
    await page.waitForSelector('[data-testid="heat-map-coverage"] .leaflet-overlay-pane canvas');
    await page.waitForTimeout(300);
    await shoot('coverage');

    // Assess
    expect(await text('[data-testid="tile-delivered-value"]')).toBe(String(api.data!.analyticsHeatMap.delivered));
    expect(drawn).toBeGreaterThan(10);
    expect(drawn).toBeLessThanOrEqual(api.data!.analyticsHeatMap.cells.length);
  });

  it('partners: every partner for the admin', async () => {
    // Act
    await open('partners');
    await page.waitForSelector('[data-testid="table-partners"]');
    await shoot('partners');

    // Assess
    expect(await page.locator('[data-testid="partner-acme"]').count()).toBe(1);
    expect(await page.locator('[data-testid="partner-globex"]').count()).toBe(1);
    expect(consoleErrors).toEqual([]);
  });

  it("voicebot: the calls the code hook recorded, by outcome, with missed utterances, and Lex's own count beside them", async () => {
    // Prepare: one phone call through the call simulator (Connect → Lex → the code hook).
    const simulator = stack.outputs.custom.callSimulator!;
    const post = async (path: string, body: unknown) =>
      (await (
        await fetch(`${simulator.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json()) as { call: { contactId: string; state: string } };
    const started = await post('/calls', { from: '+12065550188', phoneNumber: simulator.phoneNumber });
    for (const line of ['I want to track a parcel', "I don't have it", 'no thanks, goodbye'])
      if ((await post(`/calls/${started.call.contactId}/say`, { text: line })).call.state !== 'IN_BOT') break;
    await stack.flushChangeFeed();
    const admin = await as(stack, 'admin@example.com');
    const api = await gql<AnalyticsBotQuery>(stack, admin, analyticsBot, { ...range, granularity: 'DAY' });
    const lex = await gql<AnalyticsLexQuery>(stack, admin, analyticsLex, range);

    // Act
    await open('voicebot');
    await page.waitForSelector('[data-testid="chart-bot"] .recharts-bar-rectangle');
    await page.waitForSelector('[data-testid="table-lex"]');
    await shoot('voicebot');
    const download = page.waitForEvent('download');
    await page.click('[data-testid="csv-voicebot-lex-stages"]');
    const stagesCsv = await readFile((await (await download).path())!, 'utf8');

    // Assess
    expect(lex.data!.analyticsLex.state).toBe('AVAILABLE');
    expect(lex.data!.analyticsLex.conversations).toBeGreaterThanOrEqual(1);
    expect(await text('[data-testid="lex-conversations-lex"]')).toBe(String(lex.data!.analyticsLex.conversations));
    expect(await text('[data-testid="lex-conversations-hook"]')).toBe(String(api.data!.analyticsBot.total.calls));
    expect(await page.locator('[data-testid="table-lex-intents"] tbody tr').count()).toBe(
      lex.data!.analyticsLex.intents.length,
    );
    // Lex's intent stages, the most re-asked first: the call was asked for its booking reference.
    const stages = lex.data!.analyticsLex.stages;
    expect(stages.some((st) => st.intent === 'TrackDelivery' && st.stage === 'BookingReference')).toBe(true);
    const rows = page.locator('[data-testid="table-lex-stages"] tbody tr');
    expect(await rows.count()).toBe(stages.length);
    expect((await rows.first().locator('td').allTextContents()).map((c) => c.trim())).toEqual([
      stages[0]!.stage,
      stages[0]!.intent,
      String(stages[0]!.count),
      String(stages[0]!.retried),
      String(stages[0]!.dropped),
    ]);
    const csvLines = stagesCsv.trim().split('\r\n');
    expect(csvLines[0]).toBe('intent,stage,reached,success,failed,dropped,retried');
    expect(csvLines).toHaveLength(stages.length + 1);
    expect(csvLines.slice(1).reduce((sum, l) => sum + Number(l.split(',')[6]), 0)).toBe(
      stages.reduce((sum, st) => sum + st.retried, 0),
    );
    const total = api.data!.analyticsBot.total;
    expect(await text('[data-testid="tile-calls-value"]')).toBe(String(total.calls));
    expect(await text('[data-testid="tile-containment-value"]')).toBe(`${Math.round(total.containmentRate! * 100)}%`);
    expect(await page.locator('[data-testid="table-missed"] tr').count()).toBe(
      api.data!.analyticsBot.missedUtterances.length,
    );
  });

  it('executive summaries: generate one now for a chosen week and list it with its PDF', async () => {
    // Prepare: a week three weeks back, which the weekly schedule has not made
    const week = weekOf(addDays(companyDay(stack), -21));
    const volumes = await gql<AnalyticsVolumesQuery>(stack, await as(stack, 'admin@example.com'), analyticsVolumes, {
      from: week,
      to: addDays(week, 6),
      granularity: 'WEEK',
    });
    await open('summaries');
    expect(await page.locator(`[data-testid="summary-${week}"]`).count()).toBe(0);
    // Summaries are listed by week, each with its own: the page's range and granularity are not offered.
    expect(await page.locator('[data-testid="analytics-range"]').count()).toBe(0);

    // Act
    await page.fill('[data-testid="summary-week"]', addDays(week, 2));
    await page.click('[data-testid="summary-generate"]');
    await page.waitForSelector(`[data-testid="summary-${week}"]`, { timeout: 20_000 });
    await page.waitForSelector('[data-testid="summary-generate"]:not([disabled])');
    await shoot('summaries');
    const row = text(`[data-testid="summary-${week}"] td`);
    const href = await page.getAttribute(`[data-testid="summary-${week}"] a`, 'href');
    const pdf = await fetch(href!);

    // Assess
    expect(await row).toBe(`${week} – ${addDays(week, 6)}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('pdf');
    const lines = extractPdfText(new Uint8Array(await pdf.arrayBuffer()))
      .join('\n')
      .split('\n');
    const bookings = lines.indexOf('Bookings');
    expect(bookings).toBeGreaterThan(0);
    expect(lines[bookings + 1]).toBe(String(volumes.data!.analyticsVolumes.total.bookings));
    expect(await page.textContent('[data-testid="summary-generate"]')).toBe('Generate now');
  });

  it('a complaint spike and a late delivery raise alerts on the open dashboard, live', async () => {
    // Prepare: the dashboard open on today, the thresholds low, a booking with an ETA.
    const admin = await as(stack, 'admin@example.com');
    await page.click('a[href="/dashboard"]');
    await page.waitForSelector('[data-testid="dashboard"] [data-testid="system-health"]', { timeout: 20_000 });
    await page.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));
    const current = await gql<{ alertSettings: { version: number } }>(stack, admin, alertSettings);
    await gql(stack, admin, updateAlertSettings, {
      complaintRateThreshold: 0.05,
      minFeedback: 1,
      lateGraceMinutes: 5,
      expectedVersion: current.data!.alertSettings.version,
    });
    const delivered = (
      await stack.deps.bookings.query({ by: 'day', day: companyDay(stack) }, { limit: 100 })
    ).items.find((b) => b.status === 'DELIVERED')!;
    const open = (await stack.deps.bookings.query({ by: 'day', day: companyDay(stack) }, { limit: 100 })).items.find(
      (b) => b.eta && b.status !== 'DELIVERED' && b.status !== 'CANCELLED',
    )!;

    // Act
    await gql(stack, admin, submitFeedback, {
      bookingReference: delivered.reference,
      type: 'COMPLAINT',
      rating: 1,
      text: 'Nobody came and nobody called.',
      complaintCategory: 'LATE_DELIVERY',
      severity: 'MEDIUM',
    });
    await page.waitForSelector('[data-testid="service-alert"][data-kind="COMPLAINT_RATE"]', { timeout: 20_000 });
    const complaintText = await text('[data-testid="service-alert"][data-kind="COMPLAINT_RATE"]');
    await stack.checkLateDeliveries(new Date(Date.parse(open.eta!) + 30 * 60_000));
    await page.waitForSelector('[data-testid="service-alert"][data-kind="LATE_DELIVERY"]', { timeout: 20_000 });
    await page.locator('[data-testid="service-alerts"]').screenshot({ path: join(ARTIFACTS, 'analytics-alerts.png') });

    // Assess: no reload happened, and both alerts name what they are about.
    expect(await page.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(true);
    expect(complaintText).toContain(companyDay(stack));
    const shown = await page.locator('[data-testid="service-alert"]').count();
    expect(shown).toBeGreaterThanOrEqual(2);
    expect(shown).toBeLessThanOrEqual(8);
  });

  it("a partner user sees its own partner's analytics and no other", async () => {
    // Prepare
    const api = await gql<PartnerAnalyticsQuery>(
      stack,
      await as(stack, 'partner@example.com'),
      partnerAnalytics,
      range,
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const partnerPage = await context.newPage();

    // Act
    await signInAt(partnerPage, stack.webUrl, 'partner@example.com', DEMO_PASSWORD);
    await partnerPage.waitForSelector('[data-testid="partner-analytics"] [data-testid="table-partners"]', {
      timeout: 30_000,
    });
    await partnerPage
      .locator('[data-testid="partner-analytics"]')
      .screenshot({ path: join(ARTIFACTS, 'analytics-partner-user.png') });
    const rows = await partnerPage.locator('[data-testid="table-partners"] tbody tr').allTextContents();
    // The partner's figures are over the range: a range is offered, a granularity is not.
    const filters = {
      range: await partnerPage.locator('[data-testid="analytics-range"]').count(),
      granularity: await partnerPage.locator('[data-testid="analytics-granularity"]').count(),
    };
    await context.close();

    // Assess
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('Acme');
    expect(rows[0]).toContain(String(api.data!.partnerAnalytics[0]!.bookings));
    expect(rows.join(' ')).not.toContain('Globex');
    expect(filters).toEqual({ range: 1, granularity: 0 });
  });
});
