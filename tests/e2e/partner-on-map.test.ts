// Issue 5's user story end to end: with the demo partner token that `npm start` prints, an MCP client books a
// parcel; it appears on the admin's open map without a reload, named as the partner's; the other demo
// partner cannot see it through MCP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { addDays } from '../../src/core/business-calendar';
import type { Stack } from '../../src/local/stack';
import { companyDay, DEMO_PASSWORD, startTestStack } from '../support/test-stack';
import { join } from 'node:path';
import { ARTIFACTS, launchBrowser, signInAt } from '../support/browser';

const TILE_HOST = 'http://127.0.0.1:9';
let stack: Stack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startTestStack({ web: 'static', mcpPort: 0, mapTileUrl: `${TILE_HOST}/tiles/{z}/{x}/{y}.png` });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function mcpClient(token: string): Promise<Client> {
  const client = new Client({ name: 'partner-e2e', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(stack.mcpUrl!), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

const text = (result: Record<string, unknown>) => (result.content as { type: string; text: string }[])[0]!.text;

describe('a partner booking through MCP', () => {
  it("shows live on the admin's map with the partner's name, and the other partner cannot see it", async () => {
    // Prepare: the admin watches the map on the company day of the pickup, 11 am four days out; the demo
    // tokens as npm start prints them.
    const day = addDays(companyDay(stack), 4);
    const start = stack.deps.calendar.at(day, 11);
    const acme = stack.demoPartnerTokens.find((t) => t.partnerId === 'acme')!;
    const globex = stack.demoPartnerTokens.find((t) => t.partnerId === 'globex')!;
    await signInAt(page, `${stack.webUrl}/map`, 'admin@example.com', DEMO_PASSWORD);
    await page.waitForSelector('[data-testid="live-indicator"][data-state="live"]', { timeout: 30_000 });
    await page.fill('[data-testid="map-day"]', day);
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    // Act
    const partner = await mcpClient(acme.token);
    const booked = await partner.callTool({
      name: 'book_courier',
      arguments: {
        customerName: 'Mina Park',
        customerPhone: '+12065550188',
        pickup: { line1: '1201 3rd Ave', city: 'Seattle', postcode: '98101' },
        delivery: { line1: '2300 NW Market St', city: 'Seattle', postcode: '98107' },
        package: { size: 'SMALL', weightKg: 1.2 },
        pickupWindowStart: start.toISOString(),
        pickupWindowEnd: new Date(start.getTime() + 2 * 3_600_000).toISOString(),
        idempotencyKey: `e2e-${start.getTime()}`,
      },
    });
    const reference = /[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]/.exec(text(booked))![0];
    const tracked = await partner.callTool({ name: 'track_booking', arguments: { reference } });
    const marker = page.locator(`[data-testid="map-marker-${reference}"]`);
    await marker.waitFor({ state: 'attached', timeout: 20_000 });
    const drawn = await marker.evaluate((el) => ({
      x: Number(el.getAttribute('data-x')),
      y: Number(el.getAttribute('data-y')),
    }));
    // Couriers are drawn on every day at their live position; keep one from sitting over the dot clicked.
    await page.addStyleTag({ content: '.leaflet-marker-pane { display: none; }' });
    const box = (await page.locator('[data-testid="global-map"]').boundingBox())!;
    await page.mouse.click(box.x + drawn.x, box.y + drawn.y);
    await page.waitForSelector('[data-testid="map-selection"]');
    const other = await mcpClient(globex.token);
    const refused = await other.callTool({ name: 'get_booking', arguments: { reference } });
    const listed = await other.callTool({ name: 'list_bookings', arguments: { day } });
    await page.screenshot({ path: join(ARTIFACTS, 'partner-booking-on-map.png') });

    // Assess
    expect(booked.isError).toBeFalsy();
    expect(text(tracked)).toContain(`${reference} is BOOKED`);
    expect(await marker.getAttribute('data-status')).toBe('BOOKED');
    expect(await page.textContent('[data-testid="map-selection"]')).toContain(reference);
    expect(await page.textContent('[data-testid="map-selection-origin"]')).toBe('Acme (partner)');
    expect(refused.isError).toBe(true);
    expect(text(refused)).toMatch(/NotFoundError/);
    expect(text(listed)).not.toContain(reference);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    await partner.close();
    await other.close();
  });
});
