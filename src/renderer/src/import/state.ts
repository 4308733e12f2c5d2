/**
 * Where the import is: reading a file's start, waiting for the agent's mapping, running in
 * the background, or finished with its report. One import at a time; more files wait in line.
 */
import { create } from 'zustand';
import type { EventPayload, ImportPreviewInfo, ImportReport } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
import type { ImportFormat } from '../../../shared/import';

export type ImportProgress = EventPayload<'import.progress'>;

export type ImportStage =
  | { name: 'idle' }
  | { name: 'reading'; path: string; format?: ImportFormat }
  | { name: 'mapping'; preview: ImportPreviewInfo; starting: boolean; error: ErrorInfo | null }
  | { name: 'unreadable'; path: string; format?: ImportFormat; error: ErrorInfo }
  | { name: 'running'; importId: string; path: string; fileName: string; format: ImportFormat; progress: ImportProgress | null; cancelling: boolean }
  | { name: 'finished'; path: string; report: ImportReport; exporting: boolean; exportedTo: string | null; exportError: ErrorInfo | null };

interface ImportState {
  stage: ImportStage;
  /** The dialog is up; while an import runs it may be put away and followed from the nav. */
  dialogOpen: boolean;
  /** Files chosen or dropped together, taken one after the other. */
  queue: string[];
  readingStarted(path: string, format?: ImportFormat): void;
  previewLoaded(preview: ImportPreviewInfo): void;
  previewFailed(path: string, error: ErrorInfo, format?: ImportFormat): void;
  startRequested(): void;
  startFailed(error: ErrorInfo): void;
  importStarted(run: { importId: string; path: string; fileName: string; format: ImportFormat }): void;
  progressReceived(progress: ImportProgress): void;
  cancelRequested(): void;
  reportLoaded(report: ImportReport): void;
  exportStarted(): void;
  exportFinished(path: string | null): void;
  exportFailed(error: ErrorInfo): void;
  dialogShown(): void;
  dialogHidden(): void;
  queued(paths: string[]): void;
  dequeued(): string | null;
  reset(): void;
}

export const useImport = create<ImportState>()((set, get) => ({
  stage: { name: 'idle' },
  dialogOpen: false,
  queue: [],
  readingStarted: (path, format) => set({ stage: { name: 'reading', path, format }, dialogOpen: true }),
  previewLoaded: (preview) => set({ stage: { name: 'mapping', preview, starting: false, error: null } }),
  previewFailed: (path, error, format) => set({ stage: { name: 'unreadable', path, error, format } }),
  startRequested: () => {
    const { stage } = get();
    if (stage.name === 'mapping') set({ stage: { ...stage, starting: true, error: null } });
  },
  startFailed: (error) => {
    const { stage } = get();
    if (stage.name === 'mapping') set({ stage: { ...stage, starting: false, error } });
  },
  importStarted: (run) => set({ stage: { name: 'running', ...run, progress: null, cancelling: false } }),
  progressReceived: (progress) => {
    const { stage } = get();
    if (stage.name === 'running' && stage.importId === progress.importId) set({ stage: { ...stage, progress } });
  },
  cancelRequested: () => {
    const { stage } = get();
    if (stage.name === 'running') set({ stage: { ...stage, cancelling: true } });
  },
  reportLoaded: (report) => {
    const { stage } = get();
    if (stage.name === 'running' && stage.importId === report.importId) {
      set({ stage: { name: 'finished', path: stage.path, report, exporting: false, exportedTo: null, exportError: null } });
    }
  },
  exportStarted: () => {
    const { stage } = get();
    if (stage.name === 'finished') set({ stage: { ...stage, exporting: true, exportError: null } });
  },
  exportFinished: (path) => {
    const { stage } = get();
    if (stage.name === 'finished') set({ stage: { ...stage, exporting: false, exportedTo: path ?? stage.exportedTo } });
  },
  exportFailed: (error) => {
    const { stage } = get();
    if (stage.name === 'finished') set({ stage: { ...stage, exporting: false, exportError: error } });
  },
  dialogShown: () => set({ dialogOpen: true }),
  dialogHidden: () => set({ dialogOpen: false }),
  queued: (paths) => set({ queue: [...get().queue, ...paths] }),
  dequeued: () => {
    const [next, ...rest] = get().queue;
    set({ queue: rest });
    return next ?? null;
  },
  reset: () => set({ stage: { name: 'idle' }, dialogOpen: false }),
}));

export function isBusy(stage: ImportStage): boolean {
  return stage.name === 'running';
}
