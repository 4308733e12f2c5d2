/**
 * How a report's numbers read in the HTML and PDF: one set of formatters, so a figure in a
 * key-figure card, a chart label and a table cell always reads the same way. Formatting
 * only: no figure is worked out here.
 */
import type { CellType } from './item';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One locale for every report, so a file reads the same wherever it was written. */
const LOCALE = 'en-GB';
const ints = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
/** Below 1 (p-values, small ratios) two significant digits, so 0.0004 does not read as 0. */
const small = new Intl.NumberFormat(LOCALE, { maximumSignificantDigits: 2 });

export const EMPTY = '–';

/** A typographic minus: "−3", not a hyphen. */
const signed = (text: string): string => (text.startsWith('-') ? `−${text.slice(1)}` : text);

export function formatInt(value: number | null): string {
  return value === null ? EMPTY : signed(ints.format(value));
}

export function formatNumber(value: number | null): string {
  if (value === null) return EMPTY;
  return signed((Math.abs(value) < 1 && value !== 0 ? small : decimals).format(value));
}

/** A share in [0, 1] (or a change of one) as "12.5 %". */
export function formatPercent(value: number | null): string {
  if (value === null) return EMPTY;
  const text = (value * 100).toFixed(1);
  return `${signed(text === '-0.0' ? '0.0' : text)} %`;
}

/** "45 min", "3 h 20 min", "2.1 d"; below a minute "< 1 min"; a change may be negative ("−36 min"). */
export function formatDuration(ms: number | null): string {
  if (ms === null) return EMPTY;
  if (ms < 0) {
    const magnitude = formatDuration(-ms);
    return magnitude === '0 min' ? magnitude : `−${magnitude}`;
  }
  if (ms < MINUTE) return ms <= 0 ? '0 min' : '< 1 min';
  if (ms < HOUR) return `${Math.round(ms / MINUTE)} min`;
  if (ms < DAY) {
    const total = Math.round(ms / MINUTE);
    const hours = Math.floor(total / 60);
    const minutes = total % 60;
    if (hours === 24) return '1.0 d';
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  return `${(ms / DAY).toFixed(1)} d`;
}

function dateFormat(timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALE, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    timeZone,
  });
}

/** "3 Nov 2026" in the report's zone. */
export function formatDate(ms: number | null, timeZone: string): string {
  return ms === null ? EMPTY : dateFormat(timeZone, false).format(ms);
}

/** "3 Nov 2026, 07:05" in the report's zone. */
export function formatDateTime(ms: number, timeZone: string): string {
  return dateFormat(timeZone, true).format(ms);
}

/** A period [from, to) as its first and last day: "1 Nov 2026 – 30 Nov 2026", or one day alone. */
export function formatPeriod(from: number, to: number, timeZone: string): string {
  const first = formatDate(from, timeZone);
  const last = formatDate(Math.max(from, to - 1), timeZone);
  return first === last ? first : `${first} – ${last}`;
}

/** A table cell as text, by its column's type. */
export function formatCell(value: string | number | null, type: CellType, timeZone: string): string {
  if (value === null) return EMPTY;
  if (typeof value === 'string') return value;
  switch (type) {
    case 'int':
      return formatInt(value);
    case 'percent':
      return formatPercent(value);
    case 'duration':
      return formatDuration(value);
    case 'date':
      return formatDate(value, timeZone);
    case 'number':
      return formatNumber(value);
    case 'text':
      return String(value);
  }
}

/** Short labels for a chart's axis: "3 Nov", "W45", "Nov 26" from the series' "2026-11-03", "2026-W45", "2026-11". */
export function shortBucketLabel(label: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (day) return `${Number(day[3])} ${months[Number(day[2]) - 1] ?? day[2]}`;
  const week = /^\d{4}-(W\d{2})$/.exec(label);
  if (week) return week[1] ?? label;
  const month = /^(\d{4})-(\d{2})$/.exec(label);
  if (month) return `${months[Number(month[2]) - 1] ?? month[2]} ${(month[1] ?? '').slice(2)}`;
  return label;
}
