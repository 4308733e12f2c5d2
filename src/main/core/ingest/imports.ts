/**
 * The imports of this session: each runs as a job, pushes its progress, keeps its report,
 * and stores the finished report (import_runs) with an audit event, so `import.report`
 * and `import.exportReport` also answer after a restart. One import runs at a time per
 * store (store/import-lock.ts), and an import cut off by a crash or a kill is recorded as
 * interrupted, with the counts of its committed batches, when the store next opens.
 */
import { existsSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportPreviewInfo, ImportProblem, ImportReport, ImportState } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { columnMappingSchema, importFormats, tabularFormats, type ColumnMapping, type ImportCounts, type ImportFormat } from '../../../shared/import';
import { requireDb, type CoreContext } from '../context';
import { log } from '../log';
import { recordAudit } from '../store/audit';
import type { DB } from '../store/db';
import { ImportLock } from '../store/import-lock';
import { newId } from '../store/ids';
import type { InterruptedJob } from '../store/jobs-repo';
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

const count = (value: unknown): number => (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0);

/** The counts an import job wrote with its last committed batch (jobs/kinds/import.ts), if any. */
function committedCounts(progress: unknown): { counts: ImportCounts; at: number | null } {
  const p = (progress ?? {}) as { counts?: Partial<Record<keyof ImportCounts, unknown>>; at?: unknown };
  const c = p.counts ?? {};
  return {
    counts: { read: count(c.read), imported: count(c.imported), duplicates: count(c.duplicates), failed: count(c.failed) },
    at: typeof p.at === 'number' && Number.isFinite(p.at) ? p.at : null,
  };
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
  ) {
    jobs.onRecover('import', {
      // Free only when no import runs anywhere: a running import job of another process is alive, not cut off.
      hold: () => {
        let lock: ImportLock | null = null;
        try {
          lock = this.tryLock();
        } catch {
          // No lock file (a read-only folder): unlocking still works, and running imports stay as they are.
        }
        return lock ? () => lock.release() : null;
      },
      record: (db, job) => this.recordInterrupted(db, job),
      resume: (job) => this.resume(job),
    });
  }

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
    }
    // Before the first write: a second import is refused with nothing of it stored.
    const lock = this.lock();
    try {
      return this.begin(lock, input.path, reader.format, preview, mapping, input.mapping?.timeZone);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  private begin(
    lock: ImportLock,
    path: string,
    format: ImportFormat,
    preview: { columns: string[]; totalBytes: number },
    mapping: ColumnMapping | undefined,
    timeZone: string | undefined,
  ): { importId: string; done: Promise<ImportReport> } {
    const db = requireDb(this.ctx);
    // Holding the lock, any import the table still calls running was cut off (in a process that has died since this store was unlocked).
    for (const job of this.jobs.recover('import')) log.warn('job interrupted by the last shutdown', { jobId: job.id, kind: job.kind, startedAt: job.startedAt });
    if (mapping) saveMapping(db, format, preview.columns, mapping, this.ctx.now());

    const run: Run = {
      id: newId(this.ctx.now()),
      fileName: basename(path),
      format,
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
      { path, format, mapping, timeZone, batchSize: this.options.batchSize },
      {
        id: run.id,
        actor: 'system',
        // The path and mapping let the next unlock start it again if it is cut off (resume).
        describe: { fileName: run.fileName, format: run.format, path, mapping: mapping ?? null, timeZone: timeZone ?? null },
        changedReason: 'import',
        onProgress: (progress) => {
          run.counts = progress.counts;
          run.bytesRead = progress.bytesRead;
          this.progress(run);
        },
      },
    );
    const done = job.done
      .then((outcome) =>
        outcome.ok
          ? this.finish(run, outcome.result)
          : this.finish(run, { state: 'failed', counts: run.counts, problems: run.problems, problemsTotal: run.problemsTotal, error: outcome.error, bytesRead: run.bytesRead }),
      )
      // After the report is stored, so the next import never overlaps this one's last write.
      .finally(() => lock.release());
    this.progress(run);
    return { importId: run.id, done };
  }

  /**
   * An import cut off by a crash, started again on the same file: rows the cut-off run
   * committed are found as duplicates, so it adds exactly the rest. A file that is gone or
   * changed format is left: its report says interrupted, with what it added.
   */
  private resume(job: InterruptedJob): void {
    const recorded = resumable(job.params);
    if (!recorded || !existsSync(recorded.path)) {
      log.warn('an interrupted import was not resumed: its file is gone', { jobId: job.id });
      return;
    }
    void this.start(recorded)
      .then((started) => started.done)
      .catch((error: unknown) => log.warn('an interrupted import could not be resumed', { jobId: job.id, error: error instanceof Error ? error.message : String(error) }));
  }

  private tryLock(): ImportLock | null {
    const connection = this.ctx.store.connection();
    if (!connection) throw new HearkenError('LOCKED', 'The store is locked. Unlock it first.');
    return ImportLock.take(connection.dbPath, connection.nativeBinding);
  }

  private lock(): ImportLock {
    const lock = this.tryLock();
    if (lock) return lock;
    const here = [...this.runs.values()].find((r) => r.state === 'running');
    throw new HearkenError(
      'DATABASE_LOCKED',
      here
        ? `An import is already running (${here.fileName}). Wait for it to finish, or cancel it, then start this one.`
        : 'Another import into this inbox is running (in another Hearken window or a CLI command). Wait for it to finish, then run this import again.',
    );
  }

  /**
   * An import whose process stopped mid-way, stored as its report: the counts it wrote with
   * its last committed batch, which are exactly what it added. Its list of problems went
   * with the process; importing the file again lists them (and adds the rest).
   */
  private recordInterrupted(db: DB, job: InterruptedJob): void {
    const params = (job.params ?? {}) as { fileName?: unknown; format?: unknown };
    const format = (importFormats as readonly unknown[]).includes(params.format) ? (params.format as ImportFormat) : null;
    if (format === null) return;
    const fileName = typeof params.fileName === 'string' ? params.fileName : '';
    const { counts, at } = committedCounts(job.progress);
    saveImportRun(db, {
      importId: job.id,
      fileName,
      format,
      state: 'interrupted',
      counts,
      startedAt: job.startedAt,
      // When it was last seen working: its last committed batch.
      finishedAt: at,
      rowsPerS: at === null ? 0 : rowsPerS(counts.read, at - job.startedAt),
      error: null,
      problems: [],
      problemsTotal: 0,
    });
    recordAudit(db, {
      at: this.ctx.now(),
      actor: 'system',
      action: 'import.finished',
      entityType: 'import',
      entityId: job.id,
      detail: { fileName, format, state: 'interrupted', ...counts, errorCode: null },
    });
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

/** What an import job was recorded with, enough to start it again; null for a record without a path (an older Hearken's). */
function resumable(params: unknown): { path: string; format: ImportFormat; mapping?: ColumnMapping } | null {
  const p = (params ?? {}) as { path?: unknown; format?: unknown; mapping?: unknown };
  if (typeof p.path !== 'string' || !(importFormats as readonly unknown[]).includes(p.format)) return null;
  const mapping = p.mapping === null || p.mapping === undefined ? undefined : columnMappingSchema.safeParse(p.mapping);
  if (mapping && !mapping.success) return null;
  return { path: p.path, format: p.format as ImportFormat, ...(mapping?.success ? { mapping: mapping.data } : {}) };
}
