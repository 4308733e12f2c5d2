/**
 * The security checklist's run-time specs in the app itself, through Playwright's _electron:
 * the shared specs of runtime-checks.ts in the real window (app://, the real preload), and
 * what only Electron decides (webPreferences as applied, navigation, new windows,
 * permissions). Runs only where the Electron binary is installed (and, on Linux, a display);
 * skipped otherwise, saying why. It starts the unpackaged app (`out/`), so the fuses, which
 * only a packaged binary carries, are checked on the configuration instead.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronNativeBindingPath } from '../../src/main/core/store/native';
import { installedElectronVersion, repoRoot } from './builder';
import { sharedChecks } from './runtime-checks';

/**
 * The Electron binary, or why this spec cannot run here. Found as the electron package finds
 * it (path.txt, ELECTRON_OVERRIDE_DIST_PATH), without requiring the package: its main module
 * downloads the binary when it is missing, and a test must not reach the network.
 */
function findElectron(): { path: string } | { skip: string } {
  const electronDir = dirname(createRequire(join(repoRoot, 'package.json')).resolve('electron/package.json'));
  const pathFile = join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const path = override ? join(override, executable ?? 'electron') : executable ? join(electronDir, 'dist', executable) : null;
  if (path === null || !existsSync(path)) return { skip: 'no Electron binary (npm install without ELECTRON_SKIP_BINARY_DOWNLOAD installs it)' };
  if (!existsSync(join(repoRoot, 'out', 'main', 'index.js'))) return { skip: 'the app is not built (npm run build)' };
  if (!existsSync(electronNativeBindingPath(repoRoot, installedElectronVersion(), process.platform, process.arch))) {
    return { skip: 'no Electron build of the SQLite module (node scripts/prepare-electron.mjs)' };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { skip: 'no display (run under xvfb-run)' };
  return { path };
}

const electron = findElectron();
const title = 'skip' in electron ? `the app's window through _electron (skipped: ${electron.skip})` : "the app's window through _electron";

describe.skipIf('skip' in electron)(title, () => {
  let app: ElectronApplication;
  let page: Page;
  let home: string;

  beforeAll(async () => {
    if (!('path' in electron)) return;
    // A fresh user-data folder (Linux reads it from XDG_CONFIG_HOME), so no real store is touched.
    home = mkdtempSync(join(tmpdir(), 'hearken-electron-'));
    app = await _electron.launch({
      executablePath: electron.path,
      // Chromium refuses to start as root with its OS sandbox; the renderer's sandbox flag stays as the app sets it.
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), repoRoot],
      env: { ...process.env, XDG_CONFIG_HOME: home, ELECTRON_RENDERER_URL: '' },
      timeout: 60_000,
    });
    page = await app.firstWindow();
    await page.waitForFunction("document.querySelector('#root')?.childElementCount > 0", undefined, { timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    await app?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  }, 60_000);

  for (const check of sharedChecks) {
    it(`${check.item}. ${check.name}`, () => check.run(page));
  }

  it('18. the window shows our app:// bundle', () => {
    expect(page.url()).toMatch(/^app:\/\/hearken\//u);
  });

  it('2-4, 6, 8-10. the window runs with the webPreferences the tests check', async () => {
    // getLastWebPreferences is in Electron's API but not its typings.
    const prefs = await app.evaluate(({ BrowserWindow }) => (BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): object }).getLastWebPreferences());
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false, experimentalFeatures: false });
  });

  it('13. the page cannot navigate away', async () => {
    await page.evaluate("location.href = 'https://example.com/'");
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/hearken\//u);
  });

  it('14. the page cannot open a window', async () => {
    expect(await page.evaluate("window.open('https://example.com/') === null")).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  it('5. permission requests are refused', async () => {
    expect(await page.evaluate('Notification.requestPermission()')).toBe('denied');
    expect(await page.evaluate("navigator.permissions.query({ name: 'geolocation' }).then((status) => status.state)")).toBe('denied');
  });
});
