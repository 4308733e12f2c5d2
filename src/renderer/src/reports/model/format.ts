/** How report figures read: durations, shares and counts, the same on every card and chart. */

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const countFormat = new Intl.NumberFormat('en');

export function formatCount(value: number | null): string {
  return value === null ? '–' : countFormat.format(value);
}

/** "45s", "12m", "3h 20m", "2d 4h": two units at most, which is all a median needs. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  const v = Math.max(0, ms);
  const seconds = Math.round(v / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(v / minute);
  if (minutes < 60) return `${minutes}m`;
  if (v < day - 30 * 1000) {
    let h = Math.floor(v / hour);
    let m = Math.round((v - h * hour) / minute);
    if (m === 60) [h, m] = [h + 1, 0];
    if (h === 24) return '1d';
    return m === 0 ? `${h}h` : `${h}h ${m}m`;
  }
  let d = Math.floor(v / day);
  let h = Math.round((v - d * day) / hour);
  if (h === 24) [d, h] = [d + 1, 0];
  return h === 0 ? `${d}d` : `${d}d ${h}h`;
}

/** A share in [0, 1] as a percent with one decimal below 10% (where a tenth matters), none above. */
export function formatPercent(rate: number | null): string {
  if (rate === null) return '–';
  const pct = rate * 100;
  if (pct !== 0 && Math.abs(pct) < 10) return `${pct.toFixed(1)}%`;
  return `${Math.round(pct)}%`;
}

/** The share of a part in a whole, null when the whole is empty. */
export function share(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dayMonthFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/** "3 Nov – 30 Nov 2026" for a period [from, to): `to` is the midnight after its last day. */
export function periodLabel(from: number, to: number, timeZone?: string): string {
  const last = to - 1;
  const full = timeZone ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone }) : dayFormat;
  const short = timeZone ? new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone }) : dayMonthFormat;
  const a = full.format(from);
  const b = full.format(last);
  if (a === b) return a;
  const sameYear = a.slice(-4) === b.slice(-4);
  return `${sameYear ? short.format(from) : a} – ${b}`;
}

/** The report's one-line title: its days, and what they are set against. */
export function reportHeadline(report: {
  scope: { timeZone: string; compare: { kind: string } };
  primary: { label: string; from: number; to: number };
  comparison: { label: string } | null;
}): string {
  const period = periodLabel(report.primary.from, report.primary.to, report.scope.timeZone);
  if (!report.comparison) return period;
  const kind = report.scope.compare.kind;
  // Two products or channels share the days: name the sides, then the days.
  if (kind === 'product' || kind === 'channel') return `${report.primary.label} compared with ${report.comparison.label} · ${period}`;
  return `${period} compared with ${report.comparison.label}`;
}
