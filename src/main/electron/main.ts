/**
 * The app's lifecycle, kept thin: start the core, open one hardened window onto the
 * app:// bundle, and close the core when the app quits. Everything worth testing is
 * in the core.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, nativeTheme, session } from 'electron';
import { createCore } from '../core';
import { createSecretStore } from '../core/secrets';
import { electronNativeBindingPath } from '../core/store/native';
import type { Core } from '../core/types';
import { electronDialogs } from './dialogs';
import { registerIpc, sendEvent } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenAllWebContents, hardenSession } from './security';
import { appEntryUrl } from './sender';
import { mainWindowOptions } from './window-options';

// Bundled to out/main/index.js; the preload and the renderer are built beside it.
const outDir = join(import.meta.dirname, '..');
const preloadPath = join(outDir, 'preload', 'index.cjs');
const rendererDir = join(outDir, 'renderer');

const isDev = !app.isPackaged;
// A packaged app never trusts a dev server, whatever the environment says.
const devServerUrl = isDev ? process.env.ELECTRON_RENDERER_URL : undefined;

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
  let core: Core | null = null;
  let mainWindow: BrowserWindow | null = null;
  let stopIpc: (() => void) | null = null;

  const openWindow = (): BrowserWindow => {
    const window = new BrowserWindow(mainWindowOptions(preloadPath, { dark: nativeTheme.shouldUseDarkColors, icon: resourcePath('icon.png') }));
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
  const importFiles = (): void => {
    dialogs
      .chooseImportFiles()
      .then((paths) => {
        if (paths.length > 0 && mainWindow !== null) sendEvent(mainWindow, 'import.requested', { paths });
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

  app.on('will-quit', () => {
    stopIpc?.();
    stopIpc = null;
    core?.close();
    core = null;
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, devServerUrl);
      serveRenderer(rendererDir);
      installMenu({ isDev, actions: { importFiles } });
      core = await createCore({
        dataDir: join(app.getPath('userData'), 'data'),
        secrets: createSecretStore(),
        nativeBinding: electronNativeBindingPath(
          app.getAppPath(),
          process.versions.electron,
          process.platform,
          process.arch,
        ),
        demoInboxPath: resourcePath('demo', 'inbox.json'),
        appVersion: app.getVersion(),
        dialogs,
        // The core shares this thread with IPC: a 1,000-row transaction holds it for about
        // 0.15 s at today's store speed, so the inbox stays usable during a big import
        // (5,000-row batches, the CLI's default, held it for 0.7-1 s).
        importBatchSize: 1_000,
      });
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
