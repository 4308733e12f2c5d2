import { describe, expect, it } from 'vitest';
import { localClock } from '../../src/shared/reports/local-time';

/** The same text through Intl alone, for comparison. */
const formats = new Map<string, Intl.DateTimeFormat>();
function viaIntl(ms: number, timeZone: string): string {
  const f = formats.get(timeZone) ?? new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
  formats.set(timeZone, f);
  const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]));
  return `${p['year']}-${p['month']}-${p['day']} ${p['hour']}:${p['minute']}:${p['second']}`;
}

describe('localClock', () => {
  it('writes Berlin wall-clock time across the autumn DST change', () => {
    const berlin = localClock('Europe/Berlin');
    // 01:59:59 CEST, then the hour lived twice (02:xx CEST, 02:xx CET), then 03:00 CET.
    expect(berlin.text(Date.parse('2026-10-24T23:59:59Z'))).toBe('2026-10-25 01:59:59');
    expect(berlin.text(Date.parse('2026-10-25T00:30:00Z'))).toBe('2026-10-25 02:30:00');
    expect(berlin.text(Date.parse('2026-10-25T01:30:00Z'))).toBe('2026-10-25 02:30:00');
    expect(berlin.text(Date.parse('2026-10-25T02:00:00Z'))).toBe('2026-10-25 03:00:00');
    // Local midnight, and the last second of a day.
    expect(berlin.text(Date.parse('2026-11-01T23:00:00Z'))).toBe('2026-11-02 00:00:00');
    expect(berlin.text(Date.parse('2026-11-01T22:59:59.999Z'))).toBe('2026-11-01 23:59:59');
    expect(new Date(berlin.wall(Date.parse('2026-11-02T08:00:00Z'))).toISOString()).toBe('2026-11-02T09:00:00.000Z');
  });

  it('agrees with Intl every 97 minutes for two years, in zones with half-hour offsets and shifts', () => {
    for (const zone of ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'UTC']) {
      const clock = localClock(zone);
      const start = Date.UTC(2026, 0, 1);
      for (let t = start; t < start + 2 * 366 * 86_400_000; t += 97 * 60_000 + 13_000) expect(clock.text(t), `${zone} ${new Date(t).toISOString()}`).toBe(viaIntl(t, zone));
    }
  });

  it('handles instants before 1970', () => {
    expect(localClock('UTC').text(Date.UTC(1969, 11, 31, 23, 59, 59))).toBe('1969-12-31 23:59:59');
  });
});
