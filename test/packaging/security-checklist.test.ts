/**
 * Electron's security checklist (electronjs.org/docs/latest/tutorial/security), one describe
 * per item, checked on what ships: the window options, policies and configuration the
 * Electron files import, and the Electron files' own source where the check is about a call
 * being made. docs/SECURITY-CHECKLIST.md maps each item to these tests and to the run-time
 * specs in Chromium and Electron.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'electron-builder';
import { appSchemePrivileges, contentSecurityPolicy, decideExternalLink, isPermissionGranted, metaContentSecurityPolicy, runMode, securityHeaders } from '../../src/main/electron/policy';
import { appEntryUrl, isTrustedSender, isTrustedSenderUrl, type IpcSender, type SenderWindow } from '../../src/main/electron/sender';
import { mainWindowOptions, printWindowOptions } from '../../src/main/electron/window-options';
import { installedElectronVersion, loadConfig, packageJson, repoRoot } from './builder';

const source = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
const electronDir = 'src/main/electron';
const electronFiles = readdirSync(join(repoRoot, electronDir)).filter((name) => name.endsWith('.ts'));
/** Every file that runs in Electron's main process or the preload, as text. */
const mainSources = [...electronFiles.map((name) => `${electronDir}/${name}`), 'src/preload/index.ts'].map((path) => ({ path, text: source(path) }));
/** Every window the app makes: the main window and the report printer. */
const windows = { main: mainWindowOptions('/app/out/preload/index.cjs'), print: printWindowOptions() };
const prefsOf = Object.entries(windows).map(([name, options]) => [name, options.webPreferences ?? {}] as const);

function occurrences(pattern: RegExp): string[] {
  return mainSources.flatMap(({ path, text }) => [...text.matchAll(pattern)].map(() => path));
}

describe('1. only secure content', () => {
  it('the window loads our app:// bundle, a secure origin, and a packaged app never a dev server', () => {
    expect(new URL(appEntryUrl).protocol).toBe('app:');
    expect(appSchemePrivileges.secure).toBe(true);
    expect(source(`${electronDir}/main.ts`)).toContain('window.loadURL(devServerUrl ?? appEntryUrl)');
    expect(runMode({ isPackaged: true, rendererUrl: 'http://evil.example:5173' }).devServerUrl).toBeUndefined();
  });

  it('the page names no http(s) resource and the CSP allows no remote origin', () => {
    for (const directive of contentSecurityPolicy.split('; ')) expect(directive, directive).not.toMatch(/https?:|\*/u);
    expect(source('src/renderer/index.html')).not.toMatch(/(?:src|href)="(?:https?:)?\/\//iu);
  });
});

describe.each(prefsOf)('2-4, 6, 8-10. the %s window', (_name, prefs) => {
  it('2. has no Node.js integration anywhere', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker ?? false).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames ?? false).toBe(false);
  });
  it('3. isolates its context', () => expect(prefs.contextIsolation).toBe(true));
  it('4. is sandboxed', () => expect(prefs.sandbox).toBe(true));
  it('6. keeps webSecurity', () => expect(prefs.webSecurity).toBe(true));
  it('8. never runs insecure content', () => expect(prefs.allowRunningInsecureContent).toBe(false));
  it('9. has no experimental features', () => expect(prefs.experimentalFeatures).toBe(false));
  it('10. enables no Blink features', () => {
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.devTools).toBe(false);
  });
});

