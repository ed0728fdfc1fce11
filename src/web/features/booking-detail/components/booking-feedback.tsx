// What the customer said about this delivery: ratings, comments and complaints with their category,
// severity, sentiment and whether they were flagged for immediate attention.
import { Loading } from '../../../components/feedback-states';
import { ProblemNotice } from '../../../components/problem-notice';
import type { FeedbackFields } from '../../../lib/api-types';
import { humanize } from '../../../lib/booking-text';
import { useCompanyCalendar } from '../../../lib/company-calendar';
import type { BookingFeedback as BookingFeedbackState } from '../hooks/use-booking-feedback';

function Stars({ rating }: { rating: number }) {
  return (
    <span className="stars" aria-label={`${rating} out of 5`} title={`${rating} out of 5`}>
      {'★'.repeat(rating)}
      <span className="stars__empty">{'★'.repeat(Math.max(0, 5 - rating))}</span>
    </span>
  );
}

function Entry({ entry }: { entry: FeedbackFields }) {
  const calendar = useCompanyCalendar();
  const complaint = entry.type === 'COMPLAINT';
  return (
    <li
      className={`feedback-entry${entry.flagged ? ' feedback-entry--flagged' : ''}`}
      data-testid="booking-feedback-entry"
      data-reference={entry.reference}
    >
      <div className="feedback-entry__head">
        <strong>{complaint ? 'Complaint' : 'Feedback'}</strong>
        {entry.rating !== null && <Stars rating={entry.rating} />}
        {entry.complaintCategory && <span className="tag">{humanize(entry.complaintCategory)}</span>}
        {entry.severity && <span className="tag">{humanize(entry.severity)} severity</span>}
        {entry.flagged && <span className="tag tag--danger">Flagged for attention</span>}
      </div>
      <p className="feedback-entry__text">{entry.text}</p>
      <div className="cell-sub">
        {entry.reference} · {humanize(entry.channel)} · {calendar.formatDateTime(entry.createdAt)} · sentiment{' '}
        {humanize(entry.sentiment.label)}
      </div>
    </li>
  );
}

export function BookingFeedback({ feedback }: { feedback: BookingFeedbackState }) {
  if (feedback.phase === 'loading') return <Loading label="Loading feedback…" />;
  if (feedback.phase === 'error') return <ProblemNotice error={feedback.error} onRetry={feedback.retry} />;
  if (feedback.entries.length === 0) {
    return (
      <p className="muted" data-testid="booking-feedback">
        No feedback on this booking yet.
      </p>
    );
  }
  return (
    <ul className="feedback-list" data-testid="booking-feedback">
      {feedback.entries.map((entry) => (
        <Entry key={entry.reference} entry={entry} />
      ))}
    </ul>
  );
}
