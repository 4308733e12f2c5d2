/**
 * Report time: local days, ISO weeks and months in an IANA zone, as UTC instants. A report's
 * buckets follow the wall clock of its zone, so a day is 23 or 25 hours long across a DST
 * change and a half-hour offset (Asia/Kolkata) moves every boundary by that half hour.
 */
import type { Granularity } from './schema';
import { wallToInstant } from '../escalation/calendar';
import { zoneFormatter } from '../time-zone';

const HOUR = 3_600_000;
const DAY = 86_400_000;
/** A period of whole local days can be an hour longer than its days (a DST fall-back in it). */
const DST_SLACK = 2 * HOUR;

/** Days up to 62, ISO weeks up to a year, months beyond. */
export function granularityFor(from: number, to: number): Granularity {
  const span = to - from;
  if (span <= 62 * DAY + DST_SLACK) return 'day';
  if (span <= 366 * DAY + DST_SLACK) return 'week';
  return 'month';
}

interface Wall {
  year: number;
  month: number;
  day: number;
}

/** The zone's wall clock at an instant, as if it were UTC (ms). */
function wallClock(timeZone: string, t: number): number {
  const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const p of zoneFormatter(timeZone).formatToParts(t)) {
    if (p.type in fields) fields[p.type as keyof typeof fields] = Number(p.value);
  }
  const ms = ((t % 1000) + 1000) % 1000;
  return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second) + ms;
}

