import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../core/business-calendar';
import type { Booking, Courier } from '../../core/model';
import { startStack, type Stack } from '../stack';
import { testCompanyTimeZone } from '../../../tests/support/test-stack';

const SIMULATED = 5;

async function couriersById(stack: Stack): Promise<Map<string, Courier>> {
  const page = await stack.deps.couriers.list({ limit: 100 });
  return new Map(page.items.map((c) => [c.id, c]));
}

async function bookingsAround(stack: Stack, now: number): Promise<Booking[]> {
  const all: Booking[] = [];
  for (let d = -2; d <= 1; d++) {
    const day = addDays(stack.deps.calendar.dayOf(now), d);
    all.push(...(await stack.deps.bookings.query({ by: 'day', day }, { limit: 1000 })).items);
  }
  return all;
}

describe('fleet simulator in the local stack', () => {
  let stack: Stack;
  let started: number;
  let before: Map<string, Courier>;

  beforeAll(async () => {
    started = Date.now();
    stack = await startStack({
      gatewayPort: 0,
      webPort: 0,
      demoPassword: 'Demo-Courier-2026!',
      seed: true,
      web: 'none',
      timeZone: testCompanyTimeZone(),
      simulator: { couriers: SIMULATED, speedUp: 300, tickMs: 400, newBookingEveryMs: false, seed: 42 },
    });
    before = await couriersById(stack);
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  }, 30_000);

  it('moves couriers and advances their deliveries through the core, as the couriers', async () => {
    // Prepare
    const simulated = [...before.keys()].sort().slice(0, SIMULATED);
    let moved: string[] = [];
    let advanced: Booking[] = [];

    // Act: poll until both have happened (or 20 s pass).
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && (moved.length === 0 || advanced.length === 0)) {
      await new Promise((r) => setTimeout(r, 500));
      const now = await couriersById(stack);
      moved = simulated.filter((id) => {
        const a = before.get(id)?.lastLocation;
        const b = now.get(id)?.lastLocation;
        return b !== undefined && (a === undefined || a.lat !== b.lat || a.lng !== b.lng);
      });
      advanced = (await bookingsAround(stack, Date.now())).filter((b) =>
        b.history.some((e) => Date.parse(e.at) >= started && e.actor.type === 'COURIER'),
      );
    }
    await stack.flushChangeFeed();

    // Assess
    expect(moved.length).toBeGreaterThan(0);
    expect(advanced.length).toBeGreaterThan(0);
    for (const b of advanced) {
      const fresh = b.history.filter((e) => Date.parse(e.at) >= started);
      expect(simulated).toContain(b.courierId);
      expect(fresh.every((e) => e.actor.type === 'COURIER' && e.actor.id === b.courierId)).toBe(true);
      expect(fresh.every((e) => e.location !== undefined)).toBe(true);
    }
    expect(stack.simulator?.stats()).toMatchObject({ couriers: SIMULATED });
    expect(stack.simulator!.stats().statusChanges).toBeGreaterThan(0);
  }, 60_000);
});
