// Runs a report: walks listBookings day by day (reporting progress), keeps the rows in day order, and lets
// a newer run replace one still in flight.
import { useCallback, useRef, useState } from 'react';
import type { BookingFields } from '../../../lib/api-types';
import { fetchReportDay, type ReportQuery } from '../api/reports-api';

export type ReportRun = {
  phase: 'idle' | 'loading' | 'ready' | 'error';
  rows: BookingFields[];
  progress: { done: number; total: number };
  error: unknown;
  run: (days: string[], query: ReportQuery) => void;
};

/** Days fetched at once: enough to overlap round trips without flooding the API. */
const PARALLEL_DAYS = 4;

export function useReport(): ReportRun {
  const [phase, setPhase] = useState<ReportRun['phase']>('idle');
  const [rows, setRows] = useState<BookingFields[]>([]);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [error, setError] = useState<unknown>(null);
  const runs = useRef(0);

  const run = useCallback((days: string[], query: ReportQuery) => {
    const runId = ++runs.current;
    setPhase('loading');
    setRows([]);
    setProgress({ done: 0, total: days.length });
    const byDay: BookingFields[][] = [];
    let next = 0;
    let done = 0;
    const worker = async (): Promise<void> => {
      while (next < days.length && runId === runs.current) {
        const index = next++;
        byDay[index] = await fetchReportDay(days[index]!, query);
        done += 1;
        if (runId === runs.current) setProgress({ done, total: days.length });
      }
    };
    Promise.all(Array.from({ length: Math.min(PARALLEL_DAYS, days.length) }, worker)).then(
      () => {
        if (runId !== runs.current) return;
        setRows(byDay.flat());
        setPhase('ready');
      },
      (failure: unknown) => {
        if (runId !== runs.current) return;
        setError(failure);
        setPhase('error');
      },
    );
  }, []);

  return { phase, rows, progress, error, run };
}
