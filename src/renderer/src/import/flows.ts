/**
 * The import's steps against the core: choose or drop a file, read its start, start the
 * import with the agent's mapping, follow its progress, fetch and export the report.
 * Files are read grants (the core's dialog, main's drop route): the window names a file
 * by its grant and shows its name, and never holds a path.
 */
import type { FileGrant, ImportReport } from '../../../shared/contract';
import type { Result } from '../../../shared/errors';
import type { ColumnMapping, ImportFormat } from '../../../shared/import';
import { call, onEvent, toErrorInfo } from '../api';
import { notifyFailure, notifyInfo } from '../common/notify';
import { openViewById } from '../inbox/flows/views';
import { isTabular } from './model/mapping';
import { useImport, type ChosenFile, type ImportProgress } from './state';

/** Progress seen for imports the window does not know yet: the event can beat start's answer. */
const early = new Map<string, ImportProgress>();
const pollMs = 2_000;
let lastProgressAt = 0;

function busy(): boolean {
  return useImport.getState().stage.name === 'running';
}

/** Reads the start of a file and shows the mapping step, or why it cannot be imported. */
export async function previewFile(file: ChosenFile, format?: ImportFormat): Promise<void> {
  const state = useImport.getState();
  state.readingStarted(file, format);
  const { grant } = file;
  try {
    const preview = await call('import.preview', format ? { grant, format } : { grant });
    // The agent may have closed the dialog or picked another file meanwhile.
    const now = useImport.getState().stage;
    if (now.name === 'reading' && now.file.grant === grant) useImport.getState().previewLoaded(preview);
  } catch (error) {
    const now = useImport.getState().stage;
    if (now.name === 'reading' && now.file.grant === grant) useImport.getState().previewFailed(file, toErrorInfo(error), format);
  }
}

/** Files chosen or dropped: the first one opens now, or all wait for the running import. */
export function filesReceived(files: ChosenFile[]): void {
  if (files.length === 0) return;
  const state = useImport.getState();
  if (busy()) {
    state.queued(files);
    notifyInfo(
      files.length === 1 ? `${files[0]?.name ?? 'The file'} opens when the current import finishes.` : `${files.length} files wait for the current import to finish.`,
      'Import queued',
    );
    return;
  }
  const [first, ...rest] = files;
  if (rest.length > 0) state.queued(rest);
  if (first !== undefined) void previewFile(first);
}

/** What the bridge made of a drop: read grants for the files that have a place on disk. */
export function dropGranted(result: Result<FileGrant[]>): void {
  if (!result.ok) {
    notifyFailure(result.error, 'Reading the dropped files');
    return;
  }
  if (result.value.length === 0) {
    notifyInfo('Drop files from your computer, not from a web page or another app’s preview.', 'Nothing to import');
    return;
  }
  filesReceived(result.value);
}

/** Import… from the header, the palette, the empty inbox or the keyboard. */
export async function importRequested(): Promise<void> {
  const state = useImport.getState();
  // One import at a time: while one runs, the command shows it.
  if (busy()) {
    state.dialogShown();
    return;
  }
  try {
    const { files } = await call('import.choose', {});
    filesReceived(files);
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Choosing a file to import', () => void importRequested());
  }
}

/** Picks another file from the dialog (after an unreadable one, or instead of this one). */
export async function chooseAnotherFile(): Promise<void> {
  try {
    const { files } = await call('import.choose', {});
    if (files.length > 0) filesReceived(files);
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Choosing a file to import');
  }
}

export async function startImport(mapping: ColumnMapping | null): Promise<void> {
  const { stage } = useImport.getState();
  if (stage.name !== 'mapping' || stage.starting) return;
  const { preview } = stage;
  useImport.getState().startRequested();
  try {
    const input = isTabular(preview.format) && mapping ? { grant: preview.grant, format: preview.format, mapping } : { grant: preview.grant, format: preview.format };
    const { importId } = await call('import.start', input);
    lastProgressAt = Date.now();
    useImport.getState().importStarted({ importId, fileName: preview.fileName, format: preview.format });
    const seen = early.get(importId);
    early.delete(importId);
    if (seen) progressArrived(seen);
  } catch (error) {
    useImport.getState().startFailed(toErrorInfo(error));
  }
}

