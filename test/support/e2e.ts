/**
 * The one set-up for the browser end-to-end specs: a real core on a temporary store
 * (always made by makeTempCore, so it runs however the test core runs), bridged over
 * 127.0.0.1 to the built renderer in headless Chromium. Pages open at the app window's
 * size or its minimum size. close() awaits every step and removes every temporary folder,
 * even when an earlier step failed.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { grantDroppedPaths } from '../../src/main/core/host/drops';
import { printWithBrowser } from '../../src/main/core/reports/pdf';
import type { Core, CoreDialogs, CoreListener, HostCore } from '../../src/main/core/types';
import { HearkenError } from '../../src/shared/errors';
import { mainWindowOptions } from '../../src/main/electron/window-options';
import type { EventName, FileGrant } from '../../src/shared/contract';
import type { ErrorCode } from '../../src/shared/errors';
import { call } from '../helpers/results';
import { startBridge, type Bridge } from './bridge-server';
import { launchBrowser, openPage, repoRoot, screenshot as takeScreenshot, settle, type OpenedPage } from './browser';
import { makeTempCore, type TempCore, type TempCoreOptions } from './core';

export const UI_TIMEOUT = 20_000;
/** Making a store with the demo inbox and starting Chromium, or tearing them down. */
export const SETUP_TIMEOUT = 90_000;
export const PASSPHRASE = 'correct horse battery staple';
export const rendererDir = join(repoRoot, 'out', 'renderer');

const windowOptions = mainWindowOptions('');
/** The app window's opening size and the smallest it can be made, as Electron is told. */
export const viewports = {
  window: { width: windowOptions.width!, height: windowOptions.height! },
  minimum: { width: windowOptions.minWidth!, height: windowOptions.minHeight! },
} as const;
export type ViewportName = keyof typeof viewports;
/** The sizes every reviewed screen is looked at: a common laptop and a small window. */
export const reviewSizes = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

/** What makeTempCore takes (secrets, dialogs in `core`, ...) is passed to it as it is. */
export interface StartAppOptions extends TempCoreOptions {
  /**
   * What the store holds before any page opens: `demo` (default) a store with the demo
   * inbox, `empty` a store with nothing in it, `none` no store at all (the setup screen).
   * A store is made the way the app makes it: in the keychain when one answers, else
   * with PASSPHRASE (always so with `secrets: new NoSecretStore()`).
   */
  seed?: 'demo' | 'empty' | 'none';
  /** Runs after the seed and before the bridge starts, on the core. */
  prepare?: (core: Core) => Promise<void>;
  /**
   * Files a page may "drop": the bridge's stand-in for Electron's drop route (see
   * startBridge's `drops`); a dropped File named x.csv is `<dropDir>/x.csv`.
   */
  dropDir?: string;
}

export interface OpenOptions {
  viewport?: ViewportName;
  colorScheme?: 'light' | 'dark';
  /**
   * A test id that must be visible before open() returns. By default: a list row for the
   * demo inbox, the list header for an empty store, nothing when there is no store.
   */
  ready?: string | null;
}

export interface ScreenshotOptions {
  /** Leave the pointer where it is (a hover card is the subject). */
  parkMouse?: boolean;
  /**
   * Also pictures at the review sizes (`<name>-1440x900.png`, `<name>-1024x700.png`) and
   * at the app's minimum window size (`<name>-minimum.png`).
   */
  bothSizes?: boolean;
}

export interface AppPage extends OpenedPage {
  /** `test-results/<name>.png` once the page has settled; returns the paths written. */
  screenshot(name: string, opts?: ScreenshotOptions): Promise<string[]>;
  /** No console errors, failed requests or requests off 127.0.0.1 so far. */
  expectClean(): void;
}

