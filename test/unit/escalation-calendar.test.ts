/** Business hours: local periods as instants, across weekends, holidays, midnight and DST changes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, aroundTheClock, businessTimeBetween, checkTimeZone, defaultCalendar } from '../../src/shared/escalation/calendar';
import type { BusinessCalendar } from '../../src/shared/escalation/schema';

const H = 3_600_000;
const M = 60_000;
const iso = (s: string): number => Date.parse(s);

const berlin = defaultCalendar('Europe/Berlin');
const newYork = defaultCalendar('America/New_York');

describe('defaultCalendar', () => {
  it('is Monday to Friday, 09:00 to 17:00 in its zone', () => {
    // Tuesday 2026-01-13 10:00 in Berlin (CET, UTC+1) is 09:00Z.
    expect(addBusinessTime(berlin, iso('2026-01-13T09:00:00Z'), 2 * H)).toBe(iso('2026-01-13T11:00:00Z'));
    // Before opening: the clock starts at 09:00 local (08:00Z).
    expect(addBusinessTime(berlin, iso('2026-01-13T05:00:00Z'), 0)).toBe(iso('2026-01-13T08:00:00Z'));
    // In hours, zero business time is the start itself.
    expect(addBusinessTime(berlin, iso('2026-01-13T10:00:00Z'), 0)).toBe(iso('2026-01-13T10:00:00Z'));
    // Late on Tuesday: 1 h left (16:00–17:00 local), 3 h more on Wednesday from 09:00.
    expect(addBusinessTime(berlin, iso('2026-01-13T15:00:00Z'), 4 * H)).toBe(iso('2026-01-14T11:00:00Z'));
  });

  it('skips the weekend', () => {
    // Friday 2026-01-16 16:00 local + 2 h → Monday 10:00 local.
    expect(addBusinessTime(berlin, iso('2026-01-16T15:00:00Z'), 2 * H)).toBe(iso('2026-01-19T09:00:00Z'));
    expect(businessTimeBetween(berlin, iso('2026-01-16T15:00:00Z'), iso('2026-01-19T09:00:00Z'))).toBe(2 * H);
    // Saturday to Sunday: nothing.
    expect(businessTimeBetween(berlin, iso('2026-01-17T00:00:00Z'), iso('2026-01-18T23:00:00Z'))).toBe(0);
  });

  it('ends a period at the closing time exactly, and opens the next day after it', () => {
    expect(addBusinessTime(berlin, iso('2026-01-13T08:00:00Z'), 8 * H)).toBe(iso('2026-01-13T16:00:00Z'));
    expect(addBusinessTime(berlin, iso('2026-01-13T16:00:00Z'), 0)).toBe(iso('2026-01-14T08:00:00Z'));
  });
});

describe('DST', () => {
  it('Europe/Berlin, last Sunday of March: Monday still opens at 09:00 local, now UTC+2', () => {
    // Friday 2026-03-27 16:00 CET (15:00Z) + 2 h → Monday 2026-03-30 10:00 CEST (08:00Z).
    expect(addBusinessTime(berlin, iso('2026-03-27T15:00:00Z'), 2 * H)).toBe(iso('2026-03-30T08:00:00Z'));
  });

  it('Europe/Berlin, last Sunday of October: back to UTC+1', () => {
    // Friday 2026-10-23 16:00 CEST (14:00Z) + 2 h → Monday 2026-10-26 10:00 CET (09:00Z).
    expect(addBusinessTime(berlin, iso('2026-10-23T14:00:00Z'), 2 * H)).toBe(iso('2026-10-26T09:00:00Z'));
  });

  it('a period over the skipped or repeated hour lasts its real length', () => {
    const sundays: BusinessCalendar = { timeZone: 'Europe/Berlin', week: [[], [], [], [], [], [], [{ start: '01:00', end: '05:00' }]], holidays: [] };
    // 2026-03-29: 02:00–03:00 does not happen, so 01:00–05:00 is 3 h.
    expect(businessTimeBetween(sundays, iso('2026-03-28T12:00:00Z'), iso('2026-03-29T12:00:00Z'))).toBe(3 * H);
    // 2026-10-25: 02:00–03:00 happens twice, so 01:00–05:00 is 5 h.
    expect(businessTimeBetween(sundays, iso('2026-10-24T12:00:00Z'), iso('2026-10-25T12:00:00Z'))).toBe(5 * H);
    // A period starting or ending in the skipped hour lasts the part of it that happens.
    const inGap: BusinessCalendar = { ...sundays, week: [[], [], [], [], [], [], [{ start: '02:30', end: '03:30' }]] };
    expect(businessTimeBetween(inGap, iso('2026-03-28T12:00:00Z'), iso('2026-03-29T12:00:00Z'))).toBe(30 * M);
    expect(addBusinessTime(inGap, iso('2026-03-28T12:00:00Z'), 0)).toBe(iso('2026-03-29T01:00:00Z'));
    const intoGap: BusinessCalendar = { ...sundays, week: [[], [], [], [], [], [], [{ start: '01:00', end: '02:30' }]] };
    expect(businessTimeBetween(intoGap, iso('2026-03-28T12:00:00Z'), iso('2026-03-29T12:00:00Z'))).toBe(H);
    // It opens at 01:00 CET = 00:00Z in March and 01:00 CEST = 23:00Z the day before in October.
    expect(addBusinessTime(sundays, iso('2026-03-28T12:00:00Z'), 0)).toBe(iso('2026-03-29T00:00:00Z'));
    expect(addBusinessTime(sundays, iso('2026-10-24T12:00:00Z'), 0)).toBe(iso('2026-10-24T23:00:00Z'));
  });

  it('America/New_York, second Sunday of March and first Sunday of November', () => {
    // Friday 2026-03-06 16:00 EST (21:00Z) + 2 h → Monday 2026-03-09 10:00 EDT (14:00Z).
    expect(addBusinessTime(newYork, iso('2026-03-06T21:00:00Z'), 2 * H)).toBe(iso('2026-03-09T14:00:00Z'));
    // Friday 2026-10-30 16:00 EDT (20:00Z) + 2 h → Monday 2026-11-02 10:00 EST (15:00Z).
    expect(addBusinessTime(newYork, iso('2026-10-30T20:00:00Z'), 2 * H)).toBe(iso('2026-11-02T15:00:00Z'));
    // A whole week across the change is still 5 × 8 h.
    expect(businessTimeBetween(newYork, iso('2026-03-02T00:00:00Z'), iso('2026-03-09T00:00:00Z'))).toBe(40 * H);
  });
});

describe('holidays, midnight, two periods', () => {
  it('a holiday has no business time', () => {
    const cal: BusinessCalendar = { ...berlin, holidays: [{ date: '2026-01-14', name: 'Team day' }] };
    // Tuesday 16:00 local + 2 h → skips Wednesday → Thursday 10:00 local.
    expect(addBusinessTime(cal, iso('2026-01-13T15:00:00Z'), 2 * H)).toBe(iso('2026-01-15T09:00:00Z'));
    expect(businessTimeBetween(cal, iso('2026-01-14T00:00:00Z'), iso('2026-01-15T00:00:00Z'))).toBe(0);
  });

  it('periods to 24:00 and from 00:00 join across midnight', () => {
    const nights: BusinessCalendar = {
      timeZone: 'UTC',
      week: Array.from({ length: 7 }, () => [
        { start: '00:00', end: '02:00' },
        { start: '22:00', end: '24:00' },
      ]),
      holidays: [],
    };
    expect(addBusinessTime(nights, iso('2026-01-13T23:00:00Z'), 2 * H)).toBe(iso('2026-01-14T01:00:00Z'));
    expect(businessTimeBetween(nights, iso('2026-01-13T12:00:00Z'), iso('2026-01-14T12:00:00Z'))).toBe(4 * H);
  });

  it('two periods a day (a lunch break)', () => {
    const lunch: BusinessCalendar = {
      timeZone: 'UTC',
      week: [...Array.from({ length: 5 }, () => [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]), [], []],
      holidays: [],
    };
    expect(addBusinessTime(lunch, iso('2026-01-13T11:00:00Z'), 2 * H)).toBe(iso('2026-01-13T14:00:00Z'));
    expect(addBusinessTime(lunch, iso('2026-01-13T12:30:00Z'), 0)).toBe(iso('2026-01-13T13:00:00Z'));
    expect(businessTimeBetween(lunch, iso('2026-01-13T00:00:00Z'), iso('2026-01-14T00:00:00Z'))).toBe(7 * H);
  });

  it('aroundTheClock is calendar time', () => {
    const t = iso('2026-03-29T00:30:00Z');
    expect(addBusinessTime(aroundTheClock, t, 90 * M)).toBe(t + 90 * M);
    expect(businessTimeBetween(aroundTheClock, t, t + 5 * 24 * H)).toBe(5 * 24 * H);
    expect(businessTimeBetween(aroundTheClock, t, t - 1)).toBe(0);
  });
});

describe('errors', () => {
  it('an unknown zone is a clear RangeError', () => {
    expect(() => checkTimeZone('Mars/Olympus_Mons')).toThrow(/not a time zone/);
    expect(() => checkTimeZone('Europe/Berlin')).not.toThrow();
    expect(() => addBusinessTime(defaultCalendar('Nowhere/Atlantis'), 0, H)).toThrow(RangeError);
  });

  it('a calendar with no hours, or only holidays ahead, throws instead of looping', () => {
    const none: BusinessCalendar = { timeZone: 'UTC', week: [[], [], [], [], [], [], []], holidays: [] };
    expect(() => addBusinessTime(none, 0, H)).toThrow(/no business hours/);
    const sundaysOnly: BusinessCalendar = { timeZone: 'UTC', week: [[], [], [], [], [], [], [{ start: '09:00', end: '10:00' }]], holidays: [] };
    const start = iso('2026-01-01T00:00:00Z');
    const holidays = Array.from({ length: 200 }, (_, i) => ({ date: new Date(start + (3 + 7 * i) * 24 * H).toISOString().slice(0, 10), name: 'closed' }));
    expect(holidays[0]!.date).toBe('2026-01-04'); // a Sunday
    expect(() => addBusinessTime({ ...sundaysOnly, holidays }, start, H)).toThrow(/next three years/);
  });
});

describe('properties', () => {
  const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
  const cal = fc.oneof(
    fc.constantFrom(...zones).map(defaultCalendar),
    fc.constant(aroundTheClock),
    fc.constantFrom(...zones).map(
      (timeZone): BusinessCalendar => ({
        timeZone,
        week: [[{ start: '00:30', end: '02:45' }, { start: '13:00', end: '24:00' }], [], [{ start: '09:00', end: '12:00' }], [], [], [{ start: '01:00', end: '04:00' }], []],
        holidays: [{ date: '2026-03-29', name: 'h' }],
      }),
    ),
  );
  const instant = fc.integer({ min: iso('2025-01-01T00:00:00Z'), max: iso('2028-12-31T00:00:00Z') });
  const amount = fc.integer({ min: 1, max: 30 * 24 * H });

  it('the due time is at or after the start, and exactly the business time asked for later', () => {
    fc.assert(
      fc.property(cal, instant, amount, (c, start, ms) => {
        const due = addBusinessTime(c, start, ms);
        expect(due).toBeGreaterThanOrEqual(start);
        expect(Math.abs(businessTimeBetween(c, start, due) - ms)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotonic in the start and in the amount', () => {
    fc.assert(
      fc.property(cal, instant, instant, amount, amount, (c, a, b, x, y) => {
        const [s1, s2] = a <= b ? [a, b] : [b, a];
        expect(addBusinessTime(c, s1, x)).toBeLessThanOrEqual(addBusinessTime(c, s2, x));
        const [m1, m2] = x <= y ? [x, y] : [y, x];
        expect(addBusinessTime(c, s1, m1)).toBeLessThanOrEqual(addBusinessTime(c, s1, m2));
      }),
      { numRuns: 300 },
    );
  });

  it('business time is additive over a split point', () => {
    fc.assert(
      fc.property(cal, instant, instant, instant, (c, ...ts) => {
        const [a, b, d] = ts.sort((x, y) => x - y);
        expect(businessTimeBetween(c, a!, b!) + businessTimeBetween(c, b!, d!)).toBe(businessTimeBetween(c, a!, d!));
      }),
      { numRuns: 200 },
    );
  });
});

describe('speed', () => {
  it('is cheap once the days are cached', () => {
    const start = iso('2026-01-05T00:00:00Z');
    for (let i = 0; i < 1000; i++) addBusinessTime(berlin, start + i * 37 * M, 4 * H);
    const t0 = process.cpuUsage();
    let sum = 0;
    for (let r = 0; r < 20; r++) for (let i = 0; i < 1000; i++) sum += addBusinessTime(berlin, start + i * 37 * M, 4 * H);
    const used = process.cpuUsage(t0);
    const usPerCall = (used.user + used.system) / 20_000;
    expect(sum).toBeGreaterThan(0);
    expect(usPerCall).toBeLessThan(5);
  });
});
