/**
 * SLA settings (the `settings` row 'sla', JSON) and the figures read from the deadline
 * columns. The clocks themselves are worked out by shared/escalation/sla.ts; derived.ts
 * stores each item's next deadline in feedback.sla_due_at.
 */
import { checkTimeZone } from '../../../shared/escalation/calendar';
import { slaSettingsSchema, type Holiday, type SlaSettings } from '../../../shared/escalation/schema';
import { defaultSlaSettings } from '../../../shared/escalation/sla';
import { HearkenError } from '../../../shared/errors';
import { cached, type DB } from './db';
import { getSetting, oncePerStore, setSetting } from './settings';

const KEY = 'sla';

/** The machine's time zone, which the shipped business calendar uses. */
export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Parsed once per distinct stored text, so every list page does not parse JSON again. */
let lastText: string | null = null;
let lastParsed: SlaSettings | null = null;

export function loadSlaSettings(db: DB): SlaSettings {
  const text = getSetting(db, KEY);
  if (text === null) return defaultSlaSettings(machineTimeZone());
  if (text === lastText && lastParsed) return lastParsed;
  const parsed = slaSettingsSchema.safeParse(JSON.parse(text));
  // Settings written by a newer Hearken that this one cannot read: work from the defaults.
  const settings = parsed.success ? parsed.data : defaultSlaSettings(machineTimeZone());
  lastText = text;
  lastParsed = settings;
  return settings;
}

export function saveSlaSettings(db: DB, settings: SlaSettings, now: number): SlaSettings {
  try {
    checkTimeZone(settings.calendar.timeZone);
  } catch {
    throw new HearkenError('VALIDATION', `"${settings.calendar.timeZone}" is not a time zone this computer knows. Use a name such as Europe/Berlin or America/New_York.`);
  }
  const holidays = dedupeHolidays(settings.calendar.holidays);
  const clean: SlaSettings = { ...settings, calendar: { ...settings.calendar, holidays } };
  setSetting(db, KEY, JSON.stringify(clean), now);
  return clean;
}

/** One holiday per date (the first name wins), in date order. */
export function dedupeHolidays(holidays: readonly Holiday[]): Holiday[] {
  const byDate = new Map<string, Holiday>();
  for (const h of holidays) if (!byDate.has(h.date)) byDate.set(h.date, h);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

/** Adds holidays to the calendar; returns how many dates were new. */
export function addHolidays(db: DB, holidays: readonly Holiday[], now: number): { added: number; settings: SlaSettings } {
  const settings = loadSlaSettings(db);
  const before = new Set(settings.calendar.holidays.map((h) => h.date));
  const merged = dedupeHolidays([...settings.calendar.holidays, ...holidays]).slice(0, 2000);
  const added = merged.filter((h) => !before.has(h.date)).length;
  const saved = saveSlaSettings(db, { ...settings, calendar: { ...settings.calendar, holidays: merged } }, now);
  return { added, settings: saved };
}

/** The shipped SLA settings, once per store, in this machine's time zone. */
export function seedSlaSettings(db: DB, now: number): boolean {
  return oncePerStore(db, 'sla.seeded', now, () => {
    if (getSetting(db, KEY) === null) setSetting(db, KEY, JSON.stringify(defaultSlaSettings(machineTimeZone())), now);
  });
}

/** Due-soon and breached counts from the deadline index; running and paused clocks. */
export function slaCounts(db: DB, now: number): { dueSoon: number; breached: number; running: number; paused: number } {
  const soon = now + loadSlaSettings(db).dueSoonMinutes * 60_000;
  const row = cached(
    db,
    `SELECT coalesce(sum(sla_due_at <= @now), 0) AS breached, coalesce(sum(sla_due_at > @now AND sla_due_at <= @soon), 0) AS dueSoon, count(*) AS running
     FROM feedback INDEXED BY feedback_sla_due WHERE sla_due_at IS NOT NULL`,
  ).get({ now, soon }) as { breached: number; dueSoon: number; running: number };
  const paused = (cached(db, "SELECT coalesce(sum(n), 0) AS n FROM feedback_counts WHERE status = 'pending'").get() as { n: number }).n;
  return { dueSoon: row.dueSoon, breached: row.breached, running: row.running, paused };
}
