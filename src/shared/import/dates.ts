/**
 * Dates as exports write them, to UTC milliseconds. Values with an offset (ISO 8601 with
 * Z or ±hh:mm, RFC 2822 with a zone) mean exactly that instant; values without one are
 * wall-clock times in the chosen IANA zone. Intl does the zone maths (no library: dayjs's
 * timezone plugin formats through Intl on every call and is much slower at a million rows).
 */
import { zoneFormatter } from '../time-zone';

const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  // German, French and Spanish abbreviations that differ from the English ones.
  mär: 3, mrz: 3, mai: 5, okt: 10, dez: 12, janv: 1, févr: 2, fevr: 2, mars: 3, avr: 4, juin: 6, juil: 7, août: 8, aout: 8, déc: 12,
  ene: 1, abr: 4, ago: 8, dic: 12,
};

/** RFC 2822 zone names that Date.parse understands only partly. */
const namedZones: Record<string, number> = { UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

const isoRe = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?$/i;
const numericRe = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i;
const rfcRe = /^(?:[a-z]{2,4}\.?,?\s+)?(\d{1,2})\.?\s+([a-zéû]{3,5})\.?[a-z]*\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{4}|[A-Z]{1,4})?(?:\s*\(.*\))?$/i;
const monthFirstRe = /^(?:[a-z]+,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?$/i;
const epochRe = /^\d{9,13}(?:\.\d+)?$/;
/**
 * The year after the time: Twitter's API and its exports (`Tue Oct 31 22:10:47 +0000 2017`)
 * and C's ctime (`Tue Oct  3 22:10:47 2017`, no zone).
 */
const yearLastRe = /^(?:[a-z]{3},?\s+)?([a-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([+-]\d{4}|[A-Z]{1,4})\s+)?(\d{4})$/i;
/** JavaScript's Date#toString: `Tue Oct 31 2017 22:10:47 GMT+0000 (Coordinated Universal Time)`. */
const jsDateRe = /^(?:[a-z]{3}\s+)?([a-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+GMT([+-]\d{4})(?:\s*\(.*\))?$/i;

/** True when Intl knows the zone, e.g. 'Europe/Berlin'. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    zoneFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

const offsetCache = new Map<string, number>();

/** The zone's offset from UTC in minutes at the instant `utcMs` (cached per zone and quarter hour). */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const bucket = Math.floor(utcMs / 900_000);
  const key = `${timeZone}|${bucket}`;
  const seen = offsetCache.get(key);
  if (seen !== undefined) return seen;
  const at = bucket * 900_000;
  const parts: Record<string, number> = {};
  for (const p of zoneFormatter(timeZone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  const offset = Math.round((asUtc - at) / 60_000);
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/** Wall-clock time in a zone → UTC ms (a time skipped by a DST jump lands after it). */
export function wallTimeToUtc(wall: number, timeZone: string): number {
  const first = wall - zoneOffsetMinutes(timeZone, wall) * 60_000;
  const second = wall - zoneOffsetMinutes(timeZone, first) * 60_000;
  return second;
}

function offsetOf(zone: string): number | null {
  const upper = zone.toUpperCase();
  if (upper in namedZones) return namedZones[upper]!;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  ms: number,
  zone: string | undefined,
  timeZone: string,
): number | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  // Reject 31 February and friends instead of rolling over into March.
  if (new Date(wall).getUTCDate() !== d) return null;
  if (zone) {
    const offset = offsetOf(zone);
    if (offset === null) return null;
    return wall - offset * 60_000;
  }
  return wallTimeToUtc(wall, timeZone);
}

function hour12(h: number, meridiem: string | undefined): number {
  if (!meridiem) return h;
  const pm = meridiem.toLowerCase().startsWith('p');
  return (h % 12) + (pm ? 12 : 0);
}

export interface DateOptions {
  /** IANA zone for values without an offset. */
  timeZone: string;
  /** For 05/03/2024: true reads 5 March, false reads May 3. See guessDayFirst. */
  dayFirst: boolean;
}

/**
 * Parses one date value, or null when it is not a date this understands. Numbers of 9–10
 * digits are epoch seconds, 12–13 digits epoch milliseconds.
 */
export function parseDate(value: string | number, options: DateOptions): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? (value < 1e11 ? Math.round(value * 1000) : Math.round(value)) : null;
  const text = value.trim();
  if (text === '') return null;
  if (epochRe.test(text)) {
    const n = Number(text);
    return text.split('.')[0]!.length <= 10 ? Math.round(n * 1000) : Math.round(n);
  }
  let m = isoRe.exec(text);
  if (m) {
    const frac = m[8] ? Number(m[8].slice(0, 3).padEnd(3, '0')) : 0;
    return build(Number(m[1]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0), Number(m[6] ?? 0), Number(m[7] ?? 0), frac, m[9], options.timeZone);
  }
  m = numericRe.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    let year = Number(m[3]);
    if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
    const [day, month] = options.dayFirst ? [a, b] : [b, a];
    return build(year, month, day, hour12(Number(m[4] ?? 0), m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, m[8], options.timeZone);
  }
  m = rfcRe.exec(text);
  if (m) {
    const month = months[m[2]!.toLowerCase()];
    if (month === undefined) return null;
    return build(Number(m[3]), month, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, m[7], options.timeZone);
  }
  m = yearLastRe.exec(text);
  if (m) {
    const month = months[m[1]!.toLowerCase()];
    if (month === undefined) return null;
    return build(Number(m[7]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0), 0, m[6], options.timeZone);
  }
  m = jsDateRe.exec(text);
  if (m) {
    const month = months[m[1]!.toLowerCase()];
    if (month === undefined) return null;
    return build(Number(m[3]), month, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0, m[7], options.timeZone);
  }
  m = monthFirstRe.exec(text);
  if (m) {
    const month = months[m[1]!.toLowerCase().slice(0, 3)] ?? months[m[1]!.toLowerCase().slice(0, 4)];
    if (month === undefined) return null;
    return build(Number(m[3]), month, Number(m[2]), hour12(Number(m[4] ?? 0), m[7]), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, undefined, options.timeZone);
  }
  return null;
}

/**
 * Decides dd/mm against mm/dd from a column's values: a first number above 12 proves
 * day-first, a second above 12 proves month-first. When nothing proves it, day-first,
 * except in American zones.
 */
export function guessDayFirst(values: Iterable<string>, timeZone = 'UTC'): boolean {
  let dayFirst = 0;
  let monthFirst = 0;
  for (const v of values) {
    const m = numericRe.exec(v.trim());
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst++;
    else if (Number(m[2]) > 12) monthFirst++;
  }
  if (dayFirst !== monthFirst) return dayFirst > monthFirst;
  return !timeZone.startsWith('America/');
}

/** True when the value reads as a date in either order; used to guess the date column. */
export function looksLikeDate(value: string): boolean {
  const text = value.trim();
  if (epochRe.test(text)) {
    const n = Number(text);
    // 2001..2100 in seconds or milliseconds, so plain ids are not taken for dates.
    return (n > 978_307_200 && n < 4_102_444_800) || (n > 978_307_200_000 && n < 4_102_444_800_000);
  }
  return parseDate(text, { timeZone: 'UTC', dayFirst: true }) !== null || parseDate(text, { timeZone: 'UTC', dayFirst: false }) !== null;
}
