/**
 * Where the import is: reading a file's start, waiting for the agent's mapping, running in
 * the background, or finished with its report. One import at a time; more files wait in line.
 */
import { create } from 'zustand';
import type { EventPayload, FileGrant, ImportPreviewInfo, ImportReport } from '../../../shared/contract';
import type { ErrorInfo } from '../../../shared/errors';
import type { ImportFormat } from '../../../shared/import';

export type ImportProgress = EventPayload<'import.progress'>;

/**
 * A file as the window knows it: the grant the core minted when it was chosen or dropped
 * (the window never holds its path), and its name to show.
 */
export type ChosenFile = Pick<FileGrant, 'grant' | 'name'>;

export type ImportStage =
  | { name: 'idle' }
  | { name: 'reading'; file: ChosenFile; format?: ImportFormat }
  | { name: 'mapping'; preview: ImportPreviewInfo; starting: boolean; error: ErrorInfo | null }
  | { name: 'unreadable'; file: ChosenFile; format?: ImportFormat; error: ErrorInfo }
  | { name: 'running'; importId: string; fileName: string; format: ImportFormat; progress: ImportProgress | null; cancelling: boolean }
  /** exportedTo: the name of the report file saved, as the core tells it. */
  | { name: 'finished'; report: ImportReport; exporting: boolean; exportedTo: string | null; exportError: ErrorInfo | null };

interface ImportState {
  stage: ImportStage;
  /** The dialog is up; while an import runs it may be put away and followed from the nav. */
  dialogOpen: boolean;
  /** Files chosen or dropped together, taken one after the other. */
  queue: ChosenFile[];
  readingStarted(file: ChosenFile, format?: ImportFormat): void;
  previewLoaded(preview: ImportPreviewInfo): void;
  previewFailed(file: ChosenFile, error: ErrorInfo, format?: ImportFormat): void;
  startRequested(): void;
  startFailed(error: ErrorInfo): void;
  importStarted(run: { importId: string; fileName: string; format: ImportFormat }): void;
  progressReceived(progress: ImportProgress): void;
  cancelRequested(): void;
  reportLoaded(report: ImportReport): void;
  exportStarted(): void;
  exportFinished(fileName: string | null): void;
  exportFailed(error: ErrorInfo): void;
  dialogShown(): void;
  dialogHidden(): void;
  queued(files: ChosenFile[]): void;
  dequeued(): ChosenFile | null;
  reset(): void;
}

export const useImport = create<ImportState>()((set, get) => ({
  stage: { name: 'idle' },
  dialogOpen: false,
  queue: [],
  readingStarted: (file, format) => set({ stage: { name: 'reading', file, format }, dialogOpen: true }),
  previewLoaded: (preview) => set({ stage: { name: 'mapping', preview, starting: false, error: null } }),
  previewFailed: (file, error, format) => set({ stage: { name: 'unreadable', file, error, format } }),
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
      set({ stage: { name: 'finished', report, exporting: false, exportedTo: null, exportError: null } });
    }
  },
  exportStarted: () => {
    const { stage } = get();
    if (stage.name === 'finished') set({ stage: { ...stage, exporting: true, exportError: null } });
  },
  exportFinished: (fileName) => {
    const { stage } = get();
    if (stage.name === 'finished') set({ stage: { ...stage, exporting: false, exportedTo: fileName ?? stage.exportedTo } });
  },
  exportFailed: (error) => {
    const { stage } = get();
    if (stage.name === 'finished') set({ stage: { ...stage, exporting: false, exportError: error } });
  },
  dialogShown: () => set({ dialogOpen: true }),
  dialogHidden: () => set({ dialogOpen: false }),
  queued: (files) => set({ queue: [...get().queue, ...files] }),
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
