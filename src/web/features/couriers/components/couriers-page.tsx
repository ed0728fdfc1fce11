// The admin's courier roster: who drives what, how to reach them, when they were last seen.
import { EmptyState, Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { useNow } from '../../../lib/use-now';
import { useCouriers } from '../hooks/use-couriers';

function vehicleLabel(vehicle: string): string {
  return vehicle.charAt(0) + vehicle.slice(1).toLowerCase();
}

export function CouriersPage() {
  const calendar = useCompanyCalendar();
  const list = useCouriers();
  const now = useNow();

  return (
    <section className="page">
      <header className="page__header">
        <div>
          <h1 className="page__title">Couriers</h1>
          <p className="page__subtitle">The fleet, with contact details and last known position.</p>
        </div>
      </header>
      {list.phase === 'loading' ? (
        <Loading label="Loading couriers…" />
      ) : list.phase === 'error' && list.items.length === 0 ? (
        <ProblemNotice error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState title="No couriers yet.">Couriers appear here once an administrator adds them.</EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="couriers-table">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Vehicle</th>
                  <th scope="col">Phone</th>
                  <th scope="col">Email</th>
                  <th scope="col">Status</th>
                  <th scope="col">Last seen</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((courier) => (
                  <tr key={courier.id} className="row row--static" data-testid={`courier-row-${courier.id}`}>
                    <td>
                      <div className="cell-main">{courier.name}</div>
                      <div className="cell-sub mono">{courier.id}</div>
                    </td>
                    <td>{vehicleLabel(courier.vehicle)}</td>
                    <td className="nowrap">{courier.phone}</td>
                    <td>{courier.email}</td>
                    <td>
                      <span className={courier.active ? 'pill pill--on' : 'pill'}>
                        {courier.active ? 'Active' : 'Inactive'}
                      </span>
                    </td>
                    <td className="nowrap">
                      {courier.lastLocation ? (
                        <span title={calendar.formatDateTime(courier.lastLocation.at)}>
                          {calendar.formatAge(courier.lastLocation.at, now)}
                        </span>
                      ) : (
                        <span className="muted">Never</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="list-footer">
            <span className="muted">
              {list.items.length} {list.items.length === 1 ? 'courier' : 'couriers'}
            </span>
            {list.phase === 'error' && <ProblemNotice compact error={list.error} onRetry={list.loadMore} />}
            {list.hasMore && list.phase !== 'error' && (
              <button
                type="button"
                className="button button--secondary"
                onClick={list.loadMore}
                disabled={list.phase === 'loading-more'}
              >
                {list.phase === 'loading-more' ? 'Loading…' : 'Load more'}
              </button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