export interface App {
  readonly temp: TempCore;
  /** The core open now (a new one after restart()), as its host holds it: the spec plays main. */
  readonly core: HostCore;
  /** The bridge serving now (a new one, with a new token, after restart()). */
  readonly bridge: Bridge;
  readonly browser: Browser;
  /** A scratch folder for the spec's own files (dialog answers, exports); removed by close(). */
  readonly scratch: string;
  /** A page in a fresh browser context, closed by close() if the spec does not. */
  open(opts?: OpenOptions): Promise<AppPage>;
  /** The page's next call on `channel` answers with this error instead. */
  failNext(channel: string, code: ErrorCode): void;
  /** Sends the page an event as Electron's main process would (File > Import…). */
  pushFromMain(name: EventName, payload: unknown): void;
  /** Read grants for files the spec chose as main's dialog would (for File > Import…). */
  grantFromMain(paths: string[]): Promise<FileGrant[]>;
  /** How many event listeners the open pages have on the core. */
  pageListeners(): number;
  /**
   * As after an app restart: the bridge stops, the core closes, `between` runs (to change
   * the files on disk), a new core opens on the same folder and a new bridge serves it.
   * Pages opened before are not moved over.
   */
  restart(between?: (dataDir: string) => void | Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * One page's view of the core: one-shot failures a spec can arm, and events from "main".
 * A plain Core, as Electron's IPC gives the window: invoke and events, no grants.
 */
function pageCore(current: () => Core, faults: Map<string, ErrorCode>, listeners: Set<CoreListener>): Core {
  return {
    invoke(channel, input) {
      const code = faults.get(channel);
      // Never the page's meta: the window always calls as the agent.
      if (code === undefined) return current().invoke(channel, input);
      faults.delete(channel);
      return Promise.resolve({ ok: false, error: { code, message: 'database is locked' } });
    },
    onEvent(listener) {
      const off = current().onEvent(listener);
      listeners.add(listener);
      return () => {
        off();
        listeners.delete(listener);
      };
    },
    // The bridge never closes the core; the App does, through the TempCore.
    close: () => Promise.resolve(),
  };
}

async function seedStore(core: Core, seed: 'demo' | 'empty'): Promise<void> {
  const status = await call(core, 'store.status', {});
  await call(core, 'store.create', status.keychainAvailable ? {} : { passphrase: PASSPHRASE });
  if (seed === 'demo') await call(core, 'demo.load', {});
}

/** Runs every step even when one fails, then throws what failed. */
async function allSteps(steps: (() => Promise<unknown> | unknown)[], what: string): Promise<void> {
  const problems: unknown[] = [];
  for (const step of steps) {
    try {
      await step();
    } catch (error) {
      problems.push(error);
    }
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new AggregateError(problems, what);
}

export async function startApp(options: StartAppOptions = {}): Promise<App> {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('The built renderer is missing. Run `npx electron-vite build` first.');
  const { seed = 'demo', prepare, dropDir, ...tempOptions } = options;
  const scratch = mkdtempSync(join(tmpdir(), 'hearken-e2e-'));
  const faults = new Map<string, ErrorCode>();
  const listeners = new Set<CoreListener>();
  const pages: AppPage[] = [];
  let temp: TempCore | undefined;
  let bridge: Bridge | undefined;
  let browser: Browser | undefined;
  let closed = false;

  const teardown = (): Promise<void> =>
    allSteps(
      [
        ...pages.splice(0).map((page) => () => page.close()),
        () => browser?.close(),
        () => bridge?.close(),
        () => temp?.cleanup(),
        () => rmSync(scratch, { recursive: true, force: true }),
      ],
      'Closing the e2e app failed',
    );

  const view = pageCore(
    () => {
      if (!temp) throw new Error('The core is not open');
      return temp.core;
    },
    faults,
    listeners,
  );
  // Main's side of a drop, for the bridge's stand-in: read grants from the core open now.
  const host: Pick<HostCore, 'grantFile'> = {
    grantFile(path, purpose) {
      if (!temp) throw new Error('The core is not open');
      return temp.core.grantFile(path, purpose);
    },
  };
  const drops = () => (dropDir ? { drops: { dir: dropDir, grant: (paths: string[]) => grantDroppedPaths(host, paths) } } : {});
  // The host prints PDF with the test browser, as the app prints with Electron's Chromium.
  const printToPdf = (html: string): Promise<Uint8Array> => {
    if (!browser) throw new Error('The test browser is not running');
    return printWithBrowser(browser, html);
  };
  try {
    // Behind the host protocol in a worker thread with its job thread, as in the app.
    temp = await makeTempCore({ ...tempOptions, core: { ...tempOptions.core, dialogs: withPrinter(tempOptions.core?.dialogs, printToPdf) }, worker: true });
    if (seed !== 'none') await seedStore(temp.core, seed);
    await prepare?.(temp.core);
    bridge = await startBridge({ core: view, rendererDir, ...drops() });
    browser = await launchBrowser();
  } catch (error) {
    await teardown().catch(() => undefined);
    throw error;
  }
  const t = temp;
  const br = browser;
  const defaultReady = seed === 'demo' ? 'feedback-row' : seed === 'empty' ? 'feedback-count' : null;

  return {
    temp: t,
    get core() {
      return t.core;
    },
    get bridge() {
      if (!bridge) throw new Error('The bridge is not running');
      return bridge;
    },
    browser: br,
    scratch,
    async open(opts = {}) {
      if (!bridge) throw new Error('The bridge is not running');
      const opened = await openPage(br, `${bridge.url}#token=${bridge.token}`, {
        viewport: viewports[opts.viewport ?? 'window'],
        ...(opts.colorScheme ? { colorScheme: opts.colorScheme } : {}),
      });
      const page: AppPage = {
        ...opened,
        async close() {
          const at = pages.indexOf(page);
          if (at >= 0) pages.splice(at, 1);
          await opened.close();
        },
        screenshot: (name, shotOpts) => screenshotAt(opened.page, name, shotOpts),
        expectClean: () => expectClean(opened),
      };
      pages.push(page);
      const ready = opts.ready === undefined ? defaultReady : opts.ready;
      if (ready) await opened.page.getByTestId(ready).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT });
      return page;
    },
    failNext(channel, code) {
      faults.set(channel, code);
    },
    pushFromMain(name, payload) {
      for (const listener of listeners) listener(name, payload);
    },
    async grantFromMain(paths) {
      const files: FileGrant[] = [];
      for (const path of paths) {
        const result = await t.core.grantFile(path, 'read');
        if (!result.ok) throw new Error(`grantFile failed: ${result.error.code}: ${result.error.message}`);
        files.push(result.value);
      }
      return files;
    },
    pageListeners: () => listeners.size,
    async restart(between) {
      const running = bridge;
      bridge = undefined;
      await running?.close();
      await t.core.close();
      await between?.(t.dataDir);
      await t.reopen();
      bridge = await startBridge({ core: view, rendererDir, ...drops() });
    },
    async close() {
      if (closed) return;
      closed = true;
      await teardown();
    },
  };
}

/**
 * The spec's dialogs (or none: each answers as a host without dialogs does) with the test
 * browser's printer, unless the spec brought a printer of its own.
 */
function withPrinter(dialogs: CoreDialogs | undefined, printToPdf: (html: string) => Promise<Uint8Array>): CoreDialogs {
  const none = (): Promise<never> => Promise.reject(new HearkenError('VALIDATION', 'File dialogs are not available here; name the file through its grant.'));
  return { chooseImportFiles: none, chooseSavePath: none, chooseOpenFile: none, ...dialogs, printToPdf: dialogs?.printToPdf ?? printToPdf };
}

/** startApp before the file's tests and close after them; the returned function gives the App. */
export function useApp(options: StartAppOptions = {}): () => App {
  let app: App | undefined;
  beforeAll(async () => {
    app = await startApp(options);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await app?.close();
  }, SETUP_TIMEOUT);
  return () => {
    if (!app) throw new Error('The e2e app did not start (see beforeAll)');
    return app;
  };
}

function expectClean(opened: OpenedPage): void {
  expect(opened.offHostRequests, 'requests that tried to leave 127.0.0.1').toEqual([]);
  expect(opened.consoleErrors, 'console errors and uncaught exceptions').toEqual([]);
  expect(opened.failedRequests, 'failed requests').toEqual([]);
}

/** Resizes the viewport and waits until the page itself has the new size. */
async function resize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await expect
    .poll(() => page.evaluate('[window.innerWidth, window.innerHeight]'), { timeout: UI_TIMEOUT, message: `the page is ${size.width}x${size.height}` })
    .toEqual([size.width, size.height]);
}

async function screenshotAt(page: Page, name: string, opts: ScreenshotOptions = {}): Promise<string[]> {
  const paths = [await takeScreenshot(page, name, opts)];
  if (opts.bothSizes) {
    const size = page.viewportSize() ?? viewports.window;
    for (const review of reviewSizes) {
      await resize(page, review);
      paths.push(await takeScreenshot(page, `${name}-${review.width}x${review.height}`, opts));
    }
    await resize(page, viewports.minimum);
    paths.push(await takeScreenshot(page, `${name}-minimum`, opts));
    await resize(page, size);
    await settle(page);
  }
  return paths;
}
