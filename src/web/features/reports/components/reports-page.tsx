// Booking reports: filter by date range, status, courier, partner and delivery region; a paginated table of
// the matching bookings; and a CSV or PDF of exactly those rows, generated in the browser with progress.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState, Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { StatusBadge } from '../../../components/status-badge';
import type { CourierFields } from '../../../lib/api-types';
import { STATUS_LOOK, STATUS_ORDER, isBookingStatus } from '../../../lib/booking-status';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { fetchCourierOptions } from '../api/reports-api';
import { reportDays } from '../hooks/report-range';
import { useReport } from '../hooks/use-report';
import { SERVICE_REGIONS, serviceRegionOf } from '../../../../core/geo/service-regions';
import { bookingsToCsvWithProgress } from './report-csv';

/** Rows per table page. */
export const REPORT_PAGE_SIZE = 25;

type ExportState =
  | { phase: 'idle' }
  | { phase: 'building'; format: 'csv' | 'pdf'; done: number; total: number }
  | { phase: 'error'; format: 'csv' | 'pdf'; error: unknown };

function download(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function ReportsPage() {
  const calendar = useCompanyCalendar();
  const today = calendar.today();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [status, setStatus] = useState('');
  const [courierId, setCourierId] = useState('');
  const [partnerId, setPartnerId] = useState('');
  const [couriers, setCouriers] = useState<CourierFields[]>([]);
  const [couriersProblem, setCouriersProblem] = useState<unknown>(null);
  const [rangeProblem, setRangeProblem] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const [ran, setRan] = useState<{ from: string; to: string } | null>(null);
  const [ranFilters, setRanFilters] = useState('');
  const [regionId, setRegionId] = useState('');
  const [exporting, setExporting] = useState<ExportState>({ phase: 'idle' });
  const report = useReport();

  const loadCouriers = () => {
    setCouriersProblem(null);
    fetchCourierOptions().then(setCouriers, setCouriersProblem);
  };
  useEffect(loadCouriers, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const range = reportDays(from, to);
    if (!range.ok) {
      setRangeProblem(range.message);
      return;
    }
    setRangeProblem(null);
    setPage(0);
    setRan({ from, to });
    setRanFilters(
      [
        isBookingStatus(status) ? `status ${STATUS_LOOK[status].label}` : '',
        courierId ? `courier ${courierId}` : '',
        partnerId.trim() ? `partner ${partnerId.trim()}` : '',
        regionId ? `region ${SERVICE_REGIONS.find((r) => r.id === regionId)?.name ?? regionId}` : '',
      ]
        .filter(Boolean)
        .join(', ') || 'none',
    );
    report.run(range.days, {
      ...(isBookingStatus(status) ? { status } : {}),
      ...(courierId ? { courierId } : {}),
      ...(partnerId.trim() ? { partnerId: partnerId.trim() } : {}),
      ...(regionId ? { regionId } : {}),
    });
  };

  const fileName = `bookings-${ran?.from ?? from}-to-${ran?.to ?? to}`;
  const header = () => ({
    from: ran?.from ?? from,
    to: ran?.to ?? to,
    filters: ranFilters,
    generatedAt: calendar.formatStamp(new Date()),
  });
  const exportAs = (format: 'csv' | 'pdf') => {
    const onProgress = (done: number, total: number) => setExporting({ phase: 'building', format, done, total });
    onProgress(0, report.rows.length);
    const built: Promise<BlobPart> =
      format === 'csv'
        ? bookingsToCsvWithProgress(report.rows, calendar, onProgress)
        : // pdf-lib is loaded only when a PDF is asked for.
          import('./report-pdf')
            .then(({ bookingsToPdf }) => bookingsToPdf(report.rows, header(), calendar, onProgress))
            .then((pdf) => pdf as Uint8Array<ArrayBuffer>);
    built.then(
      (content) => {
        if (format === 'csv') download(`${fileName}.csv`, content, 'text/csv;charset=utf-8');
        else download(`${fileName}.pdf`, content, 'application/pdf');
        setExporting({ phase: 'idle' });
      },
      (error: unknown) => setExporting({ phase: 'error', format, error }),
    );
  };
  const building = exporting.phase === 'building';

  const pages = Math.max(1, Math.ceil(report.rows.length / REPORT_PAGE_SIZE));
  const shown = useMemo(
    () => report.rows.slice(page * REPORT_PAGE_SIZE, (page + 1) * REPORT_PAGE_SIZE),
    [report.rows, page],
  );

  return (
    <section className="page" data-testid="reports">
      <header className="page__header">
        <div>
          <h1 className="page__title">Reports</h1>
          <p className="page__subtitle">
            Bookings by pickup day, filtered, with a CSV or PDF of exactly the rows found.
          </p>
        </div>
      </header>
      <form className="filters" onSubmit={submit} data-testid="report-filters">
        <label className="control">
          <span className="control__label">From</span>
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} data-testid="report-from" />
        </label>
        <label className="control">
          <span className="control__label">To</span>
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} data-testid="report-to" />
        </label>
        <label className="control">
          <span className="control__label">Status</span>
          <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="report-status">
            <option value="">Any status</option>
            {STATUS_ORDER.map((s) => (
              <option key={s} value={s}>
                {STATUS_LOOK[s].label}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          <span className="control__label">Courier</span>
          <select value={courierId} onChange={(e) => setCourierId(e.target.value)} data-testid="report-courier">
            <option value="">Any courier</option>
            {couriers.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.id})
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          <span className="control__label">Delivery region</span>
          <select value={regionId} onChange={(e) => setRegionId(e.target.value)} data-testid="report-region">
            <option value="">Any region</option>
            {SERVICE_REGIONS.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label className="control">
          <span className="control__label">Partner ID</span>
          <input
            type="text"
            value={partnerId}
            placeholder="Any partner, or e.g. acme"
            onChange={(e) => setPartnerId(e.target.value)}
            data-testid="report-partner"
          />
        </label>
        <button type="submit" className="button" disabled={report.phase === 'loading'} data-testid="report-run">
          {report.phase === 'loading' ? 'Running…' : 'Run report'}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={report.phase !== 'ready' || report.rows.length === 0 || building}
          onClick={() => exportAs('csv')}
          data-testid="report-csv"
        >
          Export CSV
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={report.phase !== 'ready' || report.rows.length === 0 || building}
          onClick={() => exportAs('pdf')}
          data-testid="report-pdf"
        >
          Export PDF
        </button>
      </form>
      {exporting.phase === 'building' && (
        <div className="export-progress" data-testid="export-progress" role="status">
          <span>
            Building {exporting.format.toUpperCase()}: {exporting.done.toLocaleString()} of{' '}
            {exporting.total.toLocaleString()} rows
          </span>
          <progress max={Math.max(1, exporting.total)} value={exporting.done} />
        </div>
      )}
      {couriersProblem !== null && <ProblemNotice error={couriersProblem} onRetry={loadCouriers} compact />}
      {rangeProblem && (
        <div className="notice notice--error" role="alert">
          <div className="notice__text">
            <strong>{rangeProblem}</strong>
          </div>
        </div>
      )}
      {report.phase === 'loading' && (
        <div data-testid="report-progress">
          <Loading label={`Reading day ${report.progress.done} of ${report.progress.total}…`} />
        </div>
      )}
      {report.phase === 'error' && <ProblemNotice error={report.error} />}
      {exporting.phase === 'error' && (
        <ProblemNotice error={exporting.error} onRetry={() => exportAs(exporting.format)} />
      )}
      {report.phase === 'idle' && (
        <EmptyState title="Choose the days and filters, then run the report.">
          Reports read bookings by their pickup day.
        </EmptyState>
      )}
      {report.phase === 'ready' && report.rows.length === 0 && (
        <EmptyState title="No bookings match these filters.">Widen the range or clear a filter.</EmptyState>
      )}
      {report.phase === 'ready' && report.rows.length > 0 && (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="report-table" data-count={report.rows.length}>
              <thead>
                <tr>
                  <th scope="col">Reference</th>
                  <th scope="col">Pickup</th>
                  <th scope="col">Status</th>
                  <th scope="col">Customer</th>
                  <th scope="col">Courier</th>
                  <th scope="col">Partner</th>
                  <th scope="col">Region</th>
                  <th scope="col">Channel</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((b) => (
                  <tr
                    key={b.reference}
                    className="row row--static"
                    data-testid="report-row"
                    data-reference={b.reference}
                  >
                    <td className="mono">
                      <Link to={`/bookings/${b.reference}`}>{b.reference}</Link>
                    </td>
                    <td className="nowrap" data-testid="report-pickup">
                      {calendar.formatDateTime(b.pickupWindow.start)}
                    </td>
                    <td>
                      <StatusBadge status={b.status} />
                    </td>
                    <td>{b.customerName}</td>
                    <td>{b.courierName ?? b.courierId ?? <span className="muted">Unassigned</span>}</td>
                    <td>{b.partnerName ?? b.partnerId ?? <span className="muted">—</span>}</td>
                    <td>{serviceRegionOf(b.delivery.postcode)?.name ?? <span className="muted">Outside</span>}</td>
                    <td>{b.channel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="list-footer">
            <span className="muted" data-testid="report-summary">
              {report.rows.length} {report.rows.length === 1 ? 'booking' : 'bookings'} · page {page + 1} of {pages}
            </span>
            <button
              type="button"
              className="button button--secondary"
              disabled={page === 0}
              onClick={() => setPage((p) => p - 1)}
              data-testid="report-prev"
            >
              Previous
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={page + 1 >= pages}
              onClick={() => setPage((p) => p + 1)}
              data-testid="report-next"
            >
              Next
            </button>
          </div>
        </>
      )}
    </section>
  );
}
