import { describe, expect, it } from 'vitest';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { handleStreamEvent, publicationsFor, type Publication } from './change-feed';
import { jsonLog } from '../observability/telemetry';

const tables = { bookings: 'courier-Bookings', couriers: 'courier-Couriers' };
let seq = 100;

function record(
  table: string,
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  next?: object,
  prev?: object,
): DynamoDBRecord {
  return {
    eventID: String(seq),
    eventName,
    eventSource: 'aws:dynamodb',
    eventSourceARN: `arn:aws:dynamodb:us-east-1:000000000000:table/${table}/stream/2026-01-01T00:00:00.000`,
    dynamodb: {
      SequenceNumber: String(seq++),
      NewImage: next ? (marshall(next, { removeUndefinedValues: true }) as never) : undefined,
      OldImage: prev ? (marshall(prev, { removeUndefinedValues: true }) as never) : undefined,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

describe('publicationsFor', () => {
  it('publishes a booking change for inserts and updates, never for TTL removals', () => {
    expect(publicationsFor(record(tables.bookings, 'INSERT', { reference: 'K7M-4XR-9' }), tables)).toEqual([
      { kind: 'bookingChanged', reference: 'K7M-4XR-9' },
    ]);
    expect(publicationsFor(record(tables.bookings, 'REMOVE', undefined, { reference: 'K7M-4XR-9' }), tables)).toEqual(
      [],
    );
  });

  it('publishes a courier move only when the position changed', () => {
    const at1 = { lat: 47.6, lng: -122.3, at: '2026-01-01T10:00:00Z' };
    const at2 = { lat: 47.61, lng: -122.31, at: '2026-01-01T10:01:00Z' };
    expect(
      publicationsFor(
        record(
          tables.couriers,
          'MODIFY',
          { id: 'courier-01', lastLocation: at2 },
          { id: 'courier-01', lastLocation: at1 },
        ),
        tables,
      ),
    ).toEqual([{ kind: 'courierMoved', courierId: 'courier-01', ...at2 }]);
    expect(
      publicationsFor(
        record(
          tables.couriers,
          'MODIFY',
          { id: 'courier-01', lastLocation: at1, name: 'New' },
          { id: 'courier-01', lastLocation: at1 },
        ),
        tables,
      ),
    ).toEqual([]);
  });
});

describe('handleStreamEvent', () => {
  it('collapses repeated changes of one booking within a batch', async () => {
    const published: Publication[] = [];
    const event: DynamoDBStreamEvent = {
      Records: [
        record(tables.bookings, 'INSERT', { reference: 'A' }),
        record(tables.bookings, 'MODIFY', { reference: 'A' }),
        record(tables.bookings, 'INSERT', { reference: 'B' }),
      ],
    };
    const result = await handleStreamEvent(event, tables, async (p) => void published.push(p));
    expect(published.map((p) => (p.kind === 'bookingChanged' ? p.reference : ''))).toEqual(['A', 'B']);
    expect(result.batchItemFailures).toEqual([]);
  });

  it('reports the failed record and every later one for retry', async () => {
    const records = [
      record(tables.bookings, 'INSERT', { reference: 'A' }),
      record(tables.bookings, 'INSERT', { reference: 'B' }),
      record(tables.bookings, 'INSERT', { reference: 'C' }),
    ];
    const logged: string[] = [];
    const result = await handleStreamEvent(
      { Records: records },
      tables,
      async (p) => {
        if (p.kind === 'bookingChanged' && p.reference === 'B') throw new Error('AppSync unavailable');
      },
      jsonLog('stream-notifier', (line) => logged.push(line)),
    );
    expect(result.batchItemFailures.map((f) => f.itemIdentifier)).toEqual([
      records[1]!.dynamodb!.SequenceNumber,
      records[2]!.dynamodb!.SequenceNumber,
    ]);
    // One structured line (Powertools Logger) with the cause.
    expect(logged.map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({
        level: 'ERROR',
        service: 'stream-notifier',
        message: 'change feed publication failed',
        error: expect.objectContaining({ message: 'AppSync unavailable' }) as unknown,
      }),
    ]);
  });
});
