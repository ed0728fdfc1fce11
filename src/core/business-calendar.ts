// The company's calendar: every day, week and month in the product is a day of the company's time zone, not
// of UTC and not of the viewer's machine. Pure Intl, so the same code runs in Lambda, Node and the browser.

/** The demo company is in Seattle. */
export const DEFAULT_TIME_ZONE = 'America/Los_Angeles';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export type BusinessCalendar = {
  /** IANA time zone, e.g. "America/Los_Angeles". */
  readonly timeZone: string;
  /** The company's calendar day (YYYY-MM-DD) an instant falls on. */
  dayOf(at: Date | string | number): string;
  /** The instant a day starts (local midnight), as UTC. */
  startOf(day: string): Date;
  /** The instant the next day starts: [startOf(day), endOf(day)) is the whole day, 23, 24 or 25 hours. */
  endOf(day: string): Date;
  /** The instant of a wall-clock time on a day; in a spring-forward gap, the time just after it. */
  at(day: string, hour: number, minute?: number): Date;
  /** The local wall-clock time of an instant (hour 0–23, minute). */
  timeOf(at: Date | string | number): { hour: number; minute: number };
  /** The zone's short name at an instant ("PDT", "PST"), for labelling shown times. */
  zoneName(at: Date | string | number): string;
};

/** True for a time zone this runtime knows (IANA names such as "Europe/Berlin"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === day;
}

function dayParts(day: string): [number, number, number] {
  const m = DAY.exec(day);
  if (!m || !isDay(day)) throw new RangeError(`'${day}' is not a date like 2026-03-01`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** The day n days after (or before, for negative n) a day: calendar arithmetic, the same in every zone. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = dayParts(day);
  return new Date(Date.UTC(y, m - 1, d) + n * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from one day to another (to − from). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = dayParts(from);
  const [y2, m2, d2] = dayParts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / MS_PER_DAY);
}

/** The Monday that starts the ISO week a day is in. */
export function weekOf(day: string): string {
  const [y, m, d] = dayParts(day);
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The month (YYYY-MM) a day is in. */
export function monthOf(day: string): string {
  dayParts(day);
  return day.slice(0, 7);
}

/** Every day from `from` to `to`, both included. */
export function daysFrom(from: string, to: string): string[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDays(from, i));
}

export function createBusinessCalendar(timeZone: string = DEFAULT_TIME_ZONE): BusinessCalendar {
  if (!isValidTimeZone(timeZone)) {
    throw new RangeError(`'${timeZone}' is not a time zone; use an IANA name such as America/Los_Angeles`);
  }
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const names = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' });

  const wall = (time: number) => {
    const p = Object.fromEntries(parts.formatToParts(new Date(time)).map((x) => [x.type, x.value]));
    return {
      year: Number(p.year),
      month: Number(p.month),
      day: Number(p.day),
      hour: Number(p.hour),
      minute: Number(p.minute),
      second: Number(p.second),
    };
  };
  /** The zone's offset from UTC at an instant, in ms (local = UTC + offset). */
  const offsetAt = (time: number): number => {
    const w = wall(time);
    const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    return asUtc - Math.floor(time / 1000) * 1000;
  };
  const toTime = (at: Date | string | number) => (at instanceof Date ? at.getTime() : new Date(at).getTime());

  const at = (day: string, hour: number, minute = 0): Date => {
    const [y, m, d] = dayParts(day);
    const local = Date.UTC(y, m - 1, d, hour, minute);
    // The offset at a first guess, then at the instant it gives: settles on either side of a transition.
    const first = local - offsetAt(local);
    const second = local - offsetAt(first);
    const w = wall(second);
    const landed = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === local;
    // A wall time in a spring-forward gap does not exist: take the instant just after the gap.
    return new Date(landed ? second : Math.max(first, second));
  };

  return {
    timeZone,
    dayOf(instant) {
      const w = wall(toTime(instant));
      return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
    },
    startOf: (day) => at(day, 0),
    endOf: (day) => at(addDays(day, 1), 0),
    at,
    timeOf(instant) {
      const w = wall(toTime(instant));
      return { hour: w.hour, minute: w.minute };
    },
    zoneName(instant) {
      return names.formatToParts(new Date(toTime(instant))).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
    },
  };
}
