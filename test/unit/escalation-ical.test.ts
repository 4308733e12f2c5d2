/** Holidays from an .ics file: all-day events, multi-day ones, yearly rules; timed events counted apart. */
import { describe, expect, it } from 'vitest';
import { isHearkenError } from '../../src/shared/errors';
import { holidaysFromICal } from '../../src/shared/escalation/ical';
import { holidaySchema } from '../../src/shared/escalation/schema';

const NOW = Date.UTC(2026, 0, 10);

/** Shaped like a national holidays feed (CRLF lines, a folded line, VALUE=DATE starts). */
const feed = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Example//Holidays//EN',
  'CALSCALE:GREGORIAN',
  'X-WR-CALNAME:Holidays in Germany',
  'BEGIN:VEVENT',
  'UID:newyear@example.com',
  'DTSTAMP:20250101T000000Z',
  'DTSTART;VALUE=DATE:20250101',
  'DTEND;VALUE=DATE:20250102',
  'RRULE:FREQ=YEARLY',
  'SUMMARY:New Year’s Day',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:christmas@example.com',
  'DTSTAMP:20250101T000000Z',
  'DTSTART;VALUE=DATE:20261225',
  'DTEND;VALUE=DATE:20261227',
  'SUMMARY:Christmas (two days, with a description that is long enough to be fol',
  ' ded)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:goodfriday@example.com',
  'DTSTAMP:20250101T000000Z',
  'DTSTART;VALUE=DATE:20260403',
  'SUMMARY:Good Friday',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:duplicate@example.com',
  'DTSTAMP:20250101T000000Z',
  'DTSTART;VALUE=DATE:20260403',
  'DTEND;VALUE=DATE:20260404',
  'SUMMARY:Karfreitag',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:standup@example.com',
  'DTSTAMP:20250101T000000Z',
  'DTSTART:20260112T090000Z',
  'DTEND:20260112T091500Z',
  'RRULE:FREQ=WEEKLY',
  'SUMMARY:Stand-up',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:cancelled@example.com',
  'DTSTAMP:20250101T000000Z',
  'DTSTART;VALUE=DATE:20260501',
  'STATUS:CANCELLED',
  'SUMMARY:Labour Day (cancelled)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:whitmonday2025@example.com',
  'DTSTAMP:20250101T000000Z',
  'DTSTART;VALUE=DATE:20250609',
  'SUMMARY:Whit Monday',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:old@example.com',
  'DTSTAMP:20200101T000000Z',
  'DTSTART;VALUE=DATE:20200501',
  'SUMMARY:Long ago',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('holidaysFromICal', () => {
  const { holidays, skipped } = holidaysFromICal(feed, NOW);
  const dates = holidays.map((h) => h.date);

  it('expands a yearly rule over the next three years, and keeps the year before now', () => {
    // From 2025-01-10 (a year before now) to 2029-01-10.
    expect(dates.filter((d) => d.endsWith('-01-01'))).toEqual(['2026-01-01', '2027-01-01', '2028-01-01', '2029-01-01']);
    expect(dates).toContain('2025-06-09');
    expect(holidays.find((h) => h.date === '2027-01-01')?.name).toBe('New Year’s Day');
  });

  it('covers each day of a multi-day event (the end date is exclusive), unfolding long lines', () => {
    expect(dates).toContain('2026-12-25');
    expect(dates).toContain('2026-12-26');
    expect(dates).not.toContain('2026-12-27');
    expect(holidays.find((h) => h.date === '2026-12-25')?.name).toBe('Christmas (two days, with a description that is long enough to be folded)');
  });

  it('an all-day event without an end is one day; dates are unique and sorted', () => {
    expect(dates.filter((d) => d === '2026-04-03')).toHaveLength(1);
    expect(holidays.find((h) => h.date === '2026-04-03')?.name).toBe('Good Friday');
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('counts timed events as skipped, leaves out cancelled and long-past ones', () => {
    expect(skipped).toBe(1);
    expect(dates).not.toContain('2026-01-12');
    expect(dates).not.toContain('2026-05-01');
    expect(dates).not.toContain('2020-05-01');
    for (const h of holidays) expect(holidaySchema.parse(h)).toEqual(h);
  });

  it('rejects what is not an iCalendar file with a VALIDATION error', () => {
    for (const broken of ['', 'date,name\n2026-01-01,New Year', 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2026\r\nEND:VCALENDAR', 'BEGIN:VCARD\r\nFN:Jane\r\nEND:VCARD']) {
      let error: unknown = null;
      try {
        holidaysFromICal(broken, NOW);
      } catch (e) {
        error = e;
      }
      expect(isHearkenError(error), JSON.stringify(broken)).toBe(true);
      expect((error as { code: string }).code).toBe('VALIDATION');
      expect((error as Error).message).toMatch(/^This is not an iCalendar file/);
    }
  });
});
