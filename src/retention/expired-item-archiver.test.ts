import { describe, expect, it } from 'vitest';
import type { DynamoDBRecord } from 'aws-lambda';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createBusinessCalendar } from '../core/business-calendar';
import { archiveExpiredItems } from './expired-item-archiver';

const tables = { bookings: 'courier-Bookings', feedback: 'courier-Feedback' };
const calendar = createBusinessCalendar('America/Los_Angeles');
let seq = 10;

function removal(table: string, item: object, byTtl: boolean): DynamoDBRecord {
  return {
    eventID: `e${seq}`,
    eventName: 'REMOVE',
    eventSourceARN: `arn:aws:dynamodb:eu-west-1:000000000000:table/${table}/stream/2026-01-01T00:00:00.000`,
    dynamodb: {
      SequenceNumber: String(seq++),
      OldImage: marshall(item) as never,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    ...(byTtl ? { userIdentity: { type: 'Service', principalId: 'dynamodb.amazonaws.com' } } : {}),
  } as DynamoDBRecord;
}

describe('archiveExpiredItems', () => {
  it('writes TTL-expired items, whole, as JSON lines per table under the company day, and nothing else', async () => {
    // Prepare
    const objects = new Map<string, string>();
    const store = async (key: string, body: string) => void objects.set(key, body);
    const now = new Date('2026-03-02T05:00:00Z'); // 1 March in Los Angeles

    // Act
    const written = await archiveExpiredItems(
      {
        Records: [
          removal(tables.bookings, { reference: 'K7M-4XR-7', status: 'DELIVERED' }, true),
          removal(tables.bookings, { reference: 'K7M-4XR-9', status: 'CANCELLED' }, true),
          removal(tables.bookings, { reference: 'AAA-AAA-A' }, false),
          removal(tables.feedback, { reference: 'F-K7M-4XR-7', text: 'ok' }, true),
          removal('courier-RateLimits', { key: 'x' }, true),
        ],
      },
      tables,
      calendar,
      store,
      now,
    );

    // Assess
    expect(written).toEqual([
      { key: expect.stringMatching(/^bookings\/2026-03-01\/\d+\.jsonl$/), items: 2 },
      { key: expect.stringMatching(/^feedback\/2026-03-01\/\d+\.jsonl$/), items: 1 },
    ]);
    const lines = objects
      .get(written[0]!.key)!
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.item.reference)).toEqual(['K7M-4XR-7', 'K7M-4XR-9']);
    expect(lines[0]).toMatchObject({ expiredAt: now.toISOString(), item: { status: 'DELIVERED' } });
  });

  it('fails the batch when the archive cannot be written, so nothing expires unarchived', async () => {
    // Act / Assess
    await expect(
      archiveExpiredItems(
        { Records: [removal(tables.bookings, { reference: 'K7M-4XR-7' }, true)] },
        tables,
        calendar,
        () => Promise.reject(new Error('AccessDenied')),
        new Date(),
      ),
    ).rejects.toThrow('AccessDenied');
  });
});
