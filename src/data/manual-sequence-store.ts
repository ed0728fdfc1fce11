// ManualSequenceStore on DynamoDB: a courier's own order of stops for a day, one item in the Rollups table
// (`sequence#<courierId>` / `<day>`), gone a few days after the day through `expiresAt`.
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ManualSequence, ManualSequenceStore } from '../core/delivery-sequence';
import { toItem } from './item-codec';

const KEEP_DAYS = 3;
const keyOf = (courierId: string, day: string) => ({ pk: `sequence#${courierId}`, sk: day });

export function createManualSequenceStore(doc: DynamoDBDocumentClient, table: string): ManualSequenceStore {
  return {
    async get(courierId, day) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keyOf(courierId, day) }));
      if (!Item) return undefined;
      return {
        courierId: Item.courierId as string,
        day: Item.day as string,
        stops: Item.stops as string[],
        setAt: Item.setAt as string,
        setBy: Item.setBy as ManualSequence['setBy'],
      };
    },
    async put(sequence) {
      const expiresAt = Math.floor(Date.parse(`${sequence.day}T00:00:00Z`) / 1000) + KEEP_DAYS * 86_400;
      await doc.send(
        new PutCommand({
          TableName: table,
          Item: toItem({ ...keyOf(sequence.courierId, sequence.day), ...sequence, expiresAt }),
        }),
      );
    },
    async remove(courierId, day) {
      await doc.send(new DeleteCommand({ TableName: table, Key: keyOf(courierId, day) }));
    },
  };
}
