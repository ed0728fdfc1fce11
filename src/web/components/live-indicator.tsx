// Tells the user whether the list on screen is being kept current.
import { useLiveness } from '../lib/use-connection-state';

const LABELS = { live: 'Live', connecting: 'Connecting…', offline: 'Offline' } as const;

export function LiveIndicator({ failed = false }: { failed?: boolean }) {
  const liveness = useLiveness();
  const state = failed ? 'offline' : liveness;
  // Whether the list is live is true only now: a saved copy of the page leaves this out (app/day-snapshot.ts).
  return (
    <span
      className={`live live--${state}`}
      data-testid="live-indicator"
      data-state={state}
      data-snapshot-omit=""
      title={failed ? 'Live updates stopped. Reload the page to resume them.' : undefined}
    >
      <span className="live__dot" aria-hidden="true" />
      {failed ? 'Live updates paused' : LABELS[state]}
    </span>
  );
}