function wallDate(timeZone: string, t: number): Wall {
  const d = new Date(wallClock(timeZone, t));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Local midnight of a date; Date.UTC normalises day 0, month 13 and the like. */
const midnight = (timeZone: string, year: number, month: number, day: number): number =>
  wallToInstant(timeZone, Date.UTC(year, month - 1, day));

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const isoDate = (w: Wall): string => `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(date: string): Wall {
  const m = DATE_RE.exec(date);
  if (m === null) throw new RangeError(`"${date}" is not a date: write it as YYYY-MM-DD, for example 2026-11-03.`);
  const w = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = new Date(Date.UTC(w.year, w.month - 1, w.day));
  if (check.getUTCMonth() + 1 !== w.month || check.getUTCDate() !== w.day) {
    throw new RangeError(`"${date}" is not a day of the calendar: check the month and the day.`);
  }
  return w;
}

/** Local midnight of a YYYY-MM-DD date; where midnight is skipped, the first instant of the day. */
export function localDateToEpoch(date: string, timeZone: string): number {
  const w = parseDate(date);
  return midnight(timeZone, w.year, w.month, w.day);
}

/** The local date (YYYY-MM-DD) an instant falls on. */
export function epochToLocalDate(t: number, timeZone: string): string {
  return isoDate(wallDate(timeZone, t));
}

/** The same local time of day `days` local days later (or earlier); a skipped time moves past the gap. */
export function addLocalDays(t: number, days: number, timeZone: string): number {
  return wallToInstant(timeZone, wallClock(timeZone, t) + days * DAY);
}

/** ISO 8601 week-year and week of a date. */
function isoWeek(w: Wall): { year: number; week: number } {
  const n = Date.UTC(w.year, w.month - 1, w.day) / DAY;
  const weekday = (new Date(n * DAY).getUTCDay() + 6) % 7;
  const thursday = n - weekday + 3;
  const year = new Date(thursday * DAY).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1) / DAY) / 7) + 1;
  return { year, week };
}

function labelOf(w: Wall, granularity: Granularity): string {
  if (granularity === 'day') return isoDate(w);
  if (granularity === 'month') return `${pad(w.year, 4)}-${pad(w.month)}`;
  const { year, week } = isoWeek(w);
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** The next local boundary after the date `w`: the next midnight, Monday or first of the month. */
function nextBoundary(timeZone: string, w: Wall, granularity: Granularity): number {
  if (granularity === 'day') return midnight(timeZone, w.year, w.month, w.day + 1);
  if (granularity === 'month') return midnight(timeZone, w.year, w.month + 1, 1);
  const weekday = (new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay() + 6) % 7;
  return midnight(timeZone, w.year, w.month, w.day + 7 - weekday);
}

export interface Buckets {
  /** Bucket starts: `from`, then local boundaries. */
  starts: number[];
  /** The end of the last bucket: the period's `to`. */
  end: number;
  labels: string[];
  /** The bucket an instant falls in; -1 outside [from, to). */
  indexOf(t: number): number;
}

export function makeBuckets(from: number, to: number, timeZone: string, granularity: Granularity): Buckets {
  const starts: number[] = [];
  const labels: string[] = [];
  let start = from;
  while (start < to) {
    const w = wallDate(timeZone, start);
    starts.push(start);
    labels.push(labelOf(w, granularity));
    const next = nextBoundary(timeZone, w, granularity);
    // A zone that skips a whole local day (Samoa, 2011) still moves forward.
    start = next > start ? next : start + DAY;
  }
  const indexOf = (t: number): number => {
    if (!(t >= from && t < to)) return -1;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return { starts, end: to, labels, indexOf };
}

const isLocalMidnight = (t: number, timeZone: string): boolean => localDateToEpoch(epochToLocalDate(t, timeZone), timeZone) === t;

/** Days between two dates as day numbers. */
const dayNumber = (w: Wall): number => Date.UTC(w.year, w.month - 1, w.day) / DAY;

/** The same local wall time a year earlier; Feb 29 becomes Feb 28. */
function yearEarlier(t: number, timeZone: string): number {
  const wall = new Date(wallClock(timeZone, t));
  const year = wall.getUTCFullYear() - 1;
  const month = wall.getUTCMonth();
  let day = wall.getUTCDate();
  if (month === 1 && day === 29) day = 28;
  const timeOfDay = wall.getTime() - Date.UTC(wall.getUTCFullYear(), month, wall.getUTCDate());
  return wallToInstant(timeZone, Date.UTC(year, month, day) + timeOfDay);
}

/**
 * The period a report is set against. 'previous': as many local days just before (or, for a
 * period not on local midnights, the same length in ms); 'year': the same local dates a year earlier.
 */
export function comparisonPeriod(from: number, to: number, timeZone: string, kind: 'previous' | 'year'): { from: number; to: number } {
  if (kind === 'year') return { from: yearEarlier(from, timeZone), to: yearEarlier(to, timeZone) };
  if (isLocalMidnight(from, timeZone) && isLocalMidnight(to, timeZone)) {
    const a = wallDate(timeZone, from);
    const days = dayNumber(wallDate(timeZone, to)) - dayNumber(a);
    return { from: midnight(timeZone, a.year, a.month, a.day - days), to: from };
  }
  return { from: from - (to - from), to: from };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const monthName = (w: Wall): string => MONTHS[w.month - 1]!;

/** A human label of [from, to): "1–30 Nov 2026", "3 Nov 2026", "28 Dec 2025 – 3 Jan 2026", "Jan 2024 – Dec 2026". */
export function periodLabel(from: number, to: number, timeZone: string): string {
  const a = wallDate(timeZone, from);
  const b = wallDate(timeZone, Math.max(from, to - 1));
  const wholeMonths = a.day === 1 && isLocalMidnight(from, timeZone) && isLocalMidnight(to, timeZone) && wallDate(timeZone, to).day === 1;
  if (a.year !== b.year) {
    if (wholeMonths) return `${monthName(a)} ${a.year} – ${monthName(b)} ${b.year}`;
    return `${a.day} ${monthName(a)} ${a.year} – ${b.day} ${monthName(b)} ${b.year}`;
  }
  if (a.month !== b.month) return `${a.day} ${monthName(a)} – ${b.day} ${monthName(b)} ${b.year}`;
  if (a.day !== b.day) return `${a.day}–${b.day} ${monthName(b)} ${b.year}`;
  return `${a.day} ${monthName(a)} ${a.year}`;
}
