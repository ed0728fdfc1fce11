// RateLimitCounter on DynamoDB: one item per key and window, incremented with a conditional UpdateItem
// (ADD count, only while count < limit). DynamoDB applies it atomically, so the limit holds across any
// number of API and MCP instances; items expire through TTL after their window.
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateLimitCounter } from '../core/ports';
import { isConditionalCheckFailed } from './paged-query';

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
    async count(key) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { key }, ConsistentRead: true }));
      return typeof Item?.count === 'number' ? Item.count : 0;
    },
  };
}
