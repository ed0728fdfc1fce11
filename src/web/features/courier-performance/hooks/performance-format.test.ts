import { describe, expect, it } from 'vitest';
import { chartRange, ordinal, periodRange } from './performance-format';

describe('the performance page’s periods', () => {
  it('covers the current day, ISO week and month up to today, and a chart span ending with it', () => {
    // Prepare
    const today = '2026-12-05'; // a Saturday

    // Act
    const periods = (['day', 'week', 'month'] as const).map((p) => [periodRange(p, today), chartRange(p, today)]);

    // Assess
    expect(periods).toEqual([
      [
        { from: today, to: today },
        { from: '2026-11-22', to: today },
      ],
      [
        { from: '2026-11-30', to: today },
        { from: '2026-10-12', to: today },
      ],
      [
        { from: '2026-12-01', to: today },
        { from: '2026-07-01', to: today },
      ],
    ]);
    expect(chartRange('month', '2027-02-10').from).toBe('2026-09-01');
  });

  it('says ranks as English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
      '111th',
    ]);
  });
});
