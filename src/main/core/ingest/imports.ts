/**
 * The imports of this session: each runs the pipeline in the background, pushes throttled
 * progress, keeps its report, and stores the finished report (import_runs, 0007) with an
 * audit event, so `import.report` and `import.exportReport` also answer after a restart.
 */
import { basename, extname } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportPreviewInfo, ImportReport, ImportState } from '../../../shared/contract';
import { HearkenError } from '../../../shared/errors';
import { tabularFormats, type ColumnMapping, type ImportFormat } from '../../../shared/import';
import { requireDb, type CoreContext } from '../context';
import { recordAudit } from '../store/audit';
import { newId } from '../store/ids';
import { loadImportRun, saveImportRun, saveMapping, savedMapping } from '../store/imports-repo';
import { ImportTally, runImportPipeline, type ItemsImportedHook, type PipelineOutcome } from './pipeline';
import { writeFileAtomic } from '../files';
import { importReportCsv } from './report-csv';
import type { ImportReader } from './types';
import type { CoreDialogs } from '../types';

export type OpenImport = (path: string, options: { format?: ImportFormat | undefined; timeZone?: string | undefined }) => Promise<ImportReader>;

export interface ImportsOptions {
  open: OpenImport;
  dialogs?: CoreDialogs | undefined;
  batchSize?: number | undefined;
  onItemsImported?: ItemsImportedHook | undefined;
}

const PROGRESS_EVERY_MS = 100;
const CHANGED_EVERY_MS = 500;
/** A `feedback.changed` names its ids only for small batches; a big one means "refresh". */
const MAX_CHANGED_IDS = 200;

interface Run {
  readonly id: string;
  readonly fileName: string;
  readonly format: ImportFormat;
  readonly totalBytes: number;
  readonly startedAt: number;
  readonly startedPerf: number;
  readonly tally: ImportTally;
  readonly controller: AbortController;
  /** Dropped when the import ends, so a finished run holds no file state. */
  reader: ImportReader | null;
  bytesRead: number;
  state: ImportState;
  finishedAt: number | null;
  elapsedMs: number | null;
  error: ImportReport['error'];
  /** Set once the report is final and stored; the pipeline may still be unwinding. */
  finalized: boolean;
  lastProgress: number;
  lastChanged: number;
  changedPending: boolean;
  /** Trailing pushes: a throttled update is sent when its interval ends, so the window never shows stale counts. */
  progressTimer: NodeJS.Timeout | null;
  changedTimer: NodeJS.Timeout | null;
}

function rowsPerS(read: number, elapsedMs: number): number {
  return elapsedMs > 0 ? Math.round((read / elapsedMs) * 1000) : 0;
}

export class Imports {
  private readonly runs = new Map<string, Run>();

  constructor(
    private readonly ctx: CoreContext,
    private readonly options: ImportsOptions,
  ) {}

  async choose(): Promise<{ paths: string[] }> {
    return { paths: await this.dialogs().chooseImportFiles() };
  }

  async preview(path: string, format?: ImportFormat): Promise<ImportPreviewInfo> {
    const db = requireDb(this.ctx);
    const reader = await this.options.open(path, { format });
    const preview = await reader.preview();
    return {
      ...preview,
      path,
      fileName: basename(path),
      savedMapping: tabularFormats.includes(preview.format) ? savedMapping(db, preview.format, preview.columns) : null,
    };
  }

