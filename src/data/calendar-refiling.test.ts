import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../core/business-calendar';
import { refileUnderCalendar } from './calendar-refiling';
import { createRepositories, type Repositories } from './repositories';
import { makeBooking, startTestTables, type TestTables } from './test-tables';

const UTC = createBusinessCalendar('UTC');
const PACIFIC = createBusinessCalendar('America/Los_Angeles');
const page = { limit: 50 };

let db: TestTables;
let underUtc: Repositories;
let underPacific: Repositories;

beforeAll(async () => {
  // Data written by a build that filed days in UTC (before the company calendar), read by one that files
  // them in the company's zone.
  db = await startTestTables({ calendar: UTC });
  underUtc = db.repos;
  underPacific = createRepositories(db.local.doc, db.names, { calendar: PACIFIC });
});
afterAll(async () => {
  await db.close();
});

// 7 pm Pacific on 1 March is 03:00 UTC on 2 March: the two calendars file it on different days.
const EVENING = '2025-03-02T03:00:00.000Z';

describe('re-filing stored data under the company calendar', () => {
  it('moves bookings, feedback and audit entries to the company day and drops the rollups built on UTC days', async () => {
    await underUtc.bookings.create(
      makeBooking({
        reference: 'R1F-ILE-1',
        createdAt: EVENING,
        pickupWindow: { start: EVENING, end: '2025-03-02T04:00:00.000Z' },
      }),
    );
    await underUtc.feedback.create({
      reference: 'F-R1F-ILE-1',
      bookingReference: 'R1F-ILE-1',
      type: 'COMPLAINT',
      text: 'The parcel arrived crushed',
      complaintCategory: 'DAMAGED_PACKAGE',
      severity: 'HIGH',
      sentiment: { label: 'NEGATIVE', score: 0.9 },
      flagged: true,
      channel: 'VOICE',
      createdAt: EVENING,
    });
    await underUtc.audit.record({
      id: 'audit-1',
      partnerId: 'acme',
      source: 'mcp',
      operation: 'book_courier',
      argsDigest: '0'.repeat(64),
      outcome: 'ok',
      latencyMs: 12,
      at: EVENING,
    });
    const rollup = { pk: 'day#2025-03-02', sk: 'all', bookings: 1 };
    await db.local.doc.send(new PutCommand({ TableName: db.names.rollups, Item: rollup }));

    // Before: the Pacific reader does not find them on their company day.
    expect((await underPacific.bookings.query({ by: 'day', day: '2025-03-01' }, page)).items).toHaveLength(0);

    const result = await refileUnderCalendar(db.local.doc, db.names, PACIFIC);
    expect(result).toEqual({ from: undefined, refiled: 3 });

    const bookings = await underPacific.bookings.query({ by: 'day', day: '2025-03-01' }, page);
    expect(bookings.items.map((b) => b.reference)).toEqual(['R1F-ILE-1']);
    expect((await underPacific.bookings.query({ by: 'day', day: '2025-03-02' }, page)).items).toHaveLength(0);
    const flagged = await underPacific.feedback.query({ by: 'flagged', day: '2025-03-01' }, page);
    expect(flagged.items.map((f) => f.reference)).toEqual(['F-R1F-ILE-1']);
    expect((await underPacific.feedback.query({ by: 'day', day: '2025-03-01' }, page)).items).toHaveLength(1);
    const audit = await underPacific.audit.list({ by: 'day', day: '2025-03-01' }, page);
    expect(audit.items.map((a) => a.id)).toEqual(['audit-1']);

    const { Item: dropped } = await db.local.doc.send(
      new GetCommand({ TableName: db.names.rollups, Key: { pk: rollup.pk, sk: rollup.sk } }),
    );
    expect(dropped).toBeUndefined();
  });

  it('does nothing the second time, and re-files again when the company moves to another zone', async () => {
    expect(await refileUnderCalendar(db.local.doc, db.names, PACIFIC)).toBeUndefined();

    const back = await refileUnderCalendar(db.local.doc, db.names, UTC);
    expect(back).toEqual({ from: 'America/Los_Angeles', refiled: 3 });
    const bookings = await underUtc.bookings.query({ by: 'day', day: '2025-03-02' }, page);
    expect(bookings.items.map((b) => b.reference)).toEqual(['R1F-ILE-1']);
  });
});
