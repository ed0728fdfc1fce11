// CourierRepository on DynamoDB: profiles by id and by Cognito sub, and last known locations.
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { NotFoundError } from '../core/errors';
import type { Courier } from '../core/model';
import type { CourierRepository } from '../core/ports';
import { toItem } from './item-codec';
import { isConditionalCheckFailed, scanPage } from './paged-query';

export function createCourierRepository(doc: DynamoDBDocumentClient, table: string): CourierRepository {
  const get = async (id: string) => {
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }));
    return Item as Courier | undefined;
  };

  return {
    async put(courier) {
      await doc.send(new PutCommand({ TableName: table, Item: toItem(courier) }));
    },

    get,

    async getByUserSub(sub) {
      const { Items } = await doc.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'byUserSub',
          KeyConditionExpression: 'userSub = :sub',
          ExpressionAttributeValues: { ':sub': sub },
          Limit: 1,
        }),
      );
      return Items?.[0] as Courier | undefined;
    },

    list(page) {
      // The fleet is small (tens to a few hundred couriers): a paged Scan is cheaper than any index.
      return scanPage(doc, { TableName: table }, page, (item) => item as Courier);
    },

    /**
     * GPS fixes can arrive out of order (retries, flaky mobile networks): an older fix never replaces a
     * newer one; the courier is returned as stored either way.
     */
    async updateLocation(id, location) {
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { id },
            UpdateExpression: 'SET lastLocation = :location',
            ConditionExpression:
              'attribute_exists(id) AND (attribute_not_exists(lastLocation) OR lastLocation.#at <= :at)',
            ExpressionAttributeNames: { '#at': 'at' },
            ExpressionAttributeValues: { ':location': toItem(location), ':at': location.at },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return Attributes as Courier;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        const current = await get(id);
        if (!current) throw new NotFoundError(`Courier ${id} does not exist.`, { cause: error });
        return current;
      }
    },
  };
}