function fallbackReport(progress: ImportProgress, fileName: string, format: ImportFormat, message: string): ImportReport {
  return {
    importId: progress.importId,
    fileName,
    format,
    state: progress.state,
    counts: progress.counts,
    startedAt: 0,
    finishedAt: null,
    rowsPerS: progress.rowsPerS,
    error: progress.state === 'failed' ? { code: 'INTERNAL', message } : null,
    problems: [],
    problemsTotal: 0,
  };
}

async function loadReport(importId: string, progress: ImportProgress | null): Promise<void> {
  try {
    const report = await call('import.report', { importId });
    if (report.state === 'running') return;
    useImport.getState().reportLoaded(report);
  } catch (error) {
    const { stage } = useImport.getState();
    if (stage.name === 'running' && stage.importId === importId && progress) {
      useImport.getState().reportLoaded(fallbackReport(progress, stage.fileName, stage.format, toErrorInfo(error).message));
    }
  }
}

function progressArrived(progress: ImportProgress): void {
  const { stage } = useImport.getState();
  if (stage.name !== 'running' || stage.importId !== progress.importId) {
    early.set(progress.importId, progress);
    // Only the latest few matter: this is a hand-off, not a history.
    if (early.size > 8) early.delete(early.keys().next().value as string);
    return;
  }
  lastProgressAt = Date.now();
  useImport.getState().progressReceived(progress);
  if (progress.state !== 'running') void loadReport(progress.importId, progress);
}

export async function cancelImport(): Promise<void> {
  const { stage } = useImport.getState();
  if (stage.name !== 'running' || stage.cancelling) return;
  useImport.getState().cancelRequested();
  try {
    await call('import.cancel', { importId: stage.importId });
    // The core's last progress event (state "cancelled") brings the report; fetch it anyway.
    void loadReport(stage.importId, useImport.getState().stage.name === 'running' ? stage.progress : null);
  } catch (error) {
    notifyFailure(toErrorInfo(error), 'Cancelling the import');
  }
}

export async function exportReport(): Promise<void> {
  const { stage } = useImport.getState();
  if (stage.name !== 'finished' || stage.exporting) return;
  useImport.getState().exportStarted();
  try {
    const { fileName } = await call('import.exportReport', { importId: stage.report.importId });
    useImport.getState().exportFinished(fileName);
  } catch (error) {
    useImport.getState().exportFailed(toErrorInfo(error));
  }
}

/** Closes the dialog. A running import keeps going and is followed from the nav. */
export function dialogDismissed(): void {
  const state = useImport.getState();
  if (state.stage.name === 'running') {
    state.dialogHidden();
    return;
  }
  finish();
}

/** Done with this file: the next queued one opens, or the import steps away. */
export function finish(): void {
  const state = useImport.getState();
  const next = state.dequeued();
  if (next !== null) {
    void previewFile(next);
    return;
  }
  state.reset();
}

/** The report's "Show imported items": the list of everything, newest first, with the dialog put away. */
export function showImported(): void {
  openViewById('builtin:all');
  finish();
}

/** Follows import.progress for the life of the inbox; returns the unsubscribe function. */
export function followImports(): () => void {
  const off = onEvent('import.progress', progressArrived);
  // File > Import… in the app menu: main shows the dialog and hands over what was chosen.
  const offMenu = onEvent('import.requested', ({ files }) => filesReceived(files));
  // A lost event (a reconnecting stream) must not leave the window waiting forever.
  const timer = window.setInterval(() => {
    const { stage } = useImport.getState();
    if (stage.name === 'running' && Date.now() - lastProgressAt > pollMs) {
      lastProgressAt = Date.now();
      void loadReport(stage.importId, stage.progress);
    }
  }, pollMs);
  return () => {
    off();
    offMenu();
    window.clearInterval(timer);
  };
}
