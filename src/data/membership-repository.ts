// MembershipRepository on DynamoDB: which courier or partner a Cognito user is.
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Membership, MembershipRepository } from '../core/ports';
import { toItem } from './item-codec';

export function createMembershipRepository(doc: DynamoDBDocumentClient, table: string): MembershipRepository {
  return {
    async put(membership) {
      await doc.send(new PutCommand({ TableName: table, Item: toItem(membership) }));
    },
    async get(sub) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { sub }, ConsistentRead: true }));
      return Item as Membership | undefined;
    },
  };
}
