// The Messages feature's calls to the API: pages of sentMessages (customer SMS) and adminNotices (what the
// admins were sent), newest first.
import { runOperation } from '../../../lib/graphql-client';
import {
  AdminNoticesDocument,
  SentMessagesDocument,
  type AdminNoticesQuery,
  type SentMessagesQuery,
} from '../../../../generated/graphql';

export type SentMessageRow = SentMessagesQuery['sentMessages']['items'][number];
export type SentMessagesPage = { items: SentMessageRow[]; nextToken: string | null };
export type AdminNoticeRow = AdminNoticesQuery['adminNotices']['items'][number];

export async function fetchSentMessages(
  bookingReference: string | null,
  limit: number,
  nextToken: string | null,
): Promise<SentMessagesPage> {
  const { sentMessages } = await runOperation(SentMessagesDocument, { bookingReference, limit, nextToken });
  return { items: sentMessages.items, nextToken: sentMessages.nextToken ?? null };
}

export async function fetchAdminNotices(
  limit: number,
  nextToken: string | null,
): Promise<{ items: AdminNoticeRow[]; nextToken: string | null }> {
  const { adminNotices } = await runOperation(AdminNoticesDocument, { limit, nextToken });
  return { items: adminNotices.items, nextToken: adminNotices.nextToken ?? null };
}
