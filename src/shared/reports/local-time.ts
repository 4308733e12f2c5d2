/**
 * Wall-clock text for many instants in one zone, fast enough for an export of a million
 * rows: Intl is asked once per quarter hour of UTC (every zone's offset changes on a
 * quarter hour), and the date is worked out with integer arithmetic, not a Date per cell.
 */
import { zoneFormatter } from '../time-zone';

const QUARTER_MS = 900_000;

/** The zone's offset from UTC at `ms`, in ms (positive east of Greenwich). */
function offsetAt(timeZone: string, ms: number): number {
  const at = Math.floor(ms / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of zoneFormatter(timeZone).formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!, p['second']!);
  return wall - at;
}

/** Days since 1970-01-01 to [year, month 1–12, day] (H. Hinnant's civil_from_days). */
function civil(days: number): [number, number, number] {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

export interface LocalClock {
  /** The instant's wall clock as if it were UTC: what a spreadsheet date (which has no zone) should hold. */
  wall(ms: number): number;
  /** "2026-11-02 09:05:00" in the zone. */
  text(ms: number): string;
}

export function localClock(timeZone: string): LocalClock {
  const offsets = new Map<number, number>();
  const wall = (ms: number): number => {
    const q = Math.floor(ms / QUARTER_MS);
    let off = offsets.get(q);
    if (off === undefined) {
      off = offsetAt(timeZone, ms);
      offsets.set(q, off);
    }
    return ms + off;
  };
  return {
    wall,
    text(ms) {
      const local = wall(ms);
      const days = Math.floor(local / 86_400_000);
      const [y, m, d] = civil(days);
      let s = Math.floor((local - days * 86_400_000) / 1000);
      const hh = Math.floor(s / 3600);
      s -= hh * 3600;
      const mi = Math.floor(s / 60);
      return `${y}-${pad2(m)}-${pad2(d)} ${pad2(hh)}:${pad2(mi)}:${pad2(s - mi * 60)}`;
    },
  };
}
