// DeploymentRepository on DynamoDB: conditional create, optimistic-locking update (each progress write of
// the provisioning engine), newest-first listing through the `newest` index.
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../core/errors';
import type { Deployment, DeploymentRepository } from '../provisioning/deployment';
import { strip, toItem, type ItemRecord } from './item-codec';
import { isConditionalCheckFailed, queryPage } from './paged-query';

/** Every deployment shares this partition of the `newest` index, sorted by createdAt. */
const LIST_PARTITION = 'deployments';
const STORAGE_ATTRIBUTES = ['list'] as const;

export function deploymentToItem(deployment: Deployment): ItemRecord {
  return { ...toItem(deployment), list: LIST_PARTITION };
}

export function itemToDeployment(item: ItemRecord): Deployment {
  return strip(item, STORAGE_ATTRIBUTES) as Deployment;
}

export function createDeploymentRepository(doc: DynamoDBDocumentClient, table: string): DeploymentRepository {
  return {
    async create(deployment) {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: deploymentToItem(deployment),
            ConditionExpression: 'attribute_not_exists(#id)',
            ExpressionAttributeNames: { '#id': 'id' },
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error))
          throw new ConflictError(`Deployment ${deployment.id} already exists.`, { cause: error });
        throw error;
      }
    },

    async get(id) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { id }, ConsistentRead: true }));
      return Item ? itemToDeployment(Item) : undefined;
    },

    list(page) {
      return queryPage(
        doc,
        {
          TableName: table,
          IndexName: 'newest',
          KeyConditionExpression: '#list = :list',
          ExpressionAttributeNames: { '#list': 'list' },
          ExpressionAttributeValues: { ':list': LIST_PARTITION },
          ScanIndexForward: false,
        },
        page,
        itemToDeployment,
      );
    },

    async update(deployment, expectedVersion) {
      const stored: Deployment = { ...deployment, version: expectedVersion + 1 };
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: deploymentToItem(stored),
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          }),
        );
        return stored;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        const current = await this.get(deployment.id);
        if (!current) throw new NotFoundError(`Deployment ${deployment.id} does not exist.`, { cause: error });
        throw new ConflictError(
          `Deployment ${deployment.id} was changed by someone else (now version ${current.version}).`,
          { resolution: 'Reload the deployment and try again.', cause: error },
        );
      }
    },
  };
}
