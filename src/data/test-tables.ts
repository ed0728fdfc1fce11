// Test support: the local DynamoDB (gateway + dynalite, in-process, free port) with every table of
// TABLES created under a fresh prefix, and the repositories wired to it.
import { startLocalDynamo, type LocalDynamo } from '../local/dynamodb/local-dynamo';
import { createBusinessCalendar, DEFAULT_TIME_ZONE } from '../core/business-calendar';
import type { Booking } from '../core/model';
import type { Clock } from '../core/ports';
import { ensureTables } from './ensure-tables';
import { createRepositories, type Repositories, type RepositoryOptions } from './repositories';
import { localTableNames, type TableNames } from './tables';

export type TestTables = { local: LocalDynamo; names: TableNames; repos: Repositories; close(): Promise<void> };

let prefixCount = 0;

export async function startTestTables(options: Partial<RepositoryOptions> = {}): Promise<TestTables> {
  const local = await startLocalDynamo({ ttlSweepIntervalMs: 0, streams: { windowMs: 1 } });
  const names = localTableNames(`test${++prefixCount}-`);
  await ensureTables(local.client, names);
  return {
    local,
    names,
    repos: createRepositories(local.doc, names, {
      calendar: createBusinessCalendar(DEFAULT_TIME_ZONE),
      ...options,
    }),
    close: () => local.close(),
  };
}

export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

export function makeBooking(overrides: Partial<Booking> = {}): Booking {
  const createdAt = overrides.createdAt ?? '2025-03-01T09:00:00.000Z';
  return {
    reference: 'K7M-4QX-9',
    customerName: 'Ada Lovelace',
    customerPhone: '+12065550100',
    pickup: { line1: '1201 3rd Ave', city: 'Seattle', region: 'WA', postcode: '98101', country: 'US' },
    delivery: { line1: '400 Broad St', city: 'Seattle', postcode: '98109', country: 'US' },
    package: { size: 'SMALL', weightKg: 1.5, handling: ['FRAGILE'] },
    pickupWindow: { start: '2025-03-02T14:00:00.000Z', end: '2025-03-02T16:00:00.000Z' },
    status: 'BOOKED',
    history: [{ status: 'BOOKED', at: createdAt, actor: { type: 'VOICEBOT', id: 'lex' } }],
    channel: 'VOICE',
    createdAt,
    updatedAt: createdAt,
    version: 1,
    ...overrides,
  };
}
