// The notices sent to the admins (Req 10.5, 10.6): service alerts and the weekly executive summary, newest first,
// with whether the admins' SNS topic took each one (in the outbox only, locally). A notice that failed to go out is
// still here, so nothing the admins should have heard of is lost.
import { Link } from 'react-router-dom';
import { countOf, PagedListView } from '../../../components/list-footer';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { useAdminNotices } from '../hooks/use-admin-notices';

const KIND_LABEL: Record<string, string> = {
  LATE_DELIVERY: 'Late delivery',
  COMPLAINT_RATE: 'Complaint rate',
  DATA_INTEGRITY: 'Data integrity',
  EXECUTIVE_SUMMARY: 'Executive summary',
};

const DELIVERY_LABEL: Record<string, string> = {
  OUTBOX: 'In outbox',
  SENT: 'Sent',
  FAILED: 'Failed',
};

/** Where a notice's link goes, in words. */
function linkLabel(path: string): string {
  if (path.startsWith('/bookings/')) return decodeURIComponent(path.slice('/bookings/'.length));
  if (path.startsWith('/analytics/summaries')) return 'Summaries';
  if (path.startsWith('/analytics/feedback')) return 'Feedback';
  return 'Dashboard';
}

export function AdminNotices() {
  const calendar = useCompanyCalendar();
  const list = useAdminNotices();
  return (
    <>
      <div className="filters msg-toolbar">
        <p className="muted msg-toolbar__intro">
          Delivery says whether the administrators&apos; topic took each notice (e-mail and other subscribers);
          &ldquo;In outbox&rdquo; where no topic is configured, as locally.
        </p>
        <button type="button" className="button button--secondary" onClick={list.reload} data-testid="messages-refresh">
          Refresh
        </button>
      </div>
      <PagedListView
        list={list}
        loadingLabel="Loading notices…"
        empty={{
          title: 'No notices yet.',
          hint: 'Administrators are told when a delivery runs late, complaints pass the threshold, data is found corrupt, and each week’s executive summary is ready.',
        }}
        summary={`${countOf(list.items.length, 'notice', 'notices')}${list.loadedAt ? ` · as of ${calendar.formatDateTime(list.loadedAt.toISOString())}` : ''}`}
        countTestId="notices-count"
        moreTestId="notices-more"
      >
        <div className="table-wrap">
          <table className="table" data-testid="notices-table">
            <thead>
              <tr>
                <th scope="col">Sent</th>
                <th scope="col">About</th>
                <th scope="col">Notice</th>
                <th scope="col">Open</th>
                <th scope="col">Delivery</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((n) => (
                <tr key={n.id} className="row row--static" data-testid="notice-row" data-kind={n.kind}>
                  <td className="nowrap">{calendar.formatDateTime(n.sentAt)}</td>
                  <td className="nowrap">
                    <span className="pill">{KIND_LABEL[n.kind] ?? n.kind}</span>
                  </td>
                  <td className="notice-text" data-testid="notice-text">
                    <span className="notice-text__subject">{n.subject}</span>
                    {n.text}
                  </td>
                  <td className="nowrap">
                    {n.path && (
                      <Link to={n.path} className={n.path.startsWith('/bookings/') ? 'mono' : undefined}>
                        {linkLabel(n.path)}
                      </Link>
                    )}
                  </td>
                  <td
                    className={`nowrap${n.delivery === 'FAILED' ? ' notice-delivery--failed' : ''}`}
                    data-testid="notice-delivery"
                  >
                    {DELIVERY_LABEL[n.delivery] ?? n.delivery}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PagedListView>
    </>
  );
}
