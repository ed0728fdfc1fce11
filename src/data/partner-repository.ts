// PartnerRepository on DynamoDB.
import { GetCommand, PutCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Partner } from '../core/model';
import type { PartnerRepository } from '../core/ports';
import { toItem } from './item-codec';

export function createPartnerRepository(doc: DynamoDBDocumentClient, table: string): PartnerRepository {
  return {
    async put(partner) {
      await doc.send(new PutCommand({ TableName: table, Item: toItem(partner) }));
    },
    async get(id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }));
      return Item as Partner | undefined;
    },
    async list() {
      // A handful of partner companies: reading the whole table is the cheapest way to list them.
      const partners: Partner[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
        partners.push(...((page.Items ?? []) as Partner[]));
        start = page.LastEvaluatedKey;
      } while (start);
      return partners.sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}
