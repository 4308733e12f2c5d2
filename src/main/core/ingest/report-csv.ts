import type { ImportReport } from '../../../shared/contract';

/**
 * One CSV field. Quoted when needed; a leading = + - @ is defused with an apostrophe so a
 * spreadsheet never runs a reason as a formula.
 */
function field(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(values: (string | number | null)[]): string {
  return `${values.map(field).join(',')}\r\n`;
}

/**
 * The import report as CSV: a summary block (file, format, state and the counts), a blank
 * line, then one row per listed problem (line, kind, reason). Reasons name the problem,
 * never a row's text.
 */
export function importReportCsv(report: ImportReport): string {
  const { counts } = report;
  let out = csvLine(['file', 'format', 'state', 'read', 'imported', 'duplicates', 'failed', 'skipped', 'problems', 'problems_listed', 'error']);
  out += csvLine([
    report.fileName,
    report.format,
    report.state,
    counts.read,
    counts.imported,
    counts.duplicates,
    counts.failed,
    counts.skipped ?? 0,
    report.problemsTotal,
    report.problems.length,
    report.error?.message ?? null,
  ]);
  out += '\r\n';
  out += csvLine(['line', 'kind', 'reason']);
  for (const p of report.problems) out += csvLine([p.line, p.kind, p.reason]);
  return out;
}
