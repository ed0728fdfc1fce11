import { describe, it, expect } from 'vitest';
import { MAX_REPORT_DAYS, reportDays } from './report-range';

describe('reportDays', () => {
  it('lists every day of the range, across a month end', () => {
    // Act
    const range = reportDays('2026-02-27', '2026-03-02');

    // Assess
    expect(range).toEqual({ ok: true, days: ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'] });
  });

  it('refuses missing, reversed and overlong ranges with what to do', () => {
    // Act
    const results = [
      reportDays('', '2026-03-02'),
      reportDays('2026-03-02', '2026-03-01'),
      reportDays('2026-01-01', '2026-12-31'),
    ];

    // Assess
    expect(results.map((r) => (r.ok ? 'ok' : r.message))).toEqual([
      'Choose both a start and an end date.',
      'The end date is before the start date: swap them.',
      `A report covers at most ${MAX_REPORT_DAYS} days: shorten the range.`,
    ]);
  });
});
