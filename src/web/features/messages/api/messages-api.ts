// The Messages feature's call to the API: pages of sentMessages (customer SMS, newest first).
import { runOperation } from '../../../lib/graphql-client';
import { SentMessagesDocument, type SentMessagesQuery } from '../../../../generated/graphql';

export type SentMessageRow = SentMessagesQuery['sentMessages']['items'][number];
export type SentMessagesPage = { items: SentMessageRow[]; nextToken: string | null };

export async function fetchSentMessages(
  bookingReference: string | null,
  limit: number,
  nextToken: string | null,
): Promise<SentMessagesPage> {
  const { sentMessages } = await runOperation(SentMessagesDocument, { bookingReference, limit, nextToken });
  return { items: sentMessages.items, nextToken: sentMessages.nextToken ?? null };
}
