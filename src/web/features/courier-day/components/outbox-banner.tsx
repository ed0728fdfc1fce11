// The state of the phone's outbox in one line at the top of every courier page: offline with N waiting,
// sending, or updates the server refused — each with its reason and what the courier can do.
import { useCompanyCalendar } from '../../../lib/company-calendar';
import { useOutbox } from '../hooks/use-outbox';
import { statusLabel } from './status-actions';

export function OutboxBanner() {
  const outbox = useOutbox();
  const calendar = useCompanyCalendar();
  const waiting = outbox.items.filter((u) => u.state === 'waiting');
  const refused = outbox.items.filter((u) => u.state === 'conflict');
  const paused = outbox.last?.kind === 'paused' ? outbox.last.message : undefined;
  return (
    <div className="outbox" data-testid="outbox" data-waiting={waiting.length} data-refused={refused.length}>
      {!outbox.online && (
        <p className="outbox__line outbox__line--offline" role="status" data-testid="offline-banner">
          <strong>Offline.</strong>{' '}
          {waiting.length > 0
            ? `${waiting.length} update${waiting.length === 1 ? '' : 's'} waiting to send — they go as soon as you are back online.`
            : 'Updates you make are kept on this phone and sent when you are back online.'}
        </p>
      )}
      {outbox.online && waiting.length > 0 && (
        <p className="outbox__line" role="status">
          {outbox.sending ? 'Sending' : 'Waiting to send'} {waiting.length} update{waiting.length === 1 ? '' : 's'}…
          {paused && <span className="muted"> {paused} Trying again shortly.</span>}
        </p>
      )}
      {refused.map((u) => (
        <div
          key={u.id}
          className="outbox__refused notice notice--error"
          role="alert"
          data-testid={`refused-${u.reference}`}
        >
          <div className="notice__text">
            <strong>
              {u.reference}: “{statusLabel(u.status)}” at {calendar.formatTime(u.at)} was not accepted.
            </strong>{' '}
            <span>
              {u.problem ?? 'The server refused it.'} Call your dispatcher if this delivery is still with you.
            </span>
          </div>
          <div className="outbox__actions">
            <button type="button" className="button button--ghost" onClick={() => void outbox.retry(u.id)}>
              Try again
            </button>
            <button type="button" className="button button--secondary" onClick={() => void outbox.dismiss(u.id)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
