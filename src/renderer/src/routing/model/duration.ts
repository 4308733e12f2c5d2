/**
 * SLA targets as people write them: "4h", "30m", "2d", "1h 30m". A day is 24 hours of the
 * clock the team measures in (business hours or around the clock), as the core counts it.
 */

const MINUTES = { d: 1440, h: 60, m: 1 } as const;
/** The schema's ceiling: a year of minutes. */
export const MAX_DURATION_MINUTES = 525_600;

export type DurationParse = { ok: true; minutes: number | null } | { ok: false; message: string };

const part = /(\d+(?:\.\d+)?)\s*(d|h|m)/gy;

/**
 * Reads a duration. Empty means no target (null). A bare number is minutes. Units may be
 * combined in any order ("1d 4h", "90m", "1.5h"); the total must be whole minutes.
 */
export function parseDuration(text: string): DurationParse {
  const input = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (input === '') return { ok: true, minutes: null };
  let minutes: number;
  if (/^\d+$/.test(input)) minutes = Number(input);
  else {
    const compact = input.replace(/ /g, '');
    part.lastIndex = 0;
    let total = 0;
    let read = 0;
    for (let m = part.exec(compact); m !== null; m = part.exec(compact)) {
      total += Number(m[1]) * MINUTES[m[2] as keyof typeof MINUTES];
      read = part.lastIndex;
    }
    if (read === 0 || read !== compact.length) return { ok: false, message: 'Write it as 4h, 30m, 2d or 1h 30m.' };
    minutes = total;
  }
  if (!Number.isInteger(minutes)) return { ok: false, message: 'Use whole minutes.' };
  if (minutes < 1) return { ok: false, message: 'At least 1 minute, or leave it empty for no target.' };
  if (minutes > MAX_DURATION_MINUTES) return { ok: false, message: 'At most 365 days.' };
  return { ok: true, minutes };
}

/** The shortest way to write it back: "2d", "4h", "1h 30m", "1d 2h 5m"; empty for no target. */
export function formatDuration(minutes: number | null): string {
  if (minutes === null) return '';
  const days = Math.floor(minutes / MINUTES.d);
  const hours = Math.floor((minutes % MINUTES.d) / MINUTES.h);
  const rest = minutes % MINUTES.h;
  const parts: string[] = [];
  if (days > 0) parts.push(`${days}d`);
  if (hours > 0) parts.push(`${hours}h`);
  if (rest > 0 || parts.length === 0) parts.push(`${rest}m`);
  return parts.join(' ');
}
