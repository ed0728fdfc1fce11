// The company's calendar for the whole web app: the one place pages get "today", the company day of an
// instant and shown times from. Set once at startup from the outputs' company time zone; the viewer's own
// time zone is never consulted.
import { createContext, use, useMemo, type ReactNode } from 'react';
import { createBusinessCalendar, DEFAULT_TIME_ZONE, type BusinessCalendar } from '../../core/business-calendar';
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

/** The business calendar with the app's ways of showing its days and times, in the viewer's locale. */
export type CompanyCalendar = BusinessCalendar & {
  /** The company's current day (YYYY-MM-DD): the default of every day picker. */
  today(now?: Date): string;
  /** "5:00 PM PDT" */
  formatTime(instant: string | Date): string;
  /** "9:00 – 11:00 AM PDT" */
  formatWindow(start: string | Date, end: string | Date): string;
  /** "Mar 3, 5:00 – 7:00 PM PST" */
  formatDatedWindow(start: string | Date, end: string | Date): string;
  /** "Mar 3, 5:00 PM PST" */
  formatDateTime(instant: string | Date): string;
  /** "Nov 26, 1:53:07 PM PST" */
  formatSecond(instant: string | Date): string;
  /** "Feb 24, 2027" (the company day of the instant) */
  formatDate(instant: string | Date): string;
  /** "5 min ago", then the date and time */
  formatAge(instant: string | Date, now: Date): string;
  /** "2026-03-03 17:00 PST", for exports */
  formatStamp(instant: string | Date): string;
  /** "2026-03-03T17:00:00-08:00", for CSV */
  formatIsoLocal(instant: string | Date): string;
};

/** `locale` undefined: the viewer's. */
export function createCompanyCalendar(timeZone: string, locale?: string): CompanyCalendar {
  const calendar = createBusinessCalendar(timeZone);
  return {
    ...calendar,
    today: (now = new Date()) => calendar.dayOf(now),
    formatTime: (instant) => formatTime(instant, calendar, locale),
    formatWindow: (start, end) => formatWindow(start, end, calendar, locale),
    formatDatedWindow: (start, end) => formatDatedWindow(start, end, calendar, locale),
    formatDateTime: (instant) => formatDateTime(instant, calendar, locale),
    formatSecond: (instant) => formatSecond(instant, calendar, locale),
    formatDate: (instant) => formatDate(instant, calendar, locale),
    formatAge: (instant, now) => formatAge(instant, now, calendar, locale),
    formatStamp: (instant) => formatStamp(instant, calendar),
    formatIsoLocal: (instant) => formatIsoLocal(instant, calendar),
  };
}

const CompanyCalendarContext = createContext<CompanyCalendar>(createCompanyCalendar(DEFAULT_TIME_ZONE));

/** Gives every page below it the company's calendar (main.tsx wraps the app in it once configured). */
export function CompanyCalendarProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  const calendar = useMemo(() => createCompanyCalendar(timeZone), [timeZone]);
  return <CompanyCalendarContext value={calendar}>{children}</CompanyCalendarContext>;
}

/** The company's calendar: its days, and its times as the app shows them. Stable for the app's lifetime. */
export function useCompanyCalendar(): CompanyCalendar {
  return use(CompanyCalendarContext);
}
