// Corruption detection on the local change feed: the demo company's data (bookings and feedback in every
// status, written by the real core) passes every invariant, and an item written around the core is reported
// by the detector consuming the change feed — in the log, and to the admins as an alert with the item and how
// to recover it.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Stack } from '../../src/local/stack';
import type { Finding } from '../../src/integrity/corruption-detector';
import { bookingViolations, feedbackViolations } from '../../src/integrity/item-invariants';
import { serviceAlerts, type ServiceAlertsQuery } from '../../src/generated/graphql';
import { as, companyDay, gql, startTestStack } from '../support/test-stack';

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

    // The admins' dashboard has the alert (serviceAlerts, as the page reads it), naming the item, what is wrong
    // and how to restore it; and the admins were sent it.
    const admin = await as(stack, 'admin@example.com');
    const { data, errors } = await gql<ServiceAlertsQuery>(stack, admin, serviceAlerts, { day: companyDay(stack) });
    expect(errors).toBeUndefined();
    const alert = data!.serviceAlerts.find((a) => a.kind === 'DATA_INTEGRITY');
    expect(alert).toMatchObject({
      reference: victim!.reference,
      table: stack.tables.bookings,
      key: expect.stringMatching(new RegExp(`^INTEGRITY#bookings#${victim!.reference}#`)),
    });
    expect(alert!.message).toContain(`Booking ${victim!.reference} was written in a state the app never writes`);
    expect(alert!.recovery).toContain(`scripts/restore-table.ts --table ${stack.tables.bookings} --at `);
    expect(alert!.recovery).toContain(`--keys ${victim!.reference}`);
    // The stack's one telemetry file has the finding and the CorruptItems metric, in the Lambda's formats
    // (Powertools Logger, EMF), beside the other services' lines.
    const telemetry = (await readFile(stack.telemetryFile, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(telemetry).toContainEqual(
      expect.objectContaining({ level: 'ERROR', service: 'corruption-detector', message: 'corrupt item' }),
    );
    expect(telemetry).toContainEqual(
      expect.objectContaining({
        service: 'corruption-detector',
        CorruptItems: 1,
        _aws: expect.objectContaining({
          CloudWatchMetrics: [expect.objectContaining({ Namespace: 'Courier/local', Dimensions: [['service']] })],
        }) as unknown,
      }),
    );
    expect(new Set(telemetry.map((line) => line.service))).toContain('stack');
    const outbox = await stack.doc.send(new ScanCommand({ TableName: stack.tables.outbox }));
    expect(JSON.stringify(outbox.Items)).toContain(`Booking ${victim!.reference} was written in a state`);

    // A courier does not see it.
    const courier = await as(stack, 'courier7@example.com');
    const refused = await gql(stack, courier, serviceAlerts, { day: companyDay(stack) });
    expect(refused.errors?.[0]?.errorType).toMatch(/Unauthorized|Forbidden/);
  });
});
