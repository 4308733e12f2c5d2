/** Scheduled exports: when a run is due and which local day or ISO week it writes, across DST and midnight. */
import { describe, expect, it } from 'vitest';
import { defaultReportSchedule, type ReportSchedule } from '../../src/shared/reports/schema';
import { isoWeekLabel, localDatesToPeriod, nextRunAt, parseLocalDate, periodForRun, reportFileName, rowsFileName, withSuffix } from '../../src/shared/reports/schedule';

const iso = (s: string): number => Date.parse(s);
const BERLIN = 'Europe/Berlin';
const daily: ReportSchedule = { ...defaultReportSchedule, enabled: true, cadence: 'daily', hour: 7, folder: '/tmp/x' };
const weekly: ReportSchedule = { ...defaultReportSchedule, enabled: true, cadence: 'weekly', weekday: 1, hour: 7, folder: '/tmp/x' };

describe('nextRunAt', () => {
  it('is null while the schedule is off', () => {
    expect(nextRunAt({ ...daily, enabled: false }, null, iso('2026-11-30T12:00:00Z'), BERLIN)).toBeNull();
  });

  it('never run: the first run time after now, in the zone', () => {
    // 06:30 in Berlin (CET): today's 07:00 is still ahead.
    expect(nextRunAt(daily, null, iso('2026-11-30T05:30:00Z'), BERLIN)).toBe(iso('2026-11-30T06:00:00Z'));
    // 07:30: tomorrow's.
    expect(nextRunAt(daily, null, iso('2026-11-30T06:30:00Z'), BERLIN)).toBe(iso('2026-12-01T06:00:00Z'));
    // Wednesday: next Monday 07:00.
    expect(nextRunAt(weekly, null, iso('2026-12-02T10:00:00Z'), BERLIN)).toBe(iso('2026-12-07T06:00:00Z'));
  });

  it('is due (≤ now) once its time has come since the last run, and not again after it ran', () => {
    const lastRun = iso('2026-11-29T06:00:30Z');
    const now = iso('2026-11-30T06:00:10Z');
    expect(nextRunAt(daily, lastRun, now, BERLIN)).toBe(iso('2026-11-30T06:00:00Z'));
    expect(nextRunAt(daily, now, now + 1000, BERLIN)).toBe(iso('2026-12-01T06:00:00Z'));
    expect(nextRunAt(daily, lastRun, iso('2026-11-30T05:59:59Z'), BERLIN)).toBe(iso('2026-11-30T06:00:00Z'));
  });

  it('catches up once, with the latest missed run time, after days away', () => {
    expect(nextRunAt(daily, iso('2026-11-20T06:00:30Z'), iso('2026-11-30T12:00:00Z'), BERLIN)).toBe(iso('2026-11-30T06:00:00Z'));
    expect(nextRunAt(weekly, iso('2026-11-02T06:00:30Z'), iso('2026-12-02T12:00:00Z'), BERLIN)).toBe(iso('2026-11-30T06:00:00Z'));
  });

  it('a schedule changed after today’s run time waits for the next one', () => {
    // Turned on at 08:00 local: 07:00 today is before that.
    expect(nextRunAt(daily, iso('2026-11-30T07:00:00Z'), iso('2026-11-30T07:01:00Z'), BERLIN)).toBe(iso('2026-12-01T06:00:00Z'));
  });

  it('an hour DST skips runs just after the gap; the hour it repeats runs once', () => {
    const twoAm = { ...daily, hour: 2 };
    // 2026-03-29: Berlin jumps from 02:00 CET to 03:00 CEST (01:00Z).
    expect(nextRunAt(twoAm, null, iso('2026-03-28T12:00:00Z'), BERLIN)).toBe(iso('2026-03-29T01:00:00Z'));
    expect(nextRunAt(twoAm, iso('2026-03-29T01:00:05Z'), iso('2026-03-29T01:00:10Z'), BERLIN)).toBe(iso('2026-03-30T00:00:00Z'));
    // 2026-10-25: 02:00–03:00 happens twice; the run is at one of them and not again.
    const fallBack = nextRunAt(twoAm, null, iso('2026-10-24T12:00:00Z'), BERLIN)!;
    expect([iso('2026-10-25T00:00:00Z'), iso('2026-10-25T01:00:00Z')]).toContain(fallBack);
    expect(nextRunAt(twoAm, fallBack + 1000, fallBack + 3_600_000 + 1000, BERLIN)).toBe(iso('2026-10-26T01:00:00Z'));
  });

  it('runs at local midnight in a zone west of UTC', () => {
    const midnight = { ...daily, hour: 0 };
    // 23:30 in New York (EST) on Nov 29: midnight is 05:00Z on Nov 30.
    expect(nextRunAt(midnight, null, iso('2026-11-30T04:30:00Z'), 'America/New_York')).toBe(iso('2026-11-30T05:00:00Z'));
  });
});

