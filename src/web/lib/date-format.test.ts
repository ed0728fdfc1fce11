// Every expectation here names its zone and locale, so it holds whatever zone the test process is in
// (run with TZ=Asia/Tokyo and TZ=UTC as well as the machine's own).
import { describe, expect, it } from 'vitest';
import { createBusinessCalendar } from '../../core/business-calendar';
import { createCompanyCalendar } from './company-calendar';
import {
  formatAge,
  formatDate,
  formatDatedWindow,
  formatDateTime,
  formatIsoLocal,
  formatSecond,
  formatStamp,
  formatTime,
  formatWindow,
} from './date-format';

const seattle = createBusinessCalendar('America/Los_Angeles');
const tokyo = createBusinessCalendar('Asia/Tokyo');
/** ICU separates "5:00" from "PM" and range halves with narrow or thin spaces: compare them as plain ones. */
const plain = (text: string) => text.replace(/\s/g, ' ');

/** 5 pm on 3 March 2025 in Seattle (PST): already 4 March in UTC and in Tokyo. */
const WINTER_EVENING = '2025-03-04T01:00:00.000Z';
/** 5 pm on 3 July 2025 in Seattle (PDT). */
const SUMMER_EVENING = '2025-07-04T00:00:00.000Z';

describe('times on the company clock', () => {
  it('shows a time in the company zone with its short name, winter and summer', () => {
    // Act
    const winter = formatTime(WINTER_EVENING, seattle, 'en-US');
    const summer = formatTime(SUMMER_EVENING, seattle, 'en-US');
    const british = formatTime(SUMMER_EVENING, seattle, 'en-GB');
    const inTokyo = formatTime(SUMMER_EVENING, tokyo, 'en-US');

    // Assess
    expect(plain(winter)).toBe('5:00 PM PST');
    expect(plain(summer)).toBe('5:00 PM PDT');
    expect(plain(british)).toBe('17:00 PDT');
    expect(plain(inTokyo)).toBe('9:00 AM GMT+9');
  });

  it('shows a pickup window compactly, with and without its day', () => {
    // Act
    const window = formatWindow(SUMMER_EVENING, '2025-07-04T02:00:00.000Z', seattle, 'en-US');
    const morning = formatWindow('2025-07-03T16:00:00Z', '2025-07-03T18:30:00Z', seattle, 'en-GB');
    const dated = formatDatedWindow(WINTER_EVENING, '2025-03-04T03:00:00.000Z', seattle, 'en-US');

    // Assess
    expect(plain(window)).toBe('5:00 – 7:00 PM PDT');
    expect(plain(morning)).toBe('09:00–11:30 PDT');
    expect(plain(dated)).toBe('Mar 3, 5:00 – 7:00 PM PST');
  });

  it("dates an instant with the company's day, not UTC's or the viewer's", () => {
    // Act
    const shown = formatDateTime(WINTER_EVENING, seattle, 'en-US');
    const second = formatSecond('2025-03-04T01:00:07.250Z', seattle, 'en-US');
    const day = formatDate('2027-02-25T07:00:00Z', seattle, 'en-US');

    // Assess
    expect(plain(shown)).toBe('Mar 3, 5:00 PM PST');
    expect(plain(second)).toBe('Mar 3, 5:00:07 PM PST');
    expect(day).toBe('Feb 24, 2027');
  });

  it('says how long ago, then falls back to the date and time after a day', () => {
    // Prepare
    const now = new Date('2025-03-03T12:00:00Z');
    const instants = ['2025-03-03T11:59:30Z', '2025-03-03T11:55:00Z', '2025-03-03T09:00:00Z', '2025-03-01T09:00:00Z'];

    // Act
    const ages = instants.map((instant) => plain(formatAge(instant, now, seattle, 'en-US')));

    // Assess
    expect(ages).toEqual(['just now', '5 min ago', '3 h ago', 'Mar 1, 1:00 AM PST']);
  });
});

describe('times for exports', () => {
  it('stamps an instant on the company clock without depending on a locale', () => {
    // Act
    const winter = formatStamp(WINTER_EVENING, seattle);
    const summer = formatStamp('2025-07-03T16:05:00Z', seattle);

    // Assess
    expect(winter).toBe('2025-03-03 17:00 PST');
    expect(summer).toBe('2025-07-03 09:05 PDT');
  });

  it('writes ISO 8601 with the company offset, the same instant across a daylight-saving change', () => {
    // Prepare: 3 am PDT on 9 March 2025 is just after the spring-forward gap.
    const instants = [WINTER_EVENING, '2025-03-09T10:00:00Z', '2025-11-02T08:30:00Z', '2025-06-01T12:00:00.750Z'];

    // Act
    const written = instants.map((instant) => formatIsoLocal(instant, seattle));

    // Assess
    expect(written).toEqual([
      '2025-03-03T17:00:00-08:00',
      '2025-03-09T03:00:00-07:00',
      '2025-11-02T01:30:00-07:00',
      '2025-06-01T05:00:00-07:00',
    ]);
    expect(written.slice(0, 3).map((w) => new Date(w).toISOString())).toEqual(
      instants.slice(0, 3).map((i) => new Date(i).toISOString()),
    );
    expect(formatIsoLocal(WINTER_EVENING, createBusinessCalendar('Asia/Kolkata'))).toBe('2025-03-04T06:30:00+05:30');
  });
});

describe('the company calendar', () => {
  it("gives the company's today, whatever zone the process or browser is in", () => {
    // Prepare: 8 pm on 3 March in Seattle; the process's own zone may say the 4th.
    const evening = new Date('2025-03-04T04:00:00Z');
    const company = createCompanyCalendar('America/Los_Angeles', 'en-US');

    // Act
    const today = company.today(evening);
    const shown = company.formatTime(evening);

    // Assess
    expect(today).toBe('2025-03-03');
    expect(plain(shown)).toBe('8:00 PM PST');
    expect(createCompanyCalendar('Asia/Tokyo').today(evening)).toBe('2025-03-04');
  });
});
