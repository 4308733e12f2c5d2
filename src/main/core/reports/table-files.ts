/**
 * A report's tables as files: one CSV per table in a folder, or one XLSX workbook with a
 * sheet per table. Both come from shared/reports/tables.ts, so they carry the same numbers
 * as the HTML and --json; only the units differ (CSV: percentages and minutes, rounded to
 * two decimals; XLSX: full numbers, shares formatted as percent and times as hours).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { HOUR_MS, localDay, tableCsv, withUnit } from '../../../shared/reports/cells';
import type { CellType, ReportTable } from '../../../shared/reports/item';
import type { Report } from '../../../shared/reports/schema';
import { cellTypeAt, reportTables } from '../../../shared/reports/tables';
import { writeFileAtomic } from '../files';
import type { TimeBasis } from './seams';

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark; without it, "Zoë" turns to mojibake. */
export const BOM = '\uFEFF';

/** Writes `<table>.csv` for every table into `dir` (created if missing); the paths written. */
export async function writeReportCsv(report: Report, basis: TimeBasis, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (const table of reportTables(report, basis)) {
    const file = join(dir, `${table.name}.csv`);
    writeFileAtomic(file, BOM + tableCsv(table, report.scope.timeZone));
    files.push(file);
  }
  return Promise.resolve(files);
}

const NUM_FMT: Partial<Record<CellType, string>> = {
  int: '#,##0',
  percent: '0.0%',
  duration: '0.00',
  date: 'yyyy-mm-dd',
};

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31);
}

/**
 * A cell's value as XLSX holds it. Dates become the local day at UTC midnight, since a
 * spreadsheet date has no zone and exceljs writes a Date as its UTC wall clock.
 */
export function xlsxValue(type: CellType, value: string | number | null | undefined, timeZone: string): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (type === 'duration') return value / HOUR_MS;
  if (type === 'date') {
    const [y, m, d] = localDay(value, timeZone);
    return new Date(Date.UTC(y, m - 1, d));
  }
  return value;
}

function xlsxHeader(table: ReportTable, column: ReportTable['columns'][number]): string {
  return column.perRow !== true && column.type === 'duration' ? withUnit(column.header, 'hours') : column.header;
}

function addSheet(book: ExcelJS.Workbook, table: ReportTable, timeZone: string): void {
  const sheet = book.addWorksheet(sheetName(table.name), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  const headers = table.columns.map((c) => xlsxHeader(table, c));
  const widths = headers.map((h) => h.length);
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  const perRow = table.columns.some((c) => c.perRow === true);
  table.rows.forEach((row, i) => {
    const values = table.columns.map((c, k) => {
      const v = xlsxValue(cellTypeAt(table, c, i), row[c.key], timeZone);
      // The summary's figure names the hours its times are in; shares show their % sign.
      if (perRow && k === 0 && typeof v === 'string' && table.rowTypes?.[i] === 'duration') return withUnit(v, 'hours');
      return v;
    });
    const added = sheet.addRow(values);
    table.columns.forEach((c, k) => {
      const type = cellTypeAt(table, c, i);
      const fmt = NUM_FMT[type];
      if (fmt !== undefined) added.getCell(k + 1).numFmt = fmt;
      const v = values[k];
      const len = typeof v === 'string' ? v.length : type === 'date' ? 10 : 12;
      widths[k] = Math.max(widths[k] ?? 0, len);
    });
  });
  widths.forEach((w, k) => {
    sheet.getColumn(k + 1).width = Math.min(60, Math.max(10, w + 2));
  });
  if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
}

/** The workbook: one sheet per table, typed cells, a bold frozen header with a filter; written atomically. */
export async function writeReportXlsx(report: Report, basis: TimeBasis, path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Hearken';
  book.created = new Date(report.generatedAt);
  book.modified = new Date(report.generatedAt);
  for (const table of reportTables(report, basis)) addSheet(book, table, report.scope.timeZone);
  const bytes = await book.xlsx.writeBuffer();
  writeFileAtomic(path, new Uint8Array(bytes as ArrayBuffer));
}
