// The voicebot's performance (Req 2.4): calls by outcome, containment, intent recognition, turns per call,
// the most frequent missed utterances and the slots most often asked again — recorded by the code hook.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AnalyticsBotDocument, type AnalyticsBotQuery } from '../../../../generated/graphql';
import { runOperation } from '../../../lib/graphql-client';
import type { Granularity, Range } from '../api/analytics-api';
import { formatPercent, toCsv } from '../hooks/analytics-format';
import { useAnalyticsReport } from '../hooks/use-report';
import { bucketLabel } from './volumes-view';
import { ReportFrame, SectionHeader, Tile } from './report-frame';

type BotReport = AnalyticsBotQuery['analyticsBot'];

const OUTCOMES = [
  ['BOOKED', 'Booked', '#27ae60'],
  ['TRACKED', 'Tracked', '#2f80ed'],
  ['FEEDBACK', 'Feedback', '#9b51e0'],
  ['TRANSFERRED', 'To an agent', '#f2994a'],
  ['ABANDONED', 'Abandoned', '#9aa5b1'],
] as const;
const words = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ');

export const fetchBot = async (range: Range, granularity: Granularity) =>
  (await runOperation(AnalyticsBotDocument, { ...range, granularity })).analyticsBot;

export function botCsv(report: BotReport): string {
  return toCsv(
    [
      'start',
      'end',
      'calls',
      ...OUTCOMES.map(([o]) => o.toLowerCase()),
      'containment_rate',
      'recognition_rate',
      'average_turns',
    ],
    report.buckets.map((b) => [
      b.start,
      b.end,
      b.figures.calls,
      ...OUTCOMES.map(([o]) => b.figures.outcomes.find((x) => x.outcome === o)?.count ?? 0),
      b.figures.containmentRate,
      b.figures.recognitionRate,
      b.figures.averageTurns,
    ]),
  );
}

export function BotView({ range, granularity }: { range: Range; granularity: Granularity }) {
  const state = useAnalyticsReport(() => fetchBot(range, granularity), `${range.from}|${range.to}|${granularity}`);
  return (
    <ReportFrame state={state}>
      {(report) => {
        const t = report.total;
        const chart = report.buckets.map((b) => ({
          label: bucketLabel(b.start, b.end, granularity),
          ...Object.fromEntries(b.figures.outcomes.map((o) => [o.outcome, o.count])),
        }));
        return (
          <>
            <div className="an-tiles">
              <Tile id="calls" label="Calls" value={t.calls} />
              <Tile
                id="containment"
                label="Contained"
                value={formatPercent(t.containmentRate)}
                hint="finished without an agent"
              />
              <Tile
                id="recognition"
                label="Intent recognized"
                value={formatPercent(t.recognitionRate)}
                hint="of caller turns"
              />
              <Tile
                id="turns"
                label="Turns per call"
                value={t.averageTurns === null || t.averageTurns === undefined ? '—' : t.averageTurns.toFixed(1)}
              />
            </div>
            <SectionHeader title="Calls by outcome" csv={() => botCsv(report)} name="voicebot" />
            <div className="an-chart" data-testid="chart-bot">
              <ResponsiveContainer width="100%" height={240}>
                <BarChart data={chart}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" fontSize={11} />
                  <YAxis allowDecimals={false} fontSize={11} />
                  <Tooltip />
                  <Legend />
                  {OUTCOMES.map(([o, label, colour]) => (
                    <Bar key={o} dataKey={o} name={label} stackId="o" fill={colour} isAnimationActive={false} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            </div>
            <div className="an-split">
              <div>
                <SectionHeader title="Most frequent missed utterances" />
                <table className="table" data-testid="table-missed">
                  <tbody>
                    {report.missedUtterances.map((u) => (
                      <tr key={u.text}>
                        <td>“{u.text}”</td>
                        <td>{u.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div>
                <SectionHeader title="Slots most often asked again" />
                <table className="table" data-testid="table-reasked">
                  <tbody>
                    {report.reaskedSlots.map((s) => (
                      <tr key={s.slot}>
                        <td>{s.slot}</td>
                        <td>{s.count}</td>
                      </tr>
                    ))}
                    {t.transfers.map((x) => (
                      <tr key={x.reason}>
                        <td>Transferred: {words(x.reason)}</td>
                        <td>{x.count}</td>
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
