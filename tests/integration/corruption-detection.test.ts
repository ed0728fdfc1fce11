// Corruption detection on the local change feed: the demo company's data (bookings and feedback in every
// status, written by the real core) passes every invariant, and an item written around the core is reported
// by the detector consuming the change feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Stack } from '../../src/local/stack';
import type { Finding } from '../../src/integrity/corruption-detector';
import { bookingViolations, feedbackViolations } from '../../src/integrity/item-invariants';
import { startTestStack } from '../support/test-stack';

const lines: string[] = [];
let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack({ log: (line) => lines.push(line) });
});
afterAll(async () => stack?.close());

function findings(): Finding[] {
  return lines
    .filter((line) => line.includes('"service":"corruption-detector"') && line.includes('"corrupt item"'))
    .map((line) => (JSON.parse(line) as { detail: Finding }).detail);
}

describe('corruption detection', () => {
  it('passes the seeded bookings and feedback, and reports a booking whose status contradicts its trail', async () => {
    // Prepare
    await stack.flushChangeFeed();
    const { Items = [] } = await stack.doc.send(new ScanCommand({ TableName: stack.tables.bookings }));
    const victim = Items.find((item) => item.status === 'BOOKED');
    expect(victim, 'the demo data has an open booking').toBeDefined();
    expect(Items.length).toBeGreaterThan(10);
    const feedback = await stack.doc.send(new ScanCommand({ TableName: stack.tables.feedback }));
    expect(feedback.Items?.length).toBeGreaterThan(0);
    const seededViolations = [
      ...Items.flatMap((item) => bookingViolations(item, stack.deps.calendar)),
      ...(feedback.Items ?? []).flatMap((item) => feedbackViolations(item, stack.deps.calendar)),
    ];
    expect(seededViolations, 'the seeded data breaks no invariant').toEqual([]);
    expect(findings()).toEqual([]);

    // Act
    await stack.doc.send(
      new PutCommand({ TableName: stack.tables.bookings, Item: { ...victim, status: 'DELIVERED' } }),
    );
    await stack.flushChangeFeed();

    // Assess
    const reported = findings();
    expect(reported.map((f) => f.key)).toEqual([victim!.reference]);
    expect(reported[0]!.violations.map((v) => v.rule)).toEqual(expect.arrayContaining(['history', 'retention']));
    const stored = await stack.doc.send(
      new GetCommand({ TableName: stack.tables.bookings, Key: { reference: victim!.reference } }),
    );
    expect(stored.Item?.status).toBe('DELIVERED');
  });
});
