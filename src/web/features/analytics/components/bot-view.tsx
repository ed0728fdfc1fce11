// The voicebot's performance (Req 2.4): calls by outcome, containment, intent recognition, turns per call,
// the most frequent missed utterances and the slots most often asked again — recorded by the code hook — and
// beside them the same conversations as Amazon Lex V2's own analytics count them, with the intent stages
// (slots, confirmation, fulfillment) Lex had to ask again most.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  AnalyticsBotDocument,
  AnalyticsLexDocument,
  type AnalyticsBotQuery,
  type AnalyticsLexQuery,
} from '../../../../generated/graphql';
import { runOperation } from '../../../lib/graphql-client';
import type { Granularity, Range } from '../api/analytics-api';
import { formatPercent, toCsv } from '../hooks/analytics-format';
import { useAnalyticsReport } from '../hooks/use-report';
import { bucketLabel } from './volumes-view';
import { ReportFrame, SectionHeader, Tile } from './report-frame';

type BotReport = AnalyticsBotQuery['analyticsBot'];
type LexReport = AnalyticsLexQuery['analyticsLex'];
type BotFigures = BotReport['total'];

const OUTCOMES = [
  ['BOOKED', 'Booked', '#27ae60'],
  ['TRACKED', 'Tracked', '#2f80ed'],
  ['FEEDBACK', 'Feedback', '#9b51e0'],
  ['TRANSFERRED', 'To an agent', '#f2994a'],
  ['ABANDONED', 'Abandoned', '#9aa5b1'],
] as const;
const words = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ');

export const fetchBot = async (range: Range, granularity: Granularity) => {
  const [bot, lex] = await Promise.all([
    runOperation(AnalyticsBotDocument, { ...range, granularity }),
    runOperation(AnalyticsLexDocument, range),
  ]);
  return { ...bot.analyticsBot, lex: lex.analyticsLex };
};

const outcome = (f: BotFigures, ...names: string[]) =>
  f.outcomes.filter((o) => names.includes(o.outcome)).reduce((sum, o) => sum + o.count, 0);
const turns = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(1));

/** The code hook's figure, Lex's, and in one line why the two differ by definition. */
function comparisons(t: BotFigures, lex: LexReport) {
  return [
    {
      id: 'conversations',
      label: 'Conversations',
      hook: t.calls,
      lex: lex.conversations ?? 0,
      why: 'Lex starts a new conversation when a caller speaks again after the session timeout; the code hook counts each call once.',
    },
    {
      id: 'success',
      label: 'Succeeded',
      hook: outcome(t, 'BOOKED', 'TRACKED', 'FEEDBACK'),
      lex: lex.success ?? 0,
      why: 'Lex counts conversations whose last intent closed fulfilled; the code hook counts calls that booked, tracked or left feedback.',
    },
    {
      id: 'failure',
      label: 'Failed (Lex) · to an agent (code hook)',
      hook: outcome(t, 'TRANSFERRED'),
      lex: lex.failure ?? 0,
      why: 'Lex counts conversations whose last intent failed or fell back; the code hook counts calls handed to an agent.',
    },
    {
      id: 'dropped',
      label: 'Dropped (Lex) · abandoned (code hook)',
      hook: outcome(t, 'ABANDONED'),
      lex: lex.dropped ?? 0,
      why: 'Lex counts a conversation dropped only once its session times out; the code hook counts a hang-up at once.',
    },
    {
      id: 'turns',
      label: 'Turns per conversation',
      hook: turns(t.averageTurns),
      lex: turns(lex.averageTurns),
      why: 'Lex counts every utterance, re-asks it answers without the code hook included; the code hook counts the turns it answered.',
    },
  ];
}

function LexTable({ total, lex }: { total: BotFigures; lex: LexReport }) {
  if (lex.state !== 'AVAILABLE')
    return (
      <p className="an-lex-state" data-testid="lex-state" data-state={lex.state}>
        {lex.detail}
      </p>
    );
  return (
    <>
      <p className="an-lex-state" data-testid="lex-state" data-state={lex.state}>
        {lex.detail} Lex counts only the conversations it served itself since the bot was deployed; the code hook&apos;s
        column also holds the calls recorded before that (history brought over, or the local demo&apos;s seeded calls),
        so the two totals differ by those.
      </p>
      <table className="table" data-testid="table-lex">
        <thead>
          <tr>
            <th />
            <th>Code hook</th>
            <th>Amazon Lex</th>
            <th>Why they differ</th>
          </tr>
        </thead>
        <tbody>
          {comparisons(total, lex).map((row) => (
            <tr key={row.id} data-testid={`lex-${row.id}`}>
              <td>{row.label}</td>
              <td data-testid={`lex-${row.id}-hook`}>{row.hook}</td>
              <td data-testid={`lex-${row.id}-lex`}>{row.lex}</td>
              <td className="an-lex-why">{String(row.hook) === String(row.lex) ? '' : row.why}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="an-split">
        <div>
          <SectionHeader title="Intents as Lex counts them" />
          <LexIntents intents={lex.intents} />
        </div>
        <div>
          <SectionHeader title="Stages Lex re-asked most" csv={() => lexStagesCsv(lex)} name="voicebot-lex-stages" />
          <LexStages stages={lex.stages} />
        </div>
      </div>
    </>
  );
}

function LexIntents({ intents }: { intents: LexReport['intents'] }) {
  return (
    <table className="table" data-testid="table-lex-intents">
      <thead>
        <tr>
          <th>Intent</th>
          <th>Count</th>
          <th>Success</th>
          <th>Failure</th>
          <th>Switched</th>
          <th>Dropped</th>
        </tr>
      </thead>
      <tbody>
        {intents.map((i) => (
          <tr key={i.intent}>
            <td>{i.intent}</td>
            <td>{i.count}</td>
            <td>{i.success}</td>
            <td>{i.failure}</td>
            <td>{i.switched}</td>
            <td>{i.dropped}</td>
          </tr>
        ))}
        {intents.length === 0 && (
          <tr>
            <td colSpan={6} className="an-lex-why">
              Lex has counted no intents in these days.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/** Lex's intent stages, the most re-asked first (the order the report gives). */
function LexStages({ stages }: { stages: LexReport['stages'] }) {
  return (
    <table className="table" data-testid="table-lex-stages">
      <thead>
        <tr>
          <th>Stage</th>
          <th>Intent</th>
          <th>Reached</th>
          <th>Retried</th>
          <th>Dropped</th>
        </tr>
      </thead>
      <tbody>
        {stages.map((s) => (
          <tr key={`${s.intent}/${s.stage}`} data-testid={`lex-stage-${s.intent}-${s.stage}`}>
            <td>{s.stage}</td>
            <td>{s.intent}</td>
            <td>{s.count}</td>
            <td>{s.retried}</td>
            <td>{s.dropped}</td>
          </tr>
        ))}
        {stages.length === 0 && (
          <tr>
            <td colSpan={5} className="an-lex-why">
              Lex has counted no intent stages in these days.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export function lexStagesCsv(lex: LexReport): string {
  return toCsv(
    ['intent', 'stage', 'reached', 'success', 'failed', 'dropped', 'retried'],
    lex.stages.map((s) => [s.intent, s.stage, s.count, s.success, s.failed, s.dropped, s.retried]),
  );
}

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
            <SectionHeader title="As Amazon Lex counts them" />
            <LexTable total={t} lex={report.lex} />
          </>
        );
      }}
    </ReportFrame>
  );
}