describe('periodForRun', () => {
  it('daily: the previous local day', () => {
    expect(periodForRun(daily, iso('2026-11-30T06:00:00Z'), BERLIN)).toEqual({ from: iso('2026-11-28T23:00:00Z'), to: iso('2026-11-29T23:00:00Z'), label: '2026-11-29' });
  });

  it('a day DST shortens or lengthens is 23 or 25 hours long', () => {
    const spring = periodForRun(daily, iso('2026-03-30T05:00:00Z'), BERLIN);
    expect(spring).toEqual({ from: iso('2026-03-28T23:00:00Z'), to: iso('2026-03-29T22:00:00Z'), label: '2026-03-29' });
    const autumn = periodForRun(daily, iso('2026-10-26T06:00:00Z'), BERLIN);
    expect(autumn).toEqual({ from: iso('2026-10-24T22:00:00Z'), to: iso('2026-10-25T23:00:00Z'), label: '2026-10-25' });
    expect(autumn.to - autumn.from).toBe(25 * 3_600_000);
  });

  it('weekly: the previous ISO week, Monday to Sunday, whatever day it runs', () => {
    const expected = { from: iso('2026-11-22T23:00:00Z'), to: iso('2026-11-29T23:00:00Z'), label: '2026-W48' };
    expect(periodForRun(weekly, iso('2026-11-30T06:00:00Z'), BERLIN)).toEqual(expected);
    expect(periodForRun(weekly, iso('2026-12-03T09:00:00Z'), BERLIN)).toEqual(expected);
    // Sunday evening still belongs to the week, so its previous week is the one before.
    expect(periodForRun(weekly, iso('2026-12-06T20:00:00Z'), BERLIN).label).toBe('2026-W48');
    // The week DST starts in: 167 hours.
    const dst = periodForRun(weekly, iso('2026-03-30T05:00:00Z'), BERLIN);
    expect(dst).toEqual({ from: iso('2026-03-22T23:00:00Z'), to: iso('2026-03-29T22:00:00Z'), label: '2026-W13' });
  });

  it('in New York, a run just after local midnight writes the day that just ended there', () => {
    expect(periodForRun(daily, iso('2026-12-01T05:00:00Z'), 'America/New_York')).toEqual({ from: iso('2026-11-30T05:00:00Z'), to: iso('2026-12-01T05:00:00Z'), label: '2026-11-30' });
  });
});

describe('dates and file names', () => {
  it('ISO weeks at the turn of the year', () => {
    expect(isoWeekLabel({ year: 2026, month: 12, day: 28 })).toBe('2026-W53');
    expect(isoWeekLabel({ year: 2027, month: 1, day: 3 })).toBe('2026-W53');
    expect(isoWeekLabel({ year: 2027, month: 1, day: 4 })).toBe('2027-W01');
    expect(isoWeekLabel({ year: 2025, month: 12, day: 29 })).toBe('2026-W01');
  });

  it('local dates are read strictly and cover whole local days', () => {
    expect(parseLocalDate('2026-02-30')).toBeNull();
    expect(parseLocalDate('2026-2-3')).toBeNull();
    expect(parseLocalDate('2026-11-01')).toEqual({ year: 2026, month: 11, day: 1 });
    expect(localDatesToPeriod({ year: 2026, month: 11, day: 1 }, { year: 2026, month: 11, day: 30 }, BERLIN)).toEqual({
      from: iso('2026-10-31T23:00:00Z'),
      to: iso('2026-11-30T23:00:00Z'),
    });
  });

  it('names files by period and never reuses a name', () => {
    expect(reportFileName('2026-11-30', 'html')).toBe('hearken-report-2026-11-30.html');
    expect(reportFileName('2026-W48', 'xlsx')).toBe('hearken-report-2026-W48.xlsx');
    expect(reportFileName('2026-W48', 'csv')).toBe('hearken-report-2026-W48');
    expect(rowsFileName('2026-W48')).toBe('hearken-rows-2026-W48.csv');
    expect(withSuffix('hearken-report-2026-W48.pdf', 1)).toBe('hearken-report-2026-W48.pdf');
    expect(withSuffix('hearken-report-2026-W48.pdf', 2)).toBe('hearken-report-2026-W48-2.pdf');
    expect(withSuffix('hearken-report-2026-W48', 3)).toBe('hearken-report-2026-W48-3');
  });
});
