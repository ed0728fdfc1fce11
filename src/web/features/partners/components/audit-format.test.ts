import { describe, expect, it } from 'vitest';
import { formatLatency, outcomeLabel, shortDigest } from './audit-format';

describe('audit formatting', () => {
  it('shortens a digest and keeps short strings whole', () => {
    // Act
    const short = shortDigest('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
    const whole = shortDigest('abc');
    // Assess
    expect(short).toBe('9f86d081884c…');
    expect(whole).toBe('abc');
  });

  it('shows latency in ms below a second and in seconds above', () => {
    // Act
    const shown = [formatLatency(0), formatLatency(42.4), formatLatency(1530), formatLatency(12_345)];
    // Assess
    expect(shown).toEqual(['0 ms', '42 ms', '1.53 s', '12.3 s']);
  });

  it('reads ok as success and anything else as the error type', () => {
    // Act
    const labels = [outcomeLabel('ok'), outcomeLabel('ForbiddenError')];
    // Assess
    expect(labels).toEqual([
      { text: 'OK', ok: true },
      { text: 'ForbiddenError', ok: false },
    ]);
  });
});
