// Volumes (Req 10.1): bookings, deliveries, failures and cancellations per day, week or month and channel,
// each against the period before.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { fetchVolumes, type Granularity, type Range, type VolumeReport } from '../api/analytics-api';
import { formatChange, toCsv } from '../hooks/analytics-format';
import { useAnalyticsReport } from '../hooks/use-report';
import { CHANNEL_COLOURS, CHANNEL_NAMES, ReportFrame, SectionHeader, Tile } from './report-frame';

const CHANNELS = ['VOICE', 'WEB', 'PARTNER', 'API'] as const;

export function bucketLabel(start: string, end: string, granularity: Granularity): string {
  if (granularity === 'MONTH') return start.slice(0, 7);
  if (granularity === 'WEEK') return start === end ? start : `${start.slice(5)}…${end.slice(5)}`;
  return start.slice(5);
}

export function volumesCsv(report: VolumeReport): string {
  return toCsv(
    [
      'start',
      'end',
      'bookings',
      'delivered',
      'failed',
      'returned',
      'cancelled',
      ...CHANNELS.map((c) => `${c.toLowerCase()}_bookings`),
      'bookings_previous',
      'bookings_change',
    ],
    report.buckets.map((b) => [
      b.start,
      b.end,
      b.figures.bookings,
      b.figures.delivered,
      b.figures.failed,
      b.figures.returned,
      b.figures.cancelled,
      ...CHANNELS.map((c) => b.figures.byChannel.find((x) => x.channel === c)?.bookings ?? 0),
      b.previous.bookings,
      formatChange(b.figures.bookings, b.previous.bookings),
    ]),
  );
}

export function VolumesView({ range, granularity }: { range: Range; granularity: Granularity }) {
  const state = useAnalyticsReport(() => fetchVolumes(range, granularity), `${range.from}|${range.to}|${granularity}`);
  return (
    <ReportFrame state={state}>
      {(report) => {
        const t = report.total;
        const p = report.previousTotal;
        const chart = report.buckets.map((b) => ({
          label: bucketLabel(b.start, b.end, granularity),
          ...Object.fromEntries(
            CHANNELS.map((c) => [c, b.figures.byChannel.find((x) => x.channel === c)?.bookings ?? 0]),
          ),
          delivered: b.figures.delivered,
          failed: b.figures.failed,
          cancelled: b.figures.cancelled,
        }));
        const vs = `against ${report.previousFrom} – ${report.previousTo}`;
        return (
          <>
            <div className="an-tiles">
              <Tile
                id="bookings"
                label="Bookings"
                value={t.bookings}
                hint={`${formatChange(t.bookings, p.bookings)} ${vs}`}
              />
              <Tile
                id="delivered"
                label="Delivered"
                value={t.delivered}
                hint={`${formatChange(t.delivered, p.delivered)} ${vs}`}
              />
              <Tile
                id="failed"
                label="Failed"
                value={t.failed}
                hint={`${t.returned} returned · ${formatChange(t.failed, p.failed)}`}
              />
              <Tile
                id="cancelled"
                label="Cancelled"
                value={t.cancelled}
                hint={formatChange(t.cancelled, p.cancelled)}
              />
            </div>
            <SectionHeader title="Bookings by channel" csv={() => volumesCsv(report)} name="volumes" />
            <div className="an-chart" data-testid="chart-volumes">
              <ResponsiveContainer width="100%" height={260}>
                <BarChart data={chart}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" fontSize={11} />
                  <YAxis allowDecimals={false} fontSize={11} />
                  <Tooltip />
                  <Legend />
                  {CHANNELS.map((c) => (
                    <Bar
                      key={c}
                      dataKey={c}
                      name={CHANNEL_NAMES[c]}
                      stackId="channel"
                      fill={CHANNEL_COLOURS[c]}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
            <SectionHeader title="Outcomes" />
            <div className="an-chart" data-testid="chart-outcomes">
              <ResponsiveContainer width="100%" height={200}>
                <BarChart data={chart}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" fontSize={11} />
                  <YAxis allowDecimals={false} fontSize={11} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="delivered" name="Delivered" fill="#27ae60" isAnimationActive={false} />
                  <Bar dataKey="failed" name="Failed" fill="#eb5757" isAnimationActive={false} />
                  <Bar dataKey="cancelled" name="Cancelled" fill="#9aa5b1" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
            <div className="table-wrap">
              <table className="table" data-testid="table-volumes">
                <thead>
                  <tr>
                    <th>Period</th>
                    <th>Bookings</th>
                    <th>Change</th>
                    {CHANNELS.map((c) => (
                      <th key={c}>{CHANNEL_NAMES[c]}</th>
                    ))}
                    <th>Delivered</th>
                    <th>Failed</th>
                    <th>Cancelled</th>
                  </tr>
                </thead>
                <tbody>
                  {[...report.buckets].reverse().map((b) => (
                    <tr key={b.start}>
                      <td>{b.start === b.end ? b.start : `${b.start} – ${b.end}`}</td>
                      <td>{b.figures.bookings}</td>
                      <td>{formatChange(b.figures.bookings, b.previous.bookings)}</td>
                      {CHANNELS.map((c) => (
                        <td key={c}>{b.figures.byChannel.find((x) => x.channel === c)?.bookings ?? 0}</td>
                      ))}
                      <td>{b.figures.delivered}</td>
                      <td>{b.figures.failed}</td>
                      <td>{b.figures.cancelled}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        );
      }}
    </ReportFrame>
  );
}
