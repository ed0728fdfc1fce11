import { describe, expect, it } from 'vitest';
import {
  addDays,
  createBusinessCalendar,
  daysFrom,
  isDay,
  isValidTimeZone,
  monthOf,
  weekOf,
} from './business-calendar';

const seattle = createBusinessCalendar('America/Los_Angeles');

describe('the business calendar', () => {
  it('files an instant under the company day, not the UTC day', () => {
    // Prepare: 5 pm Pacific on 10 June is already 11 June in UTC (and in Tokyo)
    const fivePm = '2025-06-11T00:00:00.000Z';
    // Act
    const day = seattle.dayOf(fivePm);
    // Assess
    expect(day).toBe('2025-06-10');
    expect(seattle.timeOf(fivePm)).toEqual({ hour: 17, minute: 0 });
    expect(seattle.zoneName(fivePm)).toBe('PDT');
  });

  it('has days of 23 and 25 hours at the daylight-saving changes', () => {
    // Act
    const hours = (day: string) => (seattle.endOf(day).getTime() - seattle.startOf(day).getTime()) / 3_600_000;
    // Assess
    expect(hours('2026-03-08')).toBe(23);
    expect(hours('2026-11-01')).toBe(25);
    expect(hours('2026-06-10')).toBe(24);
    expect(seattle.startOf('2026-03-08').toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(seattle.startOf('2026-03-09').toISOString()).toBe('2026-03-09T07:00:00.000Z');
    expect(seattle.startOf('2026-11-02').toISOString()).toBe('2026-11-02T08:00:00.000Z');
  });

  it('places wall-clock times on either side of a change, and a time in the gap just after it', () => {
    // Act
    const beforeSpring = seattle.at('2026-03-08', 1, 30).toISOString();
    const inGap = seattle.at('2026-03-08', 2, 30).toISOString();
    const afterSpring = seattle.at('2026-03-08', 17, 0).toISOString();
    const afterFall = seattle.at('2026-11-01', 17, 0).toISOString();
    // Assess
    expect(beforeSpring).toBe('2026-03-08T09:30:00.000Z');
    expect(inGap).toBe('2026-03-08T10:30:00.000Z');
    expect(afterSpring).toBe('2026-03-09T00:00:00.000Z');
    expect(afterFall).toBe('2026-11-02T01:00:00.000Z');
  });

  it('agrees with itself every three hours of a year, in any zone', () => {
    // Prepare
    const zones = ['America/Los_Angeles', 'Asia/Tokyo', 'Europe/London', 'Australia/Lord_Howe', 'UTC'];
    for (const zone of zones) {
      const calendar = createBusinessCalendar(zone);
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3 * 3_600_000) {
        // Act
        const day = calendar.dayOf(t);
        // Assess
        expect(calendar.startOf(day).getTime()).toBeLessThanOrEqual(t);
        expect(calendar.endOf(day).getTime()).toBeGreaterThan(t);
      }
    }
  });

  it('does calendar arithmetic on days, weeks (from Monday) and months', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekOf('2026-12-06')).toBe('2026-11-30');
    expect(weekOf('2026-11-30')).toBe('2026-11-30');
    expect(monthOf('2026-12-06')).toBe('2026-12');
    expect(daysFrom('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('refuses unknown zones and impossible days', () => {
    expect(isValidTimeZone('America/Los_Angeles')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(() => createBusinessCalendar('Mars/Olympus')).toThrow(/IANA name/);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-02-28')).toBe(true);
    expect(() => seattle.startOf('2026-13-01')).toThrow(/not a date/);
  });
});