describe('2-4, 6, 8-10. every window', () => {
  it('is made from those options: no other BrowserWindow and no weakening flag in the main process', () => {
    expect(occurrences(/new BrowserWindow\(/gu).sort()).toEqual([`${electronDir}/main.ts`, `${electronDir}/print-pdf.ts`]);
    expect(source(`${electronDir}/main.ts`)).toMatch(/new BrowserWindow\(mainWindowOptions\(/u);
    expect(source(`${electronDir}/print-pdf.ts`)).toMatch(/const options = printWindowOptions\(\);\s+const window = new BrowserWindow\(\{ \.\.\.options, webPreferences: \{ \.\.\.options\.webPreferences, session: /u);
    const weakening = /nodeIntegration\w*: true|contextIsolation: false|sandbox: false|webSecurity: false|allowRunningInsecureContent: true|experimentalFeatures: true|enableBlinkFeatures|webviewTag: true|allowpopups|disablewebsecurity/gu;
    expect(occurrences(weakening)).toEqual([]);
  });
});

describe('5. permission requests', () => {
  const permissions = ['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-read', 'display-capture', 'hid', 'serial', 'usb', 'idle-detection', 'storage-access', 'window-management'];
  it('are all refused, from our own page too, except writing text to the clipboard from it', () => {
    for (const permission of permissions) expect(isPermissionGranted(permission, appEntryUrl), permission).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', appEntryUrl)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(isPermissionGranted('clipboard-sanitized-write', 'http://localhost:5173/')).toBe(false);
  });

  it('are decided by a handler in every session the app uses', () => {
    const security = source(`${electronDir}/security.ts`);
    expect(security).toMatch(/setPermissionRequestHandler\([^]*?callback\(isPermissionGranted\(/u);
    expect(security).toMatch(/setPermissionCheckHandler\([^]*?isPermissionGranted\(/u);
    expect(source(`${electronDir}/main.ts`)).toContain('hardenSession(session.defaultSession, devServerUrl)');
    const print = source(`${electronDir}/print-pdf.ts`);
    expect(print).toContain('setPermissionRequestHandler((_contents, _permission, callback) => callback(false))');
    expect(print).toContain('setPermissionCheckHandler(() => false)');
  });
});

describe('7. Content-Security-Policy', () => {
  it('is restrictive: scripts only from our bundle, no eval, no plugins, no base or form targets, no framing', () => {
    const directives = new Map(contentSecurityPolicy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')] as const));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|unsafe-hashes|strict-dynamic|blob:/u);
  });

  it('is sent as a header on every app:// response and stated by the page itself', () => {
    expect(securityHeaders['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(securityHeaders['X-Content-Type-Options']).toBe('nosniff');
    expect(source(`${electronDir}/protocol.ts`).match(/headers: \{[^}]*\.\.\.securityHeaders/gu)).toHaveLength(2);
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/iu.exec(source('src/renderer/index.html'));
    expect(meta?.[1]).toBe(metaContentSecurityPolicy);
  });
});

describe('11-12. <webview>', () => {
  it('cannot exist: the tag is off, main refuses to attach one, and the renderer has none', () => {
    expect(windows.main.webPreferences?.webviewTag).toBe(false);
    expect(source(`${electronDir}/security.ts`)).toContain("contents.on('will-attach-webview', (event) => event.preventDefault())");
    expect(rendererSources().filter(({ text }) => /<webview|allowpopups/iu.test(text)).map(({ path }) => path)).toEqual([]);
  });
});

describe('13. navigation', () => {
  it('stays on our bundle: anything else is refused', () => {
    expect(isTrustedSenderUrl('app://hearken/index.html#/inbox')).toBe(true);
    for (const url of ['https://evil.example/', 'http://localhost:5173/', 'app://other/index.html', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/html,x', 'about:blank']) {
      expect(isTrustedSenderUrl(url), url).toBe(false);
    }
  });

  it('is checked on every web contents, for page, frame and redirect navigations', () => {
    const security = source(`${electronDir}/security.ts`);
    expect(security).toContain("app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl))");
    expect(security).toMatch(/contents\.on\('will-navigate', \(event\) => stayOnApp\(event, event\.url\)\)/u);
    expect(security).toMatch(/contents\.on\('will-frame-navigate', \(event\) => \{\s+if \(!isTrustedSenderUrl\(event\.url, devServerUrl\)\) event\.preventDefault\(\);/u);
    expect(security).toMatch(/contents\.on\('will-redirect', \(event\) => \{\s+if \(!isTrustedSenderUrl\(event\.url, devServerUrl\)\) event\.preventDefault\(\);/u);
    expect(source(`${electronDir}/print-pdf.ts`)).toContain("window.webContents.on('will-navigate', (event) => event.preventDefault())");
  });
});

describe('14. new windows', () => {
  it('are never created: every window-open request is denied', () => {
    const handlers = occurrences(/setWindowOpenHandler\(/gu).sort();
    expect(handlers).toEqual([`${electronDir}/print-pdf.ts`, `${electronDir}/security.ts`]);
    expect(source(`${electronDir}/security.ts`)).toMatch(/setWindowOpenHandler\(\(\{ url \}\) => \{\s+openInBrowser\(url\);\s+return \{ action: 'deny' \};\s+\}\)/u);
    expect(source(`${electronDir}/print-pdf.ts`)).toContain("setWindowOpenHandler(() => ({ action: 'deny' }))");
  });
});

describe('15. shell.openExternal', () => {
  it('opens only http(s), right after a real click, once confirmed', () => {
    const now = 10_000;
    expect(decideExternalLink('https://docs.example/', { now, lastGestureAt: now - 50, confirming: false })).toEqual({ action: 'confirm', url: 'https://docs.example/' });
    for (const url of ['file:///etc/passwd', 'smb://host/share', 'ms-msdt:/id', 'javascript:alert(1)', 'https://bank.example@evil.example/']) {
      expect(decideExternalLink(url, { now, lastGestureAt: now - 50, confirming: false }).action, url).toBe('refuse');
    }
    expect(decideExternalLink('https://docs.example/', { now, lastGestureAt: null, confirming: false }).action).toBe('refuse');
  });

  it('is called in one place, with the decided address, after the person confirmed', () => {
    expect(occurrences(/openExternal\(/gu)).toEqual([`${electronDir}/security.ts`]);
    expect(source(`${electronDir}/security.ts`)).toMatch(/response === 1 \? shell\.openExternal\(decision\.url\)/u);
  });
});

describe('16. a current Electron', () => {
  it('is the one package.json asks for, of a major Electron still supports', () => {
    const installed = installedElectronVersion();
    const wanted = (JSON.parse(source('package.json')) as { devDependencies: Record<string, string> }).devDependencies.electron ?? '';
    expect(installed.split('.')[0]).toBe(/\d+/u.exec(wanted)?.[0]);
    // Electron supports its three newest majors; 45 was the newest in December 2026. Raise
    // this floor with each upgrade (docs/SECURITY-CHECKLIST.md).
    expect(Number(installed.split('.')[0])).toBeGreaterThanOrEqual(43);
  });
});

describe('17. the sender of every IPC message', () => {
  const mainFrame = { parent: null, frameTreeNodeId: 1, url: appEntryUrl };
  const contents = { mainFrame };
  const window: SenderWindow = { isDestroyed: () => false, webContents: contents };
  const event = (frame: IpcSender['senderFrame'], sender: unknown = contents): IpcSender => ({ sender, senderFrame: frame });

  it('is our window main frame showing our bundle, and nothing else', () => {
    expect(isTrustedSender(event(mainFrame), window)).toBe(true);
    expect(isTrustedSender(event({ parent: mainFrame, frameTreeNodeId: 2, url: appEntryUrl }), window)).toBe(false);
    expect(isTrustedSender(event({ ...mainFrame, url: 'https://evil.example/' }), window)).toBe(false);
    expect(isTrustedSender(event(mainFrame, { mainFrame }), window)).toBe(false);
    expect(isTrustedSender(event(null), window)).toBe(false);
    expect(isTrustedSender(event(mainFrame), null)).toBe(false);
    expect(isTrustedSender(event(mainFrame), { ...window, isDestroyed: () => true })).toBe(false);
    expect(isTrustedSender(event({ ...mainFrame, url: 'http://localhost:5173/' }), window)).toBe(false);
    expect(isTrustedSender(event({ ...mainFrame, url: 'http://localhost:5173/' }), window, 'http://localhost:5173')).toBe(true);
  });

  it('is checked first by every handler main registers', () => {
    const ipc = source(`${electronDir}/ipc.ts`);
    const handlers = [...ipc.matchAll(/ipcMain\.handle\(\w+, async \(event[^)]*\)[^{]*\{\s+(.*)/gu)].map((m) => m[1]);
    expect(handlers).toHaveLength(3);
    for (const first of handlers) expect(first).toMatch(/^if \(!?isTrustedSender\(event, getWindow\(\), devServerUrl\)\)/u);
    expect(occurrences(/ipcMain\.(?:on|once|handleOnce)\(/gu)).toEqual([]);
  });
});

describe('18. file:// avoided', () => {
  it('the window uses app://; only the report printer loads a file, with scripts off in a session that refuses all else', async () => {
    expect(occurrences(/\.loadFile\(|loadURL\(['`]file:/gu)).toEqual([`${electronDir}/print-pdf.ts`]);
    expect(windows.print.webPreferences?.javascript).toBe(false);
    expect(source(`${electronDir}/print-pdf.ts`)).toContain('callback({ cancel: !printing.has(localPath(details.url)');
    expect((await loadConfig()).electronFuses?.grantFileProtocolExtraPrivileges).toBe(false);
  });
});

describe('19. fuses', () => {
  let config: Configuration;
  beforeAll(async () => {
    config = await loadConfig();
  });
  it('are flipped by the package build (values: builder-config.test.ts)', () => {
    expect(config.electronFuses?.runAsNode).toBe(false);
    expect(config.electronFuses?.onlyLoadAppFromAsar).toBe(true);
    expect(packageJson().scripts.dist).toContain('electron-builder');
  });
});

describe('20. Electron APIs kept from the page', () => {
  it('the preload exposes one object of the contract functions, never ipcRenderer itself', () => {
    const preload = source('src/preload/index.ts');
    expect([...preload.matchAll(/exposeInMainWorld\(/gu)]).toHaveLength(1);
    expect(preload).toContain("contextBridge.exposeInMainWorld('hearken', bridge);");
    expect(preload).toMatch(/const bridge: HearkenBridge = \{/u);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer|ipcRenderer: ipcRenderer|\.\.\.ipcRenderer/u);
  });
});

describe('docs/SECURITY-CHECKLIST.md', () => {
  it('maps every one of the 20 items to tests that exist', () => {
    const doc = source('docs/SECURITY-CHECKLIST.md');
    const rows = [...doc.matchAll(/^\| (\d+) \| [^|]+ \| (.+) \|$/gmu)];
    expect(rows.map((row) => Number(row[1]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const here = source('test/packaging/security-checklist.test.ts');
    for (const row of rows) {
      // Every title this file is cited by (S "…") is one of its describe titles.
      for (const cited of (row[2] ?? '').matchAll(/S "([^"]+)"/gu)) expect(here, `item ${row[1]}: ${cited[1]}`).toMatch(new RegExp(`(?:describe|\\))\\('${escape(cited[1] ?? '')}'`, 'u'));
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function rendererSources(): { path: string; text: string }[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return walk(path);
      return /\.(?:tsx?|html)$/u.test(entry.name) ? [path] : [];
    });
  const paths = walk('src/renderer');
  expect(paths.length).toBeGreaterThan(10);
  return paths.filter((path) => existsSync(join(repoRoot, path))).map((path) => ({ path, text: source(path) }));
}
