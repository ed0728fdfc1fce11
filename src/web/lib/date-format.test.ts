import { describe, expect, it } from 'vitest';
import { formatAge, formatTime, formatWindow, localDay, utcDay } from './date-format';

describe('days', () => {
  it("gives the local calendar date for today's default", () => {
    // Prepare
    const now = new Date(2025, 0, 5, 23, 59);

    // Act
    const day = localDay(now);

    // Assess
    expect(day).toBe('2025-01-05');
  });

  it('files an instant under its UTC day, as the API does', () => {
    // Prepare
    const instant = '2025-03-03T20:30:00-08:00';

    // Act
    const day = utcDay(instant);

    // Assess
    expect(day).toBe('2025-03-04');
  });
});

describe('times', () => {
  it('formats a window in the given locale and zone', () => {
    // Prepare
    const start = '2025-03-03T16:00:00Z';
    const end = '2025-03-03T18:30:00Z';

    // Act
    const window = formatWindow(start, end, 'en-GB', 'UTC');
    const single = formatTime(start, 'en-GB', 'Europe/Berlin');

    const american = formatWindow('2025-03-03T09:00:00Z', '2025-03-03T11:00:00Z', 'en-US', 'UTC');

    // Assess
    expect(window).toBe('16:00–18:30');
    expect(american.replace(/\s/g, ' ')).toBe('9:00 – 11:00 AM');
    expect(single).toBe('17:00');
  });

  it('says how long ago, then falls back to the date after a day', () => {
    // Prepare
    const now = new Date('2025-03-03T12:00:00Z');
    const instants = ['2025-03-03T11:59:30Z', '2025-03-03T11:55:00Z', '2025-03-03T09:00:00Z', '2025-03-01T09:00:00Z'];

    // Act
    const ages = instants.map((instant) => formatAge(instant, now, 'en-GB', 'UTC'));

    // Assess
    expect(ages).toEqual(['just now', '5 min ago', '3 h ago', '1 Mar, 09:00']);
  });
});
