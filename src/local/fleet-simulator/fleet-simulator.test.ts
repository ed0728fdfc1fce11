import { describe, expect, it } from 'vitest';
import { bookCourier, assignCourier, updateDeliveryStatus } from '../../core/bookings';
import { admin, courier, makeWorld, validBookingInput } from '../../core/testing/fixtures';
import { createMemoryCourierRepository } from '../../core/testing/memory-repositories';
import { startFleetSimulator, type FleetSimulatorDeps } from './fleet-simulator';

const DOWNTOWN = { lat: 47.6062, lng: -122.3321 };

async function world() {
  const w = makeWorld(11);
  const couriers = createMemoryCourierRepository([
    courier('courier-01', {
      vehicle: 'VAN',
      userSub: 'sub-01',
      lastLocation: { ...DOWNTOWN, at: w.clock.now().toISOString() },
    }),
    courier('courier-02', { vehicle: 'BICYCLE', userSub: 'sub-02' }),
    courier('courier-03', { active: false }),
  ]);
  const deps: FleetSimulatorDeps = { ...w, couriers };
  const booked = await bookCourier(validBookingInput(), admin, deps);
  await assignCourier(booked.reference, 'courier-01', admin, deps);
  return { ...w, couriers, deps, reference: booked.reference };
}

describe('startFleetSimulator', () => {
  it('drives an assigned parcel to delivery through the core, as the courier', async () => {
    // Prepare
    const w = await world();
    const lines: string[] = [];
    const sim = await startFleetSimulator({
      deps: w.deps,
      timer: false,
      speedUp: 120,
      failureRate: 0,
      newBookingEveryMs: false,
      seed: 5,
      log: (l) => lines.push(l),
    });

    // Act: 2 s steps at 120× (4 simulated minutes each) until the parcel is delivered or 200 steps pass.
    for (let i = 0; i < 200; i++) {
      w.clock.advance(2_000);
      await sim.tick();
      if ((await w.bookings.get(w.reference))?.status === 'DELIVERED') break;
    }
    await sim.stop();

    // Assess
    const b = (await w.bookings.get(w.reference))!;
    expect(b.history.map((e) => e.status)).toEqual([
      'BOOKED',
      'COLLECTED',
      'IN_TRANSIT',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
    ]);
    expect(b.history.slice(1).every((e) => e.actor.type === 'COURIER' && e.actor.id === 'courier-01')).toBe(true);
    expect(b.history.at(-1)!.proof?.recipientName).toMatch(/^Grace Hopper/);
    const c1 = (await w.couriers.get('courier-01'))!;
    expect(c1.lastLocation).toMatchObject(b.delivery.point!);
    expect(sim.stats()).toMatchObject({ couriers: 2, statusChanges: 4, delivered: 1, errors: 0 });
    expect(sim.stats().positions).toBeGreaterThan(2);
    expect(lines[0]).toMatch(/2 couriers at 120× speed/);
  });

  it('logs a conflicting admin change, re-plans and carries on instead of failing', async () => {
    // Prepare
    const w = await world();
    const lines: string[] = [];
    const sim = await startFleetSimulator({
      deps: w.deps,
      timer: false,
      speedUp: 120,
      failureRate: 0,
      newBookingEveryMs: false,
      seed: 5,
      log: (l) => lines.push(l),
    });
    w.clock.advance(2_000);
    await sim.tick(); // loads the work, at version 2 (booked, assigned)

    // Act: the admin collects the parcel behind the simulator's back, then the simulator keeps going.
    await updateDeliveryStatus(
      { reference: w.reference, status: 'COLLECTED', note: 'Collected by the office' },
      admin,
      w,
    );
    for (let i = 0; i < 200; i++) {
      w.clock.advance(2_000);
      await sim.tick();
      if ((await w.bookings.get(w.reference))?.status === 'DELIVERED') break;
    }
    await sim.stop();

    // Assess
    const b = (await w.bookings.get(w.reference))!;
    expect(lines.some((l) => /marking .* COLLECTED: ConflictError.*re-planning/.test(l))).toBe(true);
    expect(sim.stats().errors).toBe(1);
    expect(b.history.map((e) => [e.status, e.actor.type])).toEqual([
      ['BOOKED', 'ADMIN'],
      ['COLLECTED', 'ADMIN'],
      ['IN_TRANSIT', 'COURIER'],
      ['OUT_FOR_DELIVERY', 'COURIER'],
      ['DELIVERED', 'COURIER'],
    ]);
  });

  it('books and assigns new demo parcels through the core', async () => {
    // Prepare
    const w = await world();
    const lines: string[] = [];
    const sim = await startFleetSimulator({
      deps: w.deps,
      timer: false,
      newBookingEveryMs: 10_000,
      seed: 9,
      log: (l) => lines.push(l),
    });

    // Act: the first booking is due after 10 s, the second 10 s later.
    for (let i = 0; i < 11; i++) {
      w.clock.advance(2_000);
      await sim.tick();
    }
    await sim.stop();

    // Assess
    const made = w.bookings.all().filter((b) => b.reference !== w.reference);
    expect(made).toHaveLength(2);
    expect(made.every((b) => b.courierId === 'courier-01' || b.courierId === 'courier-02')).toBe(true);
    expect(made.every((b) => b.pickup.precision === 'ADDRESS' && b.delivery.point !== undefined)).toBe(true);
    expect(sim.stats()).toMatchObject({ bookings: 2, errors: 0 });
    expect(lines.filter((l) => l.includes('booked '))).toHaveLength(2);
  });

  it('stops its timer and waits for the step under way', async () => {
    // Prepare
    const w = await world();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const slow: FleetSimulatorDeps = {
      ...w.deps,
      bookings: { ...w.deps.bookings, query: async (q, p) => (await gate, w.deps.bookings.query(q, p)) },
    };
    const sim = await startFleetSimulator({ deps: slow, tickMs: 5, newBookingEveryMs: false });
    await new Promise((r) => setTimeout(r, 30));

    // Act
    let stopped = false;
    const stopping = sim.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    const beforeRelease = stopped;
    release();
    await stopping;
    const ticks = sim.stats().ticks;
    await new Promise((r) => setTimeout(r, 30));

    // Assess
    expect(beforeRelease).toBe(false);
    expect(stopped).toBe(true);
    expect(sim.stats().skippedTicks).toBeGreaterThan(0);
    expect(sim.stats().ticks).toBe(ticks);
  });
});
