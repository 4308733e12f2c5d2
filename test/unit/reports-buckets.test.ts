/** Report buckets: local days, ISO weeks and months as instants, across DST and half-hour zones. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  comparisonPeriod,
  epochToLocalDate,
  granularityFor,
  localDateToEpoch,
  makeBuckets,
  periodLabel,
} from '../../src/shared/reports/buckets';

const H = 3_600_000;
const D = 24 * H;
const iso = (s: string): number => Date.parse(s);
const at = (t: number): string => new Date(t).toISOString();

describe('granularityFor', () => {
  it('is days up to 62 days, weeks up to 366, months beyond', () => {
    const from = iso('2026-01-01T00:00:00Z');
    expect(granularityFor(from, from + 62 * D)).toBe('day');
    // 62 local days with a DST fall-back in them are an hour longer, still days.
    expect(granularityFor(from, from + 62 * D + H)).toBe('day');
    expect(granularityFor(from, from + 63 * D)).toBe('week');
    expect(granularityFor(from, from + 366 * D)).toBe('week');
    expect(granularityFor(from, from + 367 * D)).toBe('month');
  });
});

describe('localDateToEpoch and epochToLocalDate', () => {
  it('gives local midnight, with the offset of the day', () => {
    expect(at(localDateToEpoch('2026-01-15', 'Europe/Berlin'))).toBe('2026-01-14T23:00:00.000Z');
    expect(at(localDateToEpoch('2026-07-15', 'Europe/Berlin'))).toBe('2026-07-14T22:00:00.000Z');
    expect(at(localDateToEpoch('2026-11-03', 'Asia/Kolkata'))).toBe('2026-11-02T18:30:00.000Z');
    expect(at(localDateToEpoch('2026-11-03', 'UTC'))).toBe('2026-11-03T00:00:00.000Z');
  });

  it('gives the first instant of a day whose midnight is skipped', () => {
    // Chile moves its clocks from 24:00 Saturday to 01:00 Sunday (-04 to -03).
    expect(at(localDateToEpoch('2026-09-06', 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
    expect(at(localDateToEpoch('2026-09-05', 'America/Santiago'))).toBe('2026-09-05T04:00:00.000Z');
  });

  it('names the local date an instant falls on', () => {
    expect(epochToLocalDate(iso('2026-11-02T18:29:59Z'), 'Asia/Kolkata')).toBe('2026-11-02');
    expect(epochToLocalDate(iso('2026-11-02T18:30:00Z'), 'Asia/Kolkata')).toBe('2026-11-03');
    expect(epochToLocalDate(iso('2026-03-29T22:00:00Z'), 'Europe/Berlin')).toBe('2026-03-30');
  });

  it('refuses text that is not a date, saying how to write one', () => {
    expect(() => localDateToEpoch('3/11/2026', 'UTC')).toThrow(/YYYY-MM-DD/);
    expect(() => localDateToEpoch('2026-02-30', 'UTC')).toThrow(/not a day/);
  });

  it('round-trips every date in zones with DST and half-hour offsets', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'America/Santiago', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.constantFrom(...zones), (n, zone) => {
        const date = new Date(iso('2000-01-01T00:00:00Z') + n * D).toISOString().slice(0, 10);
        const t = localDateToEpoch(date, zone);
        expect(epochToLocalDate(t, zone)).toBe(date);
        // The instant before is the day before.
        expect(epochToLocalDate(t - 1, zone)).not.toBe(date);
      }),
    );
  });
});

describe('addLocalDays', () => {
  it('keeps the local time of day across a DST change', () => {
    // Noon Saturday in Berlin (UTC+1) + 1 day = noon Sunday (UTC+2): 23 hours later.
    expect(at(addLocalDays(iso('2026-03-28T11:00:00Z'), 1, 'Europe/Berlin'))).toBe('2026-03-29T10:00:00.000Z');
    // 11:00 Sunday after the fall-back (UTC+1) − 1 day = 11:00 Saturday (UTC+2): 25 hours earlier.
    expect(at(addLocalDays(iso('2026-10-25T10:00:00Z'), -1, 'Europe/Berlin'))).toBe('2026-10-24T09:00:00.000Z');
    expect(at(addLocalDays(iso('2026-11-03T00:00:00Z'), 30, 'UTC'))).toBe('2026-12-03T00:00:00.000Z');
  });
});

describe('makeBuckets', () => {
  it('makes a 23-hour and a 25-hour day in Berlin', () => {
    const spring = makeBuckets(localDateToEpoch('2026-03-28', 'Europe/Berlin'), localDateToEpoch('2026-03-31', 'Europe/Berlin'), 'Europe/Berlin', 'day');
    expect(spring.starts.map(at)).toEqual(['2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(spring.labels).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(spring.starts[2]! - spring.starts[1]!).toBe(23 * H);

    const autumn = makeBuckets(localDateToEpoch('2026-10-24', 'Europe/Berlin'), localDateToEpoch('2026-10-27', 'Europe/Berlin'), 'Europe/Berlin', 'day');
    expect(autumn.starts.map(at)).toEqual(['2026-10-23T22:00:00.000Z', '2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
    expect(autumn.labels).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    expect(at(autumn.end)).toBe('2026-10-26T23:00:00.000Z');
    expect(autumn.starts[2]! - autumn.starts[1]!).toBe(25 * H);
  });

  it('puts instants in the right local day', () => {
    const b = makeBuckets(localDateToEpoch('2026-10-24', 'Europe/Berlin'), localDateToEpoch('2026-10-27', 'Europe/Berlin'), 'Europe/Berlin', 'day');
    expect(b.indexOf(iso('2026-10-23T21:59:59.999Z'))).toBe(-1);
    expect(b.indexOf(iso('2026-10-23T22:00:00Z'))).toBe(0);
    expect(b.indexOf(iso('2026-10-24T21:59:59.999Z'))).toBe(0);
    expect(b.indexOf(iso('2026-10-24T22:00:00Z'))).toBe(1);
    // 23:30 local on the 25-hour day is 22:30Z.
    expect(b.indexOf(iso('2026-10-25T22:30:00Z'))).toBe(1);
    expect(b.indexOf(iso('2026-10-25T23:00:00Z'))).toBe(2);
    expect(b.indexOf(iso('2026-10-26T22:59:59.999Z'))).toBe(2);
    expect(b.indexOf(b.end)).toBe(-1);
  });

  it('starts the first bucket at `from` and later ones at local Mondays, with ISO week-years', () => {
    // From a Wednesday afternoon; 2026 has 53 ISO weeks; New York is UTC-5 in winter.
    const b = makeBuckets(iso('2026-12-23T12:00:00Z'), localDateToEpoch('2027-01-13', 'America/New_York'), 'America/New_York', 'week');
    expect(b.starts.map(at)).toEqual(['2026-12-23T12:00:00.000Z', '2026-12-28T05:00:00.000Z', '2027-01-04T05:00:00.000Z', '2027-01-11T05:00:00.000Z']);
    expect(b.labels).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(b.indexOf(iso('2026-12-28T04:59:59Z'))).toBe(0);
    expect(b.indexOf(iso('2027-01-12T00:00:00Z'))).toBe(3);
  });

  it('labels the first days of a year by their ISO week-year', () => {
    const b = makeBuckets(localDateToEpoch('2024-12-30', 'UTC'), localDateToEpoch('2025-01-06', 'UTC'), 'UTC', 'week');
    expect(b.labels).toEqual(['2025-W01']);
    const c = makeBuckets(localDateToEpoch('2021-01-01', 'UTC'), localDateToEpoch('2021-01-05', 'UTC'), 'UTC', 'week');
    expect(c.labels).toEqual(['2020-W53', '2021-W01']);
  });

  it('crosses the New York DST change inside a week', () => {
    const b = makeBuckets(localDateToEpoch('2026-03-02', 'America/New_York'), localDateToEpoch('2026-03-16', 'America/New_York'), 'America/New_York', 'week');
    expect(b.starts.map(at)).toEqual(['2026-03-02T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    expect(b.labels).toEqual(['2026-W10', '2026-W11']);
  });

  it('makes months at local firsts in a half-hour zone', () => {
    const b = makeBuckets(localDateToEpoch('2025-11-15', 'Asia/Kolkata'), localDateToEpoch('2026-03-01', 'Asia/Kolkata'), 'Asia/Kolkata', 'month');
    expect(b.starts.map(at)).toEqual(['2025-11-14T18:30:00.000Z', '2025-11-30T18:30:00.000Z', '2025-12-31T18:30:00.000Z', '2026-01-31T18:30:00.000Z']);
    expect(b.labels).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(b.indexOf(iso('2025-11-30T18:29:59Z'))).toBe(0);
    expect(b.indexOf(iso('2026-02-28T18:29:59Z'))).toBe(3);
    expect(b.indexOf(iso('2026-02-28T18:30:00Z'))).toBe(-1);
  });

  it('ends a period that stops mid-day at `to`', () => {
    const b = makeBuckets(iso('2026-11-03T06:00:00Z'), iso('2026-11-04T06:00:00Z'), 'UTC', 'day');
    expect(b.starts.map(at)).toEqual(['2026-11-03T06:00:00.000Z', '2026-11-04T00:00:00.000Z']);
    expect(b.labels).toEqual(['2026-11-03', '2026-11-04']);
    expect(at(b.end)).toBe('2026-11-04T06:00:00.000Z');
  });

  it('finds the same bucket as a linear scan', () => {
    const from = localDateToEpoch('2026-01-01', 'Europe/Berlin');
    const to = localDateToEpoch('2026-12-31', 'Europe/Berlin');
    const b = makeBuckets(from, to, 'Europe/Berlin', 'day');
    expect(b.starts).toHaveLength(364);
    fc.assert(
      fc.property(fc.integer({ min: from - D, max: to + D }), (t) => {
        let linear = -1;
        if (t >= from && t < to) for (let i = 0; i < b.starts.length; i++) if (b.starts[i]! <= t) linear = i;
        expect(b.indexOf(t)).toBe(linear);
        if (linear >= 0) expect(b.labels[linear]).toBe(epochToLocalDate(t, 'Europe/Berlin'));
      }),
    );
  });
});

describe('comparisonPeriod', () => {
  const berlin = (d: string): number => localDateToEpoch(d, 'Europe/Berlin');

  it('takes as many local days just before, across a DST change', () => {
    // March has 31 days (one of 23 hours); February 28.
    expect(comparisonPeriod(berlin('2026-03-01'), berlin('2026-04-01'), 'Europe/Berlin', 'previous')).toEqual({ from: berlin('2026-01-29'), to: berlin('2026-03-01') });
    expect(comparisonPeriod(berlin('2026-10-26'), berlin('2026-11-02'), 'Europe/Berlin', 'previous')).toEqual({ from: berlin('2026-10-19'), to: berlin('2026-10-26') });
  });

  it('takes the same length in ms for a period not on local midnights', () => {
    const from = iso('2026-11-03T10:00:00Z');
    expect(comparisonPeriod(from, from + 5 * H, 'Europe/Berlin', 'previous')).toEqual({ from: from - 5 * H, to: from });
  });

  it('takes the same local dates a year earlier, Feb 29 as Feb 28', () => {
    expect(comparisonPeriod(berlin('2026-11-01'), berlin('2026-12-01'), 'Europe/Berlin', 'year')).toEqual({ from: berlin('2025-11-01'), to: berlin('2025-12-01') });
    const leap = comparisonPeriod(localDateToEpoch('2024-02-29', 'UTC'), localDateToEpoch('2024-03-01', 'UTC'), 'UTC', 'year');
    expect(leap).toEqual({ from: localDateToEpoch('2023-02-28', 'UTC'), to: localDateToEpoch('2023-03-01', 'UTC') });
  });
});

describe('periodLabel', () => {
  const utc = (d: string): number => localDateToEpoch(d, 'UTC');
  it('writes the period with its last day included', () => {
    expect(periodLabel(utc('2026-11-01'), utc('2026-12-01'), 'UTC')).toBe('1–30 Nov 2026');
    expect(periodLabel(utc('2026-11-03'), utc('2026-11-04'), 'UTC')).toBe('3 Nov 2026');
    expect(periodLabel(utc('2025-12-28'), utc('2026-01-04'), 'UTC')).toBe('28 Dec 2025 – 3 Jan 2026');
    expect(periodLabel(utc('2026-10-28'), utc('2026-11-04'), 'UTC')).toBe('28 Oct – 3 Nov 2026');
    expect(periodLabel(utc('2024-01-01'), utc('2027-01-01'), 'UTC')).toBe('Jan 2024 – Dec 2026');
  });

  it('reads the dates in the zone', () => {
    const from = localDateToEpoch('2026-11-01', 'Asia/Kolkata');
    const to = localDateToEpoch('2026-12-01', 'Asia/Kolkata');
    expect(periodLabel(from, to, 'Asia/Kolkata')).toBe('1–30 Nov 2026');
    expect(periodLabel(from, to, 'UTC')).toBe('31 Oct – 30 Nov 2026');
  });
});
