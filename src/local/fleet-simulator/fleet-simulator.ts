// The fleet simulator's runner for local mode: on a timer, asks the planner what the couriers do next and
// carries it out through the same core use cases the GraphQL API calls, signed in as each courier, so the
// change feed brings every move and status change to subscribers like a real courier's app would.
import { collectionIssues } from '../../core/company-settings';
import { assignCourier, bookCourier, listBookings, updateDeliveryStatus } from '../../core/bookings';
import { addDays } from '../../core/business-calendar';
import { listCouriers, updateCourierLocation } from '../../core/couriers';
import { isDomainError } from '../../core/errors';
import type { Booking, Courier, Principal } from '../../core/model';
import type { Random } from '../../core/ports';
import { seededRandom } from '../../core/seeded-random';
import type { ApiDeps } from '../../api/deps';
import {
  applyOutcome,
  createFleetState,
  DEFAULT_FLEET_PLAN_CONFIG,
  FLEET_HOME,
  stepFleet,
  type CourierSeed,
  type FleetAction,
  type FleetOutcome,
  type FleetPlanConfig,
  type FleetState,
} from './fleet-plan';

export type FleetSimulatorSettings = {
  /** How many couriers take part (the first active ones by id); default all. */
  couriers?: number;
  /** Wall-clock time between steps; every moving courier reports its position once per step. */
  tickMs?: number;
  speedUp?: number;
  failureRate?: number;
  /** Wall-clock time between new demo bookings; false: none. */
  newBookingEveryMs?: number | false;
  seed?: number;
};

/** The slice of the API's dependencies the simulator uses; the stack passes its ApiDeps. */
export type FleetSimulatorDeps = Pick<
  ApiDeps,
  'bookings' | 'couriers' | 'geocoder' | 'clock' | 'calendar' | 'rules' | 'random' | 'notifier' | 'idempotency'
> &
  Partial<Pick<ApiDeps, 'trackingLinks' | 'onNotifyError'>>;

export type FleetSimulatorOptions = FleetSimulatorSettings & {
  deps: FleetSimulatorDeps;
  log?: (line: string) => void;
  /** False: no timer, the caller drives it with tick() (tests). */
  timer?: boolean;
  /** Wall-clock time between summary lines in the log; false: none. */
  summaryEveryMs?: number | false;
};

export type FleetStats = {
  couriers: number;
  ticks: number;
  skippedTicks: number;
  positions: number;
  statusChanges: number;
  delivered: number;
  failedDeliveries: number;
  bookings: number;
  errors: number;
};

export type FleetSimulator = {
  /** One step: plan, carry out, fold the outcomes back. Overlapping calls are skipped. */
  tick(): Promise<void>;
  /** Stops the timer and waits for the step under way. */
  stop(): Promise<void>;
  stats(): FleetStats;
  state(): FleetState;
};

export const DEFAULT_TICK_MS = 2_000;
/** How many couriers' actions run at once: enough to finish a step well inside a tick, gentle on the gateway. */
const CONCURRENCY = 6;
const SIMULATOR_ADMIN: Principal = { role: 'ADMIN', sub: 'fleet-simulator', name: 'Fleet simulator' };
const LOOK_BACK_DAYS = 2;
const LOOK_AHEAD_DAYS = 1;

function planConfig(settings: FleetSimulatorSettings): FleetPlanConfig {
  return {
    ...DEFAULT_FLEET_PLAN_CONFIG,
    ...(settings.speedUp !== undefined ? { speedUp: settings.speedUp } : {}),
    ...(settings.failureRate !== undefined ? { failureRate: settings.failureRate } : {}),
    ...(settings.newBookingEveryMs !== undefined ? { newBookingEveryMs: settings.newBookingEveryMs } : {}),
  };
}

async function activeCouriers(deps: FleetSimulatorDeps): Promise<Courier[]> {
  const all: Courier[] = [];
  let nextToken: string | undefined;
  do {
    const page = await listCouriers({ limit: 100, nextToken }, SIMULATOR_ADMIN, deps);
    all.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken !== undefined);
  return all.filter((c) => c.active).sort((a, b) => a.id.localeCompare(b.id));
}

