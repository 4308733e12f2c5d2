/**
 * The imports of this session: each runs as a job, pushes its progress, keeps its report,
 * and stores the finished report (import_runs) with an audit event, so `import.report`
 * and `import.exportReport` also answer after a restart.
 */
import { basename, extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportPreviewInfo, ImportProblem, ImportReport, ImportState } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { tabularFormats, type ColumnMapping, type ImportCounts, type ImportFormat } from '../../../shared/import';
import { requireDb, type CoreContext } from '../context';
import { recordAudit } from '../store/audit';
import { newId } from '../store/ids';
import { loadImportRun, saveImportRun, saveMapping, savedMapping } from '../store/imports-repo';
import { writeFileAtomic } from '../files';
import { importReportCsv } from './report-csv';
import { openImport } from './readers';
import type { CoreDialogs } from '../types';
import type { JobService } from '../jobs/service';
import type { ImportJobResult } from '../jobs/types';

export interface ImportsOptions {
  dialogs?: CoreDialogs | undefined;
  batchSize?: number | undefined;
}

interface Run {
  readonly id: string;
  readonly fileName: string;
  readonly format: ImportFormat;
  readonly totalBytes: number;
  readonly startedAt: number;
  readonly startedPerf: number;
  counts: ImportCounts;
  problems: ImportProblem[];
  problemsTotal: number;
  bytesRead: number;
  state: ImportState;
  finishedAt: number | null;
  elapsedMs: number | null;
  error: ImportReport['error'];
  /** Set once the report is final and stored. */
  finalized: boolean;
}

function rowsPerS(read: number, elapsedMs: number): number {
  return elapsedMs > 0 ? Math.round((read / elapsedMs) * 1000) : 0;
}

/**
 * The imports of this session. The file is opened and previewed here, so a file that is
 * not what it claims is an error before anything starts; its rows are then read, analysed
 * and stored by an `import` job (jobs/kinds/import.ts) on the job service.
 */
