// A booking's status history, newest first: when, who, where, and what they noted.
import { STATUS_LOOK } from '../lib/booking-status';
import { useCompanyCalendar } from '../lib/company-calendar';
import type { StatusEventFields } from '../lib/api-types';
import { describeActor, describePoint, humanize } from '../lib/booking-text';

export function StatusTimeline({ history }: { history: StatusEventFields[] }) {
  const calendar = useCompanyCalendar();
  const newestFirst = [...history].reverse();
  return (
    <ol className="timeline" data-testid="status-timeline">
      {newestFirst.map((event, index) => {
        const look = STATUS_LOOK[event.status];
        return (
          <li key={`${event.at}:${event.status}:${index}`} className="timeline__item">
            <span className="timeline__dot" style={{ background: look.colour }} aria-hidden="true" />
            <div className="timeline__head">
              <span className="timeline__status">{look.label}</span>
              <time className="timeline__time" dateTime={event.at}>
                {calendar.formatDateTime(event.at)}
              </time>
            </div>
            <div className="timeline__meta">{describeActor(event.actor)}</div>
            {event.location && <div className="timeline__meta">At {describePoint(event.location)}</div>}
            {event.failureReason && <div className="timeline__meta">Reason: {humanize(event.failureReason)}</div>}
            {event.proof?.recipientName && (
              <div className="timeline__meta">Received by {event.proof.recipientName}</div>
            )}
            {event.note && <p className="timeline__note">{event.note}</p>}
          </li>
        );
      })}
    </ol>
  );
}
