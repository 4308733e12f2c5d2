/**
 * The system dialogs the core asks for (CoreDialogs): choosing files to import and where
 * to save an import report, template files to import and where to export them, and a folder
 * of knowledge-base articles. Each is attached to the window, so it opens as a sheet on macOS.
 */
import { join } from 'node:path';
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { CoreDialogs } from '../core/types';
import { printHtmlToPdf } from './print-pdf';

const importFilters: OpenDialogOptions['filters'] = [
  { name: 'Feedback exports', extensions: ['csv', 'tsv', 'txt', 'json', 'ndjson', 'jsonl', 'eml', 'mbox', 'mbx'] },
  { name: 'All files', extensions: ['*'] },
];

export function electronDialogs(getWindow: () => BrowserWindow | null): CoreDialogs {
  const parent = (): BrowserWindow | null => {
    const window = getWindow();
    return window && !window.isDestroyed() ? window : null;
  };
  return {
    async chooseImportFiles() {
      const options: OpenDialogOptions = {
        title: 'Import feedback',
        buttonLabel: 'Import',
        // A folder of .eml files is imported by dropping it on the window or from the CLI:
        // Windows and Linux cannot offer files and folders in one dialog.
        properties: ['openFile', 'multiSelections'],
        filters: importFilters,
      };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseSavePath(defaultName, chosen) {
      const options: SaveDialogOptions = {
        title: chosen?.title ?? 'Save import report',
        defaultPath: join(app.getPath('documents'), defaultName),
        filters: chosen?.filters ?? [{ name: 'CSV', extensions: ['csv'] }],
      };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenFile(chosen) {
      const options: OpenDialogOptions = { title: chosen.title, properties: ['openFile'], filters: [...chosen.filters, { name: 'All files', extensions: ['*'] }] };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder(chosen) {
      const options: OpenDialogOptions = { title: chosen.title, buttonLabel: 'Import', properties: ['openDirectory'] };
      const window = parent();
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    // Not a dialog, but the host's to do: only the main process can open a window to print with.
    printToPdf: printHtmlToPdf,
  };
}
