/**
 * Holidays from an iCalendar (.ics) file, such as a national holidays calendar: every
 * all-day event becomes one holiday per date it covers. Yearly and other repeating events
 * are expanded over a window around now (a year back, so SLA on recent items stays right,
 * and three years ahead). Timed events (meetings) are not holidays; they are counted.
 */
import ICAL from 'ical.js';
import { HearkenError } from '../errors';
import type { Holiday } from './schema';

const DAY = 86_400_000;
const YEARS_BACK = 1;
const YEARS_AHEAD = 3;
/** A calendar can only hold this many holidays (see holidaySchema's list). */
const MAX_HOLIDAYS = 2000;
/** Occurrences of one repeating event looked at, at most: a daily rule from decades ago still reaches the window. */
const MAX_OCCURRENCES = 50_000;

const notICal = (cause?: unknown) =>
  new HearkenError('VALIDATION', 'This is not an iCalendar file: export the calendar as .ics (it starts with BEGIN:VCALENDAR) and try again.', { cause });

const dayNumber = (t: { year: number; month: number; day: number }): number => Math.floor(Date.UTC(t.year, t.month - 1, t.day) / DAY);
const isoDate = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);

/** Holidays (all-day VEVENTs, including multi-day and yearly RRULEs expanded over the next 3 years from `now`) from an .ics text. */
export function holidaysFromICal(text: string, now: number): { holidays: Holiday[]; skipped: number } {
  if (!/BEGIN:VCALENDAR/i.test(text.slice(0, 4096))) throw notICal();
  let root: InstanceType<typeof ICAL.Component>;
  try {
    const parsed: unknown = ICAL.parse(text);
    const jcal = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
    root = new ICAL.Component(jcal as unknown[]);
    if (root.name !== 'vcalendar') throw new Error(`The file holds a ${root.name}, not a calendar.`);
  } catch (error) {
    throw notICal(error);
  }

  const today = Math.floor(now / DAY);
  const from = today - Math.round(YEARS_BACK * 365.25);
  const to = today + Math.round(YEARS_AHEAD * 365.25);
  const names = new Map<number, string>();
  let skipped = 0;

  const add = (start: number, days: number, name: string) => {
    for (let n = Math.max(start, from); n < start + days && n <= to; n++) if (!names.has(n)) names.set(n, name);
  };

  for (const component of root.getAllSubcomponents('vevent')) {
    // A changed occurrence of a repeating event: its series is what counts.
    if (component.hasProperty('recurrence-id')) continue;
    if (String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') continue;
    let event: InstanceType<typeof ICAL.Event>;
    try {
      event = new ICAL.Event(component);
      if (event.startDate === null) throw new Error('no start');
    } catch {
      skipped++;
      continue;
    }
    if (!event.startDate.isDate) {
      skipped++;
      continue;
    }
    const name = (event.summary ?? '').trim().slice(0, 200) || 'Holiday';
    const first = dayNumber(event.startDate);
    const end = event.endDate !== null && event.endDate.isDate ? dayNumber(event.endDate) : first + 1;
    const days = Math.max(1, end - first);
    if (!event.isRecurring()) {
      add(first, days, name);
      continue;
    }
    const occurrences = event.iterator();
    for (let i = 0; i < MAX_OCCURRENCES; i++) {
      const next = occurrences.next();
      if (next === null || next === undefined) break;
      const n = dayNumber(next);
      if (n > to) break;
      if (n + days > from) add(n, days, name);
    }
  }

  const holidays = [...names.keys()]
    .sort((a, b) => a - b)
    .slice(0, MAX_HOLIDAYS)
    .map((n) => ({ date: isoDate(n), name: names.get(n)! }));
  return { holidays, skipped };
}
