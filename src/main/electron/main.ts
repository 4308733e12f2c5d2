/**
 * The app's lifecycle, kept thin: start the core in its worker thread, open one hardened
 * window onto the app:// bundle, and close the core when the app quits. This thread keeps
 * only the window, menus, dialogs, the sender check and forwarding; it never runs SQL.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, nativeTheme, session } from 'electron';
import type { EventPayload } from '../../shared/contract';
import { startCoreWorker } from '../core/host/start-worker';
import { createSecretStore } from '../core/secrets';
import { electronNativeBindingPath } from '../core/store/native';
import type { HostCore } from '../core/types';
import { electronDialogs } from './dialogs';
import { registerIpc, sendEvent } from './ipc';
import { installMenu } from './menu';
import { runMode } from './policy';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenAllWebContents, hardenSession } from './security';
import { appEntryUrl } from './sender';
import { mainWindowOptions } from './window-options';

// Bundled to out/main/index.js; the preload and the renderer are built beside it.
const outDir = join(import.meta.dirname, '..');
const preloadPath = join(outDir, 'preload', 'index.cjs');
const coreWorkerPath = join(outDir, 'main', 'core-worker.js');
const jobWorkerPath = join(outDir, 'main', 'job-worker.js');
const rendererDir = join(outDir, 'renderer');

// DevTools and a trusted dev server only under `npm run dev`; never in `npm start` or a packaged app.
const { devServerUrl, devTools } = runMode({ isPackaged: app.isPackaged, rendererUrl: process.env.ELECTRON_RENDERER_URL });

function resourcePath(...parts: string[]): string {
  return app.isPackaged ? join(process.resourcesPath, ...parts) : join(app.getAppPath(), 'resources', ...parts);
}

function fail(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('Hearken could not start:', error);
  dialog.showErrorBox('Hearken could not start', message);
  app.exit(1);
}

function start(): void {
  let core: HostCore | null = null;
  let mainWindow: BrowserWindow | null = null;
  let stopIpc: (() => void) | null = null;

  const openWindow = (): BrowserWindow => {
    const window = new BrowserWindow(mainWindowOptions(preloadPath, { dark: nativeTheme.shouldUseDarkColors, icon: resourcePath('icon.png'), devTools }));
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    window.loadURL(devServerUrl ?? appEntryUrl).catch((error: unknown) => {
      console.error('Could not load the window:', error);
    });
    return window;
  };

  const dialogs = electronDialogs(() => mainWindow);
  // The core shows the dialog through this thread and mints a read grant per chosen file;
  // the window gets the grants, as from its own Import… button.
  const importFiles = (): void => {
    if (core === null) return;
    core
      .invoke('import.choose', {})
      .then((result) => {
        if (!result.ok) throw new Error(result.error.message);
        const { files } = result.value as { files: EventPayload<'import.requested'>['files'] };
        if (files.length > 0 && mainWindow !== null) sendEvent(mainWindow, 'import.requested', { files });
      })
      .catch((error: unknown) => console.error('Could not show the import dialog:', error));
  };

  hardenAllWebContents(devServerUrl);

  // A second launch focuses the running window: two cores must never share one database.
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // The core finishes the batch in flight and closes the store before the app exits.
  let quitting = false;
  app.on('will-quit', (event) => {
    if (core === null || quitting) return;
    event.preventDefault();
    quitting = true;
    stopIpc?.();
    stopIpc = null;
    const closing = core;
    core = null;
    closing
      .close()
      .catch((error: unknown) => console.error('Could not close the store cleanly:', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, devServerUrl);
      serveRenderer(rendererDir);
      installMenu({ devTools, actions: { importFiles } });
      core = await startCoreWorker(
        { file: coreWorkerPath },
        {
          dataDir: join(app.getPath('userData'), 'data'),
          nativeBinding: electronNativeBindingPath(app.getAppPath(), process.versions.electron, process.platform, process.arch),
          demoInboxPath: resourcePath('demo', 'inbox.json'),
          appVersion: app.getVersion(),
          // Imports and re-analysis run in the job thread on their own connection, so
          // reads never wait behind them and imports use the CLI's batch size.
          jobWorker: { file: jobWorkerPath },
        },
        // keytar loads here, once per process; the core asks for the keychain over the port.
        { secrets: createSecretStore(), dialogs },
      );
      stopIpc = registerIpc(core, () => mainWindow, devServerUrl);
      mainWindow = openWindow();
      app.on('activate', () => {
        if (mainWindow === null) mainWindow = openWindow();
      });
    })
    .catch(fail);
}

// Chromium fixes scheme privileges at start-up, so this must run before 'ready'.
registerAppScheme();

if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}
