// RateCardRepository on DynamoDB, in the Settings table beside the company rules: `ratecard` / `v#<version>`,
// one item per version, written once. Creating version n + 1 only if it does not exist is the optimistic lock:
// of two admins who edited version n, the second is told someone else changed it.
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RateCardRepository, RateCardVersion } from '../core/rate-card';
import { ConflictError } from '../core/errors';
import { isConditionalCheckFailed } from './paged-query';

const PK = 'ratecard';
const versionKey = (version: number) => `v#${String(version).padStart(10, '0')}`;

export function createRateCardRepository(doc: DynamoDBDocumentClient, table: string): RateCardRepository {
  return {
    async versions() {
      const out: RateCardVersion[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
            ExpressionAttributeValues: { ':pk': PK, ':v': 'v#' },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) out.push((item as { card: RateCardVersion }).card);
        start = page.LastEvaluatedKey;
      } while (start);
      return out;
    },

    async add(next) {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: { pk: PK, sk: versionKey(next.version), card: next },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error))
          throw new ConflictError('Someone else changed the rate card meanwhile.', {
            cause: error,
            resolution: 'Reload the rate card, make your change again and save.',
          });
        throw error;
      }
    },
  };
}
