// Feedback (Req 10.3): ratings and sentiment over time, complaint categories by severity, and the comments
// behind any figure (click it).
import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  fetchComments,
  fetchFeedback,
  type CommentFilter,
  type FeedbackReport,
  type Granularity,
  type Range,
} from '../api/analytics-api';
import { formatPercent, formatRating, toCsv } from '../hooks/analytics-format';
import { useAnalyticsReport } from '../hooks/use-report';
import { bucketLabel } from './volumes-view';
import { ReportFrame, SectionHeader, Tile } from './report-frame';

const SENTIMENT_COLOURS: Record<string, string> = {
  POSITIVE: '#27ae60',
  NEUTRAL: '#9aa5b1',
  NEGATIVE: '#eb5757',
  MIXED: '#f2994a',
};
const words = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, ' ');

export function feedbackCsv(report: FeedbackReport): string {
  return toCsv(
    [
      'start',
      'end',
      'feedback',
      'complaints',
      'flagged',
      'ratings',
      'average_rating',
      'positive',
      'neutral',
      'negative',
      'mixed',
    ],
    report.buckets.map((b) => [
      b.start,
      b.end,
      b.figures.feedback,
      b.figures.complaints,
      b.figures.flagged,
      b.figures.ratings,
      b.figures.averageRating,
      ...['POSITIVE', 'NEUTRAL', 'NEGATIVE', 'MIXED'].map(
        (l) => b.figures.sentiment.find((s) => s.label === l)?.count ?? 0,
      ),
    ]),
  );
}

function Comments({
  range,
  filter,
  onClose,
}: {
  range: Range;
  filter: CommentFilter & { label: string };
  onClose: () => void;
}) {
  const { label, ...query } = filter;
  const state = useAnalyticsReport(
    () => fetchComments(range, query),
    `${range.from}|${range.to}|${JSON.stringify(query)}`,
  );
  return (
    <div className="an-comments" data-testid="comments">
      <div className="analytics__section-header">
        <h3 className="section-title">Comments behind “{label}”</h3>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <ReportFrame state={state}>
        {(page) =>
          page.items.length === 0 ? (
            <p>No comments.</p>
          ) : (
            <ul className="an-comments__list">
              {page.items.map((f) => (
                <li key={f.reference} data-testid="comment">
                  <span className="an-comments__meta">
                    {f.createdAt.slice(0, 10)} · {f.bookingReference} · {f.rating ? `${f.rating}★` : 'no rating'} ·{' '}
                    {words(f.sentiment.label)}
                    {f.complaintCategory ? ` · ${words(f.complaintCategory)} (${words(f.severity ?? 'LOW')})` : ''}
                  </span>
                  “{f.text}”
                </li>
              ))}
              {page.nextToken && (
                <li className="an-comments__more">More comments in this range: narrow the dates to see them.</li>
              )}
            </ul>
          )
        }
      </ReportFrame>
    </div>
  );
}

