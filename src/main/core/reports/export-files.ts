/**
 * A built report written as one format: the one place `reports.export` and the scheduled
 * exports both go through, so a file from either carries the same tables and numbers.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { HearkenError } from '../../../shared/errors';
import { renderReportHtml } from '../../../shared/reports/html';
import { withSuffix } from '../../../shared/reports/schedule';
import type { Report, ReportFormat } from '../../../shared/reports/schema';
import { reportTables } from '../../../shared/reports/tables';
import { writeFileAtomic } from '../files';
import type { PrintToPdf, TimeBasis } from './seams';
import { writeReportCsv, writeReportXlsx } from './table-files';

export const printUnavailable = (): HearkenError =>
  new HearkenError(
    'PRINT_UNAVAILABLE',
    'PDF needs a browser to print with, and none is available here. HTML, XLSX and CSV exports are available; the HTML prints to PDF from any browser.',
  );

/** Which durations a rendering shows first: the report's own default. */
export function basisOf(report: Report): TimeBasis {
  return report.businessHours ? 'business' : 'calendar';
}

/** The report's self-contained HTML page, as saved and as printed to PDF. */
export function reportHtml(report: Report, basis: TimeBasis = basisOf(report)): string {
  return renderReportHtml(report, { basis, tables: reportTables(report, basis) });
}

/**
 * Writes `report` as `format` at `target` (for csv, a folder of one file per table, made if
 * missing) and returns the names written: the file, or the folder's files as "folder/file".
 * PDF without a printer: PRINT_UNAVAILABLE, before anything is written.
 */
export async function writeReportAs(
  report: Report,
  format: ReportFormat,
  target: string,
  printToPdf: PrintToPdf | undefined,
  basis: TimeBasis = basisOf(report),
): Promise<string[]> {
  try {
    return await writeFormat(report, format, target, printToPdf, basis);
  } catch (error) {
    throw unwritable(target, error);
  }
}

/** A file system refusal in words that say what to do; any other error as it is. */
function unwritable(target: string, error: unknown): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const why: Record<string, string> = {
    ENOENT: 'its folder does not exist',
    EACCES: 'permission was refused',
    EPERM: 'permission was refused',
    EROFS: 'the disk is read-only',
    EISDIR: 'a folder has that name',
    ENOTDIR: 'part of its path is a file, not a folder',
  };
  if (code === 'ENOSPC') return new HearkenError('DISK_FULL', `The disk is full, so ${basename(target)} was not written. Free some space and export again.`);
  if (code === undefined || !(code in why)) return error;
  return new HearkenError('VALIDATION', `Could not write ${basename(target)}: ${why[code]}. Choose another place and export again.`);
}

async function writeFormat(report: Report, format: ReportFormat, target: string, printToPdf: PrintToPdf | undefined, basis: TimeBasis): Promise<string[]> {
  switch (format) {
    case 'html':
      writeFileAtomic(target, reportHtml(report, basis));
      return [basename(target)];
    case 'pdf': {
      if (!printToPdf) throw printUnavailable();
      writeFileAtomic(target, await printToPdf(reportHtml(report, basis)));
      return [basename(target)];
    }
    case 'xlsx': {
      await writeReportXlsx(report, basis, target);
      return [basename(target)];
    }
    case 'csv': {
      mkdirSync(target, { recursive: true });
      const written = await writeReportCsv(report, basis, target);
      return written.map((file) => `${basename(target)}/${basename(file)}`);
    }
  }
}

/** `name` in `folder`, or name-2, name-3 … when taken: scheduled exports never replace a file. */
export function freeName(folder: string, name: string): string {
  for (let n = 1; ; n++) {
    const candidate = withSuffix(name, n);
    if (!existsSync(join(folder, candidate))) return candidate;
  }
}
