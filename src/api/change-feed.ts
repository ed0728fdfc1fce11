// The change feed's notifier: turns table stream records into the publish mutations that drive
// AppSync subscriptions (onBookingChanged, onCourierMoved, onDeploymentChanged, onAlertRaised). Same code in the cloud (a Lambda on
// DynamoDB Streams) and locally (the gateway's emulated streams).
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { jsonLog, type Log } from '../observability/telemetry';

export type Publication =
  | { kind: 'bookingChanged'; reference: string }
  | { kind: 'deploymentChanged'; id: string }
  | { kind: 'alertRaised'; day: string; key: string }
  | {
      kind: 'courierMoved';
      courierId: string;
      lat: number;
      lng: number;
      at: string;
      heading?: number;
      speedKph?: number;
    };

type Image = Record<string, unknown>;

function image(raw: Record<string, unknown> | undefined): Image | undefined {
  return raw ? (unmarshall(raw as Record<string, AttributeValue>) as Image) : undefined;
}

function tableOf(record: DynamoDBRecord): string {
  // arn:aws:dynamodb:region:account:table/<name>/stream/<label>
  return record.eventSourceARN?.split(':table/')[1]?.split('/')[0] ?? '';
}

export type FeedTables = { bookings: string; couriers: string; deployments?: string; alerts?: string };

/** Which publications one stream record causes; `tables` maps table roles to physical names. */
export function publicationsFor(record: DynamoDBRecord, tables: FeedTables): Publication[] {
  if (record.eventName === 'REMOVE') return [];
  const table = tableOf(record);
  const next = image(record.dynamodb?.NewImage as Record<string, unknown> | undefined);
  if (!next) return [];
  if (table === tables.bookings && typeof next.reference === 'string') {
    return [{ kind: 'bookingChanged', reference: next.reference }];
  }
  if (tables.alerts && table === tables.alerts) {
    // A new alert only (filed under its day): not the thresholds, the summaries' listing, or a repeat.
    if (record.eventName !== 'INSERT' || typeof next.pk !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(next.pk)) return [];
    return typeof next.pk === 'string' && typeof next.sk === 'string'
      ? [{ kind: 'alertRaised', day: next.pk, key: next.sk }]
      : [];
  }
  if (tables.deployments && table === tables.deployments && typeof next.id === 'string') {
    return [{ kind: 'deploymentChanged', id: next.id }];
  }
  if (table === tables.couriers) {
    const prev = image(record.dynamodb?.OldImage as Record<string, unknown> | undefined);
    const loc = next.lastLocation as
      { lat: number; lng: number; at: string; heading?: number; speedKph?: number } | undefined;
    const prevLoc = prev?.lastLocation as { at?: string } | undefined;
    if (loc && typeof next.id === 'string' && loc.at !== prevLoc?.at) {
      return [{ kind: 'courierMoved', courierId: next.id, ...loc }];
    }
  }
  return [];
}

export type Publisher = (p: Publication) => Promise<void>;

export type StreamBatchResult = { batchItemFailures: { itemIdentifier: string }[] };

/**
 * Handles one stream batch in order. Publications for the same booking within a batch collapse to
 * one (the subscriber reads the latest state anyway). On a failed publication, that record and every
 * later one are reported as failures so the event source retries from there (reportBatchItemFailures).
 */
export async function handleStreamEvent(
  event: DynamoDBStreamEvent,
  tables: FeedTables,
  publish: Publisher,
  log: Log = jsonLog('stream-notifier'),
): Promise<StreamBatchResult> {
  const seen = new Set<string>();
  for (const [i, record] of event.Records.entries()) {
    try {
      for (const p of publicationsFor(record, tables)) {
        const key =
          p.kind === 'bookingChanged'
            ? `b:${p.reference}`
            : p.kind === 'deploymentChanged'
              ? `d:${p.id}`
              : p.kind === 'alertRaised'
                ? `a:${p.day}:${p.key}`
                : `c:${p.courierId}:${p.at}`;
        if (seen.has(key)) continue;
        await publish(p);
        seen.add(key);
      }
    } catch (e) {
      log.error('change feed publication failed', e);
      return {
        batchItemFailures: event.Records.slice(i).map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' })),
      };
    }
  }
  return { batchItemFailures: [] };
}