function principalOf(courier: { id: string; sub: string; name: string }): Principal {
  return { role: 'COURIER', sub: courier.sub, courierId: courier.id, name: courier.name };
}

function describe(e: unknown): string {
  if (isDomainError(e)) return `${e.name}: ${e.message}`;
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** Loads the couriers and starts stepping; resolves once the fleet is known. */
export async function startFleetSimulator(options: FleetSimulatorOptions): Promise<FleetSimulator> {
  const { deps } = options;
  const log = options.log ?? (() => {});
  const config = planConfig(options);
  const tickMs = options.tickMs ?? DEFAULT_TICK_MS;
  const random: Random = seededRandom(options.seed ?? deps.clock.now().getTime());
  const couriers = (await activeCouriers(deps)).slice(0, options.couriers ?? Infinity);
  const seeds: CourierSeed[] = couriers.map((c) => ({
    id: c.id,
    name: c.name,
    sub: c.userSub ?? `fleet-simulator:${c.id}`,
    vehicle: c.vehicle,
    position: c.lastLocation ? { lat: c.lastLocation.lat, lng: c.lastLocation.lng } : { ...FLEET_HOME },
  }));
  let state = createFleetState(seeds, deps.clock.now().getTime(), config);
  const byId = new Map(seeds.map((s) => [s.id, s]));
  const stats: FleetStats = {
    couriers: seeds.length,
    ticks: 0,
    skippedTicks: 0,
    positions: 0,
    statusChanges: 0,
    delivered: 0,
    failedDeliveries: 0,
    bookings: 0,
    errors: 0,
  };

  const fail = (what: string, e: unknown): void => {
    stats.errors++;
    log(`[simulator] ${what}: ${describe(e)} — re-planning`);
  };

  async function loadWork(courierId: string): Promise<Booking[]> {
    const courier = byId.get(courierId);
    if (!courier) return [];
    const now = deps.clock.now().getTime();
    const found: Booking[] = [];
    for (let d = -LOOK_BACK_DAYS; d <= LOOK_AHEAD_DAYS; d++) {
      const day = addDays(deps.calendar.dayOf(now), d);
      let nextToken: string | undefined;
      do {
        const page = await listBookings({ day }, { limit: 100, nextToken }, principalOf(courier), deps);
        found.push(...page.items);
        nextToken = page.nextToken;
      } while (nextToken !== undefined);
    }
    return found;
  }

  /** Carries out one action; returns its outcome, or undefined when nothing needs folding back. */
  async function perform(action: FleetAction): Promise<FleetOutcome | undefined> {
    const courier = byId.get(action.courierId);
    if (!courier) return undefined;
    switch (action.kind) {
      case 'load-work':
        try {
          const bookings = await loadWork(action.courierId);
          return { kind: 'work-loaded', courierId: action.courierId, bookings, at: deps.clock.now().getTime() };
        } catch (e) {
          fail(`${action.courierId} could not list their deliveries`, e);
          return { kind: 'action-failed', courierId: action.courierId, action: action.kind };
        }
      case 'report-position':
        try {
          await updateCourierLocation(
            principalOf(courier),
            { lat: action.point.lat, lng: action.point.lng, heading: action.heading, speedKph: action.speedKph },
            deps,
          );
          stats.positions++;
          return undefined;
        } catch (e) {
          fail(`${action.courierId} position report`, e);
          return { kind: 'action-failed', courierId: action.courierId, action: action.kind };
        }
      case 'change-status':
        try {
          const booking = await updateDeliveryStatus(
            {
              reference: action.reference,
              status: action.status,
              location: action.location,
              note: action.note,
              proof: action.proof,
              failureReason: action.failureReason,
              expectedVersion: action.expectedVersion,
            },
            principalOf(courier),
            deps,
          );
          stats.statusChanges++;
          if (action.status === 'DELIVERED') stats.delivered++;
          if (action.status === 'FAILED_DELIVERY') stats.failedDeliveries++;
          return { kind: 'status-changed', courierId: action.courierId, booking };
        } catch (e) {
          fail(`${action.courierId} marking ${action.reference} ${action.status}`, e);
          return {
            kind: 'action-failed',
            courierId: action.courierId,
            action: action.kind,
            reference: action.reference,
          };
        }
      case 'book':
        try {
          // Customers book while the company collects: outside its hours (or after the same-day cut-off) the
          // simulated booking is not made, as no real caller would get one for right now.
          const { pickupWindowStart, pickupWindowEnd } = action.request.input;
          const window = { start: new Date(pickupWindowStart), end: new Date(pickupWindowEnd) };
          if (collectionIssues(await deps.rules.current(), deps.calendar, window, deps.clock.now()).length > 0) {
            return { kind: 'booking-failed' };
          }
          const booked = await bookCourier(action.request.input, SIMULATOR_ADMIN, deps);
          const assigned = await assignCourier(booked.reference, action.courierId, SIMULATOR_ADMIN, deps);
          stats.bookings++;
          log(`[simulator] booked ${assigned.reference} for ${courier.name} (${action.courierId})`);
          return { kind: 'booked', courierId: action.courierId, booking: assigned };
        } catch (e) {
          fail('new demo booking', e);
          return { kind: 'booking-failed' };
        }
    }
  }

  /** Each courier's actions in order (a failed one ends that courier's turn); couriers side by side. */
  async function performAll(actions: FleetAction[]): Promise<FleetOutcome[]> {
    const lanes = new Map<string, FleetAction[]>();
    for (const a of actions) {
      const lane = a.kind === 'book' ? '#book' : a.courierId;
      lanes.set(lane, [...(lanes.get(lane) ?? []), a]);
    }
    const queue = [...lanes.values()];
    const outcomes: FleetOutcome[] = [];
    const worker = async (): Promise<void> => {
      for (let lane = queue.shift(); lane; lane = queue.shift()) {
        for (const action of lane) {
          const outcome = await perform(action);
          if (outcome) outcomes.push(outcome);
          if (outcome?.kind === 'action-failed' && action.kind !== 'report-position') break;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    return outcomes;
  }

  let inFlight: Promise<void> | undefined;
  let stopped = false;

  async function step(): Promise<void> {
    stats.ticks++;
    const planned = stepFleet(state, deps.clock.now().getTime(), random, config);
    state = planned.state;
    const outcomes = await performAll(planned.actions);
    for (const o of outcomes) state = applyOutcome(state, o, config);
  }

  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (inFlight) {
      stats.skippedTicks++;
      return inFlight;
    }
    inFlight = step()
      .catch((e: unknown) => fail('step', e))
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  const timer = options.timer === false ? undefined : setInterval(() => void tick(), tickMs);
  timer?.unref();
  let reported = { ...stats };
  const summaryEveryMs = options.summaryEveryMs ?? 60_000;
  const summary =
    options.timer === false || summaryEveryMs === false
      ? undefined
      : setInterval(() => {
          const s = { ...stats };
          const moving = state.couriers.filter((c) => c.job !== undefined).length;
          log(
            `[simulator] last ${Math.round(summaryEveryMs / 1000)} s: ${moving}/${s.couriers} couriers on a job, ` +
              `${s.positions - reported.positions} positions, ${s.statusChanges - reported.statusChanges} status changes ` +
              `(${s.delivered - reported.delivered} delivered, ${s.failedDeliveries - reported.failedDeliveries} failed), ` +
              `${s.bookings - reported.bookings} new bookings, ${s.errors - reported.errors} errors, ` +
              `${s.skippedTicks - reported.skippedTicks} skipped steps`,
          );
          reported = s;
        }, summaryEveryMs);
  summary?.unref();
  log(
    `[simulator] ${seeds.length} couriers at ${config.speedUp}× speed, a step every ${tickMs} ms` +
      (config.newBookingEveryMs === false
        ? ''
        : `, a new booking every ${Math.round(config.newBookingEveryMs / 1000)} s`),
  );

  return {
    tick,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      if (summary) clearInterval(summary);
      await inFlight;
    },
    stats: () => ({ ...stats }),
    state: () => state,
  };
}
