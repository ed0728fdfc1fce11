// PartnerTokenRepository on DynamoDB: conditional create, reads by id (consistent) and by partner (index),
// and revocation as a conditional update that keeps the first revocation.
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../core/errors';
import type { PartnerToken } from '../core/model';
import type { PartnerTokenRepository } from '../core/ports';
import { toItem } from './item-codec';
import { isConditionalCheckFailed } from './paged-query';

export function createPartnerTokenRepository(doc: DynamoDBDocumentClient, table: string): PartnerTokenRepository {
  const get = async (tokenId: string) => {
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { tokenId }, ConsistentRead: true }));
    return Item as PartnerToken | undefined;
  };
  return {
    async create(token) {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: toItem(token),
            ConditionExpression: 'attribute_not_exists(tokenId)',
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw new ConflictError(`Token ${token.tokenId} already exists.`);
        throw error;
      }
    },
    get,
    async listByPartner(partnerId) {
      const tokens: PartnerToken[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: table,
            IndexName: 'byPartner',
            KeyConditionExpression: 'partnerId = :p',
            ExpressionAttributeValues: { ':p': partnerId },
            ExclusiveStartKey: start,
          }),
        );
        tokens.push(...((page.Items ?? []) as PartnerToken[]));
        start = page.LastEvaluatedKey;
      } while (start);
      return tokens;
    },
    async revoke(tokenId, at, by) {
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { tokenId },
            UpdateExpression: 'SET revokedAt = :at, revokedBy = :by',
            ConditionExpression: 'attribute_exists(tokenId) AND attribute_not_exists(revokedAt)',
            ExpressionAttributeValues: { ':at': at, ':by': toItem(by) },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes as PartnerToken;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        const current = await get(tokenId);
        if (!current) throw new NotFoundError(`No partner token with id ${tokenId} was found.`);
        return current;
      }
    },
  };
}
