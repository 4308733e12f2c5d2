/** The SLA tab's week and holidays: pure edits the grid and the list make. */
import type { BusinessPeriod, Holiday, SlaSettings } from '../../../../shared/escalation/schema';
import { slaSettingsSchema } from '../../../../shared/escalation/schema';

export const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

const toMinutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const toClock = (m: number): string => (m >= 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/**
 * The period "Add period" appends: 09:00–17:00 on a closed day, else from an hour after the
 * day's last period ends (or right at its end, late in the day), for up to four hours; null when the day has no room left.
 */
export function nextPeriod(day: readonly BusinessPeriod[]): BusinessPeriod | null {
  if (day.length === 0) return { start: '09:00', end: '17:00' };
  const lastEnd = Math.max(...day.map((p) => toMinutes(p.end)));
  const start = lastEnd + 60 < 1440 ? lastEnd + 60 : lastEnd;
  const end = Math.min(start + 240, 1440);
  return start >= end ? null : { start: toClock(start), end: toClock(end) };
}

/** Tuesday to Friday get Monday's periods; the weekend keeps its own. */
export function copyMondayToWeekdays(week: readonly (readonly BusinessPeriod[])[]): BusinessPeriod[][] {
  const monday = week[0] ?? [];
  return week.map((day, i) => (i >= 1 && i <= 4 ? monday.map((p) => ({ ...p })) : day.map((p) => ({ ...p }))));
}

/** Holidays in date order, one per date (the later entry wins, so an edit replaces). */
export function sortedHolidays(holidays: readonly Holiday[]): Holiday[] {
  const byDate = new Map<string, Holiday>();
  for (const h of holidays) byDate.set(h.date, h);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** The first reason the settings cannot be saved, in words a person can act on; null when they can. */
export function slaProblem(settings: SlaSettings): string | null {
  for (const [i, day] of settings.calendar.week.entries()) {
    for (const p of day) {
      if (!/^\d\d:\d\d$/.test(p.start) || !/^\d\d:\d\d$/.test(p.end)) return `${weekdayNames[i]}: give each period a start and an end.`;
      if (p.start >= p.end) return `${weekdayNames[i]}: ${p.start}–${p.end} ends before it starts.`;
    }
    const sorted = [...day].sort((a, b) => a.start.localeCompare(b.start));
    for (let j = 1; j < sorted.length; j++) {
      if (sorted[j]!.start < sorted[j - 1]!.end) return `${weekdayNames[i]}: ${sorted[j - 1]!.start}–${sorted[j - 1]!.end} and ${sorted[j]!.start}–${sorted[j]!.end} overlap.`;
    }
  }
  const parsed = slaSettingsSchema.safeParse(settings);
  return parsed.success ? null : parsed.error.issues[0]!.message;
}
