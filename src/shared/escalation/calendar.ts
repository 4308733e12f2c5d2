/**
 * Business hours: the working periods of each local day in a time zone, as UTC instants.
 * Each local day's intervals are computed once (wall time to UTC through Intl offsets,
 * right across DST changes) and kept in a small per-calendar cache, since the SLA maths
 * runs for every item imported and every row shown.
 */
import type { BusinessCalendar } from './schema';
import { zoneFormatter } from '../time-zone';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Closed days in a row before a calendar is taken to have no future business hours. */
const MAX_CLOSED_DAYS = 3 * 366;
const MAX_CACHED_DAYS = 4096;

/** 24/7 in UTC: SLA on calendar time. */
export const aroundTheClock: BusinessCalendar = Object.freeze({
  timeZone: 'UTC',
  week: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
  holidays: [],
}) as BusinessCalendar;

/** Monday–Friday 09:00–17:00 in the zone, no holidays. */
export function defaultCalendar(timeZone: string): BusinessCalendar {
  const workday = () => [{ start: '09:00', end: '17:00' }];
  return { timeZone, week: [workday(), workday(), workday(), workday(), workday(), [], []], holidays: [] };
}

/** Throws a RangeError with a clear message for an unknown zone. */
export function checkTimeZone(timeZone: string): void {
  try {
    zoneFormatter(timeZone);
  } catch {
    throw new RangeError(`"${timeZone}" is not a time zone this computer knows. Use a name such as Europe/Berlin, America/New_York or UTC.`);
  }
}

/** The zone's wall clock at an instant, as if it were UTC (ms, whole seconds). */
function wallClock(timeZone: string, t: number): number {
  const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const p of zoneFormatter(timeZone).formatToParts(t)) {
    if (p.type in fields) fields[p.type as keyof typeof fields] = Number(p.value);
  }
  return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
}

/** Local minus UTC at an instant, in ms. */
const offsetAt = (timeZone: string, t: number): number => wallClock(timeZone, t) - Math.floor(t / 1000) * 1000;

/**
 * The instant a wall-clock time (given as if UTC) happens in the zone. A repeated time (the
 * hour DST gives back) is its first occurrence; a skipped one (the hour DST takes) is the
 * first instant after the gap, so a period that starts or ends inside it lasts exactly the
 * part of it that happens.
 */
export function wallToInstant(timeZone: string, wall: number): number {
  const before = offsetAt(timeZone, wall - DAY / 2);
  const after = offsetAt(timeZone, wall + DAY / 2);
  const a = wall - before;
  const b = wall - after;
  const aFits = offsetAt(timeZone, a) === before;
  const bFits = offsetAt(timeZone, b) === after;
  if (aFits && bFits) return Math.min(a, b);
  if (aFits) return a;
  if (bFits) return b;
  // In the gap: the change happens between b (still the old offset) and a (the new one).
  let lo = Math.floor(b / 1000);
  let hi = Math.ceil(a / 1000);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(timeZone, mid * 1000) === before) lo = mid;
    else hi = mid;
  }
  return hi * 1000;
}

interface Day {
  /** The local day's bounds as instants: [start, end). */
  start: number;
  end: number;
  /** Business intervals, flat [from, to, from, to, …], ascending. */
  open: number[];
}

interface Compiled {
  timeZone: string;
  /** Per weekday (Monday first), periods as minutes after local midnight, merged and sorted. */
  minutes: [number, number][][];
  holidays: Set<string>;
  alwaysOpen: boolean;
  hasHours: boolean;
  /** Local days by their number (days since 1970-01-01 of the local date). */
  days: Map<number, Day>;
  last: Day | null;
  lastNumber: number;
}

