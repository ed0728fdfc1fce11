// What the admin app's request paths cost in DynamoDB, counted at the local gateway: the dashboard and the
// lists it links to read rollups and indexes with Query and GetItem, never with a Scan (Req 9.11: figures
// come from rollup items, not from scanning bookings on a request).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Stack } from '../../src/local/stack';
import { dashboard, getBooking, listBookings, listFeedback, trackBooking } from '../../src/generated/graphql';
import {
  operationCount,
  readDynamoOperations,
  resetDynamoOperations,
} from '../../src/local/dynamodb/operation-counter';
import { addDays } from '../../src/core/business-calendar';
import { as, companyDay, gql, startTestStack, type Caller } from '../support/test-stack';

let stack: Stack;
let reference: string;
beforeAll(async () => {
  stack = await startTestStack();
  const page = await stack.deps.bookings.query({ by: 'day', day: companyDay(stack) }, { limit: 1 });
  reference = page.items[0]!.reference;
  // Nothing from start-up (seed, rollup backfill, change feed) may still be running when counting starts.
  await stack.flushChangeFeed();
});
afterAll(async () => stack?.close());

type RequestPath = {
  name: string;
  caller: () => Promise<Caller>;
  query: string;
  variables: () => Record<string, unknown>;
};

const admin = () => as(stack, 'admin@example.com');
const today = () => companyDay(stack);
const yesterday = () => addDays(companyDay(stack), -1);

const PATHS: RequestPath[] = [
  { name: 'dashboard (today)', caller: admin, query: dashboard, variables: () => ({}) },
  { name: 'dashboard (yesterday)', caller: admin, query: dashboard, variables: () => ({ day: yesterday() }) },
  { name: 'listBookings by day', caller: admin, query: listBookings, variables: () => ({ day: today(), limit: 100 }) },
  {
    name: 'listBookings by day and status',
    caller: admin,
    query: listBookings,
    variables: () => ({ day: today(), status: 'OUT_FOR_DELIVERY', limit: 100 }),
  },
  {
    name: 'listFeedback flaggedOnly (a day)',
    caller: admin,
    query: listFeedback,
    variables: () => ({ flaggedOnly: true, day: yesterday(), limit: 50 }),
  },
  { name: 'getBooking', caller: admin, query: getBooking, variables: () => ({ reference }) },
  {
    name: 'trackBooking (public, API key)',
    caller: async () => ({ apiKey: stack.apiKey }),
    query: trackBooking,
    variables: () => ({ reference }),
  },
];

describe('DynamoDB calls on request paths', () => {
  it.each(PATHS)('$name makes no Scan', async (path) => {
    // Prepare
    const caller = await path.caller();
    await resetDynamoOperations(stack.gatewayUrl);

    // Act
    const r = await gql(stack, caller, path.query, path.variables());
    const counts = await readDynamoOperations(stack.gatewayUrl);

    // Assess
    expect(r.errors).toBeUndefined();
    expect(operationCount(counts, 'Scan'), `DynamoDB calls of ${path.name}: ${JSON.stringify(counts.byTable)}`).toBe(0);
    // The path did reach DynamoDB, so the counter saw it: a zero above is a real zero.
    expect(operationCount(counts, 'Query') + operationCount(counts, 'GetItem')).toBeGreaterThan(0);
  });

  it('reads the dashboard from the rollups, the flagged-complaints index and the latest deployment only', async () => {
    // Prepare
    const caller = await admin();
    await resetDynamoOperations(stack.gatewayUrl);

    // Act
    const r = await gql(stack, caller, dashboard, { day: today() });
    const counts = await readDynamoOperations(stack.gatewayUrl);

    // Assess
    expect(r.errors).toBeUndefined();
    // The voicebot health line reads the newest deployment (one item), whatever the day's volume.
    expect(Object.keys(counts.byTable).sort()).toEqual(
      [stack.tables.feedback, stack.tables.rollups, stack.tables.deployments].sort(),
    );
    expect(counts.byTable[stack.tables.bookings]).toBeUndefined();
  });

  it('sees a Scan when one is made, so the checks above can fail', async () => {
    // Prepare
    await resetDynamoOperations(stack.gatewayUrl);

    // Act
    await stack.doc.send(new ScanCommand({ TableName: stack.tables.bookings, Limit: 1 }));
    const counts = await readDynamoOperations(stack.gatewayUrl);

    // Assess
    expect(operationCount(counts, 'Scan', stack.tables.bookings)).toBe(1);
    expect(operationCount(counts, 'Scan')).toBe(1);
  });
});
