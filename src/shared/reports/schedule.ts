/**
 * When scheduled exports run and which period each covers, in the report's zone: a daily
 * run at `hour` writes the previous local day, a weekly one on `weekday` at `hour` writes
 * the previous ISO week (Monday to Sunday). Pure: the scheduler passes its clock in.
 */
import { wallTimeToUtc, zoneOffsetMinutes } from '../import/dates';
import type { ReportSchedule } from './schema';

const DAY = 86_400_000;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The local calendar date of an instant in the zone. */
export function localDateOf(at: number, timeZone: string): LocalDate {
  const wall = new Date(at + zoneOffsetMinutes(timeZone, at) * 60_000);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** The instant a local date's `hour` begins; an hour DST skips lands just after the gap. */
export function localTimeToEpoch(date: LocalDate, hour: number, timeZone: string): number {
  return wallTimeToUtc(Date.UTC(date.year, date.month - 1, date.day, hour), timeZone);
}

/** "2026-11-30" → a local date; null for anything that is not a real calendar date. */
export function parseLocalDate(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (check.getUTCFullYear() !== date.year || check.getUTCMonth() !== date.month - 1 || check.getUTCDate() !== date.day) return null;
  return date;
}

export function formatLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Calendar arithmetic on dates, free of any zone. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: LocalDate): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** "2026-W48": the ISO week-year and week of a date (the week of its Thursday). */
export function isoWeekLabel(date: LocalDate): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const week = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / DAY / 7) + 1;
  return `${thursday.year}-W${String(week).padStart(2, '0')}`;
}

/** The local dates [from, to] as a period [local midnight of from, local midnight after to). */
export function localDatesToPeriod(from: LocalDate, to: LocalDate, timeZone: string): { from: number; to: number } {
  return { from: localTimeToEpoch(from, 0, timeZone), to: localTimeToEpoch(addDays(to, 1), 0, timeZone) };
}

function runsOn(schedule: ReportSchedule, date: LocalDate): boolean {
  return schedule.cadence === 'daily' || isoWeekday(date) === schedule.weekday;
}

/** The latest run time at or before `at`. */
function slotAtOrBefore(schedule: ReportSchedule, at: number, timeZone: string): number {
  const today = localDateOf(at, timeZone);
  for (let back = 0; back <= 8; back++) {
    const date = addDays(today, -back);
    if (!runsOn(schedule, date)) continue;
    const slot = localTimeToEpoch(date, schedule.hour, timeZone);
    if (slot <= at) return slot;
  }
  throw new Error('unreachable: every week has a run day');
}

/** The first run time strictly after `at`. */
function slotAfter(schedule: ReportSchedule, at: number, timeZone: string): number {
  const today = localDateOf(at, timeZone);
  for (let ahead = 0; ahead <= 8; ahead++) {
    const date = addDays(today, ahead);
    if (!runsOn(schedule, date)) continue;
    const slot = localTimeToEpoch(date, schedule.hour, timeZone);
    if (slot > at) return slot;
  }
  throw new Error('unreachable: every week has a run day');
}

/**
 * When the next scheduled export is due. `since`: the last run, or when the schedule was
 * turned on or changed (null: never; then the first run time after now). A run missed
 * while the app was closed is due at once (a value ≤ now), once: only the latest missed
 * run time counts, so a week away gives one report, of the last full period.
 */
export function nextRunAt(schedule: ReportSchedule, since: number | null, now: number, timeZone: string): number | null {
  if (!schedule.enabled) return null;
  if (since === null) return slotAfter(schedule, now, timeZone);
  const latest = slotAtOrBefore(schedule, now, timeZone);
  if (latest > since) return latest;
  return slotAfter(schedule, Math.max(now, since), timeZone);
}

export interface ScheduledPeriod {
  from: number;
  to: number;
  /** "2026-11-30" for a day, "2026-W48" for a week: the part of the file names that says which. */
  label: string;
}

/** The period a run at `runAt` writes: the previous local day, or the previous ISO week. */
export function periodForRun(schedule: Pick<ReportSchedule, 'cadence'>, runAt: number, timeZone: string): ScheduledPeriod {
  const today = localDateOf(runAt, timeZone);
  if (schedule.cadence === 'daily') {
    const day = addDays(today, -1);
    return { ...localDatesToPeriod(day, day, timeZone), label: formatLocalDate(day) };
  }
  const monday = addDays(today, 1 - isoWeekday(today) - 7);
  return { ...localDatesToPeriod(monday, addDays(monday, 6), timeZone), label: isoWeekLabel(monday) };
}

export type ExportExtension = 'html' | 'pdf' | 'xlsx' | 'csv';

/** "hearken-report-2026-W48.xlsx"; CSV is a folder of tables, named without an extension. */
export function reportFileName(label: string, format: ExportExtension): string {
  return format === 'csv' ? `hearken-report-${label}` : `hearken-report-${label}.${format}`;
}

/** The per-conversation rows of a scheduled period: "hearken-rows-2026-W48.csv". */
export function rowsFileName(label: string): string {
  return `hearken-rows-${label}.csv`;
}

/** "report.html" taken: "report-2.html", then "-3", …: a scheduled export never replaces a file. */
export function withSuffix(name: string, n: number): string {
  if (n <= 1) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
}
