/**
 * The app's printer: a hidden, sandboxed window with scripts off loads the report from a
 * temporary file and Chromium's own printToPDF lays it out (A4, the shared footer). The
 * window has a session of its own that refuses every request but the page itself, so a
 * report prints the same offline and can never reach the network.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, session, type Session } from 'electron';
import { PDF_FOOTER_TEMPLATE, PDF_HEADER_TEMPLATE, PDF_MARGINS_MM } from '../../shared/reports/print';

const inches = (mm: number): number => mm / 25.4;

/** The pages being printed now: the only addresses the print session lets through. */
const printing = new Set<string>();
let printSession: Session | null = null;

/** In memory (no "persist:"), shared by no other window; made once, as sessions live as long as the app. */
function printingSession(): Session {
  if (printSession) return printSession;
  const made = session.fromPartition('hearken-print', { cache: false });
  made.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !printing.has(details.url) }));
  made.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession = made;
  return made;
}

export async function printHtmlToPdf(html: string): Promise<Uint8Array> {
  const folder = await mkdtemp(join(app.getPath('temp'), 'hearken-print-'));
  const file = join(folder, 'report.html');
  const pageUrl = pathToFileURL(file).href;
  printing.add(pageUrl);
  const window = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: { session: printingSession(), sandbox: true, contextIsolation: true, javascript: false, nodeIntegration: false, webSecurity: true, spellcheck: false },
  });
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
    printing.delete(pageUrl);
    if (!window.isDestroyed()) window.destroy();
    await rm(folder, { recursive: true, force: true });
  }
}