const byObject = new WeakMap<BusinessCalendar, Compiled>();
const byKey = new Map<string, Compiled>();

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function compile(cal: BusinessCalendar): Compiled {
  const hit = byObject.get(cal);
  if (hit !== undefined) return hit;
  // Settings are often parsed afresh for each call: equal calendars share one cache.
  const key = JSON.stringify(cal);
  let c = byKey.get(key);
  if (c === undefined) {
    checkTimeZone(cal.timeZone);
    const minutes = cal.week.map((periods) => {
      const sorted = periods.map((p) => [toMinutes(p.start), toMinutes(p.end)] as [number, number]).filter(([s, e]) => e > s);
      sorted.sort((x, y) => x[0] - y[0]);
      const merged: [number, number][] = [];
      for (const [s, e] of sorted) {
        const prev = merged.at(-1);
        if (prev !== undefined && s <= prev[1]) prev[1] = Math.max(prev[1], e);
        else merged.push([s, e]);
      }
      return merged;
    });
    const holidays = new Set(cal.holidays.map((h) => h.date));
    c = {
      timeZone: cal.timeZone,
      minutes,
      holidays,
      alwaysOpen: holidays.size === 0 && minutes.every((d) => d.length === 1 && d[0]![0] === 0 && d[0]![1] === 1440),
      hasHours: minutes.some((d) => d.length > 0),
      days: new Map(),
      last: null,
      lastNumber: 0,
    };
    if (byKey.size >= 32) byKey.clear();
    byKey.set(key, c);
  }
  byObject.set(cal, c);
  return c;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const isoDate = (dayNumber: number): string => {
  const d = new Date(dayNumber * DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

function day(c: Compiled, n: number): Day {
  if (c.last !== null && c.lastNumber === n) return c.last;
  let d = c.days.get(n);
  if (d === undefined) {
    const midnight = n * DAY;
    const start = wallToInstant(c.timeZone, midnight);
    const end = wallToInstant(c.timeZone, midnight + DAY);
    const open: number[] = [];
    if (!c.holidays.has(isoDate(n))) {
      const weekday = (new Date(midnight).getUTCDay() + 6) % 7;
      for (const [s, e] of c.minutes[weekday]!) {
        const from = s === 0 ? start : wallToInstant(c.timeZone, midnight + s * MINUTE);
        const to = e === 1440 ? end : wallToInstant(c.timeZone, midnight + e * MINUTE);
        if (to > from) open.push(from, to);
      }
    }
    d = { start, end, open };
    if (c.days.size >= MAX_CACHED_DAYS) c.days.clear();
    c.days.set(n, d);
  }
  c.last = d;
  c.lastNumber = n;
  return d;
}

/** The number of the local day an instant falls in. */
function dayNumberOf(c: Compiled, t: number): number {
  const last = c.last;
  if (last !== null) {
    if (t >= last.start && t < last.end) return c.lastNumber;
    // The zone's offset seldom changes: the last day's offset names the day, or a neighbour
    // of it across a change. Days are cached, so this is a few map reads.
    const offset = c.lastNumber * DAY - last.start;
    const guess = Math.floor((t + offset) / DAY);
    for (let k = 0; k < 3; k++) {
      const n = k === 0 ? guess : k === 1 ? guess + 1 : guess - 1;
      const d = day(c, n);
      if (t >= d.start && t < d.end) return n;
    }
  }
  const n = Math.floor(wallClock(c.timeZone, t) / DAY);
  day(c, n);
  return n;
}

function noHours(): RangeError {
  return new RangeError('The calendar has no business hours: give at least one day a working period.');
}

/** The instant `ms` of business time after `start` (start itself if ms <= 0 and start is in hours; otherwise the next opening). */
export function addBusinessTime(cal: BusinessCalendar, start: number, ms: number): number {
  const c = compile(cal);
  if (c.alwaysOpen) return start + Math.max(0, ms);
  if (!c.hasHours) throw noHours();
  let remaining = Math.max(0, ms);
  let n = dayNumberOf(c, start);
  let closed = 0;
  for (;;) {
    const { open } = day(c, n);
    let any = false;
    for (let i = 0; i < open.length; i += 2) {
      const to = open[i + 1]!;
      if (to <= start) continue;
      any = true;
      const from = Math.max(open[i]!, start);
      if (remaining <= 0) return from;
      if (remaining <= to - from) return from + remaining;
      remaining -= to - from;
    }
    closed = any ? 0 : closed + 1;
    if (closed > MAX_CLOSED_DAYS) throw new RangeError('The calendar has no business hours in the next three years: check its holidays.');
    n++;
  }
}

/** Business time between two instants (0 if to <= from). */
export function businessTimeBetween(cal: BusinessCalendar, from: number, to: number): number {
  if (to <= from) return 0;
  const c = compile(cal);
  if (c.alwaysOpen) return to - from;
  if (!c.hasHours) throw noHours();
  const last = dayNumberOf(c, to);
  let total = 0;
  for (let n = dayNumberOf(c, from); n <= last; n++) {
    const { open } = day(c, n);
    for (let i = 0; i < open.length; i += 2) {
      const a = Math.max(open[i]!, from);
      const b = Math.min(open[i + 1]!, to);
      if (b > a) total += b - a;
    }
  }
  return total;
}

/** Whether an instant is in business hours. */
export function isBusinessTime(cal: BusinessCalendar, t: number): boolean {
  return addBusinessTime(cal, t, 0) === t;
}
