/**
 * The app's printer: a hidden, sandboxed window with scripts off loads the report from a
 * temporary file and Chromium's own printToPDF lays it out (A4, the shared footer). The
 * window has a session of its own that refuses every request but the page itself, so a
 * report prints the same offline and can never reach the network.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, session, type Session } from 'electron';
import { PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, PDF_MARGINS_MM } from '../../shared/reports/print';
import { printWindowOptions } from './window-options';

const inches = (mm: number): number => mm / 25.4;

/** The files being printed now: the only thing the print session lets through. */
const printing = new Set<string>();
let printSession: Session | null = null;

/** In memory (no "persist:"), shared by no other window; made once, as sessions live as long as the app. */
function printingSession(): Session {
  if (printSession) return printSession;
  const made = session.fromPartition('hearken-print', { cache: false });
  made.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printing.has(localPath(details.url) ?? '') }));
  made.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  made.setPermissionCheckHandler(() => false);
  printSession = made;
  return made;
}

/** The file a file: URL names, compared as a path so no encoding difference can let another through. */
function localPath(url: string): string | null {
  if (!url.startsWith('file:')) return null;
  try {
    return fileURLToPath(url);
  } catch {
    return null;
  }
}

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(app.getPath('temp'), 'hearken-print-'));
  const file = join(folder, 'report.html');
  printing.add(file);
  const options = printWindowOptions();
  const window = new BrowserWindow({ ...options, webPreferences: { ...options.webPreferences, session: printingSession() } });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  try {
    await writeFile(file, html, 'utf8');
    await window.loadFile(file);
    const pdf = await window.webContents.printToPDF({
      pageSize: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: PDF_HEADER_TEMPLATE,
      footerTemplate: PDF_FOOTER_TEMPLATE,
      margins: { top: inches(PDF_MARGINS_MM.top), bottom: inches(PDF_MARGINS_MM.bottom), left: inches(PDF_MARGINS_MM.left), right: inches(PDF_MARGINS_MM.right) },
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    });
    return new Uint8Array(pdf);
  } finally {
    printing.delete(file);
    if (!window.isDestroyed()) window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
