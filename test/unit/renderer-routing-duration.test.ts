/** SLA targets as typed: "4h", "30m", "2d", "1h 30m", read and written back the same way. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, MAX_DURATION_MINUTES, parseDuration } from '../../src/renderer/src/routing/model/duration';

describe('durations', () => {
  it('reads the compact forms people write', () => {
    expect(parseDuration('4h')).toEqual({ ok: true, minutes: 240 });
    expect(parseDuration('30m')).toEqual({ ok: true, minutes: 30 });
    expect(parseDuration('2d')).toEqual({ ok: true, minutes: 2880 });
    expect(parseDuration(' 1h 30m ')).toEqual({ ok: true, minutes: 90 });
    expect(parseDuration('1H30M')).toEqual({ ok: true, minutes: 90 });
    expect(parseDuration('1.5h')).toEqual({ ok: true, minutes: 90 });
    expect(parseDuration('45')).toEqual({ ok: true, minutes: 45 });
    expect(parseDuration('')).toEqual({ ok: true, minutes: null });
  });

  it('refuses what it cannot read, with a way to write it', () => {
    for (const text of ['soon', '4 hours', 'h', '4x', '1h 30', '-1h']) expect(parseDuration(text)).toMatchObject({ ok: false });
    expect(parseDuration('0m')).toEqual({ ok: false, message: 'At least 1 minute, or leave it empty for no target.' });
    expect(parseDuration('0.5m')).toEqual({ ok: false, message: 'Use whole minutes.' });
    expect(parseDuration('366d')).toEqual({ ok: false, message: 'At most 365 days.' });
  });

  it('writes the shortest form', () => {
    expect(formatDuration(null)).toBe('');
    expect(formatDuration(30)).toBe('30m');
    expect(formatDuration(240)).toBe('4h');
    expect(formatDuration(90)).toBe('1h 30m');
    expect(formatDuration(2880)).toBe('2d');
    expect(formatDuration(1440 + 125)).toBe('1d 2h 5m');
  });

  it('reads back every duration it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_DURATION_MINUTES }), (minutes) => {
        expect(parseDuration(formatDuration(minutes))).toEqual({ ok: true, minutes });
      }),
    );
  });

  it('writes what it reads the same way twice', () => {
    const unit = fc.constantFrom('d', 'h', 'm');
    const text = fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), unit), { minLength: 1, maxLength: 3 }).map((parts) => parts.map(([n, u]) => `${n}${u}`).join(' '));
    fc.assert(
      fc.property(text, (t) => {
        const first = parseDuration(t);
        if (!first.ok) return;
        expect(parseDuration(formatDuration(first.minutes))).toEqual(first);
      }),
    );
  });
});