export class Imports {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly jobs: JobService,
    private readonly options: ImportsOptions,
  ) {}

  async choose(): Promise<{ paths: string[] }> {
    return { paths: await this.dialogs().chooseImportFiles() };
  }

  /** Without the path: the window names the file by its grant (handlers/import.ts). */
  async preview(path: string, format?: ImportFormat): Promise<Omit<ImportPreviewInfo, 'grant'>> {
    const db = requireDb(this.ctx);
    const reader = await openImport(path, { format });
    const preview = await reader.preview();
    return {
      ...preview,
      fileName: basename(path),
      savedMapping: tabularFormats.includes(preview.format) ? savedMapping(db, preview.format, preview.columns) : null,
    };
  }

  async start(input: { path: string; format?: ImportFormat | undefined; mapping?: ColumnMapping | undefined }): Promise<{ importId: string; done: Promise<ImportReport> }> {
    requireDb(this.ctx);
    const reader = await openImport(input.path, { format: input.format, timeZone: input.mapping?.timeZone });
    const preview = await reader.preview();
    const db = requireDb(this.ctx);
    let mapping: ColumnMapping | undefined;
    if (tabularFormats.includes(reader.format)) {
      mapping = input.mapping ?? savedMapping(db, reader.format, preview.columns) ?? preview.guessedMapping ?? undefined;
      if (!mapping?.fields.body) throw new HearkenError('VALIDATION', 'Choose the column that holds the feedback text (body) before importing.');
      saveMapping(db, reader.format, preview.columns, mapping, this.ctx.now());
    }

    const run: Run = {
      id: newId(this.ctx.now()),
      fileName: basename(input.path),
      format: reader.format,
      totalBytes: preview.totalBytes,
      startedAt: this.ctx.now(),
      startedPerf: performance.now(),
      counts: { read: 0, imported: 0, duplicates: 0, failed: 0 },
      problems: [],
      problemsTotal: 0,
      bytesRead: 0,
      state: 'running',
      finishedAt: null,
      elapsedMs: null,
      error: null,
      finalized: false,
    };
    this.runs.set(run.id, run);
    const job = this.jobs.start(
      'import',
      { path: input.path, format: reader.format, mapping, timeZone: input.mapping?.timeZone, batchSize: this.options.batchSize },
      {
        id: run.id,
        actor: 'system',
        describe: { fileName: run.fileName, format: run.format },
        changedReason: 'import',
        onProgress: (progress) => {
          run.counts = progress.counts;
          run.bytesRead = progress.bytesRead;
          this.progress(run);
        },
      },
    );
    const done = job.done.then((outcome) =>
      outcome.ok
        ? this.finish(run, outcome.result)
        : this.finish(run, { state: 'failed', counts: run.counts, problems: run.problems, problemsTotal: run.problemsTotal, error: outcome.error, bytesRead: run.bytesRead }),
    );
    this.progress(run);
    return { importId: run.id, done };
  }

  cancel(importId: string): { cancelled: boolean } {
    const run = this.runs.get(importId);
    if (!run) {
      if (this.ctx.db && loadImportRun(this.ctx.db, importId)) return { cancelled: false };
      throw new HearkenError('NOT_FOUND', 'No import with that id.');
    }
    if (run.state !== 'running') return { cancelled: false };
    return { cancelled: this.jobs.cancel(run.id) };
  }

  report(importId: string): ImportReport {
    const run = this.runs.get(importId);
    if (run) return this.reportOf(run);
    const stored = loadImportRun(requireDb(this.ctx), importId);
    if (!stored) throw new HearkenError('NOT_FOUND', 'No import with that id.');
    return stored;
  }

  async exportReport(importId: string): Promise<{ path: string | null }> {
    const report = this.report(importId);
    const stem = basename(report.fileName, extname(report.fileName)) || 'import';
    const path = await this.dialogs().chooseSavePath(`${stem}-import-report.csv`);
    if (path === null) return { path: null };
    writeFileAtomic(path, importReportCsv(report));
    return { path };
  }

  private dialogs(): CoreDialogs {
    if (!this.options.dialogs) throw new HearkenError('VALIDATION', 'File dialogs are not available here; name the file through its grant.');
    return this.options.dialogs;
  }

  private reportOf(run: Run): ImportReport {
    const elapsed = run.elapsedMs ?? performance.now() - run.startedPerf;
    return {
      importId: run.id,
      fileName: run.fileName,
      format: run.format,
      state: run.state,
      counts: { ...run.counts },
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      rowsPerS: rowsPerS(run.counts.read, elapsed),
      error: run.error,
      problems: [...run.problems],
      problemsTotal: run.problemsTotal,
    };
  }

  private finish(run: Run, outcome: ImportJobResult): ImportReport {
    if (run.finalized) return this.reportOf(run);
    run.finalized = true;
    run.state = outcome.state;
    run.error = outcome.error;
    run.counts = { ...outcome.counts };
    run.problems = outcome.problems;
    run.problemsTotal = outcome.problemsTotal;
    run.finishedAt = this.ctx.now();
    run.elapsedMs = performance.now() - run.startedPerf;
    run.bytesRead = outcome.bytesRead;
    const report = this.reportOf(run);
    const db = this.ctx.db;
    if (db?.open) {
      try {
        saveImportRun(db, report);
        recordAudit(db, {
          at: run.finishedAt,
          actor: 'system',
          action: 'import.finished',
          entityType: 'import',
          entityId: run.id,
          detail: { fileName: run.fileName, format: run.format, state: run.state, ...report.counts, errorCode: run.error?.code ?? null },
        });
      } catch {
        // The report stays readable for this session; only its stored copy is missing.
      }
    }
    this.progress(run);
    return report;
  }

  /** Already throttled by the job service; the first and the final push go straight out. */
  private progress(run: Run): void {
    const bytesRead = Math.min(run.bytesRead, run.totalBytes);
    const elapsed = run.elapsedMs ?? performance.now() - run.startedPerf;
    const etaMs = run.state === 'running' && bytesRead > 0 && elapsed > 0 ? Math.round((elapsed * (run.totalBytes - bytesRead)) / bytesRead) : null;
    this.ctx.emit('import.progress', {
      importId: run.id,
      state: run.state,
      counts: { ...run.counts },
      bytesRead,
      totalBytes: run.totalBytes,
      rowsPerS: rowsPerS(run.counts.read, elapsed),
      etaMs,
    });
  }
}
