// Shows a failed call as a plain message and what to do next, never as a raw error; the raw error goes to
// the browser's log for whoever investigates.
import { useEffect } from 'react';
import { describeProblem } from '../lib/graphql-errors';

export type ProblemNoticeProps = { error: unknown; onRetry?: () => void; compact?: boolean };

export function ProblemNotice({ error, onRetry, compact = false }: ProblemNoticeProps) {
  const problem = describeProblem(error);
  useEffect(() => {
    console.warn(`[problem] ${problem.kind}: ${problem.message}`, error);
  }, [error, problem.kind, problem.message]);
  return (
    <div className={compact ? 'notice notice--error notice--compact' : 'notice notice--error'} role="alert">
      <div className="notice__text">
        <strong>{problem.message}</strong> <span>{problem.action}</span>
      </div>
      {onRetry && problem.kind !== 'access' && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
