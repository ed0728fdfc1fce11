import { describe, it, expect } from 'vitest';
import { formatLateness, formatMinutes, formatPercent, formatRating, NO_FIGURE } from './kpi-format';

describe('kpi-format', () => {
  it('shows a dash where there is nothing to measure', () => {
    // Act
    const shown = [formatPercent(null), formatMinutes(undefined), formatRating(null)];

    // Assess
    expect(shown).toEqual([NO_FIGURE, NO_FIGURE, NO_FIGURE]);
  });

  it('words ratios, durations and ratings', () => {
    // Act
    const shown = [
      formatPercent(2 / 3),
      formatMinutes(42.4),
      formatMinutes(125),
      formatMinutes(120),
      formatRating(4.25),
      formatLateness(75),
    ];

    // Assess
    expect(shown).toEqual(['67%', '42 min', '2 h 5 min', '2 h', '4.3 / 5', '1 h 15 min late']);
  });
});
