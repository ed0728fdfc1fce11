// The change feed's aggregator: turns booking and feedback stream records into dashboard rollup updates and
// analytics series updates.
// Same code in the cloud (a Lambda on DynamoDB Streams) and locally (the gateway's emulated streams).
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { bookingRollupChanges, deliveryWatch, feedbackRollupChanges } from '../core/analytics';
import { auditSeriesChanges, bookingSeriesChanges, feedbackSeriesChanges } from '../core/analytics-series';
import type { AuditEntry } from '../core/model';
import { checkComplaintRate, type AlertDeps } from '../core/analytics-alerts';
import type { AnalyticsRepository } from '../data/analytics-repository';
import { conversationChanges } from '../core/call-metrics';
import { itemToConversation } from '../data/conversation-repository';
import type { BusinessCalendar } from '../core/business-calendar';
import { itemToBooking, itemToFeedback } from '../data/item-codec';
import type { RollupRepository } from '../data/rollup-repository';
import type { PartnerEventLog } from '../core/ports';
import { partnerEventsOfChange } from '../core/status-events';
import type { StreamBatchResult } from './change-feed';
import { jsonLog, type Log } from '../observability/telemetry';

type Images = { before?: Record<string, unknown>; after?: Record<string, unknown> };

function images(record: DynamoDBRecord): Images {
  const read = (raw: unknown) =>
    raw ? (unmarshall(raw as Record<string, AttributeValue>) as Record<string, unknown>) : undefined;
  return {
    before: record.eventName === 'INSERT' ? undefined : read(record.dynamodb?.OldImage),
    after: record.eventName === 'REMOVE' ? undefined : read(record.dynamodb?.NewImage),
  };
}

function tableOf(record: DynamoDBRecord): string {
  // arn:aws:dynamodb:region:account:table/<name>/stream/<label>
  return record.eventSourceARN?.split(':table/')[1]?.split('/')[0] ?? '';
}

function eventTime(record: DynamoDBRecord): string {
  const seconds = record.dynamodb?.ApproximateCreationDateTime;
  return (typeof seconds === 'number' ? new Date(seconds * 1000) : new Date()).toISOString();
}

/** Applies one record; every write it makes is idempotent, so a retried record is harmless. */
export async function aggregateRecord(
  record: DynamoDBRecord,
  tables: { bookings: string; feedback: string; conversations?: string; audit?: string },
  rollups: RollupRepository,
  calendar: BusinessCalendar,
  partnerEvents?: PartnerEventLog,
  analytics?: AnalyticsRepository,
  alerts?: AlertDeps,
): Promise<void> {
  const table = tableOf(record);
  const { before, after } = images(record);
  let voiceCallAt: string | undefined;
  if (table === tables.bookings) {
    const old = before ? itemToBooking(before) : undefined;
    const next = after ? itemToBooking(after) : undefined;
    for (const change of bookingRollupChanges(old, next, calendar)) await rollups.apply(change);
    if (analytics) await analytics.applySource(bookingSeriesChanges(old, next, calendar));
    const version = next?.version ?? (old ? old.version + 1 : 0);
    await rollups.watch(old && deliveryWatch(old, calendar), next && deliveryWatch(next, calendar), version);
    if (!old && next?.channel === 'VOICE') voiceCallAt = next.createdAt;
    if (partnerEvents && next?.partnerId) {
      // Logged at the time of writing (not of the change), so the log's order is the order readers see it in.
      const loggedAt = new Date().toISOString();
      for (const event of partnerEventsOfChange(old, next)) await partnerEvents.append(next.partnerId, event, loggedAt);
    }
  } else if (table === tables.feedback) {
    const old = before ? itemToFeedback(before) : undefined;
    const next = after ? itemToFeedback(after) : undefined;
    for (const change of feedbackRollupChanges(old, next, calendar)) await rollups.apply(change);
    if (analytics) await analytics.applySource(feedbackSeriesChanges(old, next, calendar));
    if (!old && next?.channel === 'VOICE') voiceCallAt = next.createdAt;
    // New feedback may push its day's complaint rate over the admins' threshold (Req 10.5).
    if (!old && next && analytics && alerts) {
      const day = calendar.dayOf(next.createdAt);
      const counters = (await analytics.read('fb', 'day', day, day)).get(day) ?? {};
      await checkComplaintRate(
        day,
        { feedback: counters.feedback ?? 0, complaints: counters.complaints ?? 0 },
        new Date(),
        alerts,
      );
    }
  } else if (tables.audit && table === tables.audit) {
    const entry = (image?: Record<string, unknown>) => image as AuditEntry | undefined;
    if (analytics) await analytics.applySource(auditSeriesChanges(entry(before), entry(after), calendar));
    return;
  } else if (tables.conversations && table === tables.conversations) {
    const old = before ? itemToConversation(before) : undefined;
    const next = after ? itemToConversation(after) : undefined;
    if (analytics) await analytics.applySource(conversationChanges(old, next));
    if (!old && next) voiceCallAt = next.startedAt;
  } else {
    return;
  }
  await rollups.recordFeedEvent(eventTime(record), voiceCallAt);
}

/**
 * Handles one stream batch in order. On a failure, that record and every later one are reported so the
 * event source retries from there (reportBatchItemFailures); the version guards make the replay exact.
 */
export async function aggregateStreamEvent(
  event: DynamoDBStreamEvent,
  tables: { bookings: string; feedback: string; conversations?: string; audit?: string },
  rollups: RollupRepository,
  calendar: BusinessCalendar,
  partnerEvents?: PartnerEventLog,
  analytics?: AnalyticsRepository,
  alerts?: AlertDeps,
  log: Log = jsonLog('aggregator'),
): Promise<StreamBatchResult> {
  for (const [i, record] of event.Records.entries()) {
    try {
      await aggregateRecord(record, tables, rollups, calendar, partnerEvents, analytics, alerts);
    } catch (e) {
      log.error('rollup aggregation failed', e);
      return {
        batchItemFailures: event.Records.slice(i).map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })),
      };
    }
  }
  return { batchItemFailures: [] };
}
