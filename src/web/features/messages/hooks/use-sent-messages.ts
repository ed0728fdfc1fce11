// Customer SMS, page by page, for all bookings or one; reloaded from the top on demand.
import { useCallback } from 'react';
import { fetchSentMessages, type SentMessageRow } from '../api/messages-api';
import { usePagedList, type PagedList } from './use-paged-list';

export type SentMessagesList = PagedList<SentMessageRow>;

export function useSentMessages(bookingReference: string | null, pageSize = 25): SentMessagesList {
  return usePagedList(
    useCallback(
      (token: string | null) => fetchSentMessages(bookingReference, pageSize, token),
      [bookingReference, pageSize],
    ),
  );
}
