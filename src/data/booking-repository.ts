// BookingRepository on DynamoDB: conditional create, optimistic-locking update, index queries by pickup
// day, courier and partner.
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { BusinessCalendar } from '../core/business-calendar';
import { ConflictError, NotFoundError } from '../core/errors';
import type { Booking } from '../core/model';
import type { BookingRepository, Page } from '../core/ports';
import { bookingToItem, DEFAULT_RETENTION_DAYS, itemToBooking } from './item-codec';
import { isConditionalCheckFailed, queryPage } from './paged-query';

export type BookingRepositoryOptions = { calendar: BusinessCalendar; retentionDays?: number };

export function createBookingRepository(
  doc: DynamoDBDocumentClient,
  table: string,
  options: BookingRepositoryOptions,
): BookingRepository {
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;

  return {
    async create(booking) {
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: bookingToItem(booking, options.calendar, retentionDays),
            ConditionExpression: 'attribute_not_exists(#reference)',
            ExpressionAttributeNames: { '#reference': 'reference' },
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error))
          throw new ConflictError(`Booking ${booking.reference} already exists.`, { cause: error });
        throw error;
      }
    },

    async get(reference) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { reference }, ConsistentRead: true }));
      return Item ? itemToBooking(Item) : undefined;
    },

    async update(booking, expectedVersion) {
      const stored: Booking = { ...booking, version: expectedVersion + 1 };
      try {
        await doc.send(
          new PutCommand({
            TableName: table,
            Item: bookingToItem(stored, options.calendar, retentionDays),
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          }),
        );
        return stored;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        const current = await this.get(booking.reference);
        if (!current) throw new NotFoundError(`Booking ${booking.reference} does not exist.`, { cause: error });
        throw new ConflictError(
          `Booking ${booking.reference} was changed by someone else (now version ${current.version}).`,
          {
            resolution: 'Reload the booking and try again.',
            cause: error,
          },
        );
      }
    },

    query(q, page): Promise<Page<Booking>> {
      switch (q.by) {
        case 'day':
          return queryPage(
            doc,
            {
              TableName: table,
              IndexName: 'byDay',
              KeyConditionExpression: q.status ? '#day = :day AND begins_with(#statusAt, :prefix)' : '#day = :day',
              ExpressionAttributeNames: { '#day': 'day', ...(q.status ? { '#statusAt': 'statusAt' } : {}) },
              ExpressionAttributeValues: { ':day': q.day, ...(q.status ? { ':prefix': `${q.status}#` } : {}) },
            },
            page,
            itemToBooking,
          );
        case 'courier': {
          const input = q.day
            ? byOwner(table, 'byCourier', 'courierId', q.courierId, q.day)
            : betweenDays(table, 'byCourier', 'courierId', q.courierId, q.from, q.to);
          return queryPage(doc, { ...input, ScanIndexForward: !q.newestFirst }, page, itemToBooking);
        }
        case 'partner': {
          const input = byOwner(table, 'byPartner', 'partnerId', q.partnerId, q.day);
          if (q.status) {
            input.FilterExpression = '#status = :status';
            input.ExpressionAttributeNames = { ...input.ExpressionAttributeNames, '#status': 'status' };
            input.ExpressionAttributeValues = { ...input.ExpressionAttributeValues, ':status': q.status };
          }
          return queryPage(doc, input, page, itemToBooking);
        }
      }
    },
  };
}

function byOwner(table: string, index: string, attribute: string, owner: string, day: string | undefined) {
  return {
    TableName: table,
    IndexName: index,
    KeyConditionExpression: day ? '#owner = :owner AND begins_with(#dayAt, :prefix)' : '#owner = :owner',
    ExpressionAttributeNames: { '#owner': attribute, ...(day ? { '#dayAt': 'dayAt' } : {}) } as Record<string, string>,
    ExpressionAttributeValues: { ':owner': owner, ...(day ? { ':prefix': `${day}#` } : {}) } as Record<string, unknown>,
    FilterExpression: undefined as string | undefined,
  };
}

/** An owner's items between two pickup days (inclusive, either end open): `dayAt` is `<day>#<createdAt>`. */
function betweenDays(table: string, index: string, attribute: string, owner: string, from?: string, to?: string) {
  // '#' sorts before every digit, '~' after: so `<to>~` bounds every item of the day `to`.
  const range =
    from && to ? ' AND #dayAt BETWEEN :from AND :to' : from ? ' AND #dayAt >= :from' : to ? ' AND #dayAt <= :to' : '';
  return {
    TableName: table,
    IndexName: index,
    KeyConditionExpression: `#owner = :owner${range}`,
    ExpressionAttributeNames: { '#owner': attribute, ...(range ? { '#dayAt': 'dayAt' } : {}) },
    ExpressionAttributeValues: {
      ':owner': owner,
      ...(from ? { ':from': `${from}#` } : {}),
      ...(to ? { ':to': `${to}#~` } : {}),
    },
  };
}
