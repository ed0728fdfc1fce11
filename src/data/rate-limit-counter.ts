// RateLimitCounter on DynamoDB: one item per key and window, incremented with a conditional UpdateItem
// (ADD count, only while count < limit), which DynamoDB applies atomically, so the limit holds across any
// number of API and MCP instances; read several at a time with one BatchGetItem. Items expire through TTL
// after their window.
import {
  BatchGetCommand,
  UpdateCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { RateLimitCounter } from '../core/ports';
import { isConditionalCheckFailed } from './paged-query';

/** DynamoDB's limit of keys in one BatchGetItem. */
const BATCH_GET_KEYS = 100;

export function createRateLimitCounter(doc: DynamoDBDocumentClient, table: string): RateLimitCounter {
  return {
    async increment(key, limit, expiresAtEpochSeconds) {
      try {
        await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { key },
            UpdateExpression: 'ADD #count :one SET #expiresAt = if_not_exists(#expiresAt, :expiresAt)',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
            ExpressionAttributeNames: { '#count': 'count', '#expiresAt': 'expiresAt' },
            ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':expiresAt': expiresAtEpochSeconds },
          }),
        );
        return true;
      } catch (error) {
        if (isConditionalCheckFailed(error)) return false;
        throw error;
      }
    },
    async counts(keys) {
      // One strongly consistent BatchGetItem (as a GetItem of the counter would be) for up to 100 keys; DynamoDB
      // refuses a batch that names a key twice, and may hand keys back unprocessed under load.
      const unique = [...new Set(keys)];
      const found = new Map<string, number>();
      for (let start = 0; start < unique.length; start += BATCH_GET_KEYS) {
        let pending: Record<string, unknown>[] | undefined = unique
          .slice(start, start + BATCH_GET_KEYS)
          .map((key) => ({ key }));
        while (pending && pending.length > 0) {
          const out: BatchGetCommandOutput = await doc.send(
            new BatchGetCommand({
              RequestItems: {
                [table]: {
                  Keys: pending,
                  ConsistentRead: true,
                  ProjectionExpression: '#key, #count',
                  ExpressionAttributeNames: { '#key': 'key', '#count': 'count' },
                },
              },
            }),
          );
          for (const item of out.Responses?.[table] ?? [])
            if (typeof item.key === 'string' && typeof item.count === 'number') found.set(item.key, item.count);
          pending = out.UnprocessedKeys?.[table]?.Keys;
        }
      }
      return keys.map((key) => found.get(key) ?? 0);
    },
  };
}
