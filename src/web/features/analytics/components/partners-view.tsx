// Partner analytics (Req 10.8): per partner volumes, success and on-time rates, complaints and ratings. An
// admin sees every partner; a partner user its own (the API decides).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { fetchPartners, type PartnerFigures, type Range } from '../api/analytics-api';
import { formatPercent, formatRating, toCsv } from '../hooks/analytics-format';
import { useAnalyticsReport } from '../hooks/use-report';
import { ReportFrame, SectionHeader } from './report-frame';

export function partnersCsv(rows: PartnerFigures[]): string {
  return toCsv(
    [
      'partner',
      'bookings',
      'delivered',
      'failed',
      'cancelled',
      'success_rate',
      'on_time_rate',
      'feedback',
      'complaints',
      'average_rating',
    ],
    rows.map((p) => [
      p.name,
      p.bookings,
      p.delivered,
      p.failed,
      p.cancelled,
      p.successRate,
      p.onTimeRate,
      p.feedback,
      p.complaints,
      p.averageRating,
      p.calls,
      p.mcpCalls,
      p.graphqlCalls,
      p.errors,
      p.rateLimited,
    ]),
  );
}

export function PartnersView({ range, partnerId }: { range: Range; partnerId?: string }) {
  const state = useAnalyticsReport(
    () => fetchPartners(range, partnerId),
    `${range.from}|${range.to}|${partnerId ?? ''}`,
  );
  return (
    <ReportFrame state={state}>
      {(rows) => (
        <>
          <SectionHeader title="Partners" csv={() => partnersCsv(rows)} name="partners" />
          <div className="an-chart" data-testid="chart-partners">
            <ResponsiveContainer width="100%" height={220}>
              <BarChart
                data={rows.map((p) => ({
                  name: p.name,
                  delivered: p.delivered,
                  failed: p.failed,
                  cancelled: p.cancelled,
                }))}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="name" fontSize={11} />
                <YAxis allowDecimals={false} fontSize={11} />
                <Tooltip />
                <Legend />
                <Bar dataKey="delivered" name="Delivered" stackId="p" fill="#27ae60" isAnimationActive={false} />
                <Bar dataKey="failed" name="Failed" stackId="p" fill="#eb5757" isAnimationActive={false} />
                <Bar dataKey="cancelled" name="Cancelled" stackId="p" fill="#9aa5b1" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <div className="table-wrap">
            <table className="table" data-testid="table-partners">
              <thead>
                <tr>
                  <th>Partner</th>
                  <th>Bookings</th>
                  <th>Delivered</th>
                  <th>Success</th>
                  <th>On time</th>
                  <th>Complaints</th>
                  <th>Rating</th>
                  <th>API calls (MCP / GraphQL)</th>
                  <th>Errors</th>
                  <th>Rate-limited</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr key={p.partnerId} data-testid={`partner-${p.partnerId}`}>
                    <td>{p.name}</td>
                    <td>{p.bookings}</td>
                    <td>{p.delivered}</td>
                    <td>{formatPercent(p.successRate)}</td>
                    <td>{formatPercent(p.onTimeRate)}</td>
                    <td>
                      {p.complaints} of {p.feedback}
                    </td>
                    <td>{formatRating(p.averageRating)}</td>
                    <td>
                      {p.calls} ({p.mcpCalls} / {p.graphqlCalls})
                    </td>
                    <td>{p.errors}</td>
                    <td>{p.rateLimited}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </ReportFrame>
  );
}
