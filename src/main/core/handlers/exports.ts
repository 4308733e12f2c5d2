/**
 * Exports: a report as HTML, PDF, XLSX or CSV; per-conversation rows as a job; scheduled
 * exports. Paths come from a grant (the CLI, tests) or the host's dialog, never the input;
 * audit rows name the format and the file, never what it holds.
 */
import { basename } from 'node:path';
import type { AnalysisState, FeedbackFilter } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import type { ReportFormat, ReportScope, RowFormat } from '../../../shared/reports/schema';
import { epochToLocalDate } from '../../../shared/reports/buckets';
import { requireDb, type CoreContext } from '../context';
import type { FileGrants } from '../grants';
import type { JobService } from '../jobs/service';
import { buildReport } from '../reports/build';
import { printUnavailable, writeReportAs } from '../reports/export-files';
import { reportTimeZone, type ReportScheduler } from '../reports/scheduler';
import type { PrintToPdf } from '../reports/seams';
import { countFeedback } from '../store/feedback-repo';
import { loadReportSchedule, saveReportSchedule } from '../store/report-schedule-repo';
import { fillReportTimesOnce } from '../store/report-times';
import type { CoreDialogs, FileDialogOptions } from '../types';
import { defineHandlers, mutation, prepare, query } from './define';

export interface ReportExportHost {
  scheduler: ReportScheduler;
  /** The host's printer (Electron's, or the CLI's Chromium); undefined: PDF is unavailable. */
  printToPdf: PrintToPdf | undefined;
}

const REPORT_FILTERS: Record<Exclude<ReportFormat, 'csv'>, FileDialogOptions['filters']> = {
  html: [{ name: 'Web page', extensions: ['html'] }],
  pdf: [{ name: 'PDF', extensions: ['pdf'] }],
  xlsx: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
};
const ROW_FILTERS: Record<RowFormat, FileDialogOptions['filters']> = {
  csv: [{ name: 'CSV', extensions: ['csv'] }],
  xlsx: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  jsonl: [{ name: 'JSON lines', extensions: ['jsonl'] }],
};

interface Written {
  format: ReportFormat;
  fileName: string;
  files: string[];
}

