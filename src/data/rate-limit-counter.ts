// RateLimitCounter on DynamoDB: one item per key, its counters incremented with a conditional UpdateItem
// (ADD the counter, only while it is under its limit), which DynamoDB applies atomically, so a limit holds
// across any number of API and MCP instances. Items expire through TTL after their window.
import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateLimitCounter } from '../core/ports';
import { isConditionalCheckFailed } from './paged-query';

const EXPIRES_AT = 'expiresAt';

/** The item's counters: its numeric attributes but the expiry. */
function countersOf(item: Record<string, unknown> | undefined): Record<string, number> {
  const counters: Record<string, number> = {};
  for (const [name, value] of Object.entries(item ?? {}))
    if (name !== EXPIRES_AT && typeof value === 'number') counters[name] = value;
  return counters;
}

export function createRateLimitCounter(doc: DynamoDBDocumentClient, table: string): RateLimitCounter {
  /** One UpdateItem adding 1 to `field` while under `limit`; undefined when the limit stopped it. */
  async function add(key: string, field: string, limit: number | undefined, expiresAt: number, returnItem: boolean) {
    // A limit of 0 or less stops even the first (the condition below would let a missing counter through).
    if (limit !== undefined && limit <= 0) return undefined;
    try {
      const out = await doc.send(
        new UpdateCommand({
          TableName: table,
          Key: { key },
          UpdateExpression: 'ADD #field :one SET #expiresAt = if_not_exists(#expiresAt, :expiresAt)',
          ...(limit === undefined ? {} : { ConditionExpression: 'attribute_not_exists(#field) OR #field < :limit' }),
          ExpressionAttributeNames: { '#field': field, '#expiresAt': EXPIRES_AT },
          ExpressionAttributeValues: {
            ':one': 1,
            ':expiresAt': expiresAt,
            ...(limit === undefined ? {} : { ':limit': limit }),
          },
          ...(returnItem ? { ReturnValues: 'ALL_NEW' as const } : {}),
        }),
      );
      return out.Attributes ?? {};
    } catch (error) {
      if (isConditionalCheckFailed(error)) return undefined;
      throw error;
    }
  }

  return {
    async increment(key, limit, expiresAtEpochSeconds) {
      return (await add(key, 'count', limit, expiresAtEpochSeconds, false)) !== undefined;
    },
    async add(key, field, { limit, expiresAtEpochSeconds }) {
      const item = await add(key, field, limit, expiresAtEpochSeconds, true);
      if (item) return { counted: true, counters: countersOf(item) };
      // At its limit: the item as it stands, read strongly consistent (as the update saw it).
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { key }, ConsistentRead: true }));
      return { counted: false, counters: countersOf(Item) };
    },
  };
}
