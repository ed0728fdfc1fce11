import { describe, it, expect } from 'vitest';
import { createBusinessCalendar } from './business-calendar';
import { getDashboard, type DashboardDeps, type RollupReader } from './dashboard';
import { admin, acme, courier7 } from './testing/fixtures';
import { createMemoryFeedbackRepository } from './testing/memory-repositories';

const now = new Date('2026-11-26T12:00:00.000Z');
const silentLog = { error: () => {} };

function reader(overrides: Partial<RollupReader> = {}): RollupReader {
  return {
    readDay: async () => ({ bookings: 3, 'status.DELIVERED': 2, 'status.FAILED_DELIVERY': 1 }),
    overdue: async (day) => [
      { day, reference: 'K7M-4QX-9', eta: '2026-11-26T11:30:00.000Z', status: 'OUT_FOR_DELIVERY', version: 4 },
    ],
    feedHealth: async () => ({ lastEventAt: '2026-11-26T11:59:00.000Z' }),
    ...overrides,
  };
}

const deps = (rollups: RollupReader): DashboardDeps => ({
  rollups,
  feedback: createMemoryFeedbackRepository(),
  clock: { now: () => now },
  calendar: createBusinessCalendar('America/Los_Angeles'),
  log: silentLog,
});

describe('getDashboard', () => {
  it('reads today by default and reports KPIs, delays and an undeployed voicebot honestly', async () => {
    // Act
    const d = await getDashboard(undefined, admin, deps(reader()));

    // Assess
    expect(d.day).toBe('2026-11-26');
    expect(d.kpis).toMatchObject({ bookings: 3, delivered: 2, failed: 1 });
    expect(d.kpis?.deliverySuccessRate).toBeCloseTo(2 / 3);
    expect(d.alerts.delayed).toEqual([
      { reference: 'K7M-4QX-9', eta: '2026-11-26T11:30:00.000Z', status: 'OUT_FOR_DELIVERY', minutesLate: 30 },
    ]);
    expect(d.health).toMatchObject({
      api: true,
      database: true,
      lastChangeFeedEventAt: '2026-11-26T11:59:00.000Z',
      voicebot: { state: 'NOT_DEPLOYED' },
    });
  });

  it('reports an unreachable database instead of failing', async () => {
    // Prepare
    const broken = reader({
      readDay: async () => {
        throw new Error('connect ECONNREFUSED');
      },
    });

    // Act
    const d = await getDashboard('2026-11-25', admin, deps(broken));

    // Assess
    expect(d.health.database).toBe(false);
    expect(d.kpis).toBeUndefined();
  });

  it('is for administrators only and checks the day', async () => {
    // Act
    const refusals = await Promise.allSettled([
      getDashboard(undefined, courier7, deps(reader())),
      getDashboard(undefined, acme, deps(reader())),
      getDashboard('26/11/2026', admin, deps(reader())),
    ]);

    // Assess
    expect(refusals.map((r) => (r.status === 'rejected' ? (r.reason as Error).name : 'ok'))).toEqual([
      'ForbiddenError',
      'ForbiddenError',
      'ValidationError',
    ]);
  });
});
