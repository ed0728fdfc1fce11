// Corruption detection on the change feed (Req 6.8): every booking and feedback item written to a table is
// checked against the domain's invariants (item-invariants.ts). Violations are logged one by one (table, key,
// rule, what is wrong), counted in a metric whose alarm pages the on-call, and raised as an alert on the admins'
// dashboard with the item and how to recover it (alertFindings); the records are never retried, since a corrupt
// item stays corrupt until someone repairs or restores it (scripts/restore-table.ts).
// Same code in the cloud (a Lambda on DynamoDB Streams) and locally (the gateway's emulated streams).
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { BusinessCalendar } from '../core/business-calendar';
import { raiseIntegrityAlert, type AlertDeps } from '../core/analytics-alerts';
import { bookingViolations, feedbackViolations, type Item, type Violation } from './item-invariants';

export type CheckedTables = { bookings: string; feedback: string };

export type Finding = {
  table: keyof CheckedTables;
  key: string;
  eventId: string;
  /** When the write happened (the stream record's approximate creation time), when the stream says. */
  writtenAt?: string;
  violations: Violation[];
};

/** Where the detector reports: a metric sink (EMF in Lambda, the stack's log locally) and a structured log. */
export type IntegrityReporter = {
  /** Called once per batch with how many items were checked and how many broke an invariant. */
  count(checked: number, corrupt: number): void;
  corrupt(finding: Finding): void;
};

function tableName(record: DynamoDBRecord): string {
  // arn:aws:dynamodb:region:account:table/<name>/stream/<label>
  return record.eventSourceARN?.split(':table/')[1]?.split('/')[0] ?? '';
}

/** The findings of one stream record; removals (TTL expiry, deletes) have nothing left to check. */
export function checkRecord(
  record: DynamoDBRecord,
  tables: CheckedTables,
  calendar: BusinessCalendar,
): Finding | undefined {
  if (record.eventName === 'REMOVE' || !record.dynamodb?.NewImage) return undefined;
  const table = tableName(record);
  const kind = table === tables.bookings ? 'bookings' : table === tables.feedback ? 'feedback' : undefined;
  if (!kind) return undefined;
  const item = unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>) as Item;
  const violations = kind === 'bookings' ? bookingViolations(item, calendar) : feedbackViolations(item, calendar);
  if (violations.length === 0) return undefined;
  const created = record.dynamodb.ApproximateCreationDateTime;
  return {
    table: kind,
    key: String(item.reference),
    eventId: record.eventID ?? '',
    ...(created ? { writtenAt: new Date(created * 1000).toISOString() } : {}),
    violations,
  };
}

/**
 * Checks a batch and reports what it found. It never fails a batch over a corrupt item (retrying cannot fix
 * it); `checked` counts the records of watched tables that carried an item.
 */
export function detectCorruption(
  event: DynamoDBStreamEvent,
  tables: CheckedTables,
  calendar: BusinessCalendar,
  reporter: IntegrityReporter,
): { checked: number; findings: Finding[] } {
  const findings: Finding[] = [];
  let checked = 0;
  for (const record of event.Records) {
    const table = tableName(record);
    if (record.eventName === 'REMOVE' || (table !== tables.bookings && table !== tables.feedback)) continue;
    checked++;
    const finding = checkRecord(record, tables, calendar);
    if (finding) {
      findings.push(finding);
      reporter.corrupt(finding);
    }
  }
  reporter.count(checked, findings.length);
  return { checked, findings };
}

/**
 * Raises each finding as a data-integrity alert: live on the admins' dashboard, and sent to them. A failure to
 * raise one is logged with the finding and does not fail the batch (the metric has counted it, and its alarm
 * pages the on-call).
 */
export async function alertFindings(
  findings: Finding[],
  tables: CheckedTables,
  calendar: BusinessCalendar,
  deps: AlertDeps,
  logError: (message: string, detail: unknown) => void,
  now: Date = new Date(),
): Promise<void> {
  for (const finding of findings) {
    try {
      await raiseIntegrityAlert(
        {
          kind: finding.table,
          tableName: tables[finding.table],
          reference: finding.key,
          writeId: finding.eventId,
          ...(finding.writtenAt ? { writtenAt: new Date(finding.writtenAt) } : {}),
          violations: finding.violations,
        },
        now,
        calendar.dayOf(now),
        deps,
      );
    } catch (error) {
      logError('could not raise the data-integrity alert', { finding, error: String(error) });
    }
  }
}
