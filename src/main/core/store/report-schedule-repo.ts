/**
 * Scheduled exports' settings and their last run: the `settings` row 'reports.schedule'
 * (JSON). `since` is when the schedule was last turned on or changed, so a change made
 * after today's run time waits for the next one instead of firing at once.
 */
import { z } from 'zod';
import { defaultReportSchedule, reportScheduleSchema, type ReportSchedule } from '../../../shared/reports/schema';
import type { DB } from './db';
import { getSetting, setSetting } from './settings';

const KEY = 'reports.schedule';

const lastRunSchema = z.object({ at: z.number(), files: z.array(z.string()), error: z.string().nullable() });
export type ScheduleLastRun = z.infer<typeof lastRunSchema>;

const storedSchema = z.object({
  schedule: reportScheduleSchema,
  since: z.number().nullable(),
  lastRun: lastRunSchema.nullable(),
});
export type StoredSchedule = z.infer<typeof storedSchema>;

export function loadReportSchedule(db: DB): StoredSchedule {
  const text = getSetting(db, KEY);
  if (text !== null) {
    const parsed = storedSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  }
  // None yet, or written by a Hearken this one cannot read: the defaults (off).
  return { schedule: defaultReportSchedule, since: null, lastRun: null };
}

/** Saves a change; a change to when it runs (or turning it on) restarts the wait from `now`. */
export function saveReportSchedule(db: DB, change: Partial<ReportSchedule>, now: number): StoredSchedule {
  const current = loadReportSchedule(db);
  // A field sent as undefined (IPC keeps such keys) is a field left as it is, not one cleared.
  const given = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
  const schedule = reportScheduleSchema.parse({ ...current.schedule, ...given });
  const timing = (s: ReportSchedule): string => JSON.stringify([s.enabled, s.cadence, s.weekday, s.hour]);
  const since = timing(schedule) !== timing(current.schedule) ? now : current.since;
  const next = { ...current, schedule, since };
  setSetting(db, KEY, JSON.stringify(next), now);
  return next;
}

export function recordScheduledRun(db: DB, lastRun: ScheduleLastRun, now: number): StoredSchedule {
  const next = { ...loadReportSchedule(db), lastRun };
  setSetting(db, KEY, JSON.stringify(next), now);
  return next;
}

/** The last run, or the last change to when it runs, whichever is later: the run to wait after. */
export function scheduleSince(stored: StoredSchedule): number | null {
  const at = [stored.since, stored.lastRun?.at ?? null].filter((t): t is number => t !== null);
  return at.length > 0 ? Math.max(...at) : null;
}
