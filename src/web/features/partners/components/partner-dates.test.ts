import { describe, expect, it } from 'vitest';
import { formatCallTime, formatDay } from './partner-dates';

describe('partner dates', () => {
  it('shows a day with its year and a call time to the second', () => {
    // Prepare
    const instant = '2027-02-24T13:53:07.250Z';
    // Act
    const day = formatDay(instant, 'en-GB', 'UTC');
    const time = formatCallTime(instant, 'en-GB', 'UTC');
    // Assess
    expect(day).toBe('24 Feb 2027');
    expect(time).toBe('24 Feb, 13:53:07');
  });
});
