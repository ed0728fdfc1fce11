// The notices sent to the admins (service alerts, executive summaries), page by page; reloaded on demand.
import { useCallback } from 'react';
import { fetchAdminNotices, type AdminNoticeRow } from '../api/messages-api';
import { usePagedList, type PagedList } from './use-paged-list';

export function useAdminNotices(pageSize = 25): PagedList<AdminNoticeRow> {
  return usePagedList(useCallback((token: string | null) => fetchAdminNotices(pageSize, token), [pageSize]));
}
