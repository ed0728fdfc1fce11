// SettingsRepository on DynamoDB. The rules in force are one item, replaced only if its version is the one the
// admin edited (optimistic locking); it carries its own change record, so the history never misses a change even
// if the process stops between the two writes (the local DynamoDB has no TransactWriteItems). Each change is then
// kept as its own item, written once.
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SettingsChange, SettingsRepository, StoredSettings } from '../core/company-settings';
import { ConflictError } from '../core/errors';
import { isConditionalCheckFailed, queryPage } from './paged-query';

const PK = 'company';
const CURRENT = 'current';
const changeKey = (version: number) => `change#${String(version).padStart(10, '0')}`;

type CurrentItem = { pk: string; sk: string; settings: StoredSettings; lastChange: SettingsChange };

export function createSettingsRepository(doc: DynamoDBDocumentClient, table: string): SettingsRepository {
  const readCurrent = async (): Promise<CurrentItem | undefined> => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: table, Key: { pk: PK, sk: CURRENT }, ConsistentRead: true }),
    );
    return Item as CurrentItem | undefined;
  };
  const putChange = (change: SettingsChange) =>
    doc.send(new PutCommand({ TableName: table, Item: { pk: PK, sk: changeKey(change.version), change } }));

  return {
    async get() {
      return (await readCurrent())?.settings;
    },

    async save(next, expectedVersion, change) {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: { pk: PK, sk: CURRENT, settings: next, lastChange: change },
            ...(expectedVersion === 0
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: '#settings.#version = :expected',
                  ExpressionAttributeNames: { '#settings': 'settings', '#version': 'version' },
                  ExpressionAttributeValues: { ':expected': expectedVersion },
                }),
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error)) {
          throw new ConflictError('Someone else changed the settings meanwhile.', {
            cause: error,
            resolution: 'Reload the settings, make your change again and save.',
          });
        }
        throw error;
      }
      await putChange(change);
    },

    async history(page) {
      const result = await queryPage(
        doc,
        {
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :change)',
          ExpressionAttributeValues: { ':pk': PK, ':change': 'change#' },
          ScanIndexForward: false,
        },
        page,
        (item) => (item as { change: SettingsChange }).change,
      );
      if (page.nextToken) return result;
      // The newest change lives on the current item first: show it even if its own item was never written.
      const current = await readCurrent();
      const last = current?.lastChange;
      if (last && !result.items.some((c) => c.version === last.version)) {
        await putChange(last);
        return { ...result, items: [last, ...result.items].slice(0, page.limit) };
      }
      return result;
    },
  };
}