  /**
   * Opens and previews the file before answering, so a file that is not what it claims is
   * an error here; the rows are then imported in the background.
   */
  async start(input: { path: string; format?: ImportFormat | undefined; mapping?: ColumnMapping | undefined }): Promise<{ importId: string; done: Promise<ImportReport> }> {
    requireDb(this.ctx);
    const reader = await this.options.open(input.path, { format: input.format, timeZone: input.mapping?.timeZone });
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
      tally: new ImportTally(),
      controller: new AbortController(),
      reader,
      bytesRead: 0,
      state: 'running',
      finishedAt: null,
      elapsedMs: null,
      error: null,
      finalized: false,
      lastProgress: 0,
      lastChanged: 0,
      changedPending: false,
      progressTimer: null,
      changedTimer: null,
    };
    this.runs.set(run.id, run);
    const done = runImportPipeline({
      reader,
      mapping,
      db: () => requireDb(this.ctx),
      now: this.ctx.now,
      batchSize: this.options.batchSize,
      signal: run.controller.signal,
      tally: run.tally,
      onProgress: () => this.progress(run),
      onBatch: (_, ids) => {
        this.changed(run, ids);
        this.progress(run);
      },
      onItemsImported: this.options.onItemsImported,
    }).then(
      (outcome) => this.finish(run, outcome),
      (error: unknown) => this.finish(run, { state: 'failed', error: { code: 'INTERNAL', message: String(error) } }),
    );
    this.progress(run, true);
    return { importId: run.id, done };
  }

  cancel(importId: string): { cancelled: boolean } {
    const run = this.runs.get(importId);
    if (!run) {
      if (this.ctx.db && loadImportRun(this.ctx.db, importId)) return { cancelled: false };
      throw new HearkenError('NOT_FOUND', 'No import with that id.');
    }
    if (run.state !== 'running' || run.controller.signal.aborted) return { cancelled: false };
    run.controller.abort();
    return { cancelled: true };
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

  /**
   * Before the store closes (lock, quit): running imports stop and their reports are
   * stored now, while the store is still open. No batch is mid-write here: a batch is one
   * synchronous transaction, so the pipeline is always between two batches when this runs.
   */
  stopAll(): void {
    for (const run of this.runs.values()) {
      if (run.state !== 'running') continue;
      run.controller.abort();
      this.finish(run, { state: 'cancelled', error: null });
    }
  }

  private dialogs(): CoreDialogs {
    if (!this.options.dialogs) throw new HearkenError('VALIDATION', 'File dialogs are not available here; pass a path.');
    return this.options.dialogs;
  }

  private reportOf(run: Run): ImportReport {
    const elapsed = run.elapsedMs ?? performance.now() - run.startedPerf;
    return {
      importId: run.id,
      fileName: run.fileName,
      format: run.format,
      state: run.state,
      counts: { ...run.tally.counts },
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      rowsPerS: rowsPerS(run.tally.counts.read, elapsed),
      error: run.error,
      problems: [...run.tally.problems],
      problemsTotal: run.tally.problemsTotal,
    };
  }

  private finish(run: Run, outcome: Pick<PipelineOutcome, 'state' | 'error'>): ImportReport {
    if (run.finalized) return this.reportOf(run);
    run.finalized = true;
    run.state = outcome.state;
    run.error = outcome.error;
    run.finishedAt = this.ctx.now();
    run.elapsedMs = performance.now() - run.startedPerf;
    run.bytesRead = this.bytesRead(run);
    run.reader = null;
    const report = this.reportOf(run);
    const db = this.ctx.db;
    if (db?.open) {
      try {
        saveImportRun(db, report);
        recordAudit(db, {
          at: run.finishedAt,
          actor: 'agent',
          action: 'import.finished',
          entityType: 'import',
          entityId: run.id,
          detail: { fileName: run.fileName, format: run.format, state: run.state, ...report.counts, errorCode: run.error?.code ?? null },
        });
      } catch {
        // The report stays readable for this session; only its stored copy is missing.
      }
    }
    if (run.changedPending) this.changed(run, [], true);
    this.progress(run, true);
    return report;
  }

  private progress(run: Run, force = false): void {
    const at = performance.now();
    const wait = PROGRESS_EVERY_MS - (at - run.lastProgress);
    if (!force && wait > 0) {
      run.progressTimer ??= setTimeout(() => {
        run.progressTimer = null;
        if (run.state === 'running') this.progress(run);
      }, wait).unref();
      return;
    }
    clearTimeout(run.progressTimer ?? undefined);
    run.progressTimer = null;
    run.lastProgress = at;
    const bytesRead = this.bytesRead(run);
    const elapsed = at - run.startedPerf;
    const etaMs = run.state === 'running' && bytesRead > 0 && elapsed > 0 ? Math.round((elapsed * (run.totalBytes - bytesRead)) / bytesRead) : null;
    this.ctx.emit('import.progress', {
      importId: run.id,
      state: run.state,
      counts: { ...run.tally.counts },
      bytesRead,
      totalBytes: run.totalBytes,
      rowsPerS: rowsPerS(run.tally.counts.read, run.elapsedMs ?? elapsed),
      etaMs,
    });
  }

  private bytesRead(run: Run): number {
    return Math.min(run.reader?.bytesRead() ?? run.bytesRead, run.totalBytes);
  }

  private changed(run: Run, ids: readonly string[], force = false): void {
    if (ids.length === 0 && !run.changedPending) return;
    const at = performance.now();
    const wait = CHANGED_EVERY_MS - (at - run.lastChanged);
    if (!force && wait > 0) {
      run.changedPending = true;
      run.changedTimer ??= setTimeout(() => {
        run.changedTimer = null;
        this.changed(run, []);
      }, wait).unref();
      return;
    }
    clearTimeout(run.changedTimer ?? undefined);
    run.changedTimer = null;
    const single = !run.changedPending && ids.length > 0 && ids.length <= MAX_CHANGED_IDS;
    run.lastChanged = at;
    run.changedPending = false;
    this.ctx.emit('feedback.changed', single ? { reason: 'import', ids: [...ids] } : { reason: 'import' });
  }
}
