/**
 * How a table's typed values become cells in a file. CSV is read by people in a spreadsheet
 * and by scripts, so its numbers carry their unit in the header and are rounded to what a
 * person reads: shares as percentages and times as minutes, both to two decimals; counts
 * and plain numbers as they are; dates as the local day in the report's zone. XLSX keeps
 * the full numbers and lets the cell format round (see table-files.ts).
 */
import { zoneFormatter } from '../time-zone';
import { formulaSafe } from './csv-safe';
import type { CellType, ReportTable } from './item';
import { cellTypeAt } from './tables';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** "Median resolution (business hours)" + "minutes" → "Median resolution (business hours, minutes)". */
export function withUnit(header: string, unit: string): string {
  return header.endsWith(')') ? `${header.slice(0, -1)}, ${unit})` : `${header} (${unit})`;
}

/** The unit a CSV column's header names, or null when the values are plain. */
export function csvUnit(type: CellType): string | null {
  if (type === 'percent') return '%';
  if (type === 'duration') return 'minutes';
  return null;
}

/** The local calendar day of an instant in a zone, as [year, month 1–12, day]. */
export function localDay(ms: number, timeZone: string): [number, number, number] {
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of zoneFormatter(timeZone).formatToParts(ms)) {
    if (p.type === 'year') y = Number(p.value);
    else if (p.type === 'month') m = Number(p.value);
    else if (p.type === 'day') d = Number(p.value);
  }
  return [y, m, d];
}

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

export function isoDay(ms: number, timeZone: string): string {
  const [y, m, d] = localDay(ms, timeZone);
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Two decimals, without a trailing ".00" and without "-0". */
function round2(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(r === 0 ? 0 : r);
}

/** A typed value as CSV text: numbers in the header's unit, text made formula-safe. */
export function csvValue(type: CellType, value: string | number | null | undefined, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return formulaSafe(value);
  switch (type) {
    case 'percent':
      return round2(value * 100);
    case 'duration':
      return round2(value / MINUTE_MS);
    case 'date':
      return isoDay(value, timeZone);
    default:
      return String(value);
  }
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break. */
export function csvQuote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Units are in the header; a column whose type varies by row names the unit in the row's first cell. */
export function csvHeaders(table: ReportTable): string[] {
  return table.columns.map((c) => {
    const unit = c.perRow === true ? null : csvUnit(c.type);
    return unit === null ? c.header : withUnit(c.header, unit);
  });
}

/** The whole table as CSV text with CRLF line ends (no BOM: the writer adds it). */
export function tableCsv(table: ReportTable, timeZone: string): string {
  const perRow = table.columns.some((c) => c.perRow === true);
  const lines = [csvHeaders(table).map(csvQuote).join(',')];
  table.rows.forEach((row, i) => {
    const cells = table.columns.map((c, k) => {
      const type = cellTypeAt(table, c, i);
      let text = csvValue(type, row[c.key], timeZone);
      // The summary's label column carries the unit its row's figures are in.
      if (perRow && k === 0) {
        const unit = csvUnit(table.rowTypes?.[i] ?? 'text');
        const label = row[c.key];
        if (unit !== null && typeof label === 'string') text = formulaSafe(withUnit(label, unit));
      }
      return csvQuote(text);
    });
    lines.push(cells.join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
