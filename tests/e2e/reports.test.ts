// Booking reports in headless Chromium: a filtered range over the seeded days, the paginated table, and a
// downloaded CSV and PDF holding exactly the rows the API returns for that filter (the PDF read by its text).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Booking } from '../../src/core/model';
import { addDays } from '../../src/core/business-calendar';
import type { Stack } from '../../src/local/stack';
import { listBookings } from '../../src/generated/graphql';
import { CSV_COLUMNS } from '../../src/web/features/reports/components/report-csv';
import { as, companyDay, DEMO_PASSWORD, gql, startTestStack } from '../support/test-stack';
import { ARTIFACTS, launchBrowser, signInAt } from '../support/browser';
import { extractPdfText } from '../support/pdf-text';
import { serviceRegionOf } from '../../src/core/geo/service-regions';

let stack: Stack;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  stack = await startTestStack({ web: 'static' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** The company day n days before today. */
const dayBefore = (n: number) => addDays(companyDay(stack), -n);

/** What the API holds for the filter, day by day, every page. */
async function bookingsOn(days: string[], filter: Record<string, string>): Promise<Booking[]> {
  const admin = await as(stack, 'admin@example.com');
  const bookings: Booking[] = [];
  for (const day of days) {
    let nextToken: string | null = null;
    do {
      const r: { data?: { listBookings: { items: Booking[]; nextToken: string | null } } | null } = await gql(
        stack,
        admin,
        listBookings,
        { day, ...filter, limit: 100, nextToken },
      );
      bookings.push(...r.data!.listBookings.items);
      nextToken = r.data!.listBookings.nextToken;
    } while (nextToken);
  }
  return bookings;
}

/** The references of those bookings that `keep` keeps: the rows the export must match. */
async function expectedReferences(
  days: string[],
  filter: Record<string, string>,
  keep: (b: Booking) => boolean = () => true,
): Promise<string[]> {
  return (await bookingsOn(days, filter)).filter(keep).map((b) => b.reference);
}

/** Splits a CSV into rows of cells (RFC 4180 quoting). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r') continue;
    else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

describe('reports', () => {
  it('filters a range, pages the table and exports exactly the filtered rows as CSV', async () => {
    // Prepare: the last five days, delivered only.
    const days = [dayBefore(5), dayBefore(4), dayBefore(3), dayBefore(2), dayBefore(1)];
    const expected = await expectedReferences(days, { status: 'DELIVERED' });
    await signInAt(page, `${stack.webUrl}/reports`, 'admin@example.com', DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="report-filters"]', { timeout: 30_000 });

    // Act
    await page.fill('[data-testid="report-from"]', days[0]!);
    await page.fill('[data-testid="report-to"]', days[4]!);
    await page.selectOption('[data-testid="report-status"]', 'DELIVERED');
    await page.click('[data-testid="report-run"]');
    await page.waitForSelector('[data-testid="report-table"]', { timeout: 30_000 });
    const firstPage = await page.$$eval('[data-testid="report-row"]', (rows) =>
      rows.map((r) => r.getAttribute('data-reference')!),
    );
    await page.click('[data-testid="report-next"]');
    const secondPage = await page.$$eval('[data-testid="report-row"]', (rows) =>
      rows.map((r) => r.getAttribute('data-reference')!),
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(ARTIFACTS, 'reports.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-csv"]')]);
    const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-pdf"]')]);
    const pdfText = extractPdfText(await readFile((await pdfDownload.path())!)).join('\n');

    // Assess
    expect(expected.length).toBeGreaterThan(25);
    expect(Number(await page.getAttribute('[data-testid="report-table"]', 'data-count'))).toBe(expected.length);
    expect(firstPage).toEqual(expected.slice(0, 25));
    expect(secondPage).toEqual(expected.slice(25, 50));
    expect(download.suggestedFilename()).toBe(`bookings-${days[0]}-to-${days[4]}.csv`);
    expect(csv[0]).toEqual([...CSV_COLUMNS]);
    const body = csv.slice(1);
    expect(body.map((row) => row[0])).toEqual(expected);
    expect(new Set(body.map((row) => row[2]))).toEqual(new Set(['DELIVERED']));
    expect(body.every((row) => row.length === CSV_COLUMNS.length)).toBe(true);
    expect(body.every((row) => days.includes(row[1]!))).toBe(true);
    expect(pdfDownload.suggestedFilename()).toBe(`bookings-${days[0]}-to-${days[4]}.pdf`);
    expect(pdfText).toContain(`Bookings report: ${days[0]} to ${days[4]}`);
    expect(pdfText).toContain('Filters: status Delivered');
    expect(pdfText).toContain(`Bookings: ${expected.length}`);
    expect(pdfText.match(/[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]/g)).toEqual(expected);
    expect(consoleErrors).toEqual([]);
  });

  it('narrows to one courier and refuses a reversed range with what to do', async () => {
    // Prepare
    const days = [dayBefore(3), dayBefore(2), dayBefore(1)];
    // A courier with deliveries on those days: the seed spreads past days' bookings over the couriers at random,
    // differently for each date, so any one courier may have none.
    const courierId = (await bookingsOn(days, {})).find((b) => b.courierId)!.courierId!;
    const expected = await expectedReferences(days, { courierId });

    // Act
    await page.fill('[data-testid="report-from"]', days[0]!);
    await page.fill('[data-testid="report-to"]', days[2]!);
    await page.selectOption('[data-testid="report-status"]', '');
    await page.selectOption('[data-testid="report-courier"]', courierId);
    await page.click('[data-testid="report-run"]');
    await expect
      .poll(async () => Number(await page.getAttribute('[data-testid="report-table"]', 'data-count')), {
        timeout: 15_000,
      })
      .toBe(expected.length);
    await page.fill('[data-testid="report-from"]', days[2]!);
    await page.fill('[data-testid="report-to"]', days[0]!);
    await page.click('[data-testid="report-run"]');

    // Assess
    expect(expected.length).toBeGreaterThan(0);
    expect(await page.textContent('[role="alert"]')).toMatch(/end date is before the start date/);
  });

  it('narrows to a delivery region and exports exactly those rows, naming the region', async () => {
    // Prepare
    const days = [dayBefore(6), dayBefore(5), dayBefore(4), dayBefore(3), dayBefore(2), dayBefore(1)];
    const expected = await expectedReferences(
      days,
      {},
      (b) => serviceRegionOf(b.delivery.postcode)?.id === 'west-seattle',
    );

    // Act
    await page.fill('[data-testid="report-from"]', days[0]!);
    await page.fill('[data-testid="report-to"]', days[5]!);
    await page.selectOption('[data-testid="report-courier"]', '');
    await page.selectOption('[data-testid="report-region"]', 'west-seattle');
    await page.click('[data-testid="report-run"]');
    await expect
      .poll(async () => Number(await page.getAttribute('[data-testid="report-table"]', 'data-count')), {
        timeout: 15_000,
      })
      .toBe(expected.length);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-csv"]')]);
    const csv = parseCsv(await readFile((await download.path())!, 'utf8'));
    const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-pdf"]')]);
    const pdfText = extractPdfText(await readFile((await pdfDownload.path())!)).join('\n');

    // Assess
    expect(expected.length).toBeGreaterThan(0);
    expect(csv.slice(1).map((row) => row[0])).toEqual(expected);
    expect(new Set(csv.slice(1).map((row) => row.at(-1)))).toEqual(new Set(['West Seattle']));
    expect(pdfText).toContain('Filters: region West Seattle');
    expect(pdfText.match(/[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]/g)).toEqual(expected);
    expect(await page.isVisible('[data-testid="export-progress"]')).toBe(false);
  });
});
