// Routes (Req 10.4): the busiest corridors and hours, and suggestions computed from them with their figures.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { fetchRoutes, type Range, type RouteReport } from '../api/analytics-api';
import { formatPercent, toCsv } from '../hooks/analytics-format';
import { useAnalyticsReport } from '../hooks/use-report';
import { ReportFrame, SectionHeader } from './report-frame';

export function routesCsv(report: RouteReport): string {
  return toCsv(
    ['from', 'to', 'bookings', 'per_day'],
    report.corridors.map((c) => [c.fromName, c.toName, c.bookings, c.perDay]),
  );
}

const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;

export function RoutesView({ range }: { range: Range }) {
  const state = useAnalyticsReport(() => fetchRoutes(range), `${range.from}|${range.to}`);
  return (
    <ReportFrame state={state}>
      {(report) => {
        const hours = report.pickupsByHour
          .map((p, i) => ({ hour: hour(p.hour), pickups: p.count, deliveries: report.deliveriesByHour[i]?.count ?? 0 }))
          .filter((h) => h.pickups + h.deliveries > 0);
        return (
          <>
            <SectionHeader title="Suggestions" />
            {report.suggestions.length === 0 ? (
              <p data-testid="no-suggestions">
                No pattern in these {report.days} days is strong enough to suggest a change.
              </p>
            ) : (
              <div className="an-suggestions">
                {report.suggestions.map((s) => (
                  <article key={s.title} className="an-suggestion" data-testid="suggestion">
                    <h3>{s.title}</h3>
                    <p>{s.detail}</p>
                    <dl>
                      {s.figures.map((f) => (
                        <div key={f.label}>
                          <dt>{f.label}</dt>
                          <dd>{f.value}</dd>
                        </div>
                      ))}
                    </dl>
                  </article>
                ))}
              </div>
            )}
            <SectionHeader title="Pickups and deliveries by hour" />
            <div className="an-chart" data-testid="chart-hours">
              <ResponsiveContainer width="100%" height={220}>
                <BarChart data={hours}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="hour" fontSize={11} />
                  <YAxis allowDecimals={false} fontSize={11} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="pickups" name="Pickups (window start)" fill="#2f80ed" isAnimationActive={false} />
                  <Bar dataKey="deliveries" name="Deliveries" fill="#27ae60" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <div className="an-split">
              <div>
                <SectionHeader title="Busiest corridors" csv={() => routesCsv(report)} name="routes" />
                <table className="table" data-testid="table-corridors">
                  <thead>
                    <tr>
                      <th>From</th>
                      <th>To</th>
                      <th>Parcels</th>
                      <th>Per day</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.corridors.slice(0, 10).map((c) => (
                      <tr key={`${c.from}-${c.to}`}>
                        <td>{c.fromName}</td>
                        <td>{c.toName}</td>
                        <td>{c.bookings}</td>
                        <td>{c.perDay.toFixed(1)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div>
                <SectionHeader title="Busiest pickup hours by region" />
                <table className="table" data-testid="table-slots">
                  <thead>
                    <tr>
                      <th>Region</th>
                      <th>Hour</th>
                      <th>Pickups</th>
                      <th>Late</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.busiestSlots.slice(0, 10).map((s) => (
                      <tr key={`${s.regionId}-${s.hour}`}>
                        <td>{s.name}</td>
                        <td>{hour(s.hour)}</td>
                        <td>{s.pickups}</td>
                        <td>{formatPercent(s.lateRate)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </>
        );
      }}
    </ReportFrame>
  );
}
