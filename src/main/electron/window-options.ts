import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window's settings. Type-only import from 'electron' so tests can check the
 * security-relevant flags under plain Node, where the electron package has no runtime.
 */
export function mainWindowOptions(preloadPath: string, options: { dark?: boolean; icon?: string; devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Hearken',
    // Linux and Windows take the window icon from here; macOS uses the app bundle's.
    ...(options.icon ? { icon: options.icon } : {}),
    // Matches Mantine's body colour so the first paint does not flash.
    backgroundColor: options.dark ? '#242424' : '#ffffff',
    // Shown on 'ready-to-show' to avoid a blank white frame while React mounts.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Off unless policy.ts runMode says this is `npm run dev`: no keyboard shortcut or
      // stray call can open DevTools in `npm start` or a packaged app.
      devTools: options.devTools === true,
    },
  };
}

/**
 * The hidden window that prints a report (print-pdf.ts adds its own locked-down session):
 * A4 at 96 dpi, sandboxed, and with scripts off, since a report is static HTML.
 */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      javascript: false,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    },
  };
}