export function FeedbackView({ range, granularity }: { range: Range; granularity: Granularity }) {
  const state = useAnalyticsReport(() => fetchFeedback(range, granularity), `${range.from}|${range.to}|${granularity}`);
  const [filter, setFilter] = useState<(CommentFilter & { label: string }) | null>(null);
  return (
    <ReportFrame state={state}>
      {(report) => {
        const t = report.total;
        const trend = report.buckets.map((b) => ({
          label: bucketLabel(b.start, b.end, granularity),
          rating:
            b.figures.averageRating === null || b.figures.averageRating === undefined
              ? null
              : Math.round(b.figures.averageRating * 100) / 100,
          ...Object.fromEntries(b.figures.sentiment.map((s) => [s.label, s.count])),
        }));
        const show = (f: CommentFilter & { label: string }) => setFilter(f);
        return (
          <>
            <div className="an-tiles">
              <Tile id="feedback" label="Feedback" value={t.feedback} hint={`${t.ratings} with a rating`} />
              <Tile id="rating" label="Average rating" value={formatRating(t.averageRating)} />
              <Tile
                id="complaints"
                label="Complaints"
                value={t.complaints}
                hint={`${formatPercent(t.feedback ? t.complaints / t.feedback : null)} of feedback`}
              />
              <Tile id="flagged" label="High severity" value={t.flagged} hint="flagged for immediate attention" />
            </div>
            <div className="an-split">
              <div>
                <SectionHeader title="Average rating" csv={() => feedbackCsv(report)} name="feedback" />
                <div className="an-chart" data-testid="chart-rating">
                  <ResponsiveContainer width="100%" height={220}>
                    <LineChart data={trend}>
                      <CartesianGrid strokeDasharray="3 3" vertical={false} />
                      <XAxis dataKey="label" fontSize={11} />
                      <YAxis domain={[1, 5]} fontSize={11} />
                      <Tooltip />
                      <Line
                        dataKey="rating"
                        name="Average rating"
                        stroke="#2f80ed"
                        connectNulls
                        dot={false}
                        isAnimationActive={false}
                      />
                    </LineChart>
                  </ResponsiveContainer>
                </div>
              </div>
              <div>
                <SectionHeader title="Sentiment" />
                <div className="an-chart" data-testid="chart-sentiment">
                  <ResponsiveContainer width="100%" height={220}>
                    <BarChart data={trend}>
                      <CartesianGrid strokeDasharray="3 3" vertical={false} />
                      <XAxis dataKey="label" fontSize={11} />
                      <YAxis allowDecimals={false} fontSize={11} />
                      <Tooltip />
                      {['POSITIVE', 'NEUTRAL', 'MIXED', 'NEGATIVE'].map((l) => (
                        <Bar
                          key={l}
                          dataKey={l}
                          name={words(l)}
                          stackId="s"
                          fill={SENTIMENT_COLOURS[l]}
                          isAnimationActive={false}
                        />
                      ))}
                    </BarChart>
                  </ResponsiveContainer>
                </div>
              </div>
            </div>
            <div className="an-split">
              <div>
                <SectionHeader title="Ratings" />
                <table className="table" data-testid="table-ratings">
                  <tbody>
                    {[...t.ratingCounts].reverse().map((r) => (
                      <tr key={r.rating}>
                        <td>{'★'.repeat(r.rating)}</td>
                        <td>
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => show({ rating: r.rating, label: `${r.rating}★` })}
                          >
                            {r.count}
                          </button>
                        </td>
                      </tr>
                    ))}
                    {t.sentiment.map((s) => (
                      <tr key={s.label}>
                        <td>{words(s.label)} sentiment</td>
                        <td>
                          <button
                            type="button"
                            className="link-button"
                            onClick={() => show({ sentiment: s.label, label: `${words(s.label)} sentiment` })}
                          >
                            {s.count}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div>
                <SectionHeader title="Complaints by category and severity" />
                <table className="table" data-testid="table-categories">
                  <thead>
                    <tr>
                      <th>Category</th>
                      <th>All</th>
                      <th>Low</th>
                      <th>Medium</th>
                      <th>High</th>
                    </tr>
                  </thead>
                  <tbody>
                    {t.categories.map((c) => (
                      <tr key={c.category}>
                        <td>{words(c.category)}</td>
                        <td>
                          <button
                            type="button"
                            className="link-button"
                            data-testid={`category-${c.category}`}
                            onClick={() => show({ category: c.category, label: words(c.category) })}
                          >
                            {c.count}
                          </button>
                        </td>
                        {c.severities.map((s) => (
                          <td key={s.severity}>
                            <button
                              type="button"
                              className="link-button"
                              onClick={() =>
                                show({
                                  category: c.category,
                                  severity: s.severity,
                                  label: `${words(c.category)}, ${words(s.severity)}`,
                                })
                              }
                            >
                              {s.count}
                            </button>
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
            {filter && <Comments range={range} filter={filter} onClose={() => setFilter(null)} />}
          </>
        );
      }}
    </ReportFrame>
  );
}
