// Executive summaries (Req 10.6): the weekly PDFs the scheduler made, and "generate now" for any week.
import { useState } from 'react';
import { ExecutiveSummariesDocument, GenerateExecutiveSummaryDocument } from '../../../../generated/graphql';
import { runOperation } from '../../../lib/graphql-client';
import { ProblemNotice } from '../../../components/problem-notice';
import { useAnalyticsReport } from '../hooks/use-report';
import { ReportFrame, SectionHeader } from './report-frame';

export function SummariesView({ defaultWeek }: { defaultWeek: string }) {
  const [week, setWeek] = useState(defaultWeek);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<unknown>(null);
  const [made, setMade] = useState(0);
  const state = useAnalyticsReport(
    async () => (await runOperation(ExecutiveSummariesDocument, {})).executiveSummaries,
    String(made),
  );
  const generate = () => {
    setBusy(true);
    setProblem(null);
    runOperation(GenerateExecutiveSummaryDocument, { week }).then(
      () => {
        setBusy(false);
        setMade((n) => n + 1);
      },
      (error: unknown) => {
        setBusy(false);
        setProblem(error);
      },
    );
  };
  return (
    <>
      <SectionHeader title="Weekly executive summaries" />
      <div className="filters">
        <label className="control">
          <span className="control__label">Any day of the week</span>
          <input type="date" value={week} onChange={(e) => setWeek(e.target.value)} data-testid="summary-week" />
        </label>
        <button type="button" className="button" onClick={generate} disabled={busy} data-testid="summary-generate">
          {busy ? 'Generating…' : 'Generate now'}
        </button>
      </div>
      {problem !== null && <ProblemNotice error={problem} compact />}
      <ReportFrame state={state}>
        {(rows) => (
          <table className="table" data-testid="table-summaries">
            <thead>
              <tr>
                <th>Week</th>
                <th>Generated</th>
                <th>PDF</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.week} data-testid={`summary-${s.week}`}>
                  <td>
                    {s.from} – {s.to}
                  </td>
                  <td>{s.generatedAt.slice(0, 16).replace('T', ' ')} UTC</td>
                  <td>
                    <a href={s.url} target="_blank" rel="noreferrer">
                      Download PDF
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ReportFrame>
    </>
  );
}
