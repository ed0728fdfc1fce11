import { describe, expect, it } from 'vitest';
import { csvCell, formatChange, formatMinutes, toCsv } from './analytics-format';

describe('analytics formatting', () => {
  it('words a change against the previous period', () => {
    expect(formatChange(120, 100)).toBe('+20%');
    expect(formatChange(80, 100)).toBe('−20%');
    expect(formatChange(5, 0)).toBe('new');
    expect(formatChange(0, 0)).toBe('0%');
  });

  it('shows minutes, hours and days', () => {
    expect(formatMinutes(42.4)).toBe('42 min');
    expect(formatMinutes(125)).toBe('2 h 5 min');
    expect(formatMinutes(4320)).toBe('3.0 days');
    expect(formatMinutes(null)).toBe('—');
  });

  it('quotes CSV cells that need it', () => {
    expect(csvCell('Downtown, north')).toBe('"Downtown, north"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(0.33333)).toBe('0.333');
    expect(toCsv(['a', 'b'], [[1, null]])).toBe('a,b\r\n1,\r\n');
  });
});
