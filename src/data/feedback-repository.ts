// FeedbackRepository on DynamoDB: conditional create and index queries by booking, day, courier, partner
// and the sparse index of flagged complaints.
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../core/errors';
import type { FeedbackQuery, FeedbackRepository } from '../core/ports';
import type { BusinessCalendar } from '../core/business-calendar';
import { feedbackToItem, itemToFeedback } from './item-codec';
import { isConditionalCheckFailed, queryPage, scanPage } from './paged-query';

export function createFeedbackRepository(
  doc: DynamoDBDocumentClient,
  table: string,
  calendar: BusinessCalendar,
): FeedbackRepository {
  const byIndex = (index: string, attribute: string, value: string) => ({
    TableName: table,
    IndexName: index,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: { '#pk': attribute },
    ExpressionAttributeValues: { ':pk': value },
  });
  const queryInput = (q: FeedbackQuery) => {
    switch (q.by) {
      case 'booking':
        return byIndex('byBooking', 'bookingReference', q.bookingReference);
      case 'day':
        return byIndex('byDay', 'day', q.day);
      case 'courier':
        return { ...byIndex('byCourier', 'courierId', q.courierId), ScanIndexForward: !q.newestFirst };
      case 'partner':
        return byIndex('byPartner', 'partnerId', q.partnerId);
      case 'flagged':
        return q.day ? byIndex('flagged', 'flaggedDay', q.day) : undefined;
    }
  };

  return {
    async create(feedback) {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: feedbackToItem(feedback, calendar),
            ConditionExpression: 'attribute_not_exists(#reference)',
            ExpressionAttributeNames: { '#reference': 'reference' },
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error))
          throw new ConflictError(`Feedback ${feedback.reference} already exists.`, { cause: error });
        throw error;
      }
    },

    async get(reference) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { reference }, ConsistentRead: true }));
      return Item ? itemToFeedback(Item) : undefined;
    },

    query(q, page) {
      const input = queryInput(q);
      if (input) return queryPage(doc, input, page, itemToFeedback);
      // Every flagged complaint, whatever the day: the `flagged` index is sparse (only high-severity
      // complaints carry flaggedDay), so scanning the index reads those few items and nothing else.
      return scanPage(doc, { TableName: table, IndexName: 'flagged' }, page, itemToFeedback);
    },
  };
}