export function exportHandlers(ctx: CoreContext, jobs: JobService, grants: FileGrants, dialogs: CoreDialogs | undefined, host: ReportExportHost) {
  const chooseDialogs = (): CoreDialogs => {
    if (!dialogs) throw new HearkenError('VALIDATION', 'File dialogs are not available here; name the file through its grant.');
    return dialogs;
  };

  /** Where the report goes: a file, or for CSV a folder of tables; null when the dialog is cancelled. */
  const reportTarget = async (scope: ReportScope, format: ReportFormat, grant: string | undefined): Promise<string | null> => {
    if (format === 'csv') {
      if (grant !== undefined) return grants.path(grant, 'write-folder');
      const chooseFolder = chooseDialogs().chooseFolder;
      if (!chooseFolder) throw new HearkenError('VALIDATION', 'Choosing a folder is not available here; name the folder through its grant.');
      return chooseFolder.call(dialogs, { title: 'Export the report’s tables as CSV into a folder' });
    }
    if (grant !== undefined) return grants.path(grant, 'write');
    const zone = scope.timeZone ?? reportTimeZone(requireDb(ctx));
    const name = `hearken-report-${epochToLocalDate(scope.from, zone)}-to-${epochToLocalDate(scope.to - 1, zone)}.${format}`;
    return chooseDialogs().chooseSavePath(name, { title: `Export the report as ${format.toUpperCase()}`, filters: REPORT_FILTERS[format] });
  };

  return defineHandlers(ctx, {
    'reports.export': prepare(
      async ({ scope, format, grant, basis }): Promise<Written | null> => {
        // Said before any dialog opens: choosing a file for a PDF that cannot be printed wastes a step.
        if (format === 'pdf' && !host.printToPdf) throw printUnavailable();
        const target = await reportTarget(scope, format, grant);
        if (!target) return null;
        const db = requireDb(ctx);
        // A store just migrated to report times fills them first, as reports.run does.
        await fillReportTimesOnce(db, ctx.now, () => ctx.db === db);
        const report = buildReport(db, { ...scope, timeZone: scope.timeZone ?? reportTimeZone(db) }, ctx.now());
        const files = await writeReportAs(report, format, target, host.printToPdf, basis);
        return { format, fileName: basename(target), files };
      },
      mutation((_db, written: Written | null) => {
        if (!written) return { result: { fileName: null, files: [] } };
        return {
          result: { fileName: written.fileName, files: written.files },
          audit: { action: 'report.exported', detail: { format: written.format, file: written.fileName, files: written.files.length } },
        };
      }),
    ),

    'export.rows': prepare(
      async ({ filter, format, grant }) => {
        const target =
          grant !== undefined
            ? grants.path(grant, 'write')
            : await chooseDialogs().chooseSavePath(`hearken-conversations.${format}`, { title: 'Export conversations', filters: ROW_FILTERS[format] });
        if (!target) return null;
        const count = await runRowsJob(ctx, jobs, filter, format, target);
        return count === null ? null : { format, fileName: basename(target), count };
      },
      mutation((_db, written: { format: RowFormat; fileName: string; count: number } | null) => {
        if (!written) return { result: { fileName: null, count: 0 } };
        return {
          result: { fileName: written.fileName, count: written.count },
          audit: { action: 'export.rows', detail: { format: written.format, file: written.fileName, count: written.count } },
        };
      }),
    ),

    'reports.schedule.get': query((db) => host.scheduler.status(db)),
    'reports.schedule.save': mutation((db, change, { at }) => {
      // The folder comes only from the host's dialog (chooseFolder): the window could name any path.
      if (change.folder !== undefined && change.folder !== '' && change.folder !== loadReportSchedule(db).schedule.folder) {
        throw new HearkenError('VALIDATION', 'The folder for scheduled exports is chosen with Choose folder…, not typed in.');
      }
      const { schedule } = saveReportSchedule(db, change, at);
      return {
        result: host.scheduler.status(db),
        audit: { action: 'report.schedule.saved', detail: { enabled: schedule.enabled, cadence: schedule.cadence, formats: schedule.formats, includeRows: schedule.includeRows } },
      };
    }),
    'reports.schedule.chooseFolder': prepare(
      async () => {
        const chooseFolder = chooseDialogs().chooseFolder;
        if (!chooseFolder) throw new HearkenError('VALIDATION', 'Choosing a folder is not available here.');
        return chooseFolder.call(dialogs, { title: 'Folder for scheduled reports' });
      },
      mutation((db, folder: string | null, { at }) => {
        if (!folder) return { result: host.scheduler.status(db) };
        saveReportSchedule(db, { folder }, at);
        return { result: host.scheduler.status(db), audit: { action: 'report.schedule.saved', detail: { folder: basename(folder) } } };
      }),
    ),
    'reports.schedule.runNow': prepare(
      async () => {
        requireDb(ctx);
        await host.scheduler.runNow();
      },
      query((db) => host.scheduler.status(db)),
    ),
  });
}

/**
 * The rows are written by an `export` job (on the job thread in the app), with
 * `export.progress` as it goes; resolves with the count once the file is complete, or
 * null when the job was stopped (the store locked) and no file was written.
 */
async function runRowsJob(ctx: CoreContext, jobs: JobService, filter: FeedbackFilter, format: RowFormat, path: string): Promise<number | null> {
  const db = requireDb(ctx);
  const timeZone = reportTimeZone(db);
  let total = countFeedback(db, filter, ctx.now());
  let done = 0;
  const fileName = basename(path);
  const progress = (jobId: string, state: AnalysisState, error: string | null = null): void =>
    ctx.emit('export.progress', { jobId, state, done, total: Math.max(total, done), fileName: state === 'done' ? fileName : null, error });
  const job = jobs.start(
    'export',
    { filter, format, path, timeZone },
    {
      actor: 'system',
      describe: { filter, format, file: fileName },
      changedReason: 'analysis',
      onProgress: (p) => {
        done = p.done;
        total = p.total;
        progress(job.id, 'running');
      },
    },
  );
  progress(job.id, 'running');
  const outcome = await job.done;
  if (!outcome.ok) {
    progress(job.id, 'failed', `The export stopped: ${outcome.error.message}`);
    throw new HearkenError(outcome.error.code, outcome.error.message);
  }
  done = outcome.result.count;
  total = Math.max(total, done);
  const state: AnalysisState = outcome.result.state;
  progress(job.id, state);
  return state === 'done' ? done : null;
}
