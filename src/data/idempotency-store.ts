// IdempotencyStore on DynamoDB: a conditional put claims a key; the item expires through TTL.
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Clock, IdempotencyStore } from '../core/ports';
import { isConditionalCheckFailed } from './paged-query';

export function createIdempotencyStore(doc: DynamoDBDocumentClient, table: string, clock: Clock): IdempotencyStore {
  const nowSeconds = () => Math.floor(clock.now().getTime() / 1000);

  return {
    async claim(key, ttlSeconds) {
      const now = nowSeconds();
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: { key, expiresAt: now + ttlSeconds, claimedAt: clock.now().toISOString() },
            // DynamoDB deletes expired items only eventually (within days): an expired claim counts as free.
            ConditionExpression: 'attribute_not_exists(#key) OR #expiresAt <= :now',
            ExpressionAttributeNames: { '#key': 'key', '#expiresAt': 'expiresAt' },
            ExpressionAttributeValues: { ':now': now },
          }),
        );
        return undefined;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { key }, ConsistentRead: true }));
        // Released between our put and this read: the next retry will claim it.
        if (!Item) return {};
        return typeof Item.result === 'string' ? { result: Item.result } : {};
      }
    },

    async complete(key, result) {
      await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: { key },
          UpdateExpression: 'SET #result = :result, completedAt = :at',
          ConditionExpression: 'attribute_exists(#key)',
          ExpressionAttributeNames: { '#key': 'key', '#result': 'result' },
          ExpressionAttributeValues: { ':result': result, ':at': clock.now().toISOString() },
        }),
      );
    },

    async release(key) {
      await doc.send(new DeleteCommand({ TableName: table, Key: { key } }));
    },
  };
}
